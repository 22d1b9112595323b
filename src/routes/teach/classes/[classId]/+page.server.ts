import { error, fail, redirect } from '@sveltejs/kit';
import { signInUrl } from '$lib/server/auth/redirect';
import { classOf, lessonReports, MIN_CHECKINS_SHOWN } from '$lib/server/classroom/classes';
import { findCourse, openLiveLesson } from '$lib/server/classroom/live';
import { getDatabase } from '$lib/server/db';
import { readForm } from '$lib/server/request-body';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	if (!locals.instructor) redirect(303, signInUrl(url));
	const database = await getDatabase();
	// Another instructor's class is answered like a missing one: its existence is not theirs to learn.
	const klass = await classOf(database, locals.instructor.id, params.classId);
	const course = klass ? findCourse(klass.courseId) : undefined;
	if (!klass || !course) error(404, 'No class of yours has this address');
	const reports = await lessonReports(database, klass.id, course.lessons.length);
	const lessons = course.lessons.map((lesson, i) => ({
		number: i + 1,
		title: lesson.title,
		summary: lesson.summary ?? null,
		routineId: lesson.routine,
		level: lesson.level,
		report: reports[i]!
	}));
	return { klass: { id: klass.id, title: klass.title }, course: { title: course.title }, lessons, minCheckInsShown: MIN_CHECKINS_SHOWN };
};

export const actions: Actions = {
	startLive: async ({ locals, params, request, url }) => {
		if (!locals.instructor) redirect(303, signInUrl(url));
		const database = await getDatabase();
		const klass = await classOf(database, locals.instructor.id, params.classId);
		const course = klass ? findCourse(klass.courseId) : undefined;
		if (!klass || !course) error(404, 'No class of yours has this address');
		const body = await readForm(request);
		if (!body.ok) return fail(body.status, { message: body.message });
		const lessonNumber = Number(body.value.get('lesson'));
		if (!Number.isInteger(lessonNumber) || lessonNumber < 1 || lessonNumber > course.lessons.length) {
			return fail(400, { message: `Choose a lesson from 1 to ${course.lessons.length}` });
		}
		const code = await openLiveLesson(klass, lessonNumber);
		redirect(303, `/teach/live/${code}`);
	}
};
