/** What GET /api/health reports: the server is up and its database answers. */
import { getDatabase } from './db';
import { readMeta, CREATED_AT_KEY } from './db/meta';

export interface Health {
	readonly ok: true;
	readonly db: 'sqlite';
	readonly createdAt: string;
}

export async function readHealth(): Promise<Health> {
	const { db } = await getDatabase();
	// Read the row rather than the value cached at open, so a broken database fails here.
	const createdAt = await readMeta(db, CREATED_AT_KEY);
	if (createdAt === undefined) throw new Error('app_meta.created_at is missing');
	return { ok: true, db: 'sqlite', createdAt };
}
