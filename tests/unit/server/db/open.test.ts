import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createClient } from '@libsql/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPostgres } from '$lib/server/db/open-postgres';
import { openSqlite, type SqliteDatabase } from '$lib/server/db/open-sqlite';
import { DATABASE_FILE_NAME, resolveDataDir, resolveMigrationsDir } from '$lib/server/db/paths';
import { freshPostgresUrl, TEST_DIALECTS } from './temp-database';

let tmp: string;
const opened: SqliteDatabase[] = [];

async function start(dataDir: string): Promise<SqliteDatabase> {
	const database = await openSqlite({ dataDir, migrationsDir: resolveMigrationsDir('sqlite') });
	opened.push(database);
	return database;
}

/** Asks a brand-new connection, so the answer is about the file, not our own connection. */
async function pragma(file: string, name: string): Promise<unknown> {
	const client = createClient({ url: pathToFileURL(file).href });
	try {
		const result = await client.execute(`PRAGMA ${name}`);
		return result.rows[0]?.[0];
	} finally {
		client.close();
	}
}

beforeEach(() => {
	tmp = mkdtempSync(path.join(tmpdir(), 'limber-db-'));
});

afterEach(async () => {
	for (const database of opened.splice(0)) await database.close();
	rmSync(tmp, { recursive: true, force: true });
});

describe('openSqlite', () => {
	it('creates the data folder and the SQLite file on first start', async () => {
		const dataDir = path.join(tmp, 'a folder with spaces', 'data');
		const database = await start(dataDir);
		expect(database.file).toBe(path.join(dataDir, DATABASE_FILE_NAME));
		expect(database.dialect).toBe('sqlite');
		expect(existsSync(database.file)).toBe(true);
		expect(new Date(database.createdAt).toISOString()).toBe(database.createdAt);
	});

	it('is idempotent: a second start keeps the creation time and applies no migration twice', async () => {
		const count = async (database: SqliteDatabase, table: string): Promise<number> =>
			Number((await database.client.execute(`SELECT count(*) FROM ${table}`)).rows[0]?.[0]);
		const first = await start(tmp);
		const migrations = await count(first, '__drizzle_migrations');
		expect(migrations).toBeGreaterThan(0);
		await first.close();
		const second = await start(tmp);
		expect(second.createdAt).toBe(first.createdAt);
		expect(await count(second, '__drizzle_migrations')).toBe(migrations);
		expect(await count(second, 'app_meta')).toBe(1);
	});

	it('leaves the file in WAL mode with foreign keys enforced', async () => {
		const database = await start(tmp);
		expect(await pragma(database.file, 'journal_mode')).toBe('wal');
		expect(Number(await pragma(database.file, 'foreign_keys'))).toBe(1);
	});

	it('never checkpoints inside a commit on the main thread: a worker moves the WAL into the file', async () => {
		const database = await start(tmp);
		const setting = async (name: string) => Number((await database.client.execute(`PRAGMA ${name}`)).rows[0]?.[0]);
		expect(await setting('synchronous')).toBe(1); // NORMAL
		expect(await setting('wal_autocheckpoint')).toBe(0);
		for (let i = 0; i < 50; i++) await database.write(() => database.client.execute({ sql: 'INSERT INTO app_meta (key, value) VALUES (?, ?)', args: [`k${i}`, 'x'.repeat(2000)] }));
		const result = await database.checkpointer.checkpoint();
		expect(result.log).toBeGreaterThan(0);
		expect(result.checkpointed).toBe(result.log);
		// …and the data is in the file: a fresh connection reads it.
		await database.close();
		opened.splice(opened.indexOf(database), 1);
		const client = createClient({ url: pathToFileURL(database.file).href });
		try {
			expect(Number((await client.execute('SELECT count(*) FROM app_meta')).rows[0]?.[0])).toBe(51);
		} finally {
			client.close();
		}
	});

	it('refuses to start without its migrations, naming the folder it looked in', async () => {
		const migrationsDir = path.join(tmp, 'nowhere');
		await expect(openSqlite({ dataDir: tmp, migrationsDir })).rejects.toThrow(migrationsDir);
		expect(existsSync(path.join(tmp, DATABASE_FILE_NAME))).toBe(false);
	});

	it('reads its clock as this machine’s, in ms', async () => {
		const database = await start(tmp);
		const before = Date.now();
		const [row] = await database.db.select({ now: database.clockMs }).from(database.tables.appMeta);
		expect(row!.now).toBeGreaterThanOrEqual(before - 2);
		expect(row!.now).toBeLessThanOrEqual(Date.now() + 2);
	});
});

describe.runIf(TEST_DIALECTS.includes('postgres'))('openPostgres', () => {
	it('migrates once when several servers start together, and they agree on the creation time', async () => {
		const fresh = await freshPostgresUrl();
		try {
			const servers = await Promise.all(
				Array.from({ length: 3 }, () => openPostgres({ url: fresh.url, migrationsDir: resolveMigrationsDir('postgres') }))
			);
			try {
				expect(new Set(servers.map((s) => s.createdAt)).size).toBe(1);
				expect(servers[0]!.dialect).toBe('postgres');
				// Nothing in the location gives the password away.
				expect(servers[0]!.location).toMatch(/^127\.0\.0\.1:\d+\/limber_test_/);
				const rows = await servers[0]!.db.select().from(servers[0]!.tables.appMeta);
				expect(rows).toHaveLength(1);
			} finally {
				await Promise.all(servers.map((s) => s.close()));
			}
			const again = await openPostgres({ url: fresh.url, migrationsDir: resolveMigrationsDir('postgres') });
			await again.close();
		} finally {
			await fresh.drop();
		}
	});
});

describe('resolveDataDir', () => {
	it('defaults to ./data and honours LIMBER_DATA_DIR', () => {
		expect(resolveDataDir({})).toBe(path.resolve('data'));
		expect(resolveDataDir({ LIMBER_DATA_DIR: '  ' })).toBe(path.resolve('data'));
		expect(resolveDataDir({ LIMBER_DATA_DIR: tmp })).toBe(tmp);
	});
});
