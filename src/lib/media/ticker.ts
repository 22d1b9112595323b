/**
 * Drives the session engine in the browser: every animation frame while the page is
 * visible (smooth countdowns), and from a worker timer always (not throttled when hidden).
 * Ticking more often than needed is harmless: the engine derives position from its clock.
 */
export interface TickerOptions {
	readonly intervalMs?: number;
	readonly frames?: boolean;
}

export function startTicker(onTick: () => void, { intervalMs = 25, frames = true }: TickerOptions = {}): () => void {
	let stopped = false;
	let frame = 0;
	const loop = () => {
		if (stopped) return;
		onTick();
		frame = requestAnimationFrame(loop);
	};
	if (frames && typeof requestAnimationFrame === 'function') frame = requestAnimationFrame(loop);

	let worker: Worker | undefined;
	let fallback: ReturnType<typeof setInterval> | undefined;
	try {
		worker = new Worker(new URL('./tick-worker.ts', import.meta.url), { type: 'module' });
		worker.onmessage = () => {
			if (!stopped) onTick();
		};
		worker.postMessage({ intervalMs });
	} catch {
		// No workers (old browser, strict CSP): a throttled timer still beats none.
		fallback = setInterval(onTick, intervalMs);
	}

	return () => {
		stopped = true;
		cancelAnimationFrame(frame);
		worker?.postMessage('stop');
		worker?.terminate();
		if (fallback !== undefined) clearInterval(fallback);
	};
}
