/**
 * How the server entry tells the app that it is stopping. The entry (build/index.js) and
 * the app (SvelteKit's server bundle) are bundled apart and share no module instances, so
 * they meet on process events, as adapter-node's own `sveltekit:shutdown` does:
 *
 * 1. `limber:drain`, once the server has stopped accepting connections: let go of
 *    long-lived streams (every SSE client is told when to come back).
 * 2. `sveltekit:shutdown`, once every request has been answered: finish queued writes,
 *    close the database. Listeners written for adapter-node (reason only) still work.
 *
 * A listener hands work it has started to `waitUntil`; the entry waits for all of it
 * (within its deadline) before the process exits.
 */
import type { EventEmitter } from 'node:events';

export const DRAIN_EVENT = 'limber:drain';
export const SHUTDOWN_EVENT = 'sveltekit:shutdown';

export interface StopNotice {
	readonly reason: string;
	/** SSE clients reconnect after RECONNECT_MS plus a random share of this, so a room does not return at once. */
	readonly retryJitterMs: number;
	waitUntil(work: Promise<unknown>): void;
}

/** The process as the plain emitter it is: Node types only its own events. */
const bus: EventEmitter = process;

/** Registers `listener` for one of the stop events (once: a process stops once). */
export function onStop(event: typeof DRAIN_EVENT | typeof SHUTDOWN_EVENT, listener: (notice: StopNotice) => void): void {
	bus.once(event, (reason: string, notice?: StopNotice) => {
		// Emitted by adapter-node's own entry (a build run without ours): nothing waits.
		listener(notice ?? { reason, retryJitterMs: 0, waitUntil: () => undefined });
	});
}

/**
 * Emits `event` and resolves when all the work listeners handed back has settled, or after
 * `timeoutMs`, whichever comes first. Failures are reported, not thrown: stopping goes on.
 */
export async function announceStop(
	event: typeof DRAIN_EVENT | typeof SHUTDOWN_EVENT,
	reason: string,
	options: { readonly retryJitterMs: number; readonly timeoutMs: number; readonly report?: (error: unknown) => void }
): Promise<'settled' | 'timed-out'> {
	const work: Promise<unknown>[] = [];
	const notice: StopNotice = { reason, retryJitterMs: options.retryJitterMs, waitUntil: (p) => void work.push(p) };
	bus.emit(event, reason, notice);
	const report = options.report ?? ((error: unknown) => console.error(`stopping: ${String(error)}`));
	const settled = Promise.allSettled(work).then((results) => {
		for (const r of results) if (r.status === 'rejected') report(r.reason);
		return 'settled' as const;
	});
	let timer: ReturnType<typeof setTimeout> | undefined;
	const timeout = new Promise<'timed-out'>((resolve) => {
		timer = setTimeout(() => resolve('timed-out'), options.timeoutMs);
	});
	try {
		return await Promise.race([settled, timeout]);
	} finally {
		clearTimeout(timer);
	}
}
