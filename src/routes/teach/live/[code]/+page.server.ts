import { error, redirect } from '@sveltejs/kit';
import { signInUrl } from '$lib/server/auth/redirect';
import { lessonForPage, lessonPage } from '$lib/server/classroom/lesson-page';
import { hub } from '$lib/server/classroom/live';
import type { PageServerLoad } from './$types';

/** The instructor's console: only the instructor who runs this lesson. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	if (!locals.instructor) redirect(303, signInUrl(url));
	const found = await lessonForPage(params.code);
	const owner = found.kind === 'live' ? found.room.instructorId : found.instructorId;
	if (owner !== locals.instructor.id) error(403, 'Only the instructor who started this lesson can run it');
	return {
		...(await lessonPage(found)),
		classId: found.lesson.classId,
		roster: hub.roster(found.lesson.code),
		joinPath: `/live/${found.lesson.code}`
	};
};
