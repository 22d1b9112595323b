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
