/**
 * The live lessons this server holds: per lesson the authoritative LiveState and the
 * open SSE connections it fans out to. Kept cheap for a full room (1000 connections):
 * every event is serialized and encoded once and the same bytes are queued on every
 * stream; one heartbeat timer serves all connections of all lessons.
 *
 * Bookkeeping cannot leak: a connection leaves its lesson when the browser goes away
 * (the stream is cancelled and the request aborted; either one is enough), when it
 * falls too far behind, or when its lesson is dropped.
 */
import { SSE_EVENTS, type LiveState, type Participant } from '$lib/classroom/protocol';
import type { Timeline } from '$lib/routine/timeline';
import type { LiveLessonRow } from './lessons';
import { encodeEvent, encodeRetry, HEARTBEAT, RECONNECT_MS, RETRY } from './sse';

/** Who is on the other end of a stream; decided by the endpoint from cookies. */
export type Viewer =
	| { readonly role: 'instructor' }
	| { readonly role: 'participant'; readonly participantId: string }
	/** A projector or a page that has not joined yet. */
	| { readonly role: 'viewer' };

export interface RoomInit {
	/** The lesson's row when it was taken up (its state columns go stale: `state` is the truth). */
	readonly lesson: LiveLessonRow;
	readonly state: LiveState;
	readonly timeline: Timeline;
	readonly instructorId: string;
	readonly participants: Iterable<{ readonly id: string; readonly name: string }>;
}

export interface Room {
	readonly code: string;
	readonly lesson: LiveLessonRow;
	readonly timeline: Timeline;
	readonly instructorId: string;
	readonly state: LiveState;
}

export interface HubOptions {
	readonly heartbeatMs?: number;
	/** Joins and drops arriving together become one roster event for the instructor. */
	readonly rosterDelayMs?: number;
	/**
	 * Chunks a stream may have queued before it is dropped. Only the latest state matters,
	 * so a stalled device loses nothing by reconnecting: it is sent the current state.
	 */
	readonly maxQueued?: number;
}

interface Connection {
	readonly controller: ReadableStreamDefaultController<Uint8Array>;
	readonly viewer: Viewer;
	readonly room: RoomEntry;
	closed: boolean;
	unlisten: () => void;
}

interface RoomEntry {
	code: string;
	readonly lesson: LiveLessonRow;
	state: LiveState;
	readonly timeline: Timeline;
	readonly instructorId: string;
	readonly names: Map<string, string>;
	/** Open streams per participant: a phone with two tabs is one person. */
	readonly online: Map<string, number>;
	readonly connections: Set<Connection>;
	rosterTimer: ReturnType<typeof setTimeout> | undefined;
}

export class LiveHub {
	readonly #rooms = new Map<string, RoomEntry>();
	readonly #heartbeatMs: number;
	readonly #rosterDelayMs: number;
	readonly #maxQueued: number;
	#connections = 0;
	#heartbeat: ReturnType<typeof setInterval> | undefined;
	/** Set by closeAll(): the server is stopping, so streams opened now are sent away at once. */
	#closing: { readonly retryJitterMs: number; readonly random: () => number } | undefined;

	constructor(options: HubOptions = {}) {
		this.#heartbeatMs = options.heartbeatMs ?? 15_000;
		this.#rosterDelayMs = options.rosterDelayMs ?? 100;
		this.#maxQueued = options.maxQueued ?? 64;
	}

	/** Open SSE connections across all lessons (for the health check and the bench). */
	get connectionCount(): number {
		return this.#connections;
	}

	get roomCount(): number {
		return this.#rooms.size;
	}

	room(code: string): Room | undefined {
		return this.#rooms.get(code);
	}

	/** Holds a lesson; a lesson already held is returned as it is (two requests racing to load it). */
	open(init: RoomInit): Room {
		const existing = this.#rooms.get(init.state.code);
		if (existing) return existing;
		const entry: RoomEntry = {
			code: init.state.code,
			lesson: init.lesson,
			state: init.state,
			timeline: init.timeline,
			instructorId: init.instructorId,
			names: new Map([...init.participants].map((p) => [p.id, p.name])),
			online: new Map(),
			connections: new Set(),
			rosterTimer: undefined
		};
		this.#rooms.set(entry.code, entry);
		return entry;
	}

	/** Forgets a lesson and closes its streams. */
	drop(code: string): void {
		const room = this.#rooms.get(code);
		if (!room) return;
		this.#rooms.delete(code);
		clearTimeout(room.rosterTimer);
		for (const connection of [...room.connections]) this.#close(connection);
	}

	/**
	 * The server is stopping: every stream is told to reconnect after RECONNECT_MS plus a
	 * random share of `retryJitterMs` (so a room of phones does not come back in the same
	 * millisecond), then closed. Streams opened after this get the same and close at once.
	 * The lessons stay held: the state is in the database for whichever process comes next.
	 */
	closeAll(options: { readonly retryJitterMs: number; readonly random?: () => number }): void {
		this.#closing = { retryJitterMs: options.retryJitterMs, random: options.random ?? Math.random };
		for (const room of this.#rooms.values()) {
			for (const connection of [...room.connections]) {
				this.#send(connection, this.#jitteredRetry());
				this.#close(connection);
			}
		}
	}

	#jitteredRetry(): Uint8Array {
		const closing = this.#closing;
		return encodeRetry(RECONNECT_MS + Math.floor((closing ? closing.random() : 0) * (closing?.retryJitterMs ?? 0)));
	}

	/** Makes `state` the lesson's state and sends it to every stream of the lesson. */
	publish(state: LiveState): void {
		const room = this.#rooms.get(state.code);
		if (!room) throw new Error(`No live lesson ${state.code} is held`);
		room.state = state;
		const bytes = encodeEvent(SSE_EVENTS.state, JSON.stringify(state), state.seq);
		for (const connection of room.connections) this.#send(connection, bytes);
	}

	addParticipant(code: string, participant: { readonly id: string; readonly name: string }): void {
		const room = this.#rooms.get(code);
		if (!room) return;
		room.names.set(participant.id, participant.name);
		this.#rosterChanged(room);
	}

	roster(code: string): Participant[] {
		const room = this.#rooms.get(code);
		return room ? rosterOf(room) : [];
	}

	/**
	 * A stream of the lesson's events: `retry`, then the current state unless the browser
	 * already has it (`lastEventId` equals the current seq; only the latest state matters, so
	 * there is nothing older to replay), then every change. The instructor's stream also
	 * carries the roster.
	 */
	connect(code: string, viewer: Viewer, lastEventId: number | null, signal?: AbortSignal): ReadableStream<Uint8Array> {
		const room = this.#rooms.get(code);
		if (!room) throw new Error(`No live lesson ${code} is held`);
		let connection: Connection | undefined;
		return new ReadableStream<Uint8Array>({
			start: (controller) => {
				const c: Connection = { controller, viewer, room, closed: false, unlisten: () => undefined };
				connection = c;
				if (this.#closing) {
					controller.enqueue(this.#jitteredRetry());
					controller.close();
					c.closed = true;
					return;
				}
				if (signal?.aborted) {
					controller.close();
					c.closed = true;
					return;
				}
				const onAbort = (): void => this.#close(c);
				signal?.addEventListener('abort', onAbort, { once: true });
				c.unlisten = () => signal?.removeEventListener('abort', onAbort);
				room.connections.add(c);
				this.#connections += 1;
				this.#startHeartbeat();
				controller.enqueue(RETRY);
				if (lastEventId !== room.state.seq) {
					controller.enqueue(encodeEvent(SSE_EVENTS.state, JSON.stringify(room.state), room.state.seq));
				}
				if (viewer.role === 'instructor') {
					controller.enqueue(encodeEvent(SSE_EVENTS.roster, JSON.stringify(rosterOf(room))));
				} else if (viewer.role === 'participant') {
					room.online.set(viewer.participantId, (room.online.get(viewer.participantId) ?? 0) + 1);
					this.#rosterChanged(room);
				}
			},
			cancel: () => {
				if (connection) this.#close(connection);
			}
		});
	}

	#send(connection: Connection, bytes: Uint8Array): void {
		if (connection.closed) return;
		if ((connection.controller.desiredSize ?? 0) < -this.#maxQueued) {
			this.#close(connection);
			return;
		}
		try {
			connection.controller.enqueue(bytes);
		} catch {
			// The stream was already closed underneath us.
			this.#close(connection);
		}
	}

	#close(connection: Connection): void {
		if (connection.closed) return;
		connection.closed = true;
		connection.unlisten();
		const { room, viewer } = connection;
		if (room.connections.delete(connection)) this.#connections -= 1;
		if (viewer.role === 'participant') {
			const left = (room.online.get(viewer.participantId) ?? 1) - 1;
			if (left > 0) room.online.set(viewer.participantId, left);
			else room.online.delete(viewer.participantId);
			if (this.#rooms.get(room.code) === room) this.#rosterChanged(room);
		}
		try {
			connection.controller.close();
		} catch {
			// Already closed or errored: nothing left to release.
		}
		if (this.#connections === 0) this.#stopHeartbeat();
	}

	#rosterChanged(room: RoomEntry): void {
		if (room.rosterTimer !== undefined) return;
		room.rosterTimer = setTimeout(() => {
			room.rosterTimer = undefined;
			let bytes: Uint8Array | undefined;
			for (const connection of room.connections) {
				if (connection.viewer.role !== 'instructor') continue;
				bytes ??= encodeEvent(SSE_EVENTS.roster, JSON.stringify(rosterOf(room)));
				this.#send(connection, bytes);
			}
		}, this.#rosterDelayMs);
	}

	#startHeartbeat(): void {
		if (this.#heartbeat !== undefined) return;
		this.#heartbeat = setInterval(() => {
			for (const room of this.#rooms.values()) for (const connection of room.connections) this.#send(connection, HEARTBEAT);
		}, this.#heartbeatMs);
		// Idle streams must not keep a stopping server alive.
		this.#heartbeat.unref?.();
	}

	#stopHeartbeat(): void {
		clearInterval(this.#heartbeat);
		this.#heartbeat = undefined;
	}
}

function rosterOf(room: RoomEntry): Participant[] {
	return [...room.names].map(([id, name]) => ({ id, name, connected: room.online.has(id) }));
}
