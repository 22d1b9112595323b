/**
 * The media a session of one routine level plays, exactly as the play page hands it to the
 * player: its clips and sounds, or its session track, the ambience bed and the wake chime.
 * The play page and the offline media lists both come from here, so a download holds what
 * the player will ask for.
 */
import { wantsTrack } from '$lib/media/track-manifest';
import type { MediaCatalog, Routine } from '$lib/routine/schema';
import type { Timeline } from '$lib/routine/timeline';
import { mediaFor, wakeChimeFiles } from './content';
import { ambienceFiles, trackFor, type SessionTrack } from './tracks';

export interface SessionMedia extends Pick<MediaCatalog, 'videos' | 'sounds'> {
	/** Relaxation (and audioFirst) routines: the screen-off player, sleep timer and ambience. */
	readonly audioFirst: boolean;
	/** The session track, when one was made from this content (else the live player runs). */
	readonly track: SessionTrack | null;
	readonly ambience: readonly string[] | null;
	/** The sleep timer's chime: for sessions done lying down, the audio-first ones. */
	readonly chime: readonly string[] | null;
}

/** `liveOnly`: the play page's `?track=off`, the live player even where a track exists. */
export function sessionMedia(routine: Routine, timeline: Timeline, liveOnly = false): SessionMedia {
	const audioFirst = wantsTrack(routine);
	return {
		...mediaFor(timeline),
		audioFirst,
		track: audioFirst && !liveOnly ? trackFor(timeline) : null,
		ambience: audioFirst ? ambienceFiles() : null,
		chime: audioFirst ? wakeChimeFiles() : null
	};
}
