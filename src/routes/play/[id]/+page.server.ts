import { routineAndLevel, timelineFor } from '$lib/server/content';
import { sessionMedia } from '$lib/server/session-media';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, url }) => {
	const { routine, level } = routineAndLevel(params.id, url);
	// Only what the player shows travels to the browser: the timeline and each exercise's how-to.
	const exercises = Object.fromEntries(
		routine.exercises.map((e) => [e.id, { name: e.name, instructions: e.instructions, sided: e.sided }])
	);
	const education = Object.fromEntries(routine.education.map((b) => [b.id, { title: b.title, text: b.text }]));
	const timeline = timelineFor(routine, level);
	// Relaxation plays from its session track (screen-off safe); ?track=off forces the live player.
	const { videos, sounds, track, ambience, audioFirst, chime } = sessionMedia(routine, timeline, url.searchParams.get('track') === 'off');
	return { timeline, exercises, education, videos, sounds, levelCount: routine.levels.length, track, ambience, audioFirst, chime };
};
