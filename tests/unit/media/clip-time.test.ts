import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	clipDriftMs,
	clipTimeForSegmentMs,
	clipWindow,
	expectedClipTimeMs,
	loopLengthMs
} from '../../../src/lib/media/clip-time';

describe('clipWindow', () => {
	it.each([
		{ name: 'in and out', ref: { inMs: 1000, outMs: 5000 }, dur: 8000, want: { inMs: 1000, endMs: 5000 } },
		{ name: 'no out point: to the clip end', ref: { inMs: 1000, outMs: null }, dur: 8000, want: { inMs: 1000, endMs: 8000 } },
		{ name: 'out past the end is cut', ref: { inMs: 0, outMs: 9000 }, dur: 6000, want: { inMs: 0, endMs: 6000 } },
		{ name: 'in past the end: empty at the end', ref: { inMs: 7000, outMs: null }, dur: 6000, want: { inMs: 6000, endMs: 6000 } },
		{ name: 'out before in: empty', ref: { inMs: 3000, outMs: 2000 }, dur: 6000, want: { inMs: 3000, endMs: 3000 } }
	])('$name', ({ ref, dur, want }) => {
		expect(clipWindow(ref, dur)).toEqual(want);
	});
});

describe('expectedClipTimeMs', () => {
	const knee = { inMs: 1000, endMs: 5000 };
	it.each([
		{ pos: 10_000, want: 1000, why: 'segment start shows the in point' },
		{ pos: 12_500, want: 3500, why: 'in + elapsed' },
		{ pos: 13_999, want: 4999, why: 'last ms before the out point' },
		{ pos: 14_000, want: 1000, why: 'a hold longer than the loop starts it again' },
		{ pos: 19_250, want: 2250, why: 'second loop' },
		{ pos: 9_000, want: 4000, why: 'before the segment start still lands inside the window' }
	])('$pos → $want ($why)', ({ pos, want }) => {
		expect(expectedClipTimeMs(knee, 10_000, pos)).toBe(want);
	});

	it('an empty window is a still frame at the in point', () => {
		expect(expectedClipTimeMs({ inMs: 3000, endMs: 3000 }, 0, 12_345)).toBe(3000);
	});

	it('always lies in [in, end) for a non-empty window', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 60_000 }),
				fc.integer({ min: 1, max: 30_000 }),
				fc.integer({ min: 0, max: 600_000 }),
				fc.integer({ min: -100_000, max: 600_000 }),
				(inMs, len, start, pos) => {
					const w = { inMs, endMs: inMs + len };
					const t = expectedClipTimeMs(w, start, pos);
					expect(t).toBeGreaterThanOrEqual(inMs);
					expect(t).toBeLessThan(inMs + len);
					// Periodic in the position with the loop length.
					expect(expectedClipTimeMs(w, start, pos + len)).toBe(t);
				}
			)
		);
	});
});

describe('clipTimeForSegmentMs', () => {
	it('is null without a clip and uses the segment start and the clip duration otherwise', () => {
		expect(clipTimeForSegmentMs({ startMs: 0, video: null }, 500, 6000)).toBeNull();
		const seg = { startMs: 60_000, video: { clip: 'cat', inMs: 0, outMs: null } };
		expect(clipTimeForSegmentMs(seg, 67_500, 6000)).toBe(1500);
	});
});

describe('clipDriftMs', () => {
	const cat = { inMs: 0, endMs: 6000 };
	const knee = { inMs: 1000, endMs: 5000 };
	it.each([
		{ name: 'on time', w: cat, actual: 2000, expected: 2000, want: 0 },
		{ name: 'behind', w: cat, actual: 1900, expected: 2000, want: -100 },
		{ name: 'ahead', w: cat, actual: 2040, expected: 2000, want: 40 },
		{ name: 'video just wrapped, clock not yet', w: cat, actual: 20, expected: 5980, want: 40 },
		{ name: 'clock just wrapped, video not yet', w: cat, actual: 5990, expected: 10, want: -20 },
		{ name: 'wrap inside an in/out window', w: knee, actual: 1010, expected: 4990, want: 20 },
		{ name: 'past the out point is not folded', w: knee, actual: 5100, expected: 1050, want: 4050 },
		{ name: 'before the in point is not folded', w: knee, actual: 200, expected: 4900, want: -4700 },
		{ name: 'half a loop off reads as ahead by half', w: cat, actual: 3000, expected: 0, want: 3000 }
	])('$name', ({ w, actual, expected, want }) => {
		expect(clipDriftMs(actual, expected, w)).toBeCloseTo(want, 9);
	});

	it('recovers any offset smaller than half a loop, across the loop point', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 10_000 }),
				fc.integer({ min: 100, max: 20_000 }),
				fc.double({ min: 0, max: 1, noNaN: true }),
				fc.double({ min: -0.49, max: 0.49, noNaN: true }),
				(inMs, len, phase, frac) => {
					const w = { inMs, endMs: inMs + len };
					expect(loopLengthMs(w)).toBe(len);
					const expected = inMs + phase * len * 0.999;
					const offset = frac * len;
					// Where a looping element would be: wrapped back into the window.
					const rel = (((expected - inMs + offset) % len) + len) % len;
					// A rel a hair under len can round to the out point itself when added to
					// inMs; an element there has wrapped to the in point.
					const actual = inMs + rel < w.endMs ? inMs + rel : inMs;
					expect(clipDriftMs(actual, expected, w)).toBeCloseTo(offset, 6);
				}
			)
		);
	});
});
