import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { captionLines } from '../../../src/lib/routine/caption-lines';
import { chunksFit, fitCaption, type SplitForChars } from '../../../src/lib/routine/caption-fit';

const split: SplitForChars = (text, maxChars) => captionLines(text, { maxChars });
/** A fixed-pitch font, 10 px a character; wide letters 15 px in the proportional one. */
const mono = (text: string) => text.length * 10;
const proportional = (text: string) => [...text].reduce((w, c) => w + (/[mwMW]/.test(c) ? 15 : c === ' ' ? 5 : 10), 0);
const words = (chunks: readonly (readonly string[])[]) => chunks.flat().join(' ');

const TALK =
	'Your spine is a column of twenty-four movable bones, called vertebrae, sitting on the sacrum at the back of your pelvis. ' +
	'The five in your lower back are the biggest, because they carry the most weight.';

describe('chunksFit', () => {
	it('holds when every line is within the box and no chunk has more than two lines', () => {
		expect(chunksFit([['abc', 'de']], mono, 30)).toBe(true);
		expect(chunksFit([['abcd']], mono, 30)).toBe(false);
		expect(chunksFit([['a', 'b', 'c']], mono, 30)).toBe(false);
		expect(chunksFit([], mono, 0)).toBe(true);
	});
});

describe('fitCaption', () => {
	it('keeps the 42-character split where the box holds it', () => {
		expect(fitCaption(TALK, mono, 420, split)).toEqual(captionLines(TALK));
	});

	it('splits for fewer characters where the box is narrower: more pages, every line inside, no word lost', () => {
		const chunks = fitCaption(TALK, mono, 160, split);
		expect(chunks.length).toBeGreaterThan(captionLines(TALK).length);
		expect(chunksFit(chunks, mono, 160)).toBe(true);
		expect(words(chunks)).toBe(TALK);
		// The most a line may hold: one more character a line would not fit (16 × 10 px).
		expect(Math.max(...chunks.flat().map((l) => l.length))).toBeLessThanOrEqual(16);
		expect(chunks).toEqual(split(TALK, 16));
	});

	it('measures lines in the real font: a line of wide letters gets fewer characters', () => {
		const text = 'Swim warm water, move many small ways, and mind how it feels.';
		const chunks = fitCaption(text, proportional, 200, split);
		expect(chunksFit(chunks, proportional, 200)).toBe(true);
		expect(words(chunks)).toBe(text);
	});

	it('cuts a word only when the box is narrower than the word, and never drops one', () => {
		const chunks = fitCaption('Extraordinarily gentle', mono, 60, split);
		expect(chunksFit(chunks, mono, 60)).toBe(true);
		expect(chunks.flat().join('')).toBe('Extraordinarilygentle');
	});

	it('gives one character a line in a box narrower than a character, and nothing for no words', () => {
		expect(fitCaption('Hold.', mono, 4, split).flat()).toEqual(['H', 'o', 'l', 'd', '.']);
		expect(fitCaption('   ', mono, 100, split)).toEqual([]);
	});

	it('always fits any box a character wide or more, with the words in order (property)', () => {
		fc.assert(
			fc.property(fc.array(fc.stringMatching(/^[a-zA-Z,.]{1,14}$/), { minLength: 1, maxLength: 40 }), fc.integer({ min: 15, max: 700 }), (list, box) => {
				const text = list.join(' ');
				const chunks = fitCaption(text, proportional, box, split);
				expect(chunksFit(chunks, proportional, box)).toBe(true);
				expect(chunks.flat().join('').replace(/ /g, '')).toBe(list.join(''));
			}),
			{ numRuns: 200 }
		);
	});
});
