/**
 * Runs a session engine from one continuous track (an <audio> element), for the audio-first
 * relaxation player. The element is the master: the engine's clock is the element's
 * position (TrackClock) with the anchor kept at 0, and the engine's state follows the
 * element's events. So the session pauses when the system pauses the audio (a phone call,
 * headphones unplugged), waits when the audio stalls, and jumps when anything seeks it.
 *
 * Requests (buttons, keys, lock screen) act on the element first and then tell the engine
 * the same position, so the two never disagree by more than the element's own reporting.
 *
 * The track runs on past the timeline's end: the last cue (the closing words and bell) is
 * due at the very end, so its audio and a short silence come after it. The engine is
 * finished there, but the session is not over for the listener until the track has played
 * that out (`playedOut`); whatever takes the player away must wait for it.
 */
import type { SessionEngine } from '../playback/engine';
import { nextStepStart, previousStepStart } from '../playback/track-position';

/** The part of HTMLMediaElement the session uses; tests pass a fake. */
export interface TrackElement {
	currentTime: number;
	/** The media's length in seconds; NaN until the browser knows it. */
	readonly duration: number;
	readonly paused: boolean;
	readonly ended: boolean;
	play(): Promise<void>;
	pause(): void;
	addEventListener(type: TrackEventType, listener: () => void): void;
	removeEventListener(type: TrackEventType, listener: () => void): void;
}

export type TrackEventType = 'play' | 'pause' | 'waiting' | 'playing' | 'seeking' | 'ended' | 'error';

/** What the lock screen, keys and buttons can ask of a session. */
export interface SessionControls {
	play(): void;
	pause(): void;
	next(): void;
	previous(): void;
	seek(ms: number): void;
	stop(): void;
}

/** A seek this small is the element's reporting jitter, not a jump. */
export const SEEK_TOLERANCE_MS = 40;

/**
 * After the engine finishes, how much longer than the rest of the track to wait for it to
 * play out before calling it done anyway: a stall there must not hold the session's end
 * (and its check-in) back for ever.
 */
export const PLAY_OUT_GRACE_MS = 3000;

export const TRACK_LOAD_FAULT = 'The session recording could not be loaded. Check your connection, then press play again.';
export const TRACK_BLOCKED_FAULT = 'The browser did not let the sound start. Press play to begin.';

export interface TrackSessionOptions {
	/** A message for the person when the track fails or is blocked; null when it clears. */
	readonly onFault?: (message: string | null) => void;
	/** A monotonic wall clock (ms), for how long the track has been playing out. */
	readonly now?: () => number;
}

export class TrackSession implements SessionControls {
	readonly #engine: SessionEngine;
	readonly #el: TrackElement;
	readonly #onFault: (message: string | null) => void;
	readonly #listeners: [TrackEventType, () => void][];
	readonly #now: () => number;
	/** The track position the engine was last brought to; a jump away from it is a seek. */
	#knownMs = 0;
	#destroyed = false;
	/** Wall time by which the track should have played out, once the engine has finished. */
	#playOutBy: number | null = null;
	#playedOut = false;

	constructor(engine: SessionEngine, element: TrackElement, options: TrackSessionOptions = {}) {
		this.#engine = engine;
		this.#el = element;
		this.#onFault = options.onFault ?? (() => {});
		this.#now = options.now ?? (() => performance.now());
		this.#listeners = [
			['play', () => this.#onPlay()],
			['playing', () => this.#onPlaying()],
			['pause', () => this.#onPause()],
			['waiting', () => this.#engine.setBuffering(true)],
			['seeking', () => this.sync()],
			['ended', () => this.#onEnded()],
			['error', () => this.#onFault(TRACK_LOAD_FAULT)]
		];
		for (const [type, l] of this.#listeners) element.addEventListener(type, l);
	}

	/**
	 * Call on every tick, before the engine's. The engine reads the track's position directly,
	 * so it sees a seek the moment currentTime changes, possibly before the "seeking" event:
	 * going forward it just plays through what it skipped, but a jump back would leave its
	 * step and cues behind. Any backward move is therefore told to it as a seek.
	 */
	sync(): void {
		const ms = this.#positionMs();
		if (this.#underWay() && Math.abs(ms - this.#knownMs) > SEEK_TOLERANCE_MS && (ms < this.#knownMs || this.#el.paused)) {
			this.#engine.seek(ms);
		}
		this.#knownMs = ms;
		this.#checkPlayedOut();
	}

	/**
	 * The session is over for the listener: the engine has finished and the track has played
	 * its last cue out (it ended, or was paused, or overran its length by PLAY_OUT_GRACE_MS).
	 * Up to date as of the last sync().
	 */
	get playedOut(): boolean {
		return this.#playedOut;
	}

	/** Begin at `fromMs` (a resume point) or the start. Call inside the person's press. */
	start(fromMs = 0): void {
		if (this.#engine.state !== 'ready') return;
		this.#el.currentTime = Math.max(0, fromMs) / 1000;
		this.#play();
	}

	play(): void {
		const s = this.#engine.state;
		if (s === 'ready') this.start(0);
		else if (s === 'paused' || (this.#el.paused && (s === 'playing' || s === 'count-in' || s === 'buffering'))) this.#play();
	}

	pause(): void {
		this.#el.pause();
		// The element says "pause" asynchronously; the session stops moving now.
		this.#engine.pause();
	}

	toggle(): void {
		const s = this.#engine.state;
		if (s === 'ready' || s === 'paused') this.play();
		else if (s === 'playing' || s === 'count-in' || s === 'buffering') this.pause();
	}

	seek(ms: number): void {
		if (!Number.isFinite(ms) || !this.#underWay()) return;
		const to = Math.min(Math.max(ms, 0), this.#engine.timeline.durationMs);
		this.#el.currentTime = to / 1000;
		this.#engine.seek(to);
		this.#knownMs = to;
	}

	next(): void {
		if (!this.#underWay()) return;
		const to = nextStepStart(this.#engine.timeline, this.#engine.position);
		if (to !== null) this.seek(to);
	}

	previous(): void {
		if (!this.#underWay()) return;
		this.seek(previousStepStart(this.#engine.timeline, this.#engine.position));
	}

	stop(): void {
		this.#engine.stop();
		this.#el.pause();
	}

	destroy(): void {
		if (this.#destroyed) return;
		this.#destroyed = true;
		for (const [type, l] of this.#listeners) this.#el.removeEventListener(type, l);
		this.#el.pause();
	}

	#underWay(): boolean {
		const s = this.#engine.state;
		return s === 'playing' || s === 'count-in' || s === 'paused' || s === 'buffering';
	}

	#play(): void {
		this.#onFault(null);
		this.#el.play().catch((err: unknown) => {
			if (this.#destroyed) return;
			const blocked = err instanceof Error && err.name === 'NotAllowedError';
			this.#onFault(blocked ? TRACK_BLOCKED_FAULT : TRACK_LOAD_FAULT);
		});
	}

	#positionMs(): number {
		return this.#el.currentTime * 1000;
	}

	#onPlay(): void {
		const e = this.#engine;
		if (e.state === 'ready') e.start(this.#positionMs());
		else if (e.state === 'paused') {
			this.#realign();
			e.resume();
		}
	}

	#onPlaying(): void {
		this.#engine.setBuffering(false);
		this.#realign();
	}

	#onEnded(): void {
		this.#engine.tick();
		this.#checkPlayedOut();
	}

	#checkPlayedOut(): void {
		if (this.#playedOut || this.#engine.state !== 'finished') return;
		const now = this.#now();
		if (this.#playOutBy === null) {
			const leftMs = (this.#el.duration - this.#el.currentTime) * 1000;
			this.#playOutBy = now + (Number.isFinite(leftMs) ? Math.max(0, leftMs) : 0) + PLAY_OUT_GRACE_MS;
		}
		this.#playedOut = this.#el.ended || this.#el.paused || now >= this.#playOutBy;
	}

	#onPause(): void {
		// "ended" also pauses the element; the engine finishes on its own at the timeline's end.
		if (this.#el.ended) return;
		this.#engine.pause();
	}

	/** If something moved the element without us (the system's seek bar), follow it. */
	#realign(): void {
		const ms = this.#positionMs();
		if (this.#underWay() && Math.abs(ms - this.#engine.position) > SEEK_TOLERANCE_MS) this.#engine.seek(ms);
		this.#knownMs = ms;
	}
}
