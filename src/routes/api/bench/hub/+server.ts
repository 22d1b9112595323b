import { monitorEventLoopDelay } from 'node:perf_hooks';
import { error } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { hub } from '$lib/server/classroom/live';
import type { RequestHandler } from './$types';

/** Event-loop delay since the last `?reset`, at 1 ms resolution: a stalled loop holds every stream's bytes (bench:class, bench:cluster, bench:soak). */
let loop: ReturnType<typeof monitorEventLoopDelay> | undefined;

/**
 * What `npm run bench:class`, `bench:cluster` and `bench:soak` watch: open SSE connections, memory and
 * event-loop delay. Only when the server was started with LIMBER_BENCH=1; a real server
 * answers 404. With `node --expose-gc`, memory is read after a full collection, so it is
 * comparable.
 */
export const GET: RequestHandler = ({ url }) => {
	if (env.LIMBER_BENCH !== '1') error(404, 'Not found');
	if (!loop) {
		loop = monitorEventLoopDelay({ resolution: 1 });
		loop.enable();
	}
	const delay = { p50_ms: loop.percentile(50) / 1e6, p99_ms: loop.percentile(99) / 1e6, max_ms: loop.max / 1e6 };
	if (url.searchParams.has('reset')) loop.reset();
	const collect = (globalThis as { gc?: () => void }).gc;
	if (!url.searchParams.has('nogc')) collect?.();
	const memory = process.memoryUsage();
	return new Response(
		JSON.stringify({
			connections: hub.connectionCount,
			rooms: hub.roomCount,
			rss: memory.rss,
			heapUsed: memory.heapUsed,
			eventLoopDelay: delay
		}),
		{ headers: { 'content-type': 'application/json', 'cache-control': 'no-store' } }
	);
};
