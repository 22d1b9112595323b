import { describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { captionLines } from '$lib/routine/caption-lines';
import { CaptionFit, type CaptionBox } from '$lib/components/stage/caption-fit.svelte';
import type { SplitForChars } from '$lib/routine/caption-fit';

const TEXT = 'Your spine is a column of twenty-four movable bones, called vertebrae.';
const splits = { [TEXT]: captionLines(TEXT) };
const box = (widthPx: number, font = '600 20px sans-serif'): CaptionBox => ({ widthPx, font, textWidth: (t) => t.length * 10 });
const splitter: SplitForChars = (text, maxChars) => captionLines(text, { maxChars });

describe('CaptionFit', () => {
	it("uses the server's split until a box is measured, and where it fits the box", () => {
		let loads = 0;
		const fit = new CaptionFit(splits, async () => (loads++, splitter));
		expect(fit.split(TEXT)).toEqual(captionLines(TEXT));
		fit.setBox(box(420));
		expect(fit.split(TEXT)).toEqual(captionLines(TEXT));
		expect(loads).toBe(0);
	});

	it('loads the splitter once a line does not fit, then splits for the box', async () => {
		let loads = 0;
		const fit = new CaptionFit(splits, async () => (loads++, splitter));
		fit.setBox(box(200));
		// The first answer is the server's (the band wraps it meanwhile); the splitter is on its way.
		expect(fit.split(TEXT)).toEqual(captionLines(TEXT));
		await fit.ready();
		flushSync();
		const chunks = fit.split(TEXT);
		expect(chunks.flat().every((line) => line.length * 10 <= 200)).toBe(true);
		expect(chunks.flat().join(' ')).toBe(TEXT);
		fit.split(TEXT);
		expect(loads).toBe(1);
	});

	it('gives a new split for a new box, and the same one for the same size and font', () => {
		const fit = new CaptionFit(splits, async () => splitter);
		fit.setBox(box(300));
		const first = fit.split;
		fit.setBox(box(300));
		expect(fit.split).toBe(first);
		fit.setBox(box(300, '600 40px sans-serif'));
		expect(fit.split).not.toBe(first);
		fit.setBox(null);
		expect(fit.box).toBeNull();
	});

	it("keeps the server's split when the splitter cannot be loaded (offline)", async () => {
		const fit = new CaptionFit(splits, async () => {
			throw new Error('offline');
		});
		fit.setBox(box(100));
		expect(fit.split(TEXT)).toEqual(captionLines(TEXT));
		await fit.ready();
		expect(fit.split(TEXT)).toEqual(captionLines(TEXT));
	});
});
