import type { TimeSample } from '$lib/classroom/protocol';
import type { RequestHandler } from './$types';

/** Read the clock last, right before the answer leaves, so the sample's delay is all network. */
export const GET: RequestHandler = () => {
	const sample: TimeSample = { serverMs: Date.now() };
	return new Response(JSON.stringify(sample), {
		headers: { 'content-type': 'application/json', 'cache-control': 'no-store' }
	});
};
