/**
 * How servers hear each other's changes. On SQLite there is one server, and the bus is
 * in-process: nothing to send, and this server's own hub is told directly by the caller
 * after each commit (the same path as on PostgreSQL, where the other servers hear it
 * through LISTEN/NOTIFY).
 */
import type { Tx } from '../db/database';
import type { BusMessage } from './messages';

export interface BusHandlers {
	/** A message from another server (this server's own are not passed on). */
	message(message: BusMessage): void;
	/** The bus is listening again after a (re)connect: anything may have been missed meanwhile. */
	connected(): void;
	/** The bus stopped hearing its own heartbeat: it is rebuilding its connection. */
	disconnected(): void;
}

export interface LiveBus {
	readonly kind: 'in-process' | 'postgres';
	readonly instanceId: string;
	/** Whether messages from other servers are being heard now. */
	readonly listening: boolean;
	start(handlers: BusHandlers): Promise<void>;
	/** Sends inside a transaction: delivered to the other servers when it commits, never if it rolls back. */
	announce(tx: Tx, message: BusMessage): Promise<void>;
	/** Sends now, outside any transaction. */
	broadcast(message: BusMessage): Promise<void>;
	close(): Promise<void>;
}

export class InProcessBus implements LiveBus {
	readonly kind = 'in-process' as const;
	readonly instanceId: string;
	readonly listening = true;

	constructor(instanceId: string) {
		this.instanceId = instanceId;
	}

	async start(handlers: BusHandlers): Promise<void> {
		handlers.connected();
	}

	async announce(): Promise<void> {
		// No other server to tell.
	}

	async broadcast(): Promise<void> {
		// No other server to tell.
	}

	async close(): Promise<void> {}
}
