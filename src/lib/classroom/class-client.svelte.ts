/**
 * One device in a live lesson. It listens to the lesson's Server-Sent Events, keeps an
 * estimate of the server clock, and runs this device's session engine on that clock
 * (an OffsetClock over the local monotonic clock), so "position at server instant T" means
 * the same thing on every screen. Each LiveState takes effect at its anchor instant, not when
 * it arrives, which is what makes a pause land on every screen in the same frame.
 *
 * The engine is driven only through follow(): the screen state still changes only from
 * engine events, as in solo play. The browser's EventSource reconnects by itself and sends
 * Last-Event-ID; the server answers with the current state, so a device that was away (or a
 * page that was reloaded) simply lands where the room is.
 */
import { OffsetClock, type Clock } from '../playback/clock';
import { SessionEngine, START_LEAD_MS } from '../playback/engine';
import type { Timeline } from '../routine/timeline';
import { follow, type FollowAction } from './follow';
import { parseLiveState, parseRoster } from './live-state-parse';
import { SSE_EVENTS, type LiveState, type Participant } from './protocol';
import {
	BURST_SAMPLES,
	OffsetEstimator,
	RESAMPLE_INTERVAL_MS,
	sampleBurst,
	type ServerTimeReader
} from './time-sync';

/** The part of EventSource the client uses; tests pass a fake. */
export interface EventSourceLike {
	readonly readyState: number;
	onopen: ((this: never, ev: Event) => unknown) | null;
	onerror: ((this: never, ev: Event) => unknown) | null;
	addEventListener(type: string, listener: (ev: MessageEvent<string>) => void): void;
	close(): void;
}

/** EventSource.CLOSED: the browser gave up (the server refused the stream). */
const SOURCE_CLOSED = 2;

export interface VisibilityLike {
	readonly visibilityState: DocumentVisibilityState;
	addEventListener(type: 'visibilitychange', listener: () => void): void;
	removeEventListener(type: 'visibilitychange', listener: () => void): void;
}

export interface ClassClientOptions {
	readonly code: string;
	readonly timeline: Timeline;
	/** The state the page was rendered with, shown until the stream's first event. */
	readonly initial?: LiveState | null;
	/** The instructor's roster as the page was rendered; the stream keeps it current. */
	readonly initialRoster?: readonly Participant[];
	/** This device's monotonic clock in epoch ms (monotonicEpochClock in the browser). */
	readonly localClock: Clock;
	readonly openEvents: (url: string) => EventSourceLike;
	readonly readServerTime: ServerTimeReader;
	/** Repeats `fn` every `ms` until the returned function is called. */
	readonly every?: (ms: number, fn: () => void) => () => void;
	readonly visibility?: VisibilityLike | null;
}

export type Connection = 'connecting' | 'live' | 'reconnecting' | 'closed';

/** Applying one state takes at most a start, a pause and a settling seek. */
const MAX_ACTIONS_PER_TICK = 4;

/**
 * A best clock sample slower than this may leave the clock up to half of it off, and the
 * screen changing that much after the room. A projector laptop busy loading its video when it
 * joins gets only slow answers in its first burst: it measures again every RESAMPLE_SOON_MS,
 * not only every RESAMPLE_INTERVAL_MS, until a fast answer comes (or RESAMPLE_SOON_TRIES).
 */
export const GOOD_SAMPLE_DELAY_MS = 40;
export const RESAMPLE_SOON_MS = 2000;
export const RESAMPLE_SOON_TRIES = 15;

export function eventsUrl(code: string): string {
	return `/api/live/${encodeURIComponent(code)}/events`;
}

export class ClassClient {
	readonly #options: ClassClientOptions;
	readonly #clock: OffsetClock;
	readonly #estimator = new OffsetEstimator();
	#engine = $state.raw<SessionEngine>() as SessionEngine;
	/** Increments when the engine is replaced; views re-key on it. */
	#generation = $state(0);
	/** The state in effect (its anchor instant has passed on the server clock). */
	#live = $state.raw<LiveState | null>(null);
	/** The newest state received; waits here until its anchor instant. State too: `status` reads it. */
	#pending = $state.raw<LiveState | null>(null);
	#roster = $state.raw<readonly Participant[]>([]);
	#connection = $state<Connection>('connecting');
	#synced = $state(false);
	#source: EventSourceLike | null = null;
	#stopResample: (() => void) | null = null;
	#stopResampleSoon: (() => void) | null = null;
	#soonTries = 0;
	#sampling = false;
	#destroyed = false;

	constructor(options: ClassClientOptions) {
		this.#options = options;
		this.#clock = new OffsetClock(options.localClock);
		this.#engine = this.#makeEngine();
		this.#roster = options.initialRoster ?? [];
		if (options.initial) this.#receive(options.initial);
	}

	get engine(): SessionEngine {
		return this.#engine;
	}
	get generation(): number {
		return this.#generation;
	}
	/** The room's state as this device applies it. */
	get live(): LiveState | null {
		return this.#live;
	}
	/** The status to show: a state that has been received counts, so "Paused" shows with the pause. */
	get status(): LiveState['status'] | null {
		return (this.#pending ?? this.#live)?.status ?? null;
	}
	get roster(): readonly Participant[] {
		return this.#roster;
	}
	get connection(): Connection {
		return this.#connection;
	}
	/** The device knows the server clock well enough to follow the room. */
	get synced(): boolean {
		return this.#synced;
	}
	/** Server time now, as this device estimates it. */
	serverNow(): number {
		return this.#clock.now();
	}

	/**
	 * How long until a received change takes effect (its anchor instant on this device's
	 * clock), or null when none is waiting. A screen that ticks less often than every frame
	 * (a phone, every 50 ms) sets a timer for it, so that it changes with the projector
	 * rather than up to a tick later.
	 */
	dueInMs(): number | null {
		const pending = this.#pending;
		if (!pending || !this.#synced || this.#destroyed) return null;
		return Math.max(0, pending.anchorServerMs - this.#clock.now());
	}

	/** Open the stream and start measuring the clock. */
	connect(): void {
		if (this.#source || this.#destroyed) return;
		const source = this.#options.openEvents(eventsUrl(this.#options.code));
		this.#source = source;
		source.onopen = () => {
			this.#connection = 'live';
		};
		source.onerror = () => {
			this.#connection = source.readyState === SOURCE_CLOSED ? 'closed' : 'reconnecting';
		};
		source.addEventListener(SSE_EVENTS.state, (ev) => {
			const state = parseLiveState(ev.data);
			if (state) this.#receive(state);
		});
		source.addEventListener(SSE_EVENTS.roster, (ev) => {
			const roster = parseRoster(ev.data);
			if (roster) this.#roster = roster;
		});
		void this.resample(BURST_SAMPLES);
		const every = this.#options.every;
		if (every) this.#stopResample = every(RESAMPLE_INTERVAL_MS, () => void this.resample(1));
		this.#options.visibility?.addEventListener('visibilitychange', this.#onVisibility);
	}

	/** Take `count` clock samples and move the clock to the best estimate. */
	async resample(count: number): Promise<void> {
		if (this.#sampling || this.#destroyed) return;
		this.#sampling = true;
		try {
			await sampleBurst(this.#estimator, this.#options.localClock, this.#options.readServerTime, count);
		} finally {
			this.#sampling = false;
		}
		const est = this.#estimator.estimate;
		if (!est || this.#destroyed) return;
		this.#clock.offsetMs = est.offsetMs;
		this.#synced = true;
		this.#resampleSoonWhile(est.delayMs > GOOD_SAMPLE_DELAY_MS);
		this.tick();
	}

	/**
	 * Call every frame / worker tick, before the session view's tick. Puts the newest state
	 * into effect once its anchor instant has come, then lets follow() steer the engine.
	 */
	tick(): void {
		if (!this.#synced || this.#destroyed) return;
		const now = this.#clock.now();
		const pending = this.#pending;
		if (pending && pending.anchorServerMs > now) this.#startAhead(pending, now);
		if (pending && pending.anchorServerMs <= now) {
			this.#live = pending;
			this.#pending = null;
		}
		const live = this.#live;
		if (!live) return;
		for (let i = 0; i < MAX_ACTIONS_PER_TICK; i++) {
			const e = this.#engine;
			const action = follow({ state: e.state, positionMs: e.position, durationMs: e.timeline.durationMs }, live, this.#clock.now());
			if (action.type === 'none' || !this.#apply(action)) return;
		}
	}

	destroy(): void {
		this.#destroyed = true;
		this.#source?.close();
		this.#source = null;
		this.#connection = 'closed';
		this.#stopResample?.();
		this.#resampleSoonWhile(false);
		this.#options.visibility?.removeEventListener('visibilitychange', this.#onVisibility);
	}

	readonly #onVisibility = (): void => {
		// Timers were throttled and the clock may have been asleep: measure again.
		if (this.#options.visibility?.visibilityState === 'visible') void this.resample(3);
	};

	#receive(state: LiveState): void {
		const newest = this.#pending ?? this.#live;
		// A reconnect replays the current state; an old one must not undo a newer change.
		if (newest && state.seq <= newest.seq && state.lessonId === newest.lessonId) return;
		this.#pending = state;
		this.tick();
	}

	/**
	 * The room starts playing within a start lead (the server puts every change a little
	 * ahead): start the engine now with its clock set going at that instant, so the first
	 * cues are scheduled ahead like every later one. Started at the instant instead, the
	 * engine began a tick after it, past the count-in's cue at 0, which never sounded. No
	 * earlier than the solo player's lead: until then the screen stays as it was.
	 */
	#startAhead(pending: LiveState, now: number): void {
		const leadMs = pending.anchorServerMs - now;
		if (leadMs > START_LEAD_MS || this.#engine.state !== 'ready' || pending.status !== 'playing') return;
		const live = this.#live;
		if (live && live.status !== 'waiting' && live.lessonId === pending.lessonId) return;
		this.#engine.start(pending.positionMs, leadMs);
	}

	#resampleSoonWhile(poor: boolean): void {
		if (!poor || this.#destroyed || this.#soonTries >= RESAMPLE_SOON_TRIES) {
			this.#stopResampleSoon?.();
			this.#stopResampleSoon = null;
			return;
		}
		const every = this.#options.every;
		if (this.#stopResampleSoon || !every) return;
		this.#stopResampleSoon = every(RESAMPLE_SOON_MS, () => {
			this.#soonTries++;
			void this.resample(1);
		});
	}

	#makeEngine(): SessionEngine {
		// The room never waits for one device's buffering video.
		return new SessionEngine(this.#options.timeline, this.#clock, { waitForBuffering: false });
	}

	/** Whether to keep steering this tick: false if the engine refused, so it does not spin. */
	#apply(action: Exclude<FollowAction, { type: 'none' }>): boolean {
		const e = this.#engine;
		switch (action.type) {
			case 'start':
				return e.start(action.atMs) && (!action.paused || e.pause());
			case 'pause':
				return e.pause();
			case 'resume':
				return e.resume();
			case 'seek':
				return e.seek(action.toMs);
			case 'stop':
				return e.stop();
			case 'rebuild':
				this.#engine = this.#makeEngine();
				this.#generation++;
				// Start it on the next tick, once the views have re-keyed onto it and can hear its events.
				return false;
		}
	}
}
