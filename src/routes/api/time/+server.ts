import type { TimeSample } from '$lib/classroom/protocol';
import { getLive } from '$lib/server/classroom/live-runtime';
import type { RequestHandler } from './$types';

/**
 * The database's clock as this server reads it, the clock every server stamps lesson
 * changes with, so phones on different servers agree. Read last, right before the answer
 * leaves, so the sample's delay is all network.
 */
export const GET: RequestHandler = async () => {
	const { clock } = await getLive();
	const sample: TimeSample = { serverMs: clock.now() };
	return new Response(JSON.stringify(sample), {
		headers: { 'content-type': 'application/json', 'cache-control': 'no-store' }
	});
};
