import { wantsTrack } from '$lib/media/track-manifest';
import { getLibrary, mediaFor, routineAndLevel, timelineFor, wakeChimeFiles } from '$lib/server/content';
import { stageContent } from '$lib/routine/stage-content';
import { captionSplits } from '$lib/server/captions';
import { ambienceFiles, trackFor } from '$lib/server/tracks';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, url }) => {
	const { routine, level } = routineAndLevel(params.id, url);
	// Only what the player shows travels to the browser: the timeline, each exercise's how-to, each talk's text.
	const { exercises, education } = stageContent(routine, getLibrary().catalog.images);
	const timeline = timelineFor(routine, level);
	// Relaxation plays from its session track (screen-off safe); ?track=off forces the live player.
	const audioFirst = wantsTrack(routine);
	const track = audioFirst && url.searchParams.get('track') !== 'off' ? trackFor(timeline) : null;
	const ambience = audioFirst ? ambienceFiles() : null;
	// The sleep timer (and its chime) is for sessions done lying down: the audio-first ones.
	const chime = audioFirst ? wakeChimeFiles() : null;
	return { timeline, exercises, education, captionSplits: captionSplits(timeline), ...mediaFor(timeline), levelCount: routine.levels.length, track, ambience, audioFirst, chime };
};
