/**
 * One write at a time in this process, for SQLite. libSQL's local driver is synchronous and
 * pools connections, and an interactive transaction holds SQLite's write lock across
 * awaits: a write on another connection meanwhile fails with SQLITE_BUSY at once (a busy
 * timeout would not help: it would block the very thread that has to finish the
 * transaction). Reads need no queue: in WAL mode they never wait for a writer.
 */
export type WriteQueue = <T>(write: () => Promise<T>) => Promise<T>;

/** The last write of every queue made, so shutdown can wait for what was acknowledged. */
const tails = new Set<() => Promise<unknown>>();

export function createWriteQueue(): WriteQueue {
	let tail: Promise<unknown> = Promise.resolve();
	tails.add(() => tail);
	return <T>(write: () => Promise<T>): Promise<T> => {
		const run = tail.then(write, write);
		// The queue moves on whether this write worked or not; the caller sees its own outcome.
		tail = run.catch(() => undefined);
		return run;
	};
}

/** Resolves once every write queued so far has finished (on shutdown, before the database closes). */
export async function writesSettled(): Promise<void> {
	await Promise.all([...tails].map((t) => t()));
}
