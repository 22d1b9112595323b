import { mediaFor, routineAndLevel, timelineFor } from '$lib/server/content';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, url }) => {
	const { routine, level } = routineAndLevel(params.id, url);
	// Only what the player shows travels to the browser: the timeline and each exercise's how-to.
	const exercises = Object.fromEntries(
		routine.exercises.map((e) => [e.id, { name: e.name, instructions: e.instructions, sided: e.sided }])
	);
	const education = Object.fromEntries(routine.education.map((b) => [b.id, { title: b.title, text: b.text }]));
	const timeline = timelineFor(routine, level);
	return { timeline, exercises, education, ...mediaFor(timeline), levelCount: routine.levels.length };
};
