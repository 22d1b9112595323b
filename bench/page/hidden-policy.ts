/**
 * Init script: Chromium's policy for a hidden page, reproduced inside a page that headless
 * Chromium keeps visible. Nothing changes until `__benchHidden.hide()` is called; then:
 *
 * - document.visibilityState is 'hidden', document.hidden is true, and `visibilitychange`
 *   is dispatched;
 * - requestAnimationFrame and requestVideoFrameCallback callbacks stop (nothing is painted);
 * - main-thread setTimeout/setInterval callbacks run only at wake-ups aligned to 1 s, and,
 *   after five minutes hidden, timers in a chain nested 5 deep or more (every setInterval
 *   after its fifth run) only at wake-ups aligned to one minute ("intensive wake-up
 *   throttling").
 *
 * Worker timers are untouched: this script only runs in the page's main world, and real
 * Chromium does not throttle dedicated workers this way either.
 *
 * One difference from Chromium, on purpose: Chromium exempts a page that was audible in the
 * last 30 s from throttling. This script throttles regardless, so it is the worst case a
 * hidden session can meet (a browser or OS that throttles an audible page).
 *
 * Timers follow Blink's rules while visible: a repeating timer fires on its drift-free
 * grid (start + k × interval), skipping beats it missed.
 */
import type { HiddenPolicyConfig } from '../sync/types';

declare const BENCH_CONFIG: HiddenPolicyConfig;

type TimerCallback = (...args: unknown[]) => void;

interface Timer {
	readonly callback: TimerCallback;
	readonly args: unknown[];
	readonly intervalMs: number | null;
	/** When it should run by its own schedule (performance.now() ms). */
	dueMs: number;
	/** Blink's timer nesting level: 1 + the level of the timer whose callback set it. */
	nesting: number;
	native: number | undefined;
}

const policy = BENCH_CONFIG;
const win = window;
const nativeSetTimeout = win.setTimeout.bind(win);
const nativeClearTimeout = win.clearTimeout.bind(win);
const nativeRaf = win.requestAnimationFrame.bind(win);
const nativeCaf = win.cancelAnimationFrame.bind(win);

let hiddenSinceMs: number | null = null;
/** Nesting level of the timer callback running now; 0 outside timers. */
let runningNesting = 0;
const timers = new Map<number, Timer>();
let nextTimerId = 1;

/** Earliest moment a hidden page's timer may run, at or after `now`. */
const wakeUpAt = (now: number, timer: Timer): number => {
	if (hiddenSinceMs === null) return now;
	const intensive = now - hiddenSinceMs >= policy.intensiveAfterMs && timer.nesting >= policy.intensiveMinNesting;
	const align = intensive ? policy.intensiveAlignMs : policy.alignMs;
	return Math.ceil(now / align) * align;
};

const arm = (id: number, timer: Timer): void => {
	timer.native = nativeSetTimeout(() => wake(id), Math.max(0, timer.dueMs - performance.now()));
};

/** The timer is due: run it now, or at the next wake-up the hidden page is allowed. */
const wake = (id: number): void => {
	const timer = timers.get(id);
	if (!timer) return;
	const now = performance.now();
	const at = wakeUpAt(now, timer);
	if (at - now < 0.5) return run(id, timer);
	// Deferred to a wake-up: run then without checking again (the boundary itself is allowed).
	timer.native = nativeSetTimeout(() => {
		if (timers.get(id) === timer) run(id, timer);
	}, at - now);
};

const run = (id: number, timer: Timer): void => {
	if (timer.intervalMs === null) timers.delete(id);
	const saved = runningNesting;
	runningNesting = timer.nesting;
	try {
		timer.callback(...timer.args);
	} finally {
		runningNesting = saved;
	}
	if (timer.intervalMs === null || timers.get(id) !== timer) return;
	// Blink: the next beat on the original grid, skipping beats that were missed.
	const now = performance.now();
	const interval = timer.intervalMs;
	timer.dueMs = now + (interval - ((now - timer.dueMs) % interval));
	timer.nesting++;
	arm(id, timer);
};

const schedule = (callback: unknown, delay: unknown, args: unknown[], repeat: boolean): number => {
	// A string handler would be eval'd; the page's CSP forbids that anyway.
	if (typeof callback !== 'function') return 0;
	const ms = Math.max(0, Number(delay) || 0);
	const id = nextTimerId++;
	const timer: Timer = {
		callback: callback as TimerCallback,
		args,
		intervalMs: repeat ? Math.max(1, ms) : null,
		dueMs: performance.now() + ms,
		nesting: runningNesting + 1,
		native: undefined
	};
	timers.set(id, timer);
	arm(id, timer);
	return id;
};

const clear = (id: unknown): void => {
	if (typeof id !== 'number') return;
	const timer = timers.get(id);
	if (!timer) return;
	if (timer.native !== undefined) nativeClearTimeout(timer.native);
	timers.delete(id);
};

// The DOM lib types setTimeout with overloads; these wrappers accept what the browser does.
Object.assign(win, {
	setTimeout: (callback: unknown, delay?: unknown, ...args: unknown[]) => schedule(callback, delay, args, false),
	setInterval: (callback: unknown, delay?: unknown, ...args: unknown[]) => schedule(callback, delay, args, true),
	clearTimeout: clear,
	clearInterval: clear
});

// Frames: held while hidden, handed back to the browser when visible again.
const heldFrames = new Map<number, FrameRequestCallback>();
const nativeFrameIds = new Map<number, number>();
let nextFrameId = 1;

const requestFrame = (id: number, callback: FrameRequestCallback): void => {
	nativeFrameIds.set(
		id,
		nativeRaf((t) => {
			nativeFrameIds.delete(id);
			if (hiddenSinceMs !== null) heldFrames.set(id, callback);
			else callback(t);
		})
	);
};

Object.assign(win, {
	requestAnimationFrame: (callback: FrameRequestCallback): number => {
		const id = nextFrameId++;
		if (hiddenSinceMs !== null) heldFrames.set(id, callback);
		else requestFrame(id, callback);
		return id;
	},
	cancelAnimationFrame: (id: number): void => {
		heldFrames.delete(id);
		const native = nativeFrameIds.get(id);
		if (native !== undefined) nativeCaf(native);
		nativeFrameIds.delete(id);
	}
});

// Video frame callbacks: a hidden page composites no video frames, so none are reported.
type VideoFrameRequest = (now: number, metadata: VideoFrameCallbackMetadata) => void;
const videoProto = HTMLVideoElement.prototype;
const nativeRvfc = videoProto.requestVideoFrameCallback;
const heldVideoFrames: { readonly video: HTMLVideoElement; readonly callback: VideoFrameRequest }[] = [];
if (typeof nativeRvfc === 'function') {
	videoProto.requestVideoFrameCallback = function (this: HTMLVideoElement, callback: VideoFrameRequest): number {
		const video = this;
		return nativeRvfc.call(video, (now, metadata) => {
			if (hiddenSinceMs !== null) heldVideoFrames.push({ video, callback });
			else callback(now, metadata);
		});
	};
}

const visibility = (): DocumentVisibilityState => (hiddenSinceMs === null ? 'visible' : 'hidden');
Object.defineProperty(Document.prototype, 'visibilityState', { configurable: true, get: visibility });
Object.defineProperty(Document.prototype, 'hidden', { configurable: true, get: () => hiddenSinceMs !== null });

const control = {
	hide(): void {
		if (hiddenSinceMs !== null) return;
		hiddenSinceMs = performance.now();
		document.dispatchEvent(new Event('visibilitychange'));
	},
	show(): void {
		if (hiddenSinceMs === null) return;
		hiddenSinceMs = null;
		document.dispatchEvent(new Event('visibilitychange'));
		for (const [id, callback] of [...heldFrames]) {
			heldFrames.delete(id);
			requestFrame(id, callback);
		}
		for (const { video, callback } of heldVideoFrames.splice(0)) video.requestVideoFrameCallback(callback);
	},
	hiddenForMs(): number {
		return hiddenSinceMs === null ? 0 : performance.now() - hiddenSinceMs;
	}
};

Object.assign(win, { __benchHidden: control });
