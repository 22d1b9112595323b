/** Reading and writing app_meta rows. */
import { eq } from 'drizzle-orm';
import type { LibSQLDatabase } from 'drizzle-orm/libsql';
import { appMeta } from './schema';

export const CREATED_AT_KEY = 'created_at';

export async function readMeta(db: LibSQLDatabase, key: string): Promise<string | undefined> {
	const rows = await db.select({ value: appMeta.value }).from(appMeta).where(eq(appMeta.key, key));
	return rows[0]?.value;
}

/**
 * Records the creation time on the first start and returns the stored one on every
 * start. ON CONFLICT DO NOTHING makes two racing first starts agree on one value.
 */
export async function ensureCreatedAt(db: LibSQLDatabase, now: Date = new Date()): Promise<string> {
	await db
		.insert(appMeta)
		.values({ key: CREATED_AT_KEY, value: now.toISOString() })
		.onConflictDoNothing({ target: appMeta.key });
	const stored = await readMeta(db, CREATED_AT_KEY);
	if (stored === undefined) throw new Error('app_meta.created_at is missing right after it was written');
	return stored;
}
