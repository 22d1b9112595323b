/// <reference lib="webworker" />
/**
 * A metronome in a worker: hidden pages throttle main-thread timers to 1 s (and to once
 * a minute later on), but not worker timers, so the session keeps ticking with the screen off.
 */
let timer: ReturnType<typeof setInterval> | undefined;

self.onmessage = (e: MessageEvent<{ intervalMs: number } | 'stop'>) => {
	if (timer !== undefined) clearInterval(timer);
	timer = undefined;
	if (e.data !== 'stop') timer = setInterval(() => self.postMessage('tick'), e.data.intervalMs);
};
