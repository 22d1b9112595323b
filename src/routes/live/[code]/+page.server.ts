import { lessonForPage, lessonPage } from '$lib/server/classroom/lesson-page';
import { participantFor, PARTICIPANT_COOKIE } from '$lib/server/classroom/live';
import type { PageServerLoad } from './$types';

/**
 * A participant's page. Loads for an ended lesson too, so a person who joined can
 * answer the check-in; `participant` is null until this browser has joined.
 */
export const load: PageServerLoad = async ({ params, cookies }) => {
	const found = await lessonForPage(params.code);
	const participant = await participantFor(found.lesson.id, cookies.get(PARTICIPANT_COOKIE));
	return {
		...(await lessonPage(found)),
		participant: participant && { id: participant.id, name: participant.name, checkedIn: participant.checkedIn }
	};
};
