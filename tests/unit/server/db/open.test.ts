import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createClient } from '@libsql/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '$lib/server/db/open';
import { DATABASE_FILE_NAME, resolveDataDir, resolveMigrationsDir } from '$lib/server/db/paths';

let tmp: string;
const opened: Database[] = [];

async function start(dataDir: string): Promise<Database> {
	const database = await openDatabase({ dataDir, migrationsDir: resolveMigrationsDir() });
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

afterEach(() => {
	for (const database of opened.splice(0)) database.close();
	rmSync(tmp, { recursive: true, force: true });
});

describe('openDatabase', () => {
	it('creates the data folder and the SQLite file on first start', async () => {
		const dataDir = path.join(tmp, 'a folder with spaces', 'data');
		const database = await start(dataDir);
		expect(database.file).toBe(path.join(dataDir, DATABASE_FILE_NAME));
		expect(existsSync(database.file)).toBe(true);
		expect(new Date(database.createdAt).toISOString()).toBe(database.createdAt);
	});

	it('is idempotent: a second start keeps the creation time and applies no migration twice', async () => {
		const count = async (database: Database, table: string): Promise<number> =>
			Number((await database.client.execute(`SELECT count(*) FROM ${table}`)).rows[0]?.[0]);
		const first = await start(tmp);
		const migrations = await count(first, '__drizzle_migrations');
		expect(migrations).toBeGreaterThan(0);
		first.close();
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

	it('refuses to start without its migrations, naming the folder it looked in', async () => {
		const migrationsDir = path.join(tmp, 'nowhere');
		await expect(openDatabase({ dataDir: tmp, migrationsDir })).rejects.toThrow(migrationsDir);
		expect(existsSync(path.join(tmp, DATABASE_FILE_NAME))).toBe(false);
	});
});

describe('resolveDataDir', () => {
	it('defaults to ./data and honours LIMBER_DATA_DIR', () => {
		expect(resolveDataDir({})).toBe(path.resolve('data'));
		expect(resolveDataDir({ LIMBER_DATA_DIR: '  ' })).toBe(path.resolve('data'));
		expect(resolveDataDir({ LIMBER_DATA_DIR: tmp })).toBe(tmp);
	});
});
