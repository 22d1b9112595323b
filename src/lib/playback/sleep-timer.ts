/**
 * The sleep timer of a relaxation session and the fades at its end, as pure logic: from
 * the person's choices, a wall-clock reading and the session's state, position and length,
 * it says how loud the session should be, how long the timer has left, and whether to pause
 * the session or sound the wake-up chime now.
 *
 * Every answer is worked out from the time that has passed, never from how many ticks there
 * were: a hidden page's timers may fire only once a second (or much later), and the fade must
 * still follow its curve and land on silence when the timer runs out.
 */
import { fadeCurve } from './fade';
import type { EngineState } from './events';

export const SLEEP_TIMER_MINUTES = [10, 20, 30, 45] as const;
export type SleepMinutes = (typeof SLEEP_TIMER_MINUTES)[number];
/** Off, a number of minutes of playing time, or the session's own end. */
export type SleepTimerChoice = 'off' | SleepMinutes | 'end';
export const SLEEP_TIMER_CHOICES: readonly SleepTimerChoice[] = ['off', ...SLEEP_TIMER_MINUTES, 'end'];

/** When the sleep timer runs out: stay asleep (fade to silence), or a soft chime to come back. */
export type EndChoice = 'drift' | 'chime';
export const END_CHOICES: readonly EndChoice[] = ['drift', 'chime'];

/** How long the sound takes to fade away before the sleep timer runs out. */
export const SLEEP_FADE_MS = 30_000;
export function isSleepTimerChoice(v: unknown): v is SleepTimerChoice {
	return SLEEP_TIMER_CHOICES.some((c) => c === v);
}

export function isEndChoice(v: unknown): v is EndChoice {
	return END_CHOICES.some((c) => c === v);
}

export interface SleepInput {
	readonly choice: SleepTimerChoice;
	readonly end: EndChoice;
	/** A monotonic wall clock in ms (performance.now() in the browser). */
	readonly nowMs: number;
	readonly state: EngineState;
	readonly positionMs: number;
	readonly durationMs: number;
}

export interface SleepFrame {
	/** Multiplies all of the session's sound (track or speech and cues, and the ambience bed). */
	readonly gain: number;
	/** Time left on the sleep timer; null when none is set or the session is over. */
	readonly remainingMs: number | null;
	/** The fade before the timer runs out is under way. */
	readonly fading: boolean;
	/** The timer ran out: pause the session now (keeping its place). */
	readonly pause: boolean;
	/** Sound the wake-up chime now; true for one frame per ending. */
	readonly chime: boolean;
}

const FULL: SleepFrame = Object.freeze({ gain: 1, remainingMs: null, fading: false, pause: false, chime: false });

/** The states in which session time (and so a sleep timer) runs; a stall still counts. */
function runs(state: EngineState): boolean {
	return state === 'count-in' || state === 'playing' || state === 'buffering';
}

/**
 * One session's sleep timer. A minutes timer counts playing time by the wall clock: it waits
 * while the person has paused, and after it has paused the session it starts again from its
 * full length, should they carry on. "At the end" fades the session's last seconds, and the
 * session finishes by itself. Choosing again restarts the count.
 */
export class SleepTimer {
	readonly #fadeMs: number;
	#choice: SleepTimerChoice | null = null;
	/** Time left on a minutes timer while the session is not running. */
	#leftMs = 0;
	/** When a minutes timer runs out (wall clock) while the session runs; null otherwise. */
	#deadline: number | null = null;
	#lastState: EngineState | null = null;

	constructor(fadeMs = SLEEP_FADE_MS) {
		this.#fadeMs = fadeMs;
	}

	update(input: SleepInput): SleepFrame {
		const { choice, end, nowMs, state } = input;
		if (choice !== this.#choice) {
			this.#choice = choice;
			this.#leftMs = typeof choice === 'number' ? choice * 60_000 : 0;
			this.#deadline = null;
		}
		const finishedNow = state === 'finished' && this.#lastState !== null && this.#lastState !== 'finished';
		this.#lastState = state;
		if (choice === 'off') return FULL;
		if (choice === 'end') return this.#untilEnd(input, finishedNow && end === 'chime');
		return this.#minutes(choice, end, nowMs, state);
	}

	#untilEnd({ state, positionMs, durationMs }: SleepInput, chime: boolean): SleepFrame {
		// The track plays on for a moment after the timeline's end (a bell's ring): keep it silent.
		if (state === 'finished') return { gain: 0, remainingMs: null, fading: false, pause: false, chime };
		if (state === 'stopped') return FULL;
		const left = Math.max(0, durationMs - positionMs);
		const fading = runs(state) && left < this.#fadeMs;
		return { gain: state === 'ready' ? 1 : fadeCurve(left / this.#fadeMs), remainingMs: left, fading, pause: false, chime: false };
	}

	#minutes(choice: SleepMinutes, end: EndChoice, nowMs: number, state: EngineState): SleepFrame {
		// A session that ended before its timer leaves nothing to count.
		if (state === 'finished' || state === 'stopped') {
			this.#deadline = null;
			return FULL;
		}
		if (runs(state)) {
			this.#deadline ??= nowMs + this.#leftMs;
		} else if (this.#deadline !== null) {
			this.#leftMs = Math.max(0, this.#deadline - nowMs);
			this.#deadline = null;
		}
		const left = this.#deadline === null ? this.#leftMs : Math.max(0, this.#deadline - nowMs);
		if (runs(state) && left <= 0) {
			this.#leftMs = choice * 60_000;
			this.#deadline = null;
			// Full gain again at once: the pause silences the session, and a later resume is heard.
			return { gain: 1, remainingMs: this.#leftMs, fading: false, pause: true, chime: end === 'chime' };
		}
		const fading = runs(state) && left < this.#fadeMs;
		return { gain: fadeCurve(left / this.#fadeMs), remainingMs: left, fading, pause: false, chime: false };
	}
}

/** What the dim screen says about the timer: whole minutes (rounded up), so it changes once a minute. */
export function sleepAnnouncement(frame: Pick<SleepFrame, 'remainingMs' | 'fading'>, choice: SleepTimerChoice): string {
	if (choice === 'off' || frame.remainingMs === null) return '';
	if (frame.fading) return 'Sleep timer: fading out.';
	const minutes = Math.max(1, Math.ceil(frame.remainingMs / 60_000));
	const what = choice === 'end' ? 'until the end of the session' : 'left on the sleep timer';
	return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'} ${what}.`;
}
