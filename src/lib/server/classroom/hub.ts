/**
 * The live lessons this server holds: per lesson the newest LiveState it knows and the
 * open SSE connections it fans out to. Kept cheap for a full room (thousands of
 * connections): every event is serialized and encoded once and the same bytes are handed
 * to every connection's sink (stream-sink.ts: a web stream, or under `node build` the
 * socket itself); one heartbeat timer serves all connections of all lessons.
 *
 * The hub does not decide states: the database does (lesson-state.ts), and the hub is
 * told, by this server after a commit and by the bus for other servers' commits. It
 * applies a state only if its seq is newer than the one it has, so events arriving twice
 * or late (this server's own commit and its notification) are applied once, in order.
 *
 * Bookkeeping cannot leak: a connection leaves its lesson when the browser goes away
 * (its transport says so: the stream is cancelled, the request aborted or the socket
 * closed; any one is enough), when it falls too far behind, or when its lesson is dropped.
 */
import { SSE_EVENTS, type LiveState, type Participant } from '$lib/classroom/protocol';
import type { Timeline } from '$lib/routine/timeline';
import type { LiveLessonRow } from './lessons';
import { RoomPresence } from './presence';
import { encodeEvent, encodeRetry, HEARTBEAT, RECONNECT_MS, RETRY } from './sse';
import { webStreamSink, type Leave, type StreamSink } from './stream-sink';

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
	 * Chunks a web stream may have queued before it is dropped (a socket sink has its own
	 * limit in bytes). Only the latest state matters, so a stalled device loses nothing by
	 * reconnecting: it is sent the current state.
	 */
	readonly maxQueued?: number;
	/** Recent events kept per lesson, so a browser that reconnects after a short gap is sent what it missed. */
	readonly replayDepth?: number;
	/** A participant's first stream on this server opened, or their last one closed (for the other servers). */
	readonly onPresence?: (code: string, participantId: string, online: boolean) => void;
}

interface Connection {
	readonly sink: StreamSink;
	readonly viewer: Viewer;
	readonly room: RoomEntry;
	closed: boolean;
}

interface RecentEvent {
	readonly seq: number;
	readonly bytes: Uint8Array;
}

interface RoomEntry {
	readonly code: string;
	readonly lesson: LiveLessonRow;
	state: LiveState;
	/** Consecutive seqs ending at `state.seq` (empty after a gap). */
	recent: RecentEvent[];
	readonly timeline: Timeline;
	readonly instructorId: string;
	readonly names: Map<string, string>;
	readonly presence: RoomPresence;
	readonly connections: Set<Connection>;
	rosterTimer: ReturnType<typeof setTimeout> | undefined;
	/** When the lesson's streams last carried a state (Date.now()), for skipping heartbeats they do not need. */
	lastEventAt: number;
}

export class LiveHub {
	readonly #rooms = new Map<string, RoomEntry>();
	readonly #heartbeatMs: number;
	readonly #rosterDelayMs: number;
	readonly #maxQueued: number;
	readonly #replayDepth: number;
	readonly #onPresence: NonNullable<HubOptions['onPresence']>;
	#connections = 0;
	#heartbeat: ReturnType<typeof setInterval> | undefined;
	/** Set by closeAll(): the server is stopping, so streams opened now are sent away at once. */
	#closing: { readonly retryJitterMs: number; readonly random: () => number } | undefined;

	constructor(options: HubOptions = {}) {
		this.#heartbeatMs = options.heartbeatMs ?? 15_000;
		this.#rosterDelayMs = options.rosterDelayMs ?? 100;
		this.#maxQueued = options.maxQueued ?? 64;
		this.#replayDepth = options.replayDepth ?? 32;
		this.#onPresence = options.onPresence ?? (() => undefined);
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

	/** Every lesson held, for re-reading their states after this server may have missed events. */
	rooms(): Room[] {
		return [...this.#rooms.values()];
	}

	/** Holds a lesson; a lesson already held is returned as it is (two requests racing to load it). */
	open(init: RoomInit): Room {
		const existing = this.#rooms.get(init.state.code);
		if (existing) return existing;
		const entry: RoomEntry = {
			code: init.state.code,
			lesson: init.lesson,
			state: init.state,
			recent: [],
			timeline: init.timeline,
			instructorId: init.instructorId,
			names: new Map([...init.participants].map((p) => [p.id, p.name])),
			presence: new RoomPresence(),
			connections: new Set(),
			rosterTimer: undefined,
			lastEventAt: 0
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
	 * millisecond, to this server or another), then closed. Streams opened after this get the
	 * same and close at once. The lessons stay held: the state is in the database.
	 */
	closeAll(options: { readonly retryJitterMs?: number; readonly random?: () => number } = {}): void {
		this.#closing = { retryJitterMs: options.retryJitterMs ?? 0, random: options.random ?? Math.random };
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

	/**
	 * Makes `state` the lesson's state and sends it to every stream of the lesson, unless the
	 * hub already has this seq or a newer one. True if it was applied.
	 */
	publish(state: LiveState): boolean {
		const room = this.#rooms.get(state.code);
		if (!room || state.seq <= room.state.seq) return false;
		const bytes = encodeEvent(SSE_EVENTS.state, JSON.stringify(state), state.seq);
		const follows = state.seq === room.state.seq + 1;
		const kept = follows ? room.recent.slice(Math.max(0, room.recent.length - this.#replayDepth + 1)) : [];
		room.recent = [...kept, { seq: state.seq, bytes }];
		room.state = state;
		room.lastEventAt = Date.now();
		for (const connection of room.connections) this.#send(connection, bytes);
		return true;
	}

	/** Adds participants to the roster (a join here or on another server; the list re-read from the database). */
	addParticipants(code: string, participants: Iterable<{ readonly id: string; readonly name: string }>): void {
		const room = this.#rooms.get(code);
		if (!room) return;
		let added = false;
		for (const p of participants) {
			if (room.names.get(p.id) === p.name) continue;
			room.names.set(p.id, p.name);
			added = true;
		}
		if (added) this.#rosterChanged(room);
	}

	/** Another server's participants on this lesson (see RoomPresence.applyRemote). */
	applyRemotePresence(code: string, instance: string, on: readonly string[], off: readonly string[], reset: boolean): void {
		const room = this.#rooms.get(code);
		if (!room) return;
		room.presence.applyRemote(instance, on, off, reset);
		this.#rosterChanged(room);
	}

	/** A server that went silent: its participants stop counting as connected. */
	forgetInstance(instance: string): void {
		for (const room of this.#rooms.values()) if (room.presence.forget(instance)) this.#rosterChanged(room);
	}

	/** The participants connected to this server, per lesson. */
	localPresence(code: string): string[] {
		return this.#rooms.get(code)?.presence.local ?? [];
	}

	roster(code: string): Participant[] {
		const room = this.#rooms.get(code);
		return room ? rosterOf(room) : [];
	}

	/**
	 * A web stream of the lesson's events (see `attach`), closed when `signal` aborts or the
	 * reader cancels.
	 */
	connect(code: string, viewer: Viewer, lastEventId: number | null, signal?: AbortSignal): ReadableStream<Uint8Array> {
		if (!this.#rooms.has(code)) throw new Error(`No live lesson ${code} is held`);
		return webStreamSink((sink) => {
			if (signal?.aborted) {
				sink.end();
				return () => undefined;
			}
			const leave = this.attach(code, viewer, lastEventId, sink);
			signal?.addEventListener('abort', leave, { once: true });
			return () => {
				signal?.removeEventListener('abort', leave);
				leave();
			};
		}, this.#maxQueued);
	}

	/**
	 * Sends the lesson's events to `sink`: `retry`, then what the browser has not seen:
	 * nothing if `lastEventId` is the current seq; the events after it if the hub still has
	 * all of them; otherwise the current state (a gap, or a seq from before this server held
	 * the lesson). Then every change. The instructor's stream also carries the roster.
	 * The answer is for the transport to call when the other end goes away.
	 */
	attach(code: string, viewer: Viewer, lastEventId: number | null, sink: StreamSink): Leave {
		const room = this.#rooms.get(code);
		if (!room) throw new Error(`No live lesson ${code} is held`);
		const c: Connection = { sink, viewer, room, closed: false };
		if (this.#closing) {
			sink.write(this.#jitteredRetry());
			sink.end();
			c.closed = true;
			return () => undefined;
		}
		room.connections.add(c);
		this.#connections += 1;
		this.#startHeartbeat();
		// Counted present before the first write: a write that fails closes the connection,
		// and closing is what counts them away again.
		if (viewer.role === 'participant') {
			if (room.presence.open(viewer.participantId)) this.#onPresence(room.code, viewer.participantId, true);
			this.#rosterChanged(room);
		}
		this.#send(c, RETRY);
		for (const bytes of catchUp(room, lastEventId)) this.#send(c, bytes);
		if (viewer.role === 'instructor') this.#send(c, encodeEvent(SSE_EVENTS.roster, JSON.stringify(rosterOf(room))));
		return () => this.#close(c);
	}

	#send(connection: Connection, bytes: Uint8Array): void {
		if (connection.closed) return;
		if (!connection.sink.write(bytes)) this.#close(connection);
	}

	#close(connection: Connection): void {
		if (connection.closed) return;
		connection.closed = true;
		const { room, viewer } = connection;
		if (room.connections.delete(connection)) this.#connections -= 1;
		if (viewer.role === 'participant') {
			const held = this.#rooms.get(room.code) === room;
			if (room.presence.close(viewer.participantId) && held) this.#onPresence(room.code, viewer.participantId, false);
			if (held) this.#rosterChanged(room);
		}
		connection.sink.end();
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
			// A lesson whose streams carried a state in the last half interval needs none: that
			// write did what a heartbeat does. So a lesson in full swing never has a write to
			// every connection in the way of its next event (thousands of writes take a while),
			// and no stream goes longer than 1.5 intervals without a write.
			const recent = Date.now() - this.#heartbeatMs / 2;
			for (const room of this.#rooms.values()) {
				if (room.lastEventAt > recent) continue;
				for (const connection of room.connections) this.#send(connection, HEARTBEAT);
			}
		}, this.#heartbeatMs);
		// Idle streams must not keep a stopping server alive.
		this.#heartbeat.unref?.();
	}

	#stopHeartbeat(): void {
		clearInterval(this.#heartbeat);
		this.#heartbeat = undefined;
	}
}

/** What a (re)connecting browser that last saw `lastEventId` needs, as encoded events. */
function catchUp(room: RoomEntry, lastEventId: number | null): Uint8Array[] {
	const seq = room.state.seq;
	if (lastEventId === seq) return [];
	const first = room.recent[0];
	if (lastEventId !== null && first && lastEventId < seq && lastEventId >= first.seq - 1) {
		return room.recent.filter((e) => e.seq > lastEventId).map((e) => e.bytes);
	}
	return [encodeEvent(SSE_EVENTS.state, JSON.stringify(room.state), seq)];
}

function rosterOf(room: RoomEntry): Participant[] {
	return [...room.names].map(([id, name]) => ({ id, name, connected: room.presence.has(id) }));
}
