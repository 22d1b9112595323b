/**
 * Connects to PostgreSQL (`DATABASE_URL`) with postgres.js and applies the committed
 * PostgreSQL migrations. Several servers may start at once against an empty database, so
 * migrating happens under an advisory lock: the first migrates, the others wait and then
 * find nothing left to do.
 */
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { describePostgresUrl } from './config';
import type { Database, Db, Tables } from './database';
import { ensureCreatedAt } from './meta';
import { assertMigrations } from './migrations';
import * as tables from './schema.postgres';

export interface PostgresOptions {
	readonly url: string;
	readonly migrationsDir: string;
	/** Connections in this server's pool (default 10). */
	readonly poolSize?: number;
}

/** Any fixed number: the key of the advisory lock that migrations take. */
const MIGRATION_LOCK = 7_316_216;

// clock_timestamp(), not now(): now() is when the transaction began, which for a command
// that waited on a row lock is earlier than the moment it is applied.
const CLOCK_MS = sql<number>`floor(extract(epoch from clock_timestamp()) * 1000)::bigint`.mapWith(Number);

export async function openPostgres(options: PostgresOptions): Promise<Database> {
	assertMigrations(options.migrationsDir);
	const client = postgres(options.url, {
		max: options.poolSize ?? 10,
		// A database that is down should fail a request quickly (503), not hold it.
		connect_timeout: 5,
		idle_timeout: 60,
		onnotice: () => undefined
	});
	try {
		// One connection of its own, so the lock and the migrations share a session.
		const migrator = postgres(options.url, { max: 1, connect_timeout: 5, onnotice: () => undefined });
		try {
			await migrator`select pg_advisory_lock(${MIGRATION_LOCK})`;
			await migrate(drizzle(migrator), { migrationsFolder: options.migrationsDir });
			await migrator`select pg_advisory_unlock(${MIGRATION_LOCK})`;
		} finally {
			await migrator.end({ timeout: 1 });
		}
		// The one cast of the data-access layer (see database.ts): PostgreSQL's driver and
		// tables behind SQLite's types, which the drift test and both-database tests keep honest.
		const db = drizzle(client) as unknown as Db;
		const pgTables = tables as unknown as Tables;
		const write = <T>(run: () => Promise<T>): Promise<T> => run();
		const base = { dialect: 'postgres' as const, db, tables: pgTables, write, clockMs: CLOCK_MS };
		const createdAt = await ensureCreatedAt(base);
		return {
			...base,
			createdAt,
			location: describePostgresUrl(options.url),
			transaction: (run) => db.transaction(run),
			close: () => client.end({ timeout: 5 })
		};
	} catch (error) {
		await client.end({ timeout: 1 });
		throw error;
	}
}
