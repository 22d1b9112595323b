/** Reading and writing app_meta rows. */
import { eq } from 'drizzle-orm';
import type { Database } from './database';

export const CREATED_AT_KEY = 'created_at';

type MetaAccess = Pick<Database, 'db' | 'tables' | 'write'>;

export async function readMeta({ db, tables }: MetaAccess, key: string): Promise<string | undefined> {
	const { appMeta } = tables;
	const rows = await db.select({ value: appMeta.value }).from(appMeta).where(eq(appMeta.key, key));
	return rows[0]?.value;
}

/**
 * Records the creation time on the first start and returns the stored one on every
 * start. ON CONFLICT DO NOTHING makes two racing first starts agree on one value.
 */
export async function ensureCreatedAt(database: MetaAccess, now: Date = new Date()): Promise<string> {
	const { db, tables } = database;
	await database.write(() =>
		db
			.insert(tables.appMeta)
			.values({ key: CREATED_AT_KEY, value: now.toISOString() })
			.onConflictDoNothing({ target: tables.appMeta.key })
	);
	const stored = await readMeta(database, CREATED_AT_KEY);
	if (stored === undefined) throw new Error('app_meta.created_at is missing right after it was written');
	return stored;
}
