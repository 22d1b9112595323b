import { building } from '$app/environment';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { instructorForToken, SESSION_COOKIE } from '$lib/server/auth/sessions';
import { hub } from '$lib/server/classroom/live';
import { getLibrary } from '$lib/server/content';
import { closeDatabase, getDatabase, initDatabase } from '$lib/server/db';
import { writesSettled } from '$lib/server/db/write-queue';
import { describeError, newErrorId } from '$lib/server/error-report';
import { DRAIN_EVENT, onStop, SHUTDOWN_EVENT } from '$lib/server/lifecycle';

/**
 * Opens and migrates the database before the first request, so a broken database
 * stops the server at start instead of failing later requests. Skipped while
 * building: prerendering must not create a data folder on the build machine.
 */
export const init: ServerInit = async () => {
	if (building) return;
	await initDatabase();
	// Checked and compiled now, before the server listens: otherwise the first request after
	// a restart (a whole class reconnecting) waits seconds behind it, and bad content would
	// only show then.
	getLibrary();
	// The server entry (src/lib/server/http/graceful-stop.ts) stops in these two steps.
	onStop(DRAIN_EVENT, (notice) => hub.closeAll({ retryJitterMs: notice.retryJitterMs }));
	onStop(SHUTDOWN_EVENT, (notice) => notice.waitUntil(writesSettled().then(closeDatabase)));
};

/** Who is signed in, for every request; pages and endpoints decide what that allows. */
export const handle: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(SESSION_COOKIE);
	event.locals.instructor = token ? await instructorForToken((await getDatabase()).db, token) : null;
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
