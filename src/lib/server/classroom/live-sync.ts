/**
 * Keeps this server's hub in step with the other servers: applies the states, joins and
 * presence they announce; after every (re)connect of the bus re-reads every lesson it holds
 * (states and rosters may have changed meanwhile) and swaps presence lists with the others;
 * and stops counting the participants of a server that has gone silent (killed, cut off).
 */
import type { LiveState } from '$lib/classroom/protocol';
import type { BusHandlers, LiveBus } from '../bus/bus';
import type { BusMessage } from '../bus/messages';
import type { Database } from '../db/database';
import type { LiveHub } from './hub';
import { eventState } from './lesson-state';
import { participantsOf, statesOf } from './lessons';

export interface LiveSyncOptions {
	/** Presence changes within this long go out as one message per lesson. */
	readonly presenceDelayMs?: number;
	/** A server not heard from for this long is taken to be gone. */
	readonly instanceTimeoutMs?: number;
	readonly now?: () => number;
}

export class LiveSync implements BusHandlers {
	readonly #hub: LiveHub;
	readonly #bus: LiveBus;
	readonly #database: Database;
	readonly #onState: (state: LiveState) => void;
	readonly #presenceDelayMs: number;
	readonly #instanceTimeoutMs: number;
	readonly #now: () => number;
	/** Per lesson code, participants whose presence here changed and is not announced yet: id → online. */
	readonly #outbox = new Map<string, Map<string, boolean>>();
	#outboxTimer: ReturnType<typeof setTimeout> | undefined;
	readonly #lastHeard = new Map<string, number>();
	#expiryTimer: ReturnType<typeof setInterval> | undefined;

	constructor(hub: LiveHub, bus: LiveBus, database: Database, onState: (state: LiveState) => void, options: LiveSyncOptions = {}) {
		this.#hub = hub;
		this.#bus = bus;
		this.#database = database;
		this.#onState = onState;
		this.#presenceDelayMs = options.presenceDelayMs ?? 100;
		this.#instanceTimeoutMs = options.instanceTimeoutMs ?? 10_000;
		this.#now = options.now ?? Date.now;
	}

	start(): void {
		this.#expiryTimer = setInterval(() => this.#expire(), Math.max(500, this.#instanceTimeoutMs / 4));
		this.#expiryTimer.unref?.();
	}

	stop(): void {
		clearInterval(this.#expiryTimer);
		clearTimeout(this.#outboxTimer);
	}

	/** The hub saw a participant's first stream open or last one close here. */
	presenceChanged(code: string, participantId: string, online: boolean): void {
		let pending = this.#outbox.get(code);
		if (!pending) this.#outbox.set(code, (pending = new Map()));
		pending.set(participantId, online);
		this.#outboxTimer ??= setTimeout(() => this.#flushPresence(), this.#presenceDelayMs);
	}

	message(message: BusMessage): void {
		this.#lastHeard.set(message.from, this.#now());
		switch (message.t) {
			case 'state':
				this.#onState(message.state);
				return;
			case 'state-ref':
				void this.#readReferenced(message.lessonId, message.code, message.seq);
				return;
			case 'joined':
				this.#hub.addParticipants(message.code, [{ id: message.id, name: message.name }]);
				return;
			case 'presence':
				this.#hub.applyRemotePresence(message.code, message.from, message.on, message.off, message.reset);
				return;
			case 'hello':
				void this.#sendAllPresence();
				return;
			case 'beat':
				return;
		}
	}

	connected(): void {
		// Time spent disconnected is not the other servers' silence.
		const now = this.#now();
		for (const instance of this.#lastHeard.keys()) this.#lastHeard.set(instance, now);
		void this.resync();
	}

	disconnected(): void {
		// Nothing is heard meanwhile; resync() runs when the bus is back.
	}

	/** Re-reads every held lesson's state and roster, then swaps presence lists with the other servers. */
	async resync(): Promise<void> {
		try {
			const rooms = this.#hub.rooms();
			const states = await statesOf(
				this.#database,
				rooms.map((r) => r.lesson.id)
			);
			for (const state of states) this.#onState(state);
			for (const room of rooms) this.#hub.addParticipants(room.code, await participantsOf(this.#database, room.lesson.id));
			await this.#bus.broadcast({ t: 'hello', from: this.#bus.instanceId });
			await this.#sendAllPresence();
		} catch {
			// The database went away again; the bus will reconnect and call this once more.
		}
	}

	async #readReferenced(lessonId: string, code: string, seq: number): Promise<void> {
		if (!this.#hub.room(code)) return;
		try {
			const state = (await eventState(this.#database, lessonId, seq)) ?? (await statesOf(this.#database, [lessonId]))[0];
			if (state) this.#onState(state);
		} catch {
			// Missed for now: the next event or the next resync brings this lesson up to date.
		}
	}

	#flushPresence(): void {
		this.#outboxTimer = undefined;
		for (const [code, changes] of this.#outbox) {
			const on = [...changes].filter(([, online]) => online).map(([id]) => id);
			const off = [...changes].filter(([, online]) => !online).map(([id]) => id);
			this.#bus.broadcast({ t: 'presence', from: this.#bus.instanceId, code, on, off, reset: false }).catch(() => undefined);
		}
		this.#outbox.clear();
	}

	async #sendAllPresence(): Promise<void> {
		for (const room of this.#hub.rooms()) {
			const on = this.#hub.localPresence(room.code);
			await this.#bus.broadcast({ t: 'presence', from: this.#bus.instanceId, code: room.code, on, off: [], reset: true });
		}
	}

	#expire(): void {
		// While this server hears nobody, silence says nothing about the others.
		if (!this.#bus.listening) return;
		const cutoff = this.#now() - this.#instanceTimeoutMs;
		for (const [instance, heard] of this.#lastHeard) {
			if (heard >= cutoff) continue;
			this.#lastHeard.delete(instance);
			this.#hub.forgetInstance(instance);
		}
	}
}
