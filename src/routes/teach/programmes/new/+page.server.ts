import { fail, redirect } from '@sveltejs/kit';
import { signInUrl } from '$lib/server/auth/redirect';
import { getDatabase } from '$lib/server/db';
import { builderPageLibrary, sentDraft } from '$lib/server/programmes/builder-data';
import { createProgramme } from '$lib/server/programmes/store';
import { readForm } from '$lib/server/request-body';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (!locals.instructor) redirect(303, signInUrl(url));
	return builderPageLibrary();
};

export const actions: Actions = {
	save: async ({ request, locals, url }) => {
		if (!locals.instructor) redirect(303, signInUrl(url));
		const body = await readForm(request);
		if (!body.ok) return fail(body.status, { message: body.message });
		const sent = sentDraft(body.value);
		if (!sent.ok) return fail(400, { message: sent.message });
		const created = await createProgramme(await getDatabase(), locals.instructor.id, sent.routine);
		redirect(303, `/teach/programmes/${created.id}`);
	}
};
