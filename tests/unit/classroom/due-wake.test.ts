import { describe, expect, it } from 'vitest';
import { dueWake, type After } from '$lib/classroom/due-wake';

function harness(due: { ms: number | null }) {
	const timers: { delayMs: number; run: () => void; cancelled: boolean }[] = [];
	const after: After = (run, delayMs) => {
		const t = { delayMs, run, cancelled: false };
		timers.push(t);
		return () => (t.cancelled = true);
	};
	let wakes = 0;
	const follower = dueWake({ dueInMs: () => due.ms }, 50, () => wakes++, after);
	return { follower, timers, wakes: () => wakes };
}

describe('dueWake', () => {
	it('sets one timer for a change due before the next tick, and wakes the screen at it', () => {
		const due = { ms: null as number | null };
		const h = harness(due);
		h.follower.tick();
		due.ms = 120;
		h.follower.tick();
		expect(h.timers).toHaveLength(0);
		due.ms = 30;
		h.follower.tick();
		h.follower.tick();
		expect(h.timers.map((t) => t.delayMs)).toEqual([30]);
		h.timers[0]!.run();
		expect(h.wakes()).toBe(1);
		// Woken, it may set the next one.
		due.ms = 10;
		h.follower.tick();
		expect(h.timers.map((t) => t.delayMs)).toEqual([30, 10]);
	});

	it('cancels a pending timer when destroyed', () => {
		const h = harness({ ms: 5 });
		h.follower.tick();
		h.follower.destroy();
		expect(h.timers[0]!.cancelled).toBe(true);
	});
});
