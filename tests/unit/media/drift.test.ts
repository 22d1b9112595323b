import { describe, expect, it } from 'vitest';
import {
	BOUNDARY_SEEK_MS,
	CadenceAverage,
	correctDrift,
	DRIFT_DEAD_BAND_MS,
	DRIFT_SEEK_MS,
	DRIFT_SETTLE_MS,
	DriftSampleLog,
	MAX_RATE_NUDGE,
	MAX_SEEK_LEAD_MS,
	MIN_RATE_NUDGE,
	nextSeekLeadMs,
	type DriftAction
} from '../../../src/lib/media/drift';

const none: DriftAction = { kind: 'none' };
const seek: DriftAction = { kind: 'seek' };
const rate = (r: number): DriftAction => ({ kind: 'rate', rate: r });

describe('the bands', () => {
	it('sit inside the lip-sync limits and in the right order', () => {
		expect(DRIFT_SETTLE_MS).toBeLessThan(DRIFT_DEAD_BAND_MS);
		// The target is p99 ≤ 21 ms (half a 24 fps frame): drift left alone, plus the half
		// refresh (60 Hz) a single frame reads either side of it in a 3:2 cadence, stays under it.
		expect(DRIFT_DEAD_BAND_MS + 1000 / 60 / 2).toBeLessThan(21);
		expect(BOUNDARY_SEEK_MS).toBeGreaterThan(DRIFT_DEAD_BAND_MS);
		expect(DRIFT_SEEK_MS).toBeGreaterThan(BOUNDARY_SEEK_MS);
		expect(MAX_RATE_NUDGE).toBeLessThanOrEqual(0.1);
	});
});

describe('correctDrift', () => {
	it.each([
		{ name: 'on time, rate 1: nothing', drift: 0, r: 1, want: none },
		{ name: 'small ahead: nothing', drift: 9, r: 1, want: none },
		{ name: 'small behind: nothing', drift: -9, r: 1, want: none },
		{ name: 'past the dead band: nudge, at least by the smallest nudge', drift: 12, r: 1, want: rate(1 - MIN_RATE_NUDGE) },
		{ name: 'small, still nudging: keep nudging until settled (hysteresis)', drift: 6, r: 0.97, want: rate(1 - MIN_RATE_NUDGE) },
		{ name: 'settled while nudging: rate back to 1', drift: 2, r: 0.97, want: rate(1) },
		{ name: 'settled, already 1: nothing', drift: -2, r: 1, want: none },
		{ name: 'medium ahead: slow down in proportion', drift: 40, r: 1, want: rate(0.96) },
		{ name: 'medium behind: speed up in proportion', drift: -50, r: 1, want: rate(1.05) },
		{ name: 'medium behind, large: capped', drift: -300, r: 1, want: rate(1 + MAX_RATE_NUDGE) },
		{ name: 'medium ahead, large: capped', drift: 399, r: 1, want: rate(1 - MAX_RATE_NUDGE) },
		{ name: 'same rate already set: nothing', drift: -50, r: 1.05, want: none },
		{ name: 'change too small to matter: nothing', drift: -51, r: 1.05, want: none },
		{ name: 'large ahead: seek', drift: 400, r: 1, want: seek },
		{ name: 'large behind: seek', drift: -2500, r: 1.08, want: seek },
		{ name: 'not a number: seek', drift: Number.NaN, r: 1, want: seek }
	])('$name', ({ drift, r, want }) => {
		const got = correctDrift(drift, { rate: r });
		if (want.kind === 'rate' && got.kind === 'rate') expect(got.rate).toBeCloseTo(want.rate, 9);
		else expect(got).toEqual(want);
	});

	it.each([
		{ name: 'small: nothing', drift: 20, r: 1, want: none },
		{ name: 'small while nudging: rate back to 1, no seek', drift: 15, r: 1.04, want: rate(1) },
		{ name: 'medium: seek, not nudge', drift: -60, r: 1, want: seek },
		{ name: 'large: seek', drift: 5000, r: 1, want: seek }
	])('at a boundary, $name', ({ drift, r, want }) => {
		expect(correctDrift(drift, { rate: r, boundary: true })).toEqual(want);
	});

	it('converges: a nudged element reaches the settle band within about a second and a half, without seeking', () => {
		for (const start of [-390, -120, -30, 30, 120, 390]) {
			let drift = start;
			let r = 1;
			let ms = 0;
			for (; ms < 10_000; ms += 1000 / 60) {
				const a = correctDrift(drift, { rate: r });
				expect(a.kind).not.toBe('seek');
				if (a.kind === 'rate') r = a.rate;
				if (Math.abs(drift) < DRIFT_SETTLE_MS && r === 1) break;
				drift += (r - 1) * (1000 / 60);
			}
			// 390 ms at 8% takes about 4.9 s; 120 ms about 1.5 s; the proportional tail adds ~1 s.
			expect(ms, `from ${start} ms`).toBeLessThan(Math.abs(start) / (MAX_RATE_NUDGE * 1000) * 1000 + 1500);
			expect(r).toBe(1);
		}
	});
});

describe('CadenceAverage', () => {
	it('takes the 3:2 pattern of 24 fps on 60 Hz out of the drift', () => {
		// A video exactly 3 ms behind: single frames read 3 ms ± 4.17 ms, alternately.
		const avg = new CadenceAverage();
		let last = 0;
		for (let i = 0; i < 12; i++) last = avg.push(-3 + (i % 2 ? 4.17 : -4.17));
		expect(last).toBeCloseTo(-3, 6);
		// So the video is left alone, where the single frame (−7.2) and the old per-frame band would not tell.
		expect(correctDrift(last, { rate: 1 })).toEqual(none);
	});

	it('forgets the frames before a discontinuity', () => {
		const avg = new CadenceAverage(4);
		for (let i = 0; i < 4; i++) avg.push(-300);
		avg.clear();
		expect(avg.push(5)).toBe(5);
	});

	it('keeps only the last frames', () => {
		const avg = new CadenceAverage(2);
		avg.push(100);
		avg.push(10);
		expect(avg.push(20)).toBe(15);
	});
});

describe('nextSeekLeadMs', () => {
	it.each([
		{ lead: 0, drift: -80, want: 40, why: 'landed 80 ms late: aim half of that further ahead' },
		{ lead: 40, drift: -40, want: 60, why: 'still late: further' },
		{ lead: 60, drift: 20, want: 50, why: 'early: back off' },
		{ lead: 10, drift: 100, want: 0, why: 'never negative' },
		{ lead: 250, drift: -200, want: MAX_SEEK_LEAD_MS, why: 'capped' },
		{ lead: 40, drift: -2900, want: 40, why: 'further off than any seek is slow: a frame of another loop, not latency' },
		{ lead: 30, drift: Number.NaN, want: 30, why: 'no measurement: unchanged' }
	])('$lead, $drift → $want ($why)', ({ lead, drift, want }) => {
		expect(nextSeekLeadMs(lead, drift)).toBe(want);
	});

	it('takes a larger cap for slower actions (a swap to the prepared clip): 300 ms late is learned, not ignored', () => {
		expect(nextSeekLeadMs(10, -300.8)).toBe(10);
		expect(nextSeekLeadMs(10, -300.8, 500)).toBeCloseTo(160.4, 6);
		expect(nextSeekLeadMs(400, -300, 500)).toBe(500);
		expect(nextSeekLeadMs(40, -600, 500)).toBe(40);
	});
});

describe('DriftSampleLog', () => {
	it('keeps the newest samples in order, up to its capacity', () => {
		const log = new DriftSampleLog(3);
		expect(log.toArray()).toEqual([]);
		log.push(1);
		log.push(2);
		expect(log.toArray()).toEqual([1, 2]);
		log.push(3);
		log.push(4);
		log.push(5);
		expect(log.toArray()).toEqual([3, 4, 5]);
		expect(log.size).toBe(3);
		log.clear();
		expect(log.toArray()).toEqual([]);
	});

	it('refuses a capacity that is not a positive integer', () => {
		expect(() => new DriftSampleLog(0)).toThrow(RangeError);
		expect(() => new DriftSampleLog(2.5)).toThrow(RangeError);
	});
});
