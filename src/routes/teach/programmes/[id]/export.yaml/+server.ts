import { error, redirect } from '@sveltejs/kit';
import { routineYaml } from '$lib/programme/yaml-file';
import { signInUrl } from '$lib/server/auth/redirect';
import { getDatabase } from '$lib/server/db';
import { programmeForOwner } from '$lib/server/programmes/store';
import type { RequestHandler } from './$types';

/** The owner's programme as a routine file, named by its routine id so it can join src/content/routines/. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	if (!locals.instructor) redirect(303, signInUrl(url));
	const found = await programmeForOwner(await getDatabase(), locals.instructor.id, params.id);
	if (!found.ok) error(found.status, found.message);
	const { routine } = found.programme;
	return new Response(routineYaml(routine, routine.title), {
		headers: {
			'content-type': 'text/yaml; charset=utf-8',
			'content-disposition': `attachment; filename="${routine.id}.yaml"`
		}
	});
};
