import { json } from '@sveltejs/kit';
import { readHealth } from '$lib/server/health';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async () =>
	json(await readHealth(), { headers: { 'cache-control': 'no-store' } });
