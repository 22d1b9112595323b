/** The live endpoints' answer while the database cannot be reached: a 503 to retry, not a 500. */
import { isDatabaseUnavailable } from '../db/unavailable';
import { refuse } from './answers';

export const DATABASE_LOST_MESSAGE = "Connection to the server's database lost, retrying";

export async function orUnavailable(handle: () => Promise<Response>): Promise<Response> {
	try {
		return await handle();
	} catch (error) {
		if (!isDatabaseUnavailable(error)) throw error;
		return refuse(503, DATABASE_LOST_MESSAGE, { 'retry-after': '1' });
	}
}
