/**
 * The one master clock a session's position is derived from. Milliseconds, monotonic
 * for the real clocks; only differences matter, so the origin is arbitrary.
 */
export interface Clock {
	now(): number;
}

/** Fallback before audio is unlocked: never throttled, unlike Date.now() it cannot step. */
export const performanceClock: Clock = {
	now: () => performance.now()
};

/**
 * The audio hardware clock. Cues scheduled with `start(when)` land on this clock, so
 * deriving the position from it keeps sound and session in one time base.
 */
export function audioContextClock(ctx: { readonly currentTime: number }): Clock {
	return { now: () => ctx.currentTime * 1000 };
}

function finite(ms: number, what: string): number {
	if (!Number.isFinite(ms)) throw new RangeError(`${what} must be a finite number of ms, got ${ms}`);
	return ms;
}

/** Time that moves only when a test says so. */
export class ManualClock implements Clock {
	#ms: number;

	constructor(startMs = 0) {
		this.#ms = finite(startMs, 'start');
	}

	now(): number {
		return this.#ms;
	}

	set(ms: number): void {
		this.#ms = finite(ms, 'time');
	}

	advance(ms: number): void {
		this.#ms += finite(ms, 'step');
	}
}

/**
 * Another clock shifted by an offset that may change while it runs: a class session
 * keeps the local clock and moves the offset as its estimate of the server clock improves.
 */
export class OffsetClock implements Clock {
	#offsetMs: number;

	constructor(
		readonly base: Clock,
		offsetMs = 0
	) {
		this.#offsetMs = finite(offsetMs, 'offset');
	}

	get offsetMs(): number {
		return this.#offsetMs;
	}

	set offsetMs(ms: number) {
		this.#offsetMs = finite(ms, 'offset');
	}

	now(): number {
		return this.base.now() + this.#offsetMs;
	}
}

/**
 * A clock that follows one base clock and can change base while it runs without a jump:
 * the session starts on performance.now() (audio is still locked), moves to the audio clock
 * once the AudioContext runs (so cues and position share one time base), and back if the
 * context is suspended (its time would freeze the session). The offset is recomputed at
 * each switch so that now() reads the same just before and just after it.
 */
export class ContinuousClock implements Clock {
	#base: Clock;
	#offsetMs = 0;

	constructor(base: Clock) {
		this.#base = base;
	}

	get base(): Clock {
		return this.#base;
	}

	now(): number {
		return this.#base.now() + this.#offsetMs;
	}

	/** Follow `next` from now on. Refuses a base that reads a non-finite time. */
	setBase(next: Clock): void {
		if (next === this.#base) return;
		const here = this.now();
		const there = finite(next.now(), 'new base time');
		this.#base = next;
		this.#offsetMs = here - there;
	}
}
