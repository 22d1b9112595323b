/**
 * How a played session ended, as the player reports it to whatever wraps it (check-ins,
 * class attendance). 'help' is a stop through "stop and get help", reported once the
 * guidance has been closed. 'sleep-timer' is a relaxation session paused by its sleep
 * timer: the person most likely fell asleep, so it is recorded without asking anything,
 * and it is provisional: if they carry on, the session's real end replaces it.
 */
export interface SessionEnd {
	readonly outcome: 'finished' | 'stopped' | 'help' | 'sleep-timer';
	/** Session position when it ended: how much of the timeline was played. */
	readonly playedMs: number;
	/** Steps played to their end, and how many the session has, for the end screen. */
	readonly stepsDone?: number;
	readonly stepCount?: number;
}

/** How many of a timeline's steps were played through by `playedMs`. */
export function stepsDoneBy(steps: readonly { readonly endMs: number }[], playedMs: number): number {
	return steps.filter((s) => s.endMs <= playedMs).length;
}

/**
 * Tells a wrapper once that a session started and once how it ended, from the engine's
 * states as a player sees them. Shared by the players so that each reports the same way.
 */
export class SessionEndReporter {
	#started = false;
	#ended = false;

	constructor(
		private readonly onstart?: () => void,
		private readonly onend?: (end: SessionEnd) => void
	) {}

	/**
	 * Call on every state change. A stop made through "stop and get help" (`helping`) is not
	 * reported here but by helpClosed(), so the guidance is read first.
	 */
	observe(state: string, playedMs: number, durationMs: number, helping: boolean): void {
		if (!this.#started && (state === 'count-in' || state === 'playing')) {
			this.#started = true;
			this.onstart?.();
		}
		if (state === 'finished') this.#end('finished', durationMs);
		else if (state === 'stopped' && !helping) this.#end('stopped', playedMs);
	}

	/**
	 * The sleep timer paused the session. Reported at once, since the person may never come
	 * back to this page, but the session is not over: a later finish or stop is reported too,
	 * for the wrapper to put in its place.
	 */
	sleepTimerRanOut(playedMs: number): void {
		if (this.#ended || !this.#started) return;
		this.onend?.({ outcome: 'sleep-timer', playedMs: Math.round(playedMs) });
	}

	helpClosed(playedMs: number): void {
		this.#end('help', playedMs);
	}

	#end(outcome: SessionEnd['outcome'], playedMs: number): void {
		if (this.#ended || !this.#started) return;
		this.#ended = true;
		this.onend?.({ outcome, playedMs: Math.round(playedMs) });
	}
}
