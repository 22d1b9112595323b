/**
 * Init script: notes when each message from a dedicated worker reaches the main thread.
 * The player's ticker is a worker timer (src/lib/media/ticker.ts); a cue is scheduled late
 * only if no tick got through for longer than the lookahead, so the gaps between arrivals
 * tell whether a late cue came from a busy or starved main thread. Only observes: the
 * page's own listeners get every message as before.
 */
import type { TickGap } from '../sync/types';

declare const BENCH_CONFIG: { readonly minGapMs: number };

const gaps: TickGap[] = [];
let messages = 0;
const NativeWorker = window.Worker;

class MonitoredWorker extends NativeWorker {
	constructor(url: string | URL, options?: WorkerOptions) {
		super(url, options);
		let last: number | null = null;
		this.addEventListener('message', () => {
			const now = performance.now();
			messages++;
			if (last !== null && now - last >= BENCH_CONFIG.minGapMs) gaps.push({ endMs: now, gapMs: now - last });
			last = now;
		});
	}
}

Object.assign(window, {
	Worker: MonitoredWorker,
	__benchTicks: { report: () => ({ messages, gaps: [...gaps] }) }
});
