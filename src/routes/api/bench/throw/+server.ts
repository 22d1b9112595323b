import { error } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import type { RequestHandler } from './$types';

/**
 * A handler that fails as a real one might, with personal data in its message (a failed
 * query quoting its parameters), so the hostile-request suite can check that the server
 * logs one line without it, answers 500 with an error id, and goes on serving. Only with
 * LIMBER_BENCH=1; a real server answers 404.
 */
export const GET: RequestHandler = () => {
	if (env.LIMBER_BENCH !== '1') error(404, 'Not found');
	throw new Error('Failed query: insert into participants (name) values (?)\nparams: Ana Lopes,ana.lopes@example.org');
};
