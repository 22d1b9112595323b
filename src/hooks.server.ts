import { building } from '$app/environment';
import type { Handle, ServerInit } from '@sveltejs/kit';
import { instructorForToken, SESSION_COOKIE } from '$lib/server/auth/sessions';
import { closeDatabase, getDatabase, initDatabase } from '$lib/server/db';

/**
 * Opens and migrates the database before the first request, so a broken database
 * stops the server at start instead of failing later requests. Skipped while
 * building: prerendering must not create a data folder on the build machine.
 */
export const init: ServerInit = async () => {
	if (building) return;
	await initDatabase();
	// adapter-node emits this after it stops accepting connections.
	process.once('sveltekit:shutdown', () => void closeDatabase());
};

/** Who is signed in, for every request; pages and endpoints decide what that allows. */
export const handle: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(SESSION_COOKIE);
	event.locals.instructor = token ? await instructorForToken((await getDatabase()).db, token) : null;
	return resolve(event);
};
