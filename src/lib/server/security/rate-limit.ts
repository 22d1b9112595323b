/**
 * Counts failures per key (an email, an IP address) in a fixed window that starts at the
 * first failure. In memory: one server process holds a class, and a restart forgetting
 * counts costs an attacker a restart, not a bypass.
 */

export interface RateLimitOptions {
	/** Failures allowed in a window; the next attempt is refused. */
	readonly limit: number;
	readonly windowMs: number;
	readonly now?: () => number;
	/** Above this many keys, expired ones are swept, so spraying keys cannot grow memory forever. */
	readonly sweepAbove?: number;
}

export type RateDecision = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterMs: number };

interface Window {
	count: number;
	readonly endsAt: number;
}

export class RateLimiter {
	readonly #limit: number;
	readonly #windowMs: number;
	readonly #now: () => number;
	readonly #sweepAbove: number;
	readonly #windows = new Map<string, Window>();

	constructor(options: RateLimitOptions) {
		this.#limit = options.limit;
		this.#windowMs = options.windowMs;
		this.#now = options.now ?? Date.now;
		this.#sweepAbove = options.sweepAbove ?? 10_000;
	}

	/** May this key try now? Does not count the attempt. */
	check(key: string): RateDecision {
		const window = this.#current(key);
		if (!window || window.count < this.#limit) return { allowed: true };
		return { allowed: false, retryAfterMs: window.endsAt - this.#now() };
	}

	fail(key: string): void {
		const window = this.#current(key);
		if (window) {
			window.count += 1;
			return;
		}
		if (this.#windows.size >= this.#sweepAbove) this.#sweep();
		this.#windows.set(key, { count: 1, endsAt: this.#now() + this.#windowMs });
	}

	/** A success clears the key (a person who finally typed the right password starts afresh). */
	reset(key: string): void {
		this.#windows.delete(key);
	}

	get size(): number {
		return this.#windows.size;
	}

	#current(key: string): Window | undefined {
		const window = this.#windows.get(key);
		if (window && window.endsAt <= this.#now()) {
			this.#windows.delete(key);
			return undefined;
		}
		return window;
	}

	#sweep(): void {
		const now = this.#now();
		for (const [key, window] of this.#windows) if (window.endsAt <= now) this.#windows.delete(key);
	}
}

/** "Try again in 4 minutes": rounded up, so a person who waits that long is let in. */
export function retryAfterText(ms: number): string {
	const seconds = Math.max(1, Math.ceil(ms / 1000));
	if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
	const minutes = Math.ceil(seconds / 60);
	return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}
