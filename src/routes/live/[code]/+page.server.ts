import { redirect } from '@sveltejs/kit';
import { lessonForPage, lessonPage } from '$lib/server/classroom/lesson-page';
import { participantFor, PARTICIPANT_COOKIE } from '$lib/server/classroom/live';
import type { PageServerLoad } from './$types';

/**
 * A participant's page, for a browser that has joined (its participant cookie); any other
 * browser is sent to `/join?code=…` to give a name first. Loads for an ended lesson too,
 * so a person who joined can answer the check-in.
 */
export const load: PageServerLoad = async ({ params, cookies }) => {
	const found = await lessonForPage(params.code);
	const participant = await participantFor(found.lesson.id, cookies.get(PARTICIPANT_COOKIE));
	if (!participant) redirect(303, `/join?code=${encodeURIComponent(found.lesson.code)}`);
	return {
		...(await lessonPage(found)),
		participant: { id: participant.id, name: participant.name, checkedIn: participant.checkedIn }
	};
};
