import { redirect } from '@sveltejs/kit';
import { signInUrl } from '$lib/server/auth/redirect';
import { getDatabase } from '$lib/server/db';
import { listProgrammes } from '$lib/server/programmes/store';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.instructor) redirect(303, signInUrl(url));
	const programmes = await listProgrammes(await getDatabase(), locals.instructor.id);
	return {
		programmes: programmes.map((p) => ({ id: p.id, title: p.title, version: p.version, updatedAt: p.updatedAt, withdrawn: p.withdrawnAt !== null }))
	};
};
