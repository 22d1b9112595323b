import { describe, expect, it } from 'vitest';
import {
	LIVE_CAPTION_HOLD_MS,
	timelineCaptionSpans,
	toWebVtt,
	trackCaptionSpans,
	TRACK_CAPTION_LINGER_MS,
	vttTimestamp
} from '../../../src/lib/routine/captions';
import { buildTimeline, cue, fromStart } from '../playback/timeline-builder';

const timeline = buildTimeline([
	{
		title: 'Knee to chest',
		segments: [
			{
				kind: 'work',
				ms: 20_000,
				cues: [
					cue('step-start', fromStart(0), 'Knee to chest. Hold it gently.'),
					cue('prompt', fromStart(2000), 'Breathe out slowly.'),
					cue('countdown', fromStart(3000), ''),
					cue('halfway', fromStart(10_000), 'Halfway.')
				]
			}
		]
	},
	{ title: 'Rest', kind: 'rest', segments: [{ kind: 'rest', ms: 4000, cues: [cue('rest', fromStart(0), 'Rest, <and> breathe & relax.')] }] }
]);

describe('timelineCaptionSpans (the live player’s captions)', () => {
	const spans = timelineCaptionSpans(timeline);

	it('captions every cue with words, until the next cue of any kind replaces it', () => {
		expect(spans.map((s) => s.text)).toEqual(['Knee to chest. Hold it gently.', 'Breathe out slowly.', 'Halfway.', 'Rest, <and> breathe & relax.']);
		expect(spans[0]).toMatchObject({ startMs: 0, endMs: 2000 });
		// A wordless cue (a countdown beep) still clears the caption, as on screen.
		expect(spans[1]).toMatchObject({ startMs: 2000, endMs: 3000 });
	});

	it('holds a caption no longer than the player does, and never past the session end', () => {
		expect(spans[2]).toMatchObject({ startMs: 10_000, endMs: 10_000 + LIVE_CAPTION_HOLD_MS });
		expect(spans[3]).toMatchObject({ startMs: 20_000, endMs: 24_000 });
	});
});

describe('trackCaptionSpans (the track player’s captions)', () => {
	it('keeps each utterance until the next starts or a little after it ends', () => {
		const spans = trackCaptionSpans(
			[
				{ startMs: 1000, endMs: 4000, text: 'Make a fist.' },
				{ startMs: 6000, endMs: 8000, text: 'Let go.' },
				{ startMs: 30_000, endMs: 33_000, text: 'Well done.' }
			],
			35_000
		);
		expect(spans).toEqual([
			{ startMs: 1000, endMs: 6000, text: 'Make a fist.' },
			{ startMs: 6000, endMs: 8000 + TRACK_CAPTION_LINGER_MS, text: 'Let go.' },
			{ startMs: 30_000, endMs: 35_000, text: 'Well done.' }
		]);
	});
});

describe('toWebVtt', () => {
	it('formats times as HH:MM:SS.mmm, past an hour too', () => {
		expect(vttTimestamp(0)).toBe('00:00:00.000');
		expect(vttTimestamp(83_456.4)).toBe('00:01:23.456');
		expect(vttTimestamp(3_723_004)).toBe('01:02:03.004');
	});

	it('writes a valid file: header, numbered cues in order, text escaped, no line break inside a cue', () => {
		const vtt = toWebVtt(
			[...timelineCaptionSpans(timeline), { startMs: 25_000, endMs: 26_000, text: 'Two\n\nlines --> here' }],
			'Stretch -- level 1'
		);
		const blocks = vtt.trim().split('\n\n');
		expect(blocks[0]).toBe('WEBVTT');
		expect(blocks[1]).toBe('NOTE Stretch — level 1');
		expect(blocks[2]).toBe('1\n00:00:00.000 --> 00:00:02.000\nKnee to chest. Hold it gently.');
		expect(blocks[5]).toBe('4\n00:00:20.000 --> 00:00:24.000\nRest, &lt;and&gt; breathe &amp; relax.');
		expect(blocks[6]).toBe('5\n00:00:25.000 --> 00:00:26.000\nTwo  lines --&gt; here');
		expect(blocks).toHaveLength(7);
		// Every timing line: start before end.
		for (const b of blocks.slice(2)) {
			const [from, to] = (b.split('\n')[1] as string).split(' --> ');
			expect((from as string) < (to as string)).toBe(true);
		}
	});
});
