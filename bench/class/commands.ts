/** What bench:class and bench:cluster share: the instructor's command plan and a bounded pool of async work. */
import type { LiveCommand } from '../../src/lib/classroom/protocol';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs `fn` over `items`, at most `limit` at a time, answering results in order. */
export async function pool<T, R>(items: readonly T[], limit: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
	const out: R[] = new Array<R>(items.length);
	let next = 0;
	await Promise.all(
		Array.from({ length: Math.min(limit, items.length) }, async () => {
			while (next < items.length) {
				const i = next++;
				out[i] = await fn(items[i] as T, i);
			}
		})
	);
	return out;
}

/** start, then pause / seek / resume / next / previous / restart block, all of which change the state. */
export function plan(i: number): LiveCommand {
	if (i === 0) return { type: 'start' };
	const cycle: LiveCommand[] = [
		{ type: 'pause' },
		{ type: 'seekToStep', step: Math.floor(i / 6) % 3 },
		{ type: 'resume' },
		{ type: 'next' },
		{ type: 'previous' },
		{ type: 'restartBlock' }
	];
	return cycle[(i - 1) % cycle.length] as LiveCommand;
}
