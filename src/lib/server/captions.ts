/**
 * The captions of a routine at one level, from the same source the player will use: the
 * session track's (relaxation with a current track) or the live timeline's.
 */
import { wantsTrack } from '$lib/media/track-manifest';
import { timelineCaptionSpans, trackCaptionSpans, type SpokenSpan } from '$lib/routine/captions';
import { captionLines } from '$lib/routine/caption-lines';
import type { Routine } from '$lib/routine/schema';
import type { Timeline } from '$lib/routine/timeline';
import { timelineFor } from './content';
import { trackFor, voiceDurationMs } from './tracks';

export interface SessionCaptions {
	readonly timeline: Timeline;
	/** One per cue with words (a script line), knowing how long its speech takes. */
	readonly spans: readonly SpokenSpan[];
	/** Which player's timing the spans follow. */
	readonly source: 'track' | 'live';
}

export function sessionCaptions(routine: Routine, level: number): SessionCaptions {
	const timeline = timelineFor(routine, level);
	const track = wantsTrack(routine) ? trackFor(timeline) : null;
	return track
		? { timeline, spans: trackCaptionSpans(track.captions, timeline.durationMs), source: 'track' }
		: { timeline, spans: timelineCaptionSpans(timeline, { speechMs: voiceDurationMs }), source: 'live' };
}

/**
 * Every spoken line of a timeline split for reading (captionLines), keyed by its words: the
 * players time these parts across the speech themselves (timeChunks), so the splitter
 * stays on the server and the captions file and the caption band split alike.
 */
export function captionSplits(timeline: Timeline): Record<string, string[][]> {
	const out: Record<string, string[][]> = {};
	for (const cue of timeline.cues) {
		const text = cue.text.trim();
		if (text !== '' && !Object.hasOwn(out, text)) out[text] = captionLines(text);
	}
	return out;
}
