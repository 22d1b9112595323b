/** A real, migrated SQLite file in a fresh temp folder, for tests of queries. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase, type Database } from '$lib/server/db/open';
import { resolveMigrationsDir } from '$lib/server/db/paths';

export async function tempDatabase(): Promise<Database & { dispose(): void }> {
	const dir = mkdtempSync(path.join(tmpdir(), 'limber-db-'));
	const database = await openDatabase({ dataDir: dir, migrationsDir: resolveMigrationsDir() });
	return {
		...database,
		dispose() {
			database.close();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}
