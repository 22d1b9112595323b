import { building } from '$app/environment';
import type { Handle, ServerInit } from '@sveltejs/kit';
import { currentInstructor } from '$lib/server/auth/current-instructor';
import { SESSION_COOKIE } from '$lib/server/auth/sessions';
import { closeLive, getLive } from '$lib/server/classroom/live-runtime';
import { DATABASE_LOST_MESSAGE, logUnavailable } from '$lib/server/classroom/unavailable-answer';
import { closeDatabase, initDatabase } from '$lib/server/db';
import { isDatabaseUnavailable } from '$lib/server/db/unavailable';
import { applySecurityHeaders } from '$lib/server/security/headers';

/**
 * Opens and migrates the database before the first request, so a broken database
 * stops the server at start instead of failing later requests, and starts listening to
 * the other servers (PostgreSQL). Skipped while building: prerendering must not create a
 * data folder on the build machine.
 */
export const init: ServerInit = async () => {
	if (building) return;
	await initDatabase();
	await getLive();
	// adapter-node emits this after it stops accepting connections.
	process.once('sveltekit:shutdown', () => void closeLive().then(closeDatabase));
};

/** Every answer carries Limber's security headers (see security/headers.ts). */
export const handle: Handle = async ({ event, resolve }) => {
	const response = await identify({ event, resolve });
	const https = event.url.protocol === 'https:';
	try {
		applySecurityHeaders(response.headers, https);
		return response;
	} catch {
		// Headers of a response from fetch() are immutable: copy it.
		const copy = new Response(response.body, response);
		applySecurityHeaders(copy.headers, https);
		return copy;
	}
};

/** Who is signed in, for every request; pages and endpoints decide what that allows. */
const identify: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(SESSION_COOKIE);
	try {
		event.locals.instructor = token ? await currentInstructor(token) : null;
	} catch (error) {
		// Not knowing who is asking, a live endpoint answers what it would for any lost
		// database: try again shortly. Pages fail as they would without the database.
		if (!isDatabaseUnavailable(error) || !event.url.pathname.startsWith('/api/')) throw error;
		logUnavailable(error);
		return new Response(JSON.stringify({ message: DATABASE_LOST_MESSAGE }), {
			status: 503,
			headers: { 'content-type': 'application/json', 'cache-control': 'no-store', 'retry-after': '1' }
		});
	}
	return resolve(event);
};
