/**
 * One player's sleep timer: the pure SleepTimer fed from the player's tick, with what the
 * dim screen shows kept as runes state. The screen's state changes at most once a second
 * (and the spoken text once a minute), however often the player ticks.
 */
import { SleepTimer, sleepAnnouncement, type SleepFrame } from '../playback/sleep-timer';
import type { EngineState } from '../playback/events';
import type { SleepSettings } from './sleep-settings.svelte';

export interface SleepSession {
	readonly state: EngineState;
	readonly position: number;
	readonly timeline: { readonly durationMs: number };
}

/** What a player does with a sleep frame; each player pauses and fades in its own way. */
export interface SleepHands {
	/** Pause the session where it is, and silence whatever still rings. */
	pause(): void;
	/** Report the stop (the session's end reporter). */
	ranOut(playedMs: number): void;
	/** The fade's gain over everything the session sounds. */
	gain(gain: number): void;
	chime(): void;
}

export class SleepControl {
	readonly settings: SleepSettings;
	readonly #timer: SleepTimer;
	readonly #now: () => number;
	#remainingS = $state<number | null>(null);
	#fading = $state(false);
	#announcement = $state('');

	constructor(settings: SleepSettings, options: { now?: () => number; fadeMs?: number } = {}) {
		this.settings = settings;
		this.#now = options.now ?? (() => performance.now());
		this.#timer = new SleepTimer(options.fadeMs);
	}

	/** Whole seconds left on the timer; null when none runs. */
	get remainingS(): number | null {
		return this.#remainingS;
	}
	get fading(): boolean {
		return this.#fading;
	}
	/** For a polite live region: changes once a minute, or when the fade begins. */
	get announcement(): string {
		return this.#announcement;
	}

	/**
	 * Call on every player tick, after the engine's. Pauses before the gain goes back up,
	 * so the restored level is never heard.
	 */
	drive(session: SleepSession, hands: SleepHands): void {
		const frame = this.tick(session);
		if (frame.pause) {
			hands.pause();
			hands.ranOut(session.position);
		}
		hands.gain(frame.gain);
		if (frame.chime) hands.chime();
	}

	/** The frame for now; drive() acts on it. */
	tick(session: SleepSession): SleepFrame {
		const choice = this.settings.timer;
		const frame = this.#timer.update({
			choice,
			end: this.settings.end,
			nowMs: this.#now(),
			state: session.state,
			positionMs: session.position,
			durationMs: session.timeline.durationMs
		});
		// Rounded so that the screen (and anything reading it) changes once a second at most.
		this.#remainingS = frame.remainingMs === null ? null : Math.ceil(frame.remainingMs / 1000);
		this.#fading = frame.fading;
		this.#announcement = sleepAnnouncement(frame, choice);
		return frame;
	}
}
