import { fail, redirect } from '@sveltejs/kit';
import { signInUrl } from '$lib/server/auth/redirect';
import { CLASS_TITLE_MAX_LENGTH, classesOf, createClass } from '$lib/server/classroom/classes';
import { findCourse } from '$lib/server/classroom/live';
import { getLibrary } from '$lib/server/content';
import { getDatabase } from '$lib/server/db';
import { readForm } from '$lib/server/request-body';
import { formatProblem } from '$lib/routine/problems';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.instructor) redirect(303, signInUrl(url));
	const database = await getDatabase();
	const { clinic } = getLibrary();
	// Shown to every clinician: whoever wrote the file can fix it; nothing here is personal.
	const clinicContent = clinic && { dir: clinic.dir, loaded: clinic.loaded.length, problems: clinic.problems.map(formatProblem) };
	const courses = getLibrary().courses.map((c) => ({ id: c.id, title: c.title, lessonCount: c.lessons.length }));
	const classes = (await classesOf(database, locals.instructor.id)).map((c) => ({
		id: c.id,
		title: c.title,
		courseTitle: findCourse(c.courseId)?.title ?? c.courseId,
		createdAt: c.createdAt
	}));
	return { email: locals.instructor.email, isAdmin: locals.instructor.isAdmin, clinicContent, courses, classes, titleMaxLength: CLASS_TITLE_MAX_LENGTH };
};

export const actions: Actions = {
	create: async ({ request, locals, url }) => {
		if (!locals.instructor) redirect(303, signInUrl(url));
		const body = await readForm(request);
		if (!body.ok) return fail(body.status, { title: '', courseId: '', message: body.message });
		const form = body.value;
		const courseId = String(form.get('course') ?? '');
		const title = String(form.get('title') ?? '')
			.replace(/\s+/g, ' ')
			.trim();
		const course = findCourse(courseId);
		if (!course) return fail(400, { title, courseId, message: 'Choose a course for the class' });
		if (title.length > CLASS_TITLE_MAX_LENGTH) {
			return fail(400, { title, courseId, message: `Use a class name of at most ${CLASS_TITLE_MAX_LENGTH} characters` });
		}
		const created = await createClass(await getDatabase(), { instructorId: locals.instructor.id, courseId, title: title || course.title });
		redirect(303, `/teach/classes/${created.id}`);
	}
};
