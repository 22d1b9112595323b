/**
 * For a screen that ticks seldom (a phone, every 50 ms): when a received change takes effect
 * before the next tick, one timer wakes the screen at that instant, so it changes with the
 * projector (which ticks every frame) rather than up to a tick later.
 */

/** The part of ClassClient this reads. */
export interface DueSource {
	/** How long until a received change takes effect, or null when none is waiting. */
	dueInMs(): number | null;
}

/** Runs `callback` after `delayMs`; returns a function that cancels it. */
export type After = (callback: () => void, delayMs: number) => () => void;

const afterTimeout: After = (callback, delayMs) => {
	const id = setTimeout(callback, delayMs);
	return () => clearTimeout(id);
};

/** A session follower: call its tick every tick; it calls `wake` at a change due sooner than `tickMs`. */
export function dueWake(source: DueSource, tickMs: number, wake: () => void, after: After = afterTimeout): { tick(): void; destroy(): void } {
	let cancel: (() => void) | null = null;
	return {
		tick: () => {
			const inMs = source.dueInMs();
			if (cancel || inMs === null || inMs >= tickMs) return;
			cancel = after(() => {
				cancel = null;
				wake();
			}, inMs);
		},
		destroy: () => {
			cancel?.();
			cancel = null;
		}
	};
}
