/** ServerClock: this server's reading of the database's clock. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ServerClock } from '$lib/server/classroom/server-clock';
import { ManualClock } from '$lib/playback/clock';

afterEach(() => {
	vi.restoreAllMocks();
});

describe('ServerClock', () => {
	it('on one host, stays on the database clock when the system clock is stepped (it reads the same clock)', async () => {
		let wall = 1_700_000_000_000;
		vi.spyOn(Date, 'now').mockImplementation(() => wall);
		// The database on the same host: its clock is the system clock, 3 ms behind a read.
		const clock = new ServerClock(async () => Date.now() - 3);
		await clock.sample();
		expect(Math.abs(clock.now() - (Date.now() - 3))).toBeLessThanOrEqual(1);
		wall += 280;
		// No new sample: still right.
		expect(Math.abs(clock.now() - (Date.now() - 3))).toBeLessThanOrEqual(1);
		wall -= 1000;
		expect(Math.abs(clock.now() - (Date.now() - 3))).toBeLessThanOrEqual(1);
	});

	it('on another host, follows a step of the database clock at the next sample', async () => {
		const local = new ManualClock(0);
		let dbOffset = 5_000;
		let legMs = 2;
		// Each read takes two legs of local time, the answer read half way.
		const clock = new ServerClock(async () => {
			local.advance(legMs);
			const at = local.now() + dbOffset;
			local.advance(legMs);
			return at;
		}, local);
		await clock.sample();
		expect(clock.offsetMs).toBe(5_000);
		dbOffset += 280;
		legMs = 10;
		local.advance(30_000);
		// One slower exchange after the step is enough, although the earlier ones were faster.
		await clock.sample(1);
		expect(clock.offsetMs).toBe(5_280);
	});
});
