/** The live endpoints' answer while the database cannot be reached: a 503 to retry, not a 500. */
import { isDatabaseUnavailable, unavailableReason } from '../db/unavailable';
import { refuse } from './answers';

export const DATABASE_LOST_MESSAGE = "Connection to the server's database lost, retrying";

/** One log line per few seconds, so an outage does not flood the log with one line per request. */
const LOG_EVERY_MS = 5_000;
let lastLogged = Number.NEGATIVE_INFINITY;

export function logUnavailable(error: unknown): void {
	const now = Date.now();
	if (now - lastLogged < LOG_EVERY_MS) return;
	lastLogged = now;
	console.error(`database unavailable (${unavailableReason(error)}): answering 503`);
}

export async function orUnavailable(handle: () => Promise<Response>): Promise<Response> {
	try {
		return await handle();
	} catch (error) {
		if (!isDatabaseUnavailable(error)) throw error;
		logUnavailable(error);
		return refuse(503, DATABASE_LOST_MESSAGE, { 'retry-after': '1' });
	}
}
