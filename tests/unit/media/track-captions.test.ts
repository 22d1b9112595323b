import { describe, expect, it } from 'vitest';
import { mixPlan, trackCaptions } from '../../../src/lib/media/track-plan';
import { readingCueAt, readingCues, trackCaptionSpans, TRACK_CAPTION_LINGER_MS as CAPTION_LINGER_MS } from '../../../src/lib/routine/captions';
import { captionLines } from '../../../src/lib/routine/caption-lines';
import type { VoiceManifest } from '../../../src/lib/media/voice-manifest';
import { buildTimeline, cue, fromStart } from '../playback/timeline-builder';

const timeline = buildTimeline(
	[
		{
			title: 'Hand',
			segments: [
				{ kind: 'work', ms: 6000, cues: [cue('step-start', fromStart(0), 'Make a fist.')] },
				{ kind: 'work', ms: 30_000, cues: [cue('phase', fromStart(0), 'Let go.')] }
			]
		}
	],
	{ sessionEndCue: false }
);
const voices: VoiceManifest = {
	version: 1,
	voices: { 'Make a fist.': { files: ['voice/a.webm'], durationMs: 8000 }, 'Let go.': { files: ['voice/b.webm'], durationMs: 2000 } }
};
const captions = trackCaptions(timeline, mixPlan(timeline, voices, {}));

describe('track captions', () => {
	it('span what is actually said, ending where newer speech cuts in', () => {
		expect(captions).toEqual([
			{ text: 'Make a fist.', startMs: 0, endMs: 6000 },
			{ text: 'Let go.', startMs: 6000, endMs: 8000 }
		]);
	});

	it('show the utterance under the position, linger a little, then clear (as the track player reads them)', () => {
		const cues = readingCues(trackCaptionSpans(captions, timeline.durationMs), captionLines);
		const at = (ms: number) => readingCueAt(cues, ms)?.lines.join(' ') ?? null;
		expect(at(0)).toBe('Make a fist.');
		expect(at(5999)).toBe('Make a fist.');
		expect(at(6000)).toBe('Let go.');
		expect(at(8000 + CAPTION_LINGER_MS - 1)).toBe('Let go.');
		expect(at(8000 + CAPTION_LINGER_MS)).toBeNull();
		expect(at(-1)).toBeNull();
		expect(readingCueAt([], 100)).toBeNull();
	});
});
