/** Checks that a dialect's migrations are where the server looks for them. */
import { existsSync } from 'node:fs';
import path from 'node:path';

export function assertMigrations(migrationsDir: string): void {
	// Checked first because drizzle's own message does not say which folder it tried.
	if (!existsSync(path.join(migrationsDir, 'meta', '_journal.json'))) {
		throw new Error(`No database migrations in ${migrationsDir}: start the server from the repository root, where drizzle/ is`);
	}
}
