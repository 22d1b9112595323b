/** Opens the database the configuration names, migrated and ready. */
import type { DatabaseConfig } from './config';
import type { Database } from './database';
import { openPostgres } from './open-postgres';
import { openSqlite } from './open-sqlite';
import { resolveMigrationsDir } from './paths';

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
	if (config.kind === 'postgres') return openPostgres({ url: config.url, migrationsDir: resolveMigrationsDir('postgres') });
	return openSqlite({ dataDir: config.dataDir, migrationsDir: resolveMigrationsDir('sqlite') });
}
