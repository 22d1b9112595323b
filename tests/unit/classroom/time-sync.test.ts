import { describe, expect, it } from 'vitest';
import { ManualClock } from '$lib/playback/clock';
import { measure, OffsetEstimator, sampleBurst, SAMPLE_WINDOW, type SyncSample } from '$lib/classroom/time-sync';

/**
 * One simulated exchange: the device sends at local time `t0`; the request takes `up` ms,
 * the answer `down` ms. The server's clock reads local time × (1 + drift) + offset.
 */
function exchange(t0: number, up: number, down: number, offsetMs: number, drift = 0): SyncSample {
	const serverMs = (t0 + up) * (1 + drift) + offsetMs;
	return { t0, serverMs, t1: t0 + up + down };
}

describe('measure', () => {
	it('is exact when both legs take as long', () => {
		expect(measure(exchange(1_000, 20, 20, 5_000))).toEqual({ offsetMs: 5_000, delayMs: 40 });
	});

	it('errs by half the difference of the legs when they differ, never more than half the delay', () => {
		const m = measure(exchange(1_000, 70, 10, -3_000));
		expect(m?.delayMs).toBe(80);
		expect(m?.offsetMs).toBe(-3_000 + 30);
		expect(Math.abs((m?.offsetMs ?? 0) + 3_000)).toBeLessThanOrEqual((m?.delayMs ?? 0) / 2);
	});

	it('refuses an answer that arrived before it was asked, or non-finite readings', () => {
		expect(measure({ t0: 100, serverMs: 5, t1: 99 })).toBeNull();
		expect(measure({ t0: 100, serverMs: Number.NaN, t1: 120 })).toBeNull();
	});
});

describe('OffsetEstimator', () => {
	it('has no estimate before a sample', () => {
		expect(new OffsetEstimator().estimate).toBeNull();
	});

	it('keeps the lowest-delay sample, so a slow outlier with an asymmetric path cannot move it', () => {
		const est = new OffsetEstimator();
		est.add(exchange(0, 15, 15, 2_000));
		est.add(exchange(100, 8, 6, 2_000));
		// Stuck in a queue on the way out: 900 ms up, 10 ms down; alone it would say +445 ms.
		est.add(exchange(200, 900, 10, 2_000));
		est.add(exchange(1_200, 12, 30, 2_000));
		expect(est.estimate?.delayMs).toBe(14);
		expect(est.estimate?.offsetMs).toBe(2_000 + 1);
	});

	it('stays within half the delay of the truth for asymmetric paths', () => {
		const est = new OffsetEstimator();
		const legs: [number, number][] = [
			[50, 5],
			[3, 40],
			[25, 25],
			[60, 2]
		];
		legs.forEach(([up, down], i) => est.add(exchange(i * 1000, up, down, 777)));
		const e = est.estimate;
		expect(e).not.toBeNull();
		expect(Math.abs((e?.offsetMs ?? 0) - 777)).toBeLessThanOrEqual((e?.delayMs ?? 0) / 2);
	});

	it('forgets samples older than its window, so a drifting clock is followed', () => {
		const est = new OffsetEstimator(4);
		// A very fast early sample, then the server clock runs 1% fast for a minute.
		est.add(exchange(0, 1, 1, 0, 0));
		for (let i = 1; i <= 6; i++) est.add(exchange(i * 10_000, 10, 10, 0, 0.01));
		const e = est.estimate;
		// The true offset at the last sample is 1% of ~60 s = ~600 ms; the old sample said 0.
		expect(e?.offsetMs).toBeGreaterThan(400);
		const truthAtLast = 60_010 * 0.01;
		expect(Math.abs((e?.offsetMs ?? 0) - truthAtLast)).toBeLessThan(120);
	});

	it('keeps only its window of samples and prefers the newer of equal delays', () => {
		const est = new OffsetEstimator();
		for (let i = 0; i < SAMPLE_WINDOW + 3; i++) est.add(exchange(i * 100, 10, 10, i));
		expect(est.sampleCount).toBe(SAMPLE_WINDOW);
		expect(est.estimate?.offsetMs).toBe(SAMPLE_WINDOW + 2);
	});

	it('after a clock step, follows the first sample that cannot agree with the estimate, however fast the old ones were', () => {
		const est = new OffsetEstimator();
		est.add(exchange(0, 1, 1, 0));
		est.add(exchange(100, 10, 10, 0));
		// The server's clock is stepped by 280 ms; this slower exchange says so beyond doubt.
		est.add(exchange(30_000, 15, 15, 280));
		expect(est.estimate?.offsetMs).toBe(280);
		expect(est.sampleCount).toBe(1);
		// A later, slower sample that agrees within its delay does not move it.
		est.add(exchange(60_000, 40, 10, 280));
		expect(est.estimate?.offsetMs).toBe(280);
		expect(est.sampleCount).toBe(2);
	});

	it('keeps its samples when a slow exchange disagrees only within its own delay', () => {
		const est = new OffsetEstimator();
		est.add(exchange(0, 2, 2, 50));
		// 300 ms up, 2 ms down: it says +149, which half its delay (151) still covers.
		est.add(exchange(1000, 300, 2, 50));
		expect(est.sampleCount).toBe(2);
		expect(est.estimate?.offsetMs).toBe(50);
	});

	it('ignores unusable samples', () => {
		const est = new OffsetEstimator();
		expect(est.add({ t0: 10, serverMs: 1, t1: 5 })).toBe(false);
		expect(est.sampleCount).toBe(0);
	});
});

describe('sampleBurst', () => {
	it('measures one exchange after another on the local clock and skips failed requests', async () => {
		const local = new ManualClock(50_000);
		const est = new OffsetEstimator();
		let call = 0;
		const delays = [30, 8, 12];
		const read = async (): Promise<number> => {
			const i = call++;
			if (i === 1) {
				local.advance(500);
				throw new Error('network');
			}
			const d = delays[i] ?? 10;
			local.advance(d / 2);
			const server = local.now() + 10_000;
			local.advance(d / 2);
			return server;
		};
		const added = await sampleBurst(est, local, read, 4);
		expect(added).toBe(3);
		expect(est.estimate).toEqual({ offsetMs: 10_000, delayMs: 10 });
	});
});
