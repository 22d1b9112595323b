/**
 * How a played session ended, as the player reports it to whatever wraps it (check-ins,
 * class attendance). 'help' is a stop through "stop and get help", reported once the
 * guidance has been closed.
 */
export interface SessionEnd {
	readonly outcome: 'finished' | 'stopped' | 'help';
	/** Session position when it ended: how much of the timeline was played. */
	readonly playedMs: number;
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

	helpClosed(playedMs: number): void {
		this.#end('help', playedMs);
	}

	#end(outcome: SessionEnd['outcome'], playedMs: number): void {
		if (this.#ended || !this.#started) return;
		this.#ended = true;
		this.onend?.({ outcome, playedMs: Math.round(playedMs) });
	}
}
