/** What GET /api/health reports: the server is up, which database it uses and whether it answers. */
import { readMeta, CREATED_AT_KEY } from './db/meta';
import type { Dialect } from './db/database';
import { getLive } from './classroom/live-runtime';

export interface Health {
	readonly ok: true;
	readonly db: Dialect;
	/** This server's name among several (LIMBER_INSTANCE_ID, or host name and a random suffix). */
	readonly instance: string;
	/** `in-process` on SQLite; on PostgreSQL, whether this server hears the others right now. */
	readonly bus: 'in-process' | 'listening' | 'reconnecting';
	readonly createdAt: string;
}

export async function readHealth(): Promise<Health> {
	const { database, bus } = await getLive();
	// Read the row rather than the value cached at open, so a database that is down fails here.
	const createdAt = await readMeta(database, CREATED_AT_KEY);
	if (createdAt === undefined) throw new Error('app_meta.created_at is missing');
	const busState = bus.kind === 'in-process' ? 'in-process' : bus.listening ? 'listening' : 'reconnecting';
	return { ok: true, db: database.dialect, instance: bus.instanceId, bus: busState, createdAt };
}
