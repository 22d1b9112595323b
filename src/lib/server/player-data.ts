/**
 * What a player needs to play one routine at one level, and nothing more: the timeline,
 * each exercise's how-to and each talk's text and picture, every spoken line split for the
 * caption band, the media it uses, and for relaxation its session track. Shared by the play
 * page and the plan's session page, so both play a routine the same way.
 */
import type { Routine } from '$lib/routine/schema';
import { stageContent } from '$lib/routine/stage-content';
import { captionSplits } from './captions';
import { getLibrary, timelineFor } from './content';
import { media } from './media-urls';
import { sessionMedia } from './session-media';

/**
 * `liveOnly` (the play page's ?track=off) uses the live player even where a track exists.
 * `timeline` is compiled afresh for a programme: its versions share one routine id, so the
 * shipped routines' cache would serve an old version.
 */
export function playerData(routine: Routine, level: number, liveOnly: boolean, timeline = timelineFor(routine, level)) {
	const { exercises, education } = stageContent(routine, getLibrary().catalog.images, media.versioned);
	// Relaxation plays from its session track (screen-off safe).
	const { videos, sounds, track, ambience, audioFirst, chime } = sessionMedia(routine, timeline, liveOnly);
	return {
		timeline,
		exercises,
		education,
		captionSplits: captionSplits(timeline),
		videos,
		sounds,
		levelCount: routine.levels.length,
		track,
		ambience,
		audioFirst,
		chime
	};
}

export type PlayerData = ReturnType<typeof playerData>;
