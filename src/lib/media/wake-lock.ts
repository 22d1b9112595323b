/**
 * Keeps the screen on while a session runs: a person following a stretch from across the
 * room should not have to get up and tap the phone. The browser drops a screen wake lock
 * whenever the page is hidden (DESIGN.md), so the lock is taken again when the page comes
 * back while the session still runs. Every failure is swallowed: the session goes on with
 * a screen that may dim, and `status` says why.
 */
import type { SessionEngine } from '../playback/engine';
import type { EngineState } from '../playback/events';

/** The part of a `WakeLockSentinel` the keeper uses. */
export interface WakeLockSentinelLike {
	readonly released: boolean;
	release(): Promise<void>;
	addEventListener(type: 'release', listener: () => void): void;
}

/** `navigator.wakeLock`. */
export interface WakeLockLike {
	request(type: 'screen'): Promise<WakeLockSentinelLike>;
}

/** `document`: whether the page is visible, and when that changes. */
export interface VisibilitySource {
	readonly visibilityState: DocumentVisibilityState;
	addEventListener(type: 'visibilitychange', listener: () => void): void;
	removeEventListener(type: 'visibilitychange', listener: () => void): void;
}

/**
 * held: the screen stays on. released: no lock is wanted, or the browser dropped it while
 * the page was hidden. unsupported: no Wake Lock API. denied: the browser refused (battery
 * saver, permissions policy); retried when the page next becomes visible.
 */
export type WakeLockStatus = 'held' | 'released' | 'unsupported' | 'denied';

export interface WakeLockKeeperOptions {
	/** `navigator.wakeLock`; null or undefined where the API is missing. */
	readonly wakeLock: WakeLockLike | null | undefined;
	/** `document`; without it the keeper assumes the page is visible and never re-acquires. */
	readonly visibility?: VisibilitySource | null;
	readonly onStatusChange?: (status: WakeLockStatus) => void;
}

/**
 * States in which the screen must stay on. A stall (buffering) keeps the lock: the session
 * carries on by itself when the media recovers, with nobody touching the screen.
 */
export function wantsWakeLock(state: EngineState): boolean {
	return state === 'count-in' || state === 'playing' || state === 'buffering';
}

export class WakeLockKeeper {
	readonly #wakeLock: WakeLockLike | null;
	readonly #visibility: VisibilitySource | null;
	readonly #onStatusChange: (status: WakeLockStatus) => void;
	readonly #offState: () => void;
	#sentinel: WakeLockSentinelLike | null = null;
	#pending = false;
	#wanted = false;
	#destroyed = false;
	#status: WakeLockStatus;

	constructor(engine: SessionEngine, options: WakeLockKeeperOptions) {
		this.#wakeLock = options.wakeLock ?? null;
		this.#visibility = options.visibility ?? null;
		this.#onStatusChange = options.onStatusChange ?? (() => {});
		this.#status = this.#wakeLock ? 'released' : 'unsupported';
		this.#offState = engine.on('state', (e) => this.#want(wantsWakeLock(e.to)));
		this.#visibility?.addEventListener('visibilitychange', this.#onVisibilityChange);
		this.#want(wantsWakeLock(engine.state));
	}

	get status(): WakeLockStatus {
		return this.#status;
	}

	destroy(): void {
		if (this.#destroyed) return;
		this.#want(false);
		this.#destroyed = true;
		this.#offState();
		this.#visibility?.removeEventListener('visibilitychange', this.#onVisibilityChange);
	}

	readonly #onVisibilityChange = (): void => {
		if (this.#isVisible()) this.#acquire();
	};

	#want(on: boolean): void {
		if (this.#destroyed) return;
		this.#wanted = on;
		if (on) this.#acquire();
		else this.#release();
	}

	#isVisible(): boolean {
		return (this.#visibility?.visibilityState ?? 'visible') === 'visible';
	}

	#acquire(): void {
		const api = this.#wakeLock;
		if (!api || !this.#wanted || this.#destroyed || this.#pending) return;
		if (this.#sentinel && !this.#sentinel.released) return;
		// A hidden page is refused anyway; the visibilitychange handler asks once it shows.
		if (!this.#isVisible()) return;
		this.#pending = true;
		let request: Promise<WakeLockSentinelLike>;
		try {
			request = api.request('screen');
		} catch (err) {
			request = Promise.reject(err);
		}
		request.then(
			(sentinel) => this.#granted(sentinel),
			(err: unknown) => {
				this.#pending = false;
				if (this.#destroyed) return;
				this.#setStatus(isNotAllowed(err) ? 'denied' : 'unsupported');
			}
		);
	}

	#granted(sentinel: WakeLockSentinelLike): void {
		this.#pending = false;
		if (this.#destroyed || !this.#wanted) {
			// Paused (or gone) while the request was in flight: hand the lock straight back.
			releaseQuietly(sentinel);
			return;
		}
		this.#sentinel = sentinel;
		sentinel.addEventListener('release', () => {
			// The browser let go (page hidden). Our own release clears #sentinel first.
			if (this.#sentinel !== sentinel) return;
			this.#sentinel = null;
			this.#setStatus('released');
		});
		this.#setStatus(sentinel.released ? 'released' : 'held');
		if (sentinel.released) this.#sentinel = null;
	}

	#release(): void {
		const sentinel = this.#sentinel;
		this.#sentinel = null;
		if (sentinel) releaseQuietly(sentinel);
		if (this.#status !== 'unsupported') this.#setStatus('released');
	}

	#setStatus(status: WakeLockStatus): void {
		if (status === this.#status) return;
		this.#status = status;
		this.#onStatusChange(status);
	}
}

function isNotAllowed(err: unknown): boolean {
	return typeof err === 'object' && err !== null && 'name' in err && err.name === 'NotAllowedError';
}

function releaseQuietly(sentinel: WakeLockSentinelLike): void {
	if (sentinel.released) return;
	try {
		sentinel.release().catch(() => {
			// Already released by the browser: nothing left to do.
		});
	} catch {
		// Same: a sentinel that cannot be released is not holding anything we can free.
	}
}
