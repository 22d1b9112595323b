/**
 * A real, migrated, empty database for tests of queries: a SQLite file in a fresh temp
 * folder, or a fresh database on the PostgreSQL server at TEST_DATABASE_URL.
 *
 * The server suites run once per dialect in TEST_DIALECTS: SQLite always; PostgreSQL when
 * TEST_DATABASE_URL is set (`.ci/run` starts a throwaway cluster and sets it) or when CI is
 * set, where a missing URL fails the PostgreSQL runs instead of silently skipping them.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import type { Database, Dialect } from '$lib/server/db/database';
import { openPostgres } from '$lib/server/db/open-postgres';
import { openSqlite } from '$lib/server/db/open-sqlite';
import { resolveMigrationsDir } from '$lib/server/db/paths';

const pgUrl = process.env.TEST_DATABASE_URL?.trim();

export const TEST_DIALECTS: readonly Dialect[] = pgUrl || process.env.CI ? ['sqlite', 'postgres'] : ['sqlite'];

export type TempDatabase = Database & { readonly url: string | null; dispose(): Promise<void> };

/** A URL for a new, empty database on the test server (dropped by the returned function). */
export async function freshPostgresUrl(): Promise<{ url: string; drop(): Promise<void> }> {
	if (!pgUrl) throw new Error('The PostgreSQL suites need TEST_DATABASE_URL (postgres://user@host:port/db): see README, "Development → Testing"');
	const name = `limber_test_${randomBytes(6).toString('hex')}`;
	const admin = postgres(pgUrl, { max: 1, onnotice: () => undefined });
	await admin.unsafe(`create database "${name}"`);
	const url = new URL(pgUrl);
	url.pathname = `/${name}`;
	return {
		url: url.href,
		async drop() {
			await admin.unsafe(`drop database if exists "${name}" with (force)`);
			await admin.end({ timeout: 1 });
		}
	};
}

export async function tempDatabase(dialect: Dialect = 'sqlite'): Promise<TempDatabase> {
	if (dialect === 'postgres') {
		const fresh = await freshPostgresUrl();
		const database = await openPostgres({ url: fresh.url, migrationsDir: resolveMigrationsDir('postgres') });
		return {
			...database,
			url: fresh.url,
			async dispose() {
				await database.close();
				await fresh.drop();
			}
		};
	}
	const dir = mkdtempSync(path.join(tmpdir(), 'limber-db-'));
	const database = await openSqlite({ dataDir: dir, migrationsDir: resolveMigrationsDir('sqlite') });
	return {
		...database,
		url: null,
		async dispose() {
			await database.close();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}
