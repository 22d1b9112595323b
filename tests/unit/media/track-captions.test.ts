import { describe, expect, it } from 'vitest';
import { captionAt, mixPlan, trackCaptions } from '../../../src/lib/media/track-plan';
import { TRACK_CAPTION_LINGER_MS as CAPTION_LINGER_MS } from '../../../src/lib/routine/captions';
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

	it('show the utterance under the position, linger a little, then clear', () => {
		expect(captionAt(captions, 0)?.text).toBe('Make a fist.');
		expect(captionAt(captions, 5999)?.text).toBe('Make a fist.');
		expect(captionAt(captions, 6000)?.text).toBe('Let go.');
		expect(captionAt(captions, 8000 + CAPTION_LINGER_MS - 1)?.text).toBe('Let go.');
		expect(captionAt(captions, 8000 + CAPTION_LINGER_MS)).toBeNull();
		expect(captionAt(captions, -1)).toBeNull();
		expect(captionAt([], 100)).toBeNull();
	});
});
