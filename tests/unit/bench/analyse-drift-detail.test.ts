import { describe, expect, it } from 'vitest';
import { analyseDriftDetail, SETTLE_WINDOW_MS } from '../../../bench/sync/analyse-drift-detail';
import type { DriftRecord } from '../../../src/lib/media/drift';

const rec = (positionMs: number, driftMs: number, rate = 1, afterJump = false): DriftRecord => ({ positionMs, driftMs, rate, afterJump });

describe('analyseDriftDetail', () => {
	it('splits frames into settling after a discontinuity, nudging and steady', () => {
		const records = [
			rec(0, -300, 1, true),
			rec(40, 30, 1.05),
			rec(SETTLE_WINDOW_MS + 10, 25, 0.98),
			rec(SETTLE_WINDOW_MS + 50, -4),
			rec(SETTLE_WINDOW_MS + 90, 4)
		];
		const d = analyseDriftDetail(records);
		expect(d.settling.n).toBe(2);
		expect(d.first_after_jump.n).toBe(1);
		expect(d.nudging.n).toBe(1);
		expect(d.steady.n).toBe(2);
		expect(d.steady.signed_p50_ms).toBe(-4);
		expect(d.settling.over_21ms + d.nudging.over_21ms + d.steady.over_21ms).toBe(3);
		expect(d.steady_histogram_4ms).toEqual({ '-4': 1, '4': 1 });
		expect(d.worst[0]).toEqual({ position_ms: 0, drift_ms: -300, rate: 1, since_jump_ms: 0 });
	});

	it('counts frames before any discontinuity by their rate', () => {
		const d = analyseDriftDetail([rec(0, 2), rec(40, 12, 1.02)]);
		expect(d.steady.n).toBe(1);
		expect(d.nudging.n).toBe(1);
		expect(d.worst[1]?.since_jump_ms).toBeNull();
	});
});
