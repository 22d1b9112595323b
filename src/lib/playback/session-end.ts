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
