import { getLibrary, routineAndLevel, timelineFor } from '$lib/server/content';
import { stageContent } from '$lib/routine/stage-content';
import { captionSplits } from '$lib/server/captions';
import { media } from '$lib/server/media-urls';
import { sessionMedia } from '$lib/server/session-media';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, url }) => {
	const { routine, level } = routineAndLevel(params.id, url);
	// Only what the player shows travels to the browser: the timeline, each exercise's how-to, each talk's text.
	const { exercises, education } = stageContent(routine, getLibrary().catalog.images, media.versioned);
	const timeline = timelineFor(routine, level);
	// Relaxation plays from its session track (screen-off safe); ?track=off forces the live player.
	const { videos, sounds, track, ambience, audioFirst, chime } = sessionMedia(routine, timeline, url.searchParams.get('track') === 'off');
	return { timeline, exercises, education, captionSplits: captionSplits(timeline), videos, sounds, levelCount: routine.levels.length, track, ambience, audioFirst, chime };
};
