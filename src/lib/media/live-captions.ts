/**
 * The caption band of a live player (the exercise player, the class screens): the same
 * reading cues the captions file has, timed by the recorded speech once its lengths are
 * known (estimated until then), so the band and /routines/ID/captions.vtt never disagree.
 */
import { readingCues, timelineCaptionSpans, type CaptionCue, type CaptionSplit } from '../routine/captions';
import type { Timeline } from '../routine/timeline';
import { voiceFor, type VoiceManifest } from './voice-manifest';

export function liveReadingCues(timeline: Timeline, voices: VoiceManifest | null, split: CaptionSplit): CaptionCue[] {
	const speechMs = (text: string) => (voices ? voiceFor(voices, text)?.durationMs : undefined);
	return readingCues(timelineCaptionSpans(timeline, { speechMs }), split);
}
