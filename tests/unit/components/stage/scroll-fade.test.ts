import { describe, expect, it } from 'vitest';
import { scrollEdges } from '$lib/components/stage/scroll-fade';

describe('scrollEdges', () => {
	it('has nothing past either edge when the text fits', () => {
		expect(scrollEdges(0, 300, 300)).toEqual({ above: false, below: false });
	});

	it('has more below at the top of a longer text, and more above at its end', () => {
		expect(scrollEdges(0, 300, 900)).toEqual({ above: false, below: true });
		expect(scrollEdges(600, 300, 900)).toEqual({ above: true, below: false });
	});

	it('has text past both edges in the middle', () => {
		expect(scrollEdges(250, 300, 900)).toEqual({ above: true, below: true });
	});

	it('ignores a pixel or two of rounding at either end', () => {
		expect(scrollEdges(1, 300, 302)).toEqual({ above: false, below: false });
		expect(scrollEdges(598.5, 300, 900)).toEqual({ above: true, below: false });
	});
});
