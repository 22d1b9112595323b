/**
 * The PostgreSQL bus against a real server (TEST_DATABASE_URL): what one server announces
 * in a transaction reaches the others at commit and never on rollback, a server does not
 * hear itself, and a listener whose backend is terminated comes back by itself and says so.
 */
import { connect, createServer, type Socket } from 'node:net';
import postgres from 'postgres';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BusHandlers } from '$lib/server/bus/bus';
import type { BusMessage } from '$lib/server/bus/messages';
import { PostgresBus } from '$lib/server/bus/postgres-bus';
import type { LiveState } from '$lib/classroom/protocol';
import { tempDatabase, TEST_DIALECTS, type TempDatabase } from '../db/temp-database';

const state: LiveState = {
	lessonId: 'l1',
	code: 'ACDEFG',
	routineId: 'r',
	level: 1,
	status: 'playing',
	positionMs: 0,
	anchorServerMs: 1,
	seq: 1
};

class Recorder implements BusHandlers {
	readonly messages: BusMessage[] = [];
	connects = 0;
	disconnects = 0;
	message(message: BusMessage): void {
		this.messages.push(message);
	}
	connected(): void {
		this.connects += 1;
	}
	/** What `probe` said at each disconnect: the state then, not after a fast reconnect. */
	readonly atDisconnect: boolean[] = [];
	probe: (() => boolean) | null = null;
	disconnected(): void {
		this.disconnects += 1;
		if (this.probe) this.atDisconnect.push(this.probe());
	}
}

/** A TCP relay to PostgreSQL whose open connections can be frozen (no bytes either way, nothing closed). */
async function freezableRelay(target: number): Promise<{ port: number; freezeAll(): void; close(): void }> {
	const open = new Set<Socket>();
	const server = createServer((client) => {
		const upstream = connect(target, '127.0.0.1');
		client.pipe(upstream).pipe(client);
		open.add(client);
		open.add(upstream);
		const forget = () => {
			open.delete(client);
			open.delete(upstream);
		};
		client.on('error', forget).on('close', forget);
		upstream.on('error', forget).on('close', forget);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	return {
		port: typeof address === 'object' && address ? address.port : 0,
		freezeAll() {
			for (const socket of open) {
				socket.unpipe();
				socket.pause();
			}
			open.clear();
		},
		close() {
			server.close();
		}
	};
}

async function until(check: () => boolean, timeoutMs = 8000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > deadline) throw new Error('timed out');
		await new Promise((r) => setTimeout(r, 20));
	}
}

describe.runIf(TEST_DIALECTS.includes('postgres'))('PostgresBus', () => {
	let database: TempDatabase;
	let buses: PostgresBus[];
	let channel: string;
	const bus = (instanceId: string, payloadLimit?: number) => {
		const b = new PostgresBus({ listenUrl: database.url!, instanceId, channel, heartbeatMs: 200, silenceMs: 800, retryMs: 100, payloadLimit });
		buses.push(b);
		return b;
	};

	beforeEach(async () => {
		database = await tempDatabase('postgres');
		buses = [];
		channel = `test_${Math.random().toString(36).slice(2, 10)}`;
	});
	afterEach(async () => {
		await Promise.all(buses.map((b) => b.close()));
		await database.dispose();
	});

	it('delivers what a transaction announces to the other servers at commit, and nothing of a rollback', async () => {
		const a = bus('a');
		const b = bus('b');
		const heardA = new Recorder();
		const heardB = new Recorder();
		await a.start(heardA);
		await b.start(heardB);
		expect(heardB.connects).toBe(1);
		expect(b.listening).toBe(true);

		let heardBeforeCommit = -1;
		await database.transaction(async (tx) => {
			await a.announce(tx, { t: 'state', from: 'a', state });
			await new Promise((r) => setTimeout(r, 150));
			heardBeforeCommit = heardB.messages.filter((m) => m.t === 'state').length;
		});
		expect(heardBeforeCommit).toBe(0);
		await until(() => heardB.messages.some((m) => m.t === 'state'));
		expect(heardB.messages.find((m) => m.t === 'state')).toEqual({ t: 'state', from: 'a', state });

		await database
			.transaction(async (tx) => {
				await a.announce(tx, { t: 'state', from: 'a', state: { ...state, seq: 2 } });
				throw new Error('rolled back');
			})
			.catch(() => undefined);
		await a.broadcast({ t: 'hello', from: 'a' });
		await until(() => heardB.messages.some((m) => m.t === 'hello'));
		expect(heardB.messages.filter((m) => m.t === 'state').map((m) => m.t === 'state' && m.state.seq)).toEqual([1]);
		// A server does not hear its own messages, only (internally) its heartbeat.
		expect(heardA.messages.filter((m) => m.from === 'a')).toEqual([]);
	});

	it('delivers events of one lesson in commit order', async () => {
		const a = bus('a');
		const b = bus('b');
		const heard = new Recorder();
		await a.start(new Recorder());
		await b.start(heard);
		for (let seq = 1; seq <= 30; seq++) await database.transaction((tx) => a.announce(tx, { t: 'state', from: 'a', state: { ...state, seq } }));
		await until(() => heard.messages.filter((m) => m.t === 'state').length === 30);
		expect(heard.messages.flatMap((m) => (m.t === 'state' ? [m.state.seq] : []))).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
	});

	it('sends a state over the payload limit by reference', async () => {
		const a = bus('a', 200);
		const b = bus('b');
		const heard = new Recorder();
		await a.start(new Recorder());
		await b.start(heard);
		await database.transaction((tx) => a.announce(tx, { t: 'state', from: 'a', state: { ...state, routineId: 'r'.repeat(300) } }));
		await until(() => heard.messages.length > 0);
		expect(heard.messages[0]).toEqual({ t: 'state-ref', from: 'a', lessonId: 'l1', code: 'ACDEFG', seq: 1 });
	});

	it('listens again after its backend is terminated, and tells its handlers so they re-read', async () => {
		const a = bus('a');
		const b = bus('b');
		const heard = new Recorder();
		await a.start(new Recorder());
		await b.start(heard);
		const admin = postgres(database.url!, { max: 1, onnotice: () => undefined });
		try {
			const killed = await admin`select pg_terminate_backend(pid) as ok from pg_stat_activity where query ilike ${`listen%${channel}%`}`;
			expect(killed.length).toBeGreaterThanOrEqual(2);
			await until(() => heard.connects >= 2);
			await database.transaction((tx) => a.announce(tx, { t: 'state', from: 'a', state: { ...state, seq: 5 } }));
			await until(() => heard.messages.some((m) => m.t === 'state'));
			expect(b.listening).toBe(true);
		} finally {
			await admin.end({ timeout: 1 });
		}
	});

	it('notices a listener that went deaf without closing (its own heartbeat stops coming back) and rebuilds it', async () => {
		// The listener goes through a TCP relay that can freeze its connections without closing
		// them, as a NAT or proxy that dropped the mapping would; heartbeats are sent directly.
		const relay = await freezableRelay(Number(new URL(database.url!).port));
		try {
			const listenUrl = new URL(database.url!);
			listenUrl.port = String(relay.port);
			const b = new PostgresBus({ listenUrl: listenUrl.href, notifyUrl: database.url!, instanceId: 'b', channel, heartbeatMs: 200, silenceMs: 800, retryMs: 100 });
			buses.push(b);
			const a = bus('a');
			const heard = new Recorder();
			heard.probe = () => b.listening;
			await a.start(new Recorder());
			await b.start(heard);
			relay.freezeAll();
			await until(() => heard.disconnects === 1);
			// Read at the disconnect itself: with a 100 ms retry the rebuilt listener can be back
			// before a poll on a loaded machine looks.
			expect(heard.atDisconnect).toEqual([false]);
			await until(() => heard.connects === 2);
			await a.broadcast({ t: 'hello', from: 'a' });
			await until(() => heard.messages.some((m) => m.t === 'hello'));
		} finally {
			relay.close();
		}
	});
});
