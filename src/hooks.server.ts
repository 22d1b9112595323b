import { building } from '$app/environment';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { ensureAdministrator } from '$lib/server/auth/administrator';
import { currentInstructor } from '$lib/server/auth/current-instructor';
import { SESSION_COOKIE } from '$lib/server/auth/sessions';
import { closeLive, getLive, hub } from '$lib/server/classroom/live-runtime';
import { DATABASE_LOST_MESSAGE, logUnavailable } from '$lib/server/classroom/unavailable-answer';
import { getLibrary, reloadLibrary } from '$lib/server/content';
import { closeDatabase, getDatabase, initDatabase } from '$lib/server/db';
import { isDatabaseUnavailable } from '$lib/server/db/unavailable';
import { writesSettled } from '$lib/server/db/write-queue';
import { describeError, newErrorId } from '$lib/server/error-report';
import { DRAIN_EVENT, onStop, SHUTDOWN_EVENT } from '$lib/server/lifecycle';
import { applySecurityHeaders } from '$lib/server/security/headers';

/**
 * Opens and migrates the database before the first request, so a broken database
 * stops the server at start instead of failing later requests. Skipped while
 * building: prerendering must not create a data folder on the build machine.
 */
export const init: ServerInit = async () => {
	if (building) return;
	await initDatabase();
	// Before the first sign-up can arrive: an upgraded install's oldest account becomes administrator.
	await ensureAdministrator(await getDatabase());
	await getLive();
	// Checked and compiled now, before the server listens: otherwise the first request after
	// a restart (a whole class reconnecting) waits seconds behind it, and bad content would
	// only show then.
	getLibrary();
	// Only with a clinic folder: otherwise SIGHUP keeps its usual meaning (the process ends).
	if (process.env.LIMBER_CONTENT_DIR?.trim()) {
		process.on('SIGHUP', () => {
			console.log('SIGHUP: reading LIMBER_CONTENT_DIR again');
			try {
				reloadLibrary();
			} catch (error) {
				// Only the shipped content can throw here, and it was fine a moment ago: keep serving it.
				console.error(`the content could not be reloaded, the previous content stays: ${describeError(error)}`);
			}
		});
	}
	// The server entry (src/lib/server/http/graceful-stop.ts) stops in these two steps:
	// every stream is sent away with a jittered retry, then acknowledged writes finish, the
	// class bus and clock stop, and the database closes.
	onStop(DRAIN_EVENT, (notice) => hub.closeAll({ retryJitterMs: notice.retryJitterMs }));
	onStop(SHUTDOWN_EVENT, (notice) => notice.waitUntil(writesSettled().then(closeLive).then(closeDatabase)));
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

/**
 * An exception no page or endpoint expected: one log line an operator can match to what
 * the person saw (the error id, on the error page and in the JSON body), with the route
 * but not the address or the error's message, either of which can hold personal data.
 */
export const handleError: HandleServerError = ({ error, event, status, message }) => {
	const id = newErrorId();
	// SvelteKit's own 404s and 405s arrive here too; they are answers, not faults.
	if (status < 500) return { message, id };
	console.error(`error ${id} ${event.request.method} ${event.route.id ?? '(no route)'} ${status}: ${describeError(error)}`);
	return { message: `Something went wrong on the server. If it happens again, quote error ${id}.`, id };
};
