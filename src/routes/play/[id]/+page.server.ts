import { wantsTrack } from '$lib/media/track-manifest';
import { educationFor, mediaFor, routineAndLevel, timelineFor, wakeChimeFiles } from '$lib/server/content';
import { ambienceFiles, trackFor } from '$lib/server/tracks';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, url }) => {
	const { routine, level } = routineAndLevel(params.id, url);
	// Only what the player shows travels to the browser: the timeline and each exercise's how-to.
	const exercises = Object.fromEntries(
		routine.exercises.map((e) => [e.id, { name: e.name, instructions: e.instructions, sided: e.sided }])
	);
	const education = educationFor(routine);
	const timeline = timelineFor(routine, level);
	// Relaxation plays from its session track (screen-off safe); ?track=off forces the live player.
	const audioFirst = wantsTrack(routine);
	const track = audioFirst && url.searchParams.get('track') !== 'off' ? trackFor(timeline) : null;
	const ambience = audioFirst ? ambienceFiles() : null;
	// The sleep timer (and its chime) is for sessions done lying down: the audio-first ones.
	const chime = audioFirst ? wakeChimeFiles() : null;
	return { timeline, exercises, education, ...mediaFor(timeline), levelCount: routine.levels.length, track, ambience, audioFirst, chime };
};
