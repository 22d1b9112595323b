import { captionLines } from '../../../src/lib/routine/caption-lines';
import { describe, expect, it } from 'vitest';
import {
	estimatedSpeechMs,
	LIVE_CAPTION_HOLD_MS,
	liveCaptionHoldMs,
	readingCues,
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

	it('knows how long each cue takes to say: its recording where there is one, an estimate otherwise', () => {
		const recorded = timelineCaptionSpans(timeline, { speechMs: (text) => (text === 'Halfway.' ? 900 : undefined) });
		expect(recorded[2]?.speechMs).toBe(900);
		expect(recorded[3]?.speechMs).toBe(estimatedSpeechMs('Rest, <and> breathe & relax.'));
		// Never longer than the caption is on screen: the next cue cut the first one short.
		expect(recorded[0]?.speechMs).toBe(2000);
	});

	it('keeps a long cue (a talk) on screen while it is said, and a little after', () => {
		const talk = buildTimeline([
			{
				title: 'The parts of your back',
				kind: 'education',
				segments: [{ kind: 'education', ms: 120_000, cues: [cue('education', fromStart(0), 'Your spine is a column of bones. '.repeat(20))] }]
			}
		]);
		const [span] = timelineCaptionSpans(talk, { speechMs: () => 50_000 });
		expect(span).toMatchObject({ startMs: 0, endMs: 50_000 + TRACK_CAPTION_LINGER_MS, speechMs: 50_000 });
		expect(liveCaptionHoldMs(50_000)).toBe(50_000 + TRACK_CAPTION_LINGER_MS);
		expect(liveCaptionHoldMs(500)).toBe(LIVE_CAPTION_HOLD_MS);
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
			{ startMs: 1000, endMs: 6000, text: 'Make a fist.', speechMs: 3000 },
			{ startMs: 6000, endMs: 8000 + TRACK_CAPTION_LINGER_MS, text: 'Let go.', speechMs: 2000 },
			{ startMs: 30_000, endMs: 35_000, text: 'Well done.', speechMs: 3000 }
		]);
	});
});

describe('readingCues (a captions file’s cues)', () => {
	const talk =
		'Discs have very little blood supply of their own. They take in nourishment as they are squeezed and released while you move. ' +
		'Muscles that are used stay strong and supple, while long rest makes them weaker and stiffer.';

	it('shows a short line as it is, for as long as its span', () => {
		expect(readingCues([{ startMs: 2000, endMs: 8000, text: 'Breathe out slowly.', speechMs: 1500 }], captionLines)).toEqual([
			{ startMs: 2000, endMs: 8000, lines: ['Breathe out slowly.'] }
		]);
	});

	it('splits a long line into short captions shown in turn across its speech, the last until the span ends', () => {
		const cues = readingCues([{ startMs: 10_000, endMs: 32_000, text: talk, speechMs: 18_000 }], captionLines);
		expect(cues.length).toBeGreaterThan(2);
		expect(cues[0]?.startMs).toBe(10_000);
		expect(cues.at(-1)?.endMs).toBe(32_000);
		cues.forEach((c, i) => {
			expect(c.lines.length).toBeLessThanOrEqual(2);
			for (const line of c.lines) expect(line.length).toBeLessThanOrEqual(42);
			if (i > 0) expect(c.startMs).toBe(cues[i - 1]?.endMs);
		});
		// The last caption appears before the speech ends: the words are timed across the speech.
		expect(cues.at(-1)?.startMs).toBeLessThan(28_000);
		expect(cues.flatMap((c) => c.lines).join(' ')).toBe(talk);
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
			[...readingCues(timelineCaptionSpans(timeline), captionLines), { startMs: 25_000, endMs: 26_000, lines: ['Two\n\nlines --> here'] }],
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
			expect(b.split('\n')).toHaveLength(3);
			const [from, to] = (b.split('\n')[1] as string).split(' --> ');
			expect((from as string) < (to as string)).toBe(true);
		}
	});

	it('writes a caption of two lines as two lines of one cue', () => {
		const vtt = toWebVtt([{ startMs: 0, endMs: 4000, lines: ['In each lesson, short talks alternate', 'with a few minutes of practice.'] }], 'Talk');
		expect(vtt.trim().split('\n\n')[2]).toBe(
			'1\n00:00:00.000 --> 00:00:04.000\nIn each lesson, short talks alternate\nwith a few minutes of practice.'
		);
	});
});
