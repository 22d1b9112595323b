import { json } from '@sveltejs/kit';
import { isDatabaseUnavailable } from '$lib/server/db/unavailable';
import { readHealth } from '$lib/server/health';
import type { RequestHandler } from './$types';

/** 503 while the database is away, so a proxy or monitor can tell this server is not serving classes. */
export const GET: RequestHandler = async () => {
	try {
		return json(await readHealth(), { headers: { 'cache-control': 'no-store' } });
	} catch (error) {
		if (!isDatabaseUnavailable(error)) throw error;
		return json({ ok: false, message: "The server's database cannot be reached" }, { status: 503, headers: { 'cache-control': 'no-store' } });
	}
};
