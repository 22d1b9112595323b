import { error } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { hub } from '$lib/server/classroom/live';
import type { RequestHandler } from './$types';

/**
 * What `npm run bench:class` watches for leaks: open SSE connections and memory. Only
 * when the server was started with LIMBER_BENCH=1; a real server answers 404.
 * With `node --expose-gc`, memory is read after a full collection, so it is comparable.
 */
export const GET: RequestHandler = () => {
	if (env.LIMBER_BENCH !== '1') error(404, 'Not found');
	const collect = (globalThis as { gc?: () => void }).gc;
	collect?.();
	const memory = process.memoryUsage();
	return new Response(
		JSON.stringify({ connections: hub.connectionCount, rooms: hub.roomCount, rss: memory.rss, heapUsed: memory.heapUsed }),
		{ headers: { 'content-type': 'application/json', 'cache-control': 'no-store' } }
	);
};
