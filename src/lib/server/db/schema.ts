/**
 * The server's tables. Only column types that exist in both SQLite and PostgreSQL
 * (text, integer) are used, so moving to drizzle's pg-core later is a rename of
 * builders, not a redesign.
 */
import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Facts about this installation itself, e.g. when its database was created. */
export const appMeta = sqliteTable('app_meta', {
	key: text('key').primaryKey(),
	value: text('value').notNull()
});
