import { building } from '$app/environment';
import type { ServerInit } from '@sveltejs/kit';
import { closeDatabase, initDatabase } from '$lib/server/db';

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
