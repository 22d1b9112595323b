import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CAPTION_MAX_CHARS, CAPTION_MAX_LINES, captionChunks, captionLines } from '../../../src/lib/routine/caption-lines';
import { compile } from '../../../src/lib/routine/compile';
import { shippedRoutines } from '../content/shipped';

/** The words of a text, as a reader sees them, whatever the spacing and line breaks. */
const squeeze = (text: string): string => text.replace(/\s+/g, '');
const normal = (text: string): string => text.trim().replace(/\s+/g, ' ');

/** An independent count of the fewest lines a text needs: fill each line in turn. */
function fewestLines(text: string, maxChars: number): number {
	let lines = 1;
	let used = -1;
	for (const word of text.split(' ')) {
		if (used >= 0 && used + 1 + word.length > maxChars) {
			lines++;
			used = word.length;
		} else used = used < 0 ? word.length : used + 1 + word.length;
	}
	return lines;
}

const LONG_TALK =
	'Your spine is a column of twenty-four movable bones, called vertebrae, sitting on the sacrum at the back of your pelvis. ' +
	'The five in your lower back are the biggest, because they carry the most weight. Between each pair is a disc: a tough ' +
	'outer ring around a softer centre, which cushions the bones and lets them rock and turn.';

describe('captionLines', () => {
	it('keeps a short cue as one line', () => {
		expect(captionLines('Knee to chest. Hold it gently.')).toEqual([['Knee to chest. Hold it gently.']]);
		expect(captionLines('  Halfway. ')).toEqual([['Halfway.']]);
	});

	it('gives nothing for a cue without words', () => {
		expect(captionLines('')).toEqual([]);
		expect(captionLines(' \n\t ')).toEqual([]);
	});

	it('lets short sentences share a chunk, one sentence to a line', () => {
		expect(captionLines('Breathe in. Hold. Breathe out slowly and let go.')).toEqual([['Breathe in. Hold.', 'Breathe out slowly and let go.']]);
	});

	it('starts a new chunk at a sentence end rather than in the middle of a sentence', () => {
		const chunks = captionLines(
			'Welcome to back school. In each lesson, short talks alternate with a few minutes of practice.'
		);
		expect(chunks.map((c) => c.join(' '))).toEqual([
			'Welcome to back school.',
			'In each lesson, short talks alternate with a few minutes of practice.'
		]);
		expect(chunks[1]).toEqual(['In each lesson, short talks alternate', 'with a few minutes of practice.']);
	});

	it('splits a long sentence after a clause, not between any two words', () => {
		const text =
			'If you notice any of the warning signs on the stop list, stop and tell the instructor straight away.';
		expect(captionLines(text).map((c) => c.join(' '))).toEqual([
			'If you notice any of the warning signs on the stop list,',
			'stop and tell the instructor straight away.'
		]);
	});

	it('cuts a long talk into chunks that each end a sentence or a clause', () => {
		const chunks = captionLines(LONG_TALK);
		expect(chunks.length).toBeGreaterThanOrEqual(5);
		for (const chunk of chunks) expect(chunk.join(' ')).toMatch(/[.,:;]$/);
		expect(chunks.flat().join(' ')).toBe(LONG_TALK);
	});

	it('never ends a line or a chunk on a word that leads into the next', () => {
		const text =
			'Lie on your back with your knees bent and your feet flat on the floor, hip-width apart, and let your arms rest by your sides while you breathe out through the mouth and let the floor take the weight of your whole body.';
		const lines = captionLines(text).flat();
		for (const line of lines) expect(line).not.toMatch(/\b(the|your|and|with|on|of|a|to|by)$/i);
	});

	it('cuts a word longer than a line, keeping its letters in order', () => {
		const word = 'x'.repeat(100);
		const chunks = captionLines(`See ${word} here.`);
		for (const line of chunks.flat()) expect(line.length).toBeLessThanOrEqual(CAPTION_MAX_CHARS);
		expect(squeeze(chunks.flat().join(''))).toBe(`See${word}here.`);
	});

	it('follows the line length and line count it is given', () => {
		const chunks = captionLines(LONG_TALK, { maxChars: 20, maxLines: 1 });
		for (const chunk of chunks) {
			expect(chunk).toHaveLength(1);
			expect((chunk[0] as string).length).toBeLessThanOrEqual(20);
		}
		expect(chunks.flat().join(' ')).toBe(LONG_TALK);
	});

	it('refuses options that cannot make a caption', () => {
		expect(() => captionLines('Hello.', { maxChars: 0 })).toThrow(RangeError);
		expect(() => captionLines('Hello.', { maxLines: 1.5 })).toThrow(RangeError);
	});
});

const wordArb = fc.oneof(
	{ weight: 8, arbitrary: fc.constantFrom('knee', 'the', 'breathe', 'slowly', 'and', 'your', 'back', 'a', 'movement', 'hold', 'in', 'vertebrae', 'twenty-four') },
	{ weight: 3, arbitrary: fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzé’-'), minLength: 1, maxLength: 14 }) },
	{ weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('a', 'b'), minLength: 30, maxLength: 90 }) }
);
const punctArb = fc.constantFrom('', '', '', '', ',', '.', '?', ';', ':', '!', '…', '.”');
const textArb = fc
	.array(fc.tuple(wordArb, punctArb, fc.constantFrom(' ', ' ', '  ', '\n')), { minLength: 0, maxLength: 120 })
	.map((parts) => parts.map(([w, p, s]) => `${w}${p}${s}`).join(''));
const optsArb = fc.record({ maxChars: fc.integer({ min: 8, max: 60 }), maxLines: fc.integer({ min: 1, max: 3 }) });

describe('captionLines, for any text', () => {
	it('keeps every word in order, every line within its length and every chunk within its lines', () => {
		fc.assert(
			fc.property(textArb, optsArb, (text, { maxChars, maxLines }) => {
				const chunks = captionLines(text, { maxChars, maxLines });
				expect(squeeze(chunks.flat().join(''))).toBe(squeeze(text));
				for (const chunk of chunks) {
					expect(chunk.length).toBeGreaterThanOrEqual(1);
					expect(chunk.length).toBeLessThanOrEqual(maxLines);
					for (const line of chunk) {
						expect(line.length).toBeGreaterThanOrEqual(1);
						expect(line.length).toBeLessThanOrEqual(maxChars);
						expect(line).toBe(line.trim());
					}
				}
			}),
			{ numRuns: 400 }
		);
	});

	it('changes no spacing between words unless a word is longer than a line', () => {
		fc.assert(
			fc.property(textArb, (text) => {
				fc.pre(text.split(/\s+/).every((w) => w.length <= CAPTION_MAX_CHARS));
				expect(captionLines(text).flat().join(' ')).toBe(normal(text));
			}),
			{ numRuns: 300 }
		);
	});

	it('uses as few lines as each chunk needs, and one chunk when the whole text fits in one', () => {
		fc.assert(
			fc.property(textArb, optsArb, (text, { maxChars, maxLines }) => {
				fc.pre(text.split(/\s+/).every((w) => w.length <= maxChars));
				const chunks = captionLines(text, { maxChars, maxLines });
				for (const chunk of chunks) expect(chunk.length).toBe(fewestLines(chunk.join(' '), maxChars));
				if (normal(text) !== '' && fewestLines(normal(text), maxChars) <= maxLines) expect(chunks).toHaveLength(1);
			}),
			{ numRuns: 300 }
		);
	});

	it('breaks only at sentence ends when every sentence fits in a chunk', () => {
		const sentenceArb = fc
			.array(fc.constantFrom('knee', 'the', 'breathe', 'slowly', 'and', 'your', 'back', 'hold', 'in', 'let', 'go'), { minLength: 1, maxLength: 12 })
			.map((words) => `${words.join(' ')}.`);
		fc.assert(
			fc.property(fc.array(sentenceArb, { minLength: 1, maxLength: 12 }), (sentences) => {
				fc.pre(sentences.every((s) => fewestLines(s, CAPTION_MAX_CHARS) <= CAPTION_MAX_LINES));
				for (const chunk of captionLines(sentences.join(' '))) expect(chunk.join(' ')).toMatch(/\.$/);
			}),
			{ numRuns: 300 }
		);
	});
});

describe('captionChunks (timed)', () => {
	it('shows each chunk for its share of the speech, one after another, ending with the speech', () => {
		const chunks = captionChunks(LONG_TALK, 25_000);
		expect(chunks[0]?.startMs).toBe(0);
		expect(chunks.at(-1)?.endMs).toBe(25_000);
		const total = chunks.reduce((n, c) => n + c.lines.join(' ').length, 0);
		chunks.forEach((chunk, i) => {
			if (i > 0) expect(chunk.startMs).toBe(chunks[i - 1]?.endMs);
			const share = (25_000 * chunk.lines.join(' ').length) / total;
			expect(Math.abs(chunk.endMs - chunk.startMs - share)).toBeLessThanOrEqual(1);
		});
	});

	it('gives a short cue the whole speech, and no speech no time', () => {
		expect(captionChunks('Halfway.', 800)).toEqual([{ lines: ['Halfway.'], startMs: 0, endMs: 800 }]);
		expect(captionChunks('Halfway.', 0)).toEqual([{ lines: ['Halfway.'], startMs: 0, endMs: 0 }]);
		expect(captionChunks('Halfway.', Number.NaN)).toEqual([{ lines: ['Halfway.'], startMs: 0, endMs: 0 }]);
		expect(captionChunks('', 5000)).toEqual([]);
	});

	it('for any text and speech: contiguous, in order, from 0 to the end of the speech, in proportion to length', () => {
		fc.assert(
			fc.property(textArb, fc.integer({ min: 0, max: 600_000 }), (text, durationMs) => {
				const chunks = captionChunks(text, durationMs);
				expect(chunks.map((c) => c.lines)).toEqual(captionLines(text));
				if (chunks.length === 0) return;
				expect(chunks[0]?.startMs).toBe(0);
				expect(chunks.at(-1)?.endMs).toBe(durationMs);
				const total = chunks.reduce((n, c) => n + c.lines.join(' ').length, 0);
				chunks.forEach((chunk, i) => {
					expect(chunk.endMs).toBeGreaterThanOrEqual(chunk.startMs);
					if (i > 0) expect(chunk.startMs).toBe(chunks[i - 1]?.endMs);
					expect(Math.abs(chunk.endMs - chunk.startMs - (durationMs * chunk.lines.join(' ').length) / total)).toBeLessThanOrEqual(1);
				});
			}),
			{ numRuns: 300 }
		);
	});
});

describe('the shipped content', () => {
	it('every spoken cue splits into chunks of at most two lines of 42 characters, with all its words', () => {
		const texts = new Set(
			shippedRoutines().flatMap((r) => r.levels.flatMap((_, i) => compile(r, i + 1).cues.map((c) => c.text)))
		);
		let longest = 0;
		for (const text of texts) {
			longest = Math.max(longest, text.length);
			const chunks = captionLines(text);
			expect(squeeze(chunks.flat().join(''))).toBe(squeeze(text));
			for (const chunk of chunks) {
				expect(chunk.length).toBeLessThanOrEqual(2);
				for (const line of chunk) expect(line.length).toBeLessThanOrEqual(42);
			}
		}
		// The content this is for: talks of several hundred characters.
		expect(longest).toBeGreaterThan(400);
	});
});
