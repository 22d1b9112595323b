import { monitorEventLoopDelay } from 'node:perf_hooks';
import { error } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { hub } from '$lib/server/classroom/live';
import type { RequestHandler } from './$types';

/** Event-loop delay since the last `?reset=1` (for bench:soak), sampled every 10 ms. */
let loopDelay: ReturnType<typeof monitorEventLoopDelay> | undefined;

/**
 * What `npm run bench:class` and `bench:soak` watch: open SSE connections, memory and the
 * event loop's delay. Only when the server was started with LIMBER_BENCH=1; a real server
 * answers 404. With `node --expose-gc`, memory is read after a full collection, so it is
 * comparable.
 */
export const GET: RequestHandler = ({ url }) => {
	if (env.LIMBER_BENCH !== '1') error(404, 'Not found');
	if (!loopDelay) {
		loopDelay = monitorEventLoopDelay({ resolution: 10 });
		loopDelay.enable();
	}
	const ms = (ns: number) => Math.round(ns / 1e4) / 100;
	const eventLoopDelay = { p50: ms(loopDelay.percentile(50)), p99: ms(loopDelay.percentile(99)), max: ms(loopDelay.max) };
	if (url.searchParams.get('reset') === '1') loopDelay.reset();
	const collect = (globalThis as { gc?: () => void }).gc;
	collect?.();
	const memory = process.memoryUsage();
	return new Response(
		JSON.stringify({ connections: hub.connectionCount, rooms: hub.roomCount, rss: memory.rss, heapUsed: memory.heapUsed, eventLoopDelay }),
		{ headers: { 'content-type': 'application/json', 'cache-control': 'no-store' } }
	);
};
