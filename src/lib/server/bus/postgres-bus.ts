/**
 * The bus between servers on PostgreSQL: one channel, LISTENed on by every server over a
 * connection of its own (LISTEN needs a session: it never works through PgBouncer in
 * transaction mode, so `DATABASE_LISTEN_URL` can point it straight at the server).
 *
 * A LISTEN connection can die without a word (a proxy or NAT dropping it, a backend
 * terminated). So every `heartbeatMs` the bus NOTIFYs its own heartbeat, sent over its
 * other connection; when it has not heard its own heartbeat for `silenceMs`, it throws
 * the listening connection away and builds a new one, retrying until the database answers.
 * After every (re)connect it tells its handlers, which re-read what they hold.
 */
import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import postgres, { type Sql } from 'postgres';
import type { Tx } from '../db/database';
import type { BusHandlers, LiveBus } from './bus';
import { encodeMessage, NOTIFY_PAYLOAD_LIMIT, parseMessage, type BusMessage } from './messages';

export interface PostgresBusOptions {
	/** Where to LISTEN: a direct connection, not through a transaction-mode pooler. */
	readonly listenUrl: string;
	/** Where to send heartbeats and other messages sent outside a transaction (default: listenUrl). */
	readonly notifyUrl?: string;
	readonly instanceId: string;
	readonly channel?: string;
	readonly heartbeatMs?: number;
	readonly silenceMs?: number;
	/** Between attempts to listen again while the database is away. */
	readonly retryMs?: number;
	readonly payloadLimit?: number;
}

/** The one thing the bus needs of a PostgreSQL transaction (the data-access layer types it as SQLite's). */
interface PgExecutor {
	execute(query: SQL): Promise<unknown>;
}

export const LIVE_CHANNEL = 'limber_live';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class PostgresBus implements LiveBus {
	readonly kind = 'postgres' as const;
	readonly instanceId: string;
	readonly #listenUrl: string;
	readonly #channel: string;
	readonly #heartbeatMs: number;
	readonly #silenceMs: number;
	readonly #retryMs: number;
	readonly #payloadLimit: number;
	readonly #sender: Sql;
	#handlers: BusHandlers | undefined;
	#listener: Sql | undefined;
	#listening = false;
	#rebuilding = false;
	#closed = false;
	#lastOwnBeat = 0;
	#timer: ReturnType<typeof setInterval> | undefined;

	constructor(options: PostgresBusOptions) {
		this.instanceId = options.instanceId;
		this.#listenUrl = options.listenUrl;
		this.#channel = options.channel ?? LIVE_CHANNEL;
		this.#heartbeatMs = options.heartbeatMs ?? 1_500;
		this.#silenceMs = options.silenceMs ?? 4_000;
		this.#retryMs = options.retryMs ?? 500;
		this.#payloadLimit = options.payloadLimit ?? NOTIFY_PAYLOAD_LIMIT;
		this.#sender = postgres(options.notifyUrl ?? options.listenUrl, {
			max: 2,
			connect_timeout: 5,
			idle_timeout: 60,
			onnotice: () => undefined
		});
	}

	get listening(): boolean {
		return this.#listening;
	}

	async start(handlers: BusHandlers): Promise<void> {
		this.#handlers = handlers;
		if (!(await this.#connect())) void this.#rebuild();
		this.#timer = setInterval(() => this.#tick(), this.#heartbeatMs);
		this.#timer.unref?.();
	}

	async announce(tx: Tx, message: BusMessage): Promise<void> {
		const executor = tx as unknown as PgExecutor;
		for (const payload of encodeMessage(message, this.#payloadLimit)) {
			await executor.execute(sql`select pg_notify(${this.#channel}, ${payload})`);
		}
	}

	async broadcast(message: BusMessage): Promise<void> {
		for (const payload of encodeMessage(message, this.#payloadLimit)) {
			await this.#sender`select pg_notify(${this.#channel}, ${payload})`;
		}
	}

	async close(): Promise<void> {
		this.#closed = true;
		clearInterval(this.#timer);
		this.#listening = false;
		await Promise.all([this.#listener?.end({ timeout: 1 }), this.#sender.end({ timeout: 1 })]);
	}

	/** Opens a listening connection; false if the database did not answer. */
	async #connect(): Promise<boolean> {
		const client = postgres(this.#listenUrl, { max: 1, connect_timeout: 5, onnotice: () => undefined });
		this.#listener = client;
		try {
			// postgres.js listens on a connection of its own and, when that connection closes
			// (a terminated backend), listens again by itself and calls onlisten once more.
			await client.listen(
				this.#channel,
				(payload) => this.#receive(payload),
				() => this.#listened()
			);
			return true;
		} catch {
			if (this.#listener === client) this.#listener = undefined;
			await client.end({ timeout: 0 }).catch(() => undefined);
			return false;
		}
	}

	#listened(): void {
		if (this.#closed) return;
		this.#listening = true;
		this.#lastOwnBeat = Date.now();
		this.#handlers?.connected();
	}

	#receive(payload: string): void {
		const message = parseMessage(payload);
		if (!message) return;
		if (message.from === this.instanceId) {
			if (message.t === 'beat') this.#lastOwnBeat = Date.now();
			return;
		}
		this.#handlers?.message(message);
	}

	#tick(): void {
		if (this.#closed) return;
		this.broadcast({ t: 'beat', from: this.instanceId }).catch(() => undefined);
		if (this.#rebuilding) return;
		if (!this.#listening || Date.now() - this.#lastOwnBeat > this.#silenceMs) void this.#rebuild();
	}

	async #rebuild(): Promise<void> {
		if (this.#rebuilding || this.#closed) return;
		this.#rebuilding = true;
		if (this.#listening) {
			this.#listening = false;
			this.#handlers?.disconnected();
		}
		try {
			const old = this.#listener;
			this.#listener = undefined;
			await old?.end({ timeout: 0 }).catch(() => undefined);
			while (!this.#closed && !(await this.#connect())) await sleep(this.#retryMs);
		} finally {
			this.#rebuilding = false;
		}
	}
}
