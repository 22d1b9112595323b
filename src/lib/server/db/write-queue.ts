/**
 * One write at a time in this process. libSQL's local driver is synchronous and pools
 * connections, and an interactive transaction holds SQLite's write lock across awaits: a
 * write on another connection meanwhile fails with SQLITE_BUSY at once (a busy timeout
 * would not help: it would block the very thread that has to finish the transaction).
 * Reads need no queue: in WAL mode they never wait for a writer.
 */
let tail: Promise<unknown> = Promise.resolve();

export function queuedWrite<T>(write: () => Promise<T>): Promise<T> {
	const run = tail.then(write, write);
	// The queue moves on whether this write worked or not; the caller sees its own outcome.
	tail = run.catch(() => undefined);
	return run;
}

/** Resolves once every write queued so far has finished (on shutdown, before the database closes). */
export function writesSettled(): Promise<void> {
	return tail.then(() => undefined);
}
