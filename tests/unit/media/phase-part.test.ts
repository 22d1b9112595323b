import { describe, expect, it } from 'vitest';
import { holdsEndPose, MAX_PART_RATE, MIN_PART_RATE, partClipTimeMs, partEndPositionMs, planPart } from '../../../src/lib/media/phase-part';

const part = { inMs: 1000, outMs: 5000 };

describe('planPart: a phase plays its part from start to end', () => {
	it('at its own speed when the phase is as long as the part', () => {
		const p = planPart(part, 10_000, 4000);
		expect(p).toEqual({ fromMs: 1000, toMs: 5000, rate: 1, startMs: 10_000, endMs: 14_000, loopMs: 0 });
		expect(partClipTimeMs(p, 10_000)).toBe(1000);
		expect(partClipTimeMs(p, 12_000)).toBe(3000);
		expect(partEndPositionMs(p)).toBe(14_000);
	});

	it('slower for a longer phase, ending on its end pose as the phase ends', () => {
		const p = planPart(part, 0, 5000);
		expect(p.rate).toBeCloseTo(0.8, 9);
		expect(partClipTimeMs(p, 5000)).toBeCloseTo(5000, 6);
		expect(partEndPositionMs(p)).toBeCloseTo(5000, 6);
	});

	it('no slower than MIN_PART_RATE: a much longer phase holds the end pose for the rest', () => {
		const p = planPart(part, 0, 20_000);
		expect(p.rate).toBe(MIN_PART_RATE);
		expect(partEndPositionMs(p)).toBe(8000);
		expect(partClipTimeMs(p, 15_000)).toBe(5000);
		expect(holdsEndPose(p, 7999)).toBe(false);
		expect(holdsEndPose(p, 8000)).toBe(true);
		// A phase the part fills exactly never holds: the next part follows on.
		expect(holdsEndPose(planPart(part, 0, 4000), 4000)).toBe(false);
	});

	it('faster for a shorter phase, up to MAX_PART_RATE', () => {
		const p = planPart(part, 0, 3000);
		expect(p.rate).toBeCloseTo(4 / 3, 9);
		expect(p.fromMs).toBe(1000);
	});

	it('beyond MAX_PART_RATE, cuts in later so it still ends on the end pose with the phase', () => {
		const p = planPart(part, 0, 1000);
		expect(p.rate).toBe(MAX_PART_RATE);
		expect(p.fromMs).toBeCloseTo(5000 - 1000 * MAX_PART_RATE, 9);
		expect(partClipTimeMs(p, 1000)).toBeCloseTo(5000, 9);
	});

	it('an empty part or phase is a still frame at the in point', () => {
		expect(planPart({ inMs: 2000, outMs: 2000 }, 0, 3000)).toEqual({ fromMs: 2000, toMs: 2000, rate: 1, startMs: 0, endMs: 3000, loopMs: 0 });
	});
});

describe('planPart: a looping part repeats through its phase', () => {
	const walk = { inMs: 0, outMs: 4400, loop: true };

	it('a whole number of passes, at the rate that makes them fit, ending where it began', () => {
		// 30 s / 4.4 s = 6.8 passes: 7 passes, played a little faster.
		const p = planPart(walk, 1000, 30_000);
		expect(p.loopMs).toBe(4400);
		expect(p.rate).toBeCloseTo((7 * 4400) / 30_000, 9);
		expect(partClipTimeMs(p, 1000)).toBe(0);
		expect(partClipTimeMs(p, 1000 + 4400 / p.rate)).toBeCloseTo(0, 6);
		expect(partClipTimeMs(p, 1000 + 2200 / p.rate)).toBeCloseTo(2200, 6);
		// At the phase's end it has just come round to the start: the next repetition plays straight on.
		const atEnd = partClipTimeMs(p, 31_000 - 1e-6);
		expect(Math.min(atEnd, 4400 - atEnd)).toBeLessThan(1);
	});

	it('never holds an end pose', () => {
		const p = planPart(walk, 0, 60_000);
		expect(holdsEndPose(p, 59_000)).toBe(false);
		expect(partEndPositionMs(p)).toBe(60_000);
	});

	it('a phase shorter than one pass plays it once as fast as allowed', () => {
		const p = planPart(walk, 0, 2000);
		expect(p.rate).toBe(MAX_PART_RATE);
		expect(partClipTimeMs(p, 1000)).toBe(1600);
	});
});
