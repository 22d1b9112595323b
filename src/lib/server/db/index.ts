/**
 * The process-wide database. `initDatabase()` runs from the server's init hook;
 * `getDatabase()` is what endpoints use, and also opens the database lazily so a
 * request that arrives first (or code run outside the hook) still finds it.
 */
import { resolveDatabaseConfig } from './config';
import type { Database } from './database';
import { openDatabase } from './open';

let opening: Promise<Database> | undefined;

export function getDatabase(): Promise<Database> {
	opening ??= openDatabase(resolveDatabaseConfig()).catch((error: unknown) => {
		// Let the next call retry instead of caching the failure forever.
		opening = undefined;
		throw error;
	});
	return opening;
}

export async function initDatabase(): Promise<void> {
	await getDatabase();
}

/** Closes the database if it was opened (on shutdown, so the WAL is checkpointed). */
export async function closeDatabase(): Promise<void> {
	const current = opening;
	opening = undefined;
	// A database that failed to open has nothing to close.
	await current?.then(
		(database) => database.close(),
		() => undefined
	);
}

export type { Database } from './database';
