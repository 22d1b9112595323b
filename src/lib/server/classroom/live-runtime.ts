/**
 * The parts of class mode that live as long as the process: the hub of this server's
 * streams, the bus to the other servers (in-process on SQLite, LISTEN/NOTIFY on
 * PostgreSQL), the database clock, and the sync between them. Started from the server's
 * init hook (`startLive`), or on first use.
 */
import type { LiveState } from '$lib/classroom/protocol';
import type { LiveBus } from '../bus/bus';
import { InProcessBus } from '../bus/bus';
import { resolveInstanceId } from '../bus/instance-id';
import { PostgresBus } from '../bus/postgres-bus';
import { getDatabase } from '../db';
import { resolveDatabaseConfig } from '../db/config';
import type { Database } from '../db/database';
import { LiveHub } from './hub';
import { LiveSync } from './live-sync';
import { ServerClock } from './server-clock';
import { readHeartbeatMs } from './stream-settings';

/** After the end, a lesson's streams stay open this long so every screen sees "ended". */
const ENDED_ROOM_TTL_MS = 10 * 60 * 1000;

export interface LiveRuntime {
	readonly database: Database;
	readonly bus: LiveBus;
	readonly clock: ServerClock;
	readonly sync: LiveSync;
}

let sync: LiveSync | undefined;
export const hub = new LiveHub({ heartbeatMs: readHeartbeatMs(process.env), onPresence: (code, id, online) => sync?.presenceChanged(code, id, online) });
const dropping = new Set<string>();

/**
 * A state this server learned (its own commit, or another server's): the hub applies it if
 * it is newer than what it has, and an ended lesson is let go after a while.
 */
export function received(state: LiveState): void {
	if (!hub.publish(state) || state.status !== 'ended' || dropping.has(state.code)) return;
	dropping.add(state.code);
	setTimeout(() => {
		dropping.delete(state.code);
		hub.drop(state.code);
	}, ENDED_ROOM_TTL_MS).unref();
}

let starting: Promise<LiveRuntime> | undefined;

export function getLive(): Promise<LiveRuntime> {
	starting ??= start().catch((error: unknown) => {
		starting = undefined;
		throw error;
	});
	return starting;
}

async function start(): Promise<LiveRuntime> {
	const database = await getDatabase();
	const config = resolveDatabaseConfig();
	const instanceId = resolveInstanceId();
	const bus: LiveBus =
		config.kind === 'postgres' ? new PostgresBus({ listenUrl: config.listenUrl, notifyUrl: config.url, instanceId }) : new InProcessBus(instanceId);
	const { db, tables, clockMs } = database;
	const clock = new ServerClock(async () => {
		const [row] = await db.select({ now: clockMs }).from(tables.appMeta).limit(1);
		if (!row) throw new Error('app_meta is empty');
		return row.now;
	});
	const liveSync = new LiveSync(hub, bus, database, received);
	sync = liveSync;
	liveSync.start();
	await Promise.all([clock.start(), bus.start(liveSync)]);
	return { database, bus, clock, sync: liveSync };
}

/** Stops listening and sampling (on shutdown, before closeDatabase()). */
export async function closeLive(): Promise<void> {
	const current = starting;
	starting = undefined;
	const runtime = await current?.catch(() => undefined);
	if (!runtime) return;
	runtime.sync.stop();
	runtime.clock.stop();
	await runtime.bus.close();
}
