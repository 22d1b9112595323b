/**
 * The one data-access handle the rest of the server uses, whichever database is behind it.
 *
 * Drizzle has no dialect-neutral table builder, so each dialect has its own schema file,
 * and stores query `database.tables` through `database.db`. Both are typed as SQLite's
 * (the default and the first one written); on PostgreSQL they are PostgreSQL's tables and
 * drizzle's postgres-js driver, cast once in open-postgres.ts. That cast is sound only for
 * the query-builder calls both dialects share (select/insert/update/delete, returning,
 * onConflictDoNothing/DoUpdate, transaction): no `.get()`, `.all()` or `.run()`, and SQL
 * fragments come from here (`clockMs`) rather than being written per store. The schema
 * drift test keeps the two schemas equal, and every store's tests run on both databases.
 */
import type { SQL } from 'drizzle-orm';
import type { LibSQLDatabase } from 'drizzle-orm/libsql';
import type * as sqliteTables from './schema.sqlite';

export type Dialect = 'sqlite' | 'postgres';
export type Tables = typeof sqliteTables;
export type Db = LibSQLDatabase;
/** The handle inside `database.transaction()`. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface Database {
	readonly dialect: Dialect;
	readonly db: Db;
	readonly tables: Tables;
	/** Where the data is, for logs and /api/health: the SQLite file, or host/database (never a password). */
	readonly location: string;
	/** ISO 8601 time of the very first start against this database. */
	readonly createdAt: string;
	/**
	 * Runs one write. SQLite allows one writer at a time and its local driver would fail a
	 * second one with SQLITE_BUSY, so writes queue in this process; PostgreSQL runs them at once.
	 */
	write<T>(run: () => Promise<T>): Promise<T>;
	/** A transaction, as a write. */
	transaction<T>(run: (tx: Tx) => Promise<T>): Promise<T>;
	/** The database's clock in integer ms since the epoch, as an SQL expression (one clock for every server). */
	readonly clockMs: SQL<number>;
	close(): Promise<void>;
}
