import { error, fail, redirect } from '@sveltejs/kit';
import { draftFromRoutine } from '$lib/programme/from-routine';
import { signInUrl } from '$lib/server/auth/redirect';
import { getDatabase } from '$lib/server/db';
import { builderPageLibrary, sentDraft, sidedExerciseIds } from '$lib/server/programmes/builder-data';
import { programmeForOwner, saveVersion, withdrawProgramme } from '$lib/server/programmes/store';
import { readForm } from '$lib/server/request-body';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	if (!locals.instructor) redirect(303, signInUrl(url));
	const found = await programmeForOwner(await getDatabase(), locals.instructor.id, params.id);
	if (!found.ok) error(found.status, found.message);
	const { programme } = found;
	const page = builderPageLibrary();
	const draft = draftFromRoutine(programme.routine, sidedExerciseIds(page.library));
	return {
		...page,
		id: programme.id,
		title: programme.title,
		version: programme.version,
		withdrawn: programme.withdrawnAt !== null,
		saved: draft.ok ? draft.draft : null,
		shareUrl: new URL(`/p/${programme.id}`, url).href
	};
};

export const actions: Actions = {
	save: async ({ request, locals, url, params }) => {
		if (!locals.instructor) redirect(303, signInUrl(url));
		const database = await getDatabase();
		// Someone else's programme is refused before anything sent is looked at.
		const owner = await programmeForOwner(database, locals.instructor.id, params.id);
		if (!owner.ok) error(owner.status, owner.message);
		const body = await readForm(request);
		if (!body.ok) return fail(body.status, { message: body.message });
		const sent = sentDraft(body.value);
		if (!sent.ok) return fail(400, { message: sent.message });
		const saved = await saveVersion(database, locals.instructor.id, params.id, sent.routine);
		if (!saved.ok) error(saved.status, saved.message);
		redirect(303, `/teach/programmes/${params.id}?saved=${saved.programme.version}`);
	},
	withdraw: async ({ request, locals, url, params }) => {
		if (!locals.instructor) redirect(303, signInUrl(url));
		const body = await readForm(request);
		if (!body.ok) return fail(body.status, { message: body.message });
		const done = await withdrawProgramme(await getDatabase(), locals.instructor.id, params.id);
		if (!done.ok) error(done.status, done.message);
		return { withdrawn: true };
	}
};
