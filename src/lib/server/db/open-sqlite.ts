/**
 * Opens (creating if needed) the SQLite file, switches it to WAL, and applies the
 * committed migrations. Safe to call on every start: migrations already applied are
 * skipped and the creation time is kept.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createClient, type Client } from '@libsql/client';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import type { Database } from './database';
import { ensureCreatedAt } from './meta';
import { assertMigrations } from './migrations';
import { DATABASE_FILE_NAME } from './paths';
import * as tables from './schema.sqlite';
import { WalCheckpointer } from './wal-checkpointer';
import { createWriteQueue } from './write-queue';

export interface SqliteOptions {
	readonly dataDir: string;
	readonly migrationsDir: string;
}

export interface SqliteDatabase extends Database {
	readonly dialect: 'sqlite';
	readonly client: Client;
	/** Absolute path of the SQLite file. */
	readonly file: string;
	readonly checkpointer: WalCheckpointer;
}

// SQLite's own clock is this machine's, read in the statement (julianday has ms precision).
const CLOCK_MS = sql<number>`cast(round((julianday('now') - 2440587.5) * 86400000) as integer)`.mapWith(Number);

export async function openSqlite(options: SqliteOptions): Promise<SqliteDatabase> {
	assertMigrations(options.migrationsDir);
	mkdirSync(options.dataDir, { recursive: true });
	const file = path.join(options.dataDir, DATABASE_FILE_NAME);
	// A file: URL built by Node, so spaces and other odd characters in the path survive.
	const url = pathToFileURL(file).href;
	// One connection: the pragmas below hold per connection, and writes queue anyway.
	const client = createClient({ url, concurrency: 1 });
	let checkpointer: WalCheckpointer | undefined;
	try {
		// WAL is stored in the file itself, so setting it once covers every later
		// connection: readers no longer block the writer.
		await client.execute('PRAGMA journal_mode = WAL');
		// Checkpoints happen in a worker, never inside a commit on this thread (see wal-checkpointer.ts).
		await client.execute('PRAGMA synchronous = NORMAL');
		await client.execute('PRAGMA wal_autocheckpoint = 0');
		// libsql already turns foreign keys on for each pooled connection; saying so
		// here documents the requirement, and the unit test checks a fresh connection.
		await client.execute('PRAGMA foreign_keys = ON');
		const db = drizzle(client);
		await migrate(db, { migrationsFolder: options.migrationsDir });
		const write = createWriteQueue();
		const base = { dialect: 'sqlite' as const, db, tables, write, clockMs: CLOCK_MS, location: file, createdAt: '' };
		const createdAt = await ensureCreatedAt(base);
		checkpointer = new WalCheckpointer(url);
		const running = checkpointer;
		return {
			...base,
			createdAt,
			client,
			file,
			transaction: (run) => write(() => db.transaction(run)),
			checkpointer: running,
			close: async () => {
				await running.stop();
				// On the way out the main thread may block: empty the WAL into the file.
				await client.execute('PRAGMA wal_checkpoint(TRUNCATE)').catch(() => undefined);
				client.close();
			}
		};
	} catch (error) {
		await checkpointer?.stop();
		client.close();
		throw error;
	}
}
