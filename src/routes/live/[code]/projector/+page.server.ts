import { lessonForPage, lessonPage } from '$lib/server/classroom/lesson-page';
import type { PageServerLoad } from './$types';

/**
 * The projector. Anyone with the code may open it (the code is on the projector for all
 * to read, and the page shows only the routine and where the class is), so the
 * instructor can put it on the room's computer without signing in there.
 */
export const load: PageServerLoad = async ({ params, locals }) => {
	const found = await lessonForPage(params.code);
	const owner = found.kind === 'live' ? found.room.instructorId : found.instructorId;
	return { ...(await lessonPage(found)), isInstructor: locals.instructor?.id === owner };
};
