/**
 * Opens (creating if needed) the SQLite file, switches it to WAL, and applies the
 * committed migrations. Safe to call on every start: migrations already applied
 * are skipped and the creation time is kept.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createClient, type Client } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { ensureCreatedAt } from './meta';
import { DATABASE_FILE_NAME } from './paths';

export interface OpenOptions {
	readonly dataDir: string;
	readonly migrationsDir: string;
}

export interface Database {
	readonly db: LibSQLDatabase;
	readonly client: Client;
	/** Absolute path of the SQLite file. */
	readonly file: string;
	/** ISO 8601 time of the very first start against this file. */
	readonly createdAt: string;
	close(): void;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
	// Checked first because drizzle's own message does not say which folder it tried.
	if (!existsSync(path.join(options.migrationsDir, 'meta', '_journal.json'))) {
		throw new Error(
			`No database migrations in ${options.migrationsDir}: start the server from the repository root, where drizzle/ is`
		);
	}
	mkdirSync(options.dataDir, { recursive: true });
	const file = path.join(options.dataDir, DATABASE_FILE_NAME);
	// A file: URL built by Node, so spaces and other odd characters in the path survive.
	const client = createClient({ url: pathToFileURL(file).href });
	try {
		// WAL is stored in the file itself, so setting it once covers every later
		// connection: readers no longer block the writer.
		await client.execute('PRAGMA journal_mode = WAL');
		// libsql already turns foreign keys on for each pooled connection; saying so
		// here documents the requirement, and the unit test checks a fresh connection.
		await client.execute('PRAGMA foreign_keys = ON');
		const db = drizzle(client);
		await migrate(db, { migrationsFolder: options.migrationsDir });
		const createdAt = await ensureCreatedAt(db);
		return { db, client, file, createdAt, close: () => client.close() };
	} catch (error) {
		client.close();
		throw error;
	}
}
