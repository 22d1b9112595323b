/**
 * One participant's EventSource, in Node: a GET on the events endpoint over its own TCP
 * connection, read as HTTP/1.1 and SSE, recording when each state event arrived.
 *
 * Lean on purpose: a bench holds up to 10 000 of these in one process on the same two
 * cores as the servers, and whatever each one costs per event delays the next one's
 * timestamp. So it reads the socket itself (no http client, no stream per response), takes
 * the arrival time before anything else is done with the bytes, takes the seq from the
 * event's `id:` (which the server sets to the state's seq, as Last-Event-ID), and parses
 * the state's JSON only when someone reads `state`.
 */
import net from 'node:net';
import type { LiveState } from '../../src/lib/classroom/protocol';

export interface Arrival {
	readonly seq: number;
	/** performance.now() at arrival (same clock as the command's send time). */
	readonly at: number;
	/** Date.now() at arrival: server and bench share the machine's clock. */
	readonly wallMs: number;
	readonly state: LiveState;
}

const NEWLINE = 0x0a;
const HEAD_END = Buffer.from('\r\n\r\n');
const BLANK_LINE = Buffer.from('\n\n');
const STATE_EVENT = Buffer.from('event: state\n');
const ID_FIELD = Buffer.from('\nid: ');
const EMPTY = Buffer.alloc(0);

class StateArrival implements Arrival {
	readonly seq: number;
	readonly at: number;
	readonly wallMs: number;
	readonly #data: string;
	#state: LiveState | undefined;

	constructor(seq: number, at: number, wallMs: number, data: string) {
		this.seq = seq;
		this.at = at;
		this.wallMs = wallMs;
		this.#data = data;
	}

	get state(): LiveState {
		this.#state ??= JSON.parse(this.#data) as LiveState;
		return this.#state;
	}
}

/** An arrival whose state was not kept (`keepStates: false`): its seq and times only. */
class SeqArrival implements Arrival {
	constructor(
		readonly seq: number,
		readonly at: number,
		readonly wallMs: number
	) {}

	get state(): LiveState {
		throw new Error('this listener was opened with keepStates: false');
	}
}

export interface SseListenerOptions {
	/** A reconnecting browser's Last-Event-ID (the last seq it saw). */
	readonly lastEventId?: number;
	/**
	 * False keeps only each arrival's seq and times (bench:cluster: 10 000 streams × 50
	 * events of kept text are hundreds of MB, whose collection stalled the bench itself for
	 * up to 0.7 s, and every event's decoding delays the next stream's reading).
	 */
	readonly keepStates?: boolean;
}

export class SseListener {
	readonly arrivals: Arrival[] = [];
	readonly #socket: net.Socket;
	/** Bytes not yet read as the response head or as (chunk framing and) events. */
	#pending: Buffer = EMPTY;
	/** Event-stream bytes not yet ending in a blank line. */
	#events: Buffer = EMPTY;
	#head = true;
	#chunked = false;
	/** Bytes left in the current chunk (chunked responses only). */
	#chunkLeft = 0;
	#open = true;
	#firstState: Promise<void>;
	#resolveFirst: () => void = () => undefined;
	#rejectFirst: (error: Error) => void = () => undefined;

	readonly #keepStates: boolean;

	constructor(url: string, cookie: string, options: SseListenerOptions = {}) {
		const { lastEventId, keepStates = true } = options;
		this.#keepStates = keepStates;
		const target = new URL(url);
		this.#firstState = new Promise<void>((resolve, reject) => {
			this.#resolveFirst = resolve;
			this.#rejectFirst = reject;
		});
		const lines = [
			`GET ${target.pathname}${target.search} HTTP/1.1`,
			`Host: ${target.host}`,
			'Accept: text/event-stream',
			'Cache-Control: no-cache',
			...(cookie ? [`Cookie: ${cookie}`] : []),
			...(lastEventId === undefined ? [] : [`Last-Event-ID: ${lastEventId}`])
		];
		const socket = net.connect({ host: target.hostname, port: Number(target.port || 80), noDelay: true });
		socket.on('connect', () => socket.write(`${lines.join('\r\n')}\r\n\r\n`));
		socket.on('data', (bytes: Buffer) => this.#read(bytes));
		socket.on('error', (error) => this.#rejectFirst(error));
		socket.on('close', () => {
			this.#open = false;
			this.#rejectFirst(new Error('events stream closed before the first state'));
		});
		this.#socket = socket;
	}

	/** Resolves once the first state event (the state on connect) has arrived. */
	ready(): Promise<void> {
		return this.#firstState;
	}

	close(): void {
		this.#open = false;
		this.#socket.destroy();
	}

	/** False once this side closed the stream or the server ended it. */
	get open(): boolean {
		return this.#open;
	}

	#read(bytes: Buffer): void {
		// First, before any parsing: when these bytes reached this participant.
		const at = performance.now();
		const wallMs = Date.now();
		let buffer = this.#pending.length === 0 ? bytes : Buffer.concat([this.#pending, bytes]);
		if (this.#head) {
			const end = buffer.indexOf(HEAD_END);
			if (end < 0) {
				this.#pending = buffer;
				return;
			}
			const head = buffer.toString('latin1', 0, end);
			const status = Number(head.slice(9, 12));
			if (status !== 200) {
				this.#rejectFirst(new Error(`events answered ${status}`));
				this.close();
				return;
			}
			this.#chunked = /^transfer-encoding:\s*chunked\s*$/im.test(head);
			this.#head = false;
			buffer = buffer.subarray(end + HEAD_END.length);
		}
		this.#pending = this.#chunked ? this.#unchunk(buffer) : (this.#addEvents(buffer), EMPTY);
		this.#parseEvents(at, wallMs);
	}

	/** Moves whole or partial chunk payloads to the event bytes; answers what is left of an unfinished chunk header. */
	#unchunk(buffer: Buffer): Buffer {
		let offset = 0;
		while (offset < buffer.length) {
			if (this.#chunkLeft > 0) {
				const take = Math.min(this.#chunkLeft, buffer.length - offset);
				this.#addEvents(buffer.subarray(offset, offset + take));
				this.#chunkLeft -= take;
				offset += take;
				continue;
			}
			// A chunk header `size CRLF`, after the previous chunk's CRLF.
			const lineEnd = buffer.indexOf(NEWLINE, offset);
			if (lineEnd < 0) return buffer.subarray(offset);
			const line = buffer.toString('latin1', offset, lineEnd).trim();
			offset = lineEnd + 1;
			if (line === '') continue;
			const size = parseInt(line, 16);
			if (size === 0) {
				this.close();
				return EMPTY;
			}
			this.#chunkLeft = size;
		}
		return EMPTY;
	}

	#addEvents(bytes: Buffer): void {
		this.#events = this.#events.length === 0 ? bytes : Buffer.concat([this.#events, bytes]);
	}

	#parseEvents(at: number, wallMs: number): void {
		let start = 0;
		let end: number;
		const events = this.#events;
		// An event ends at a blank line (the server writes `\n` line ends).
		while ((end = events.indexOf(BLANK_LINE, start)) >= 0) {
			const blockStart = start;
			start = end + 2;
			if (events.compare(STATE_EVENT, 0, STATE_EVENT.length, blockStart, blockStart + STATE_EVENT.length) !== 0) continue;
			// The seq from the `id:` line, read from the bytes: no text is made unless the state is kept.
			const id = events.indexOf(ID_FIELD, blockStart);
			const seq = id >= 0 && id < end ? Number(events.toString('latin1', id + ID_FIELD.length, events.indexOf(NEWLINE, id + ID_FIELD.length))) : undefined;
			const data = this.#keepStates || seq === undefined ? dataOf(events.toString('utf8', blockStart, end)) : '';
			const known = seq ?? (JSON.parse(data) as LiveState).seq;
			this.arrivals.push(this.#keepStates ? new StateArrival(known, at, wallMs, data) : new SeqArrival(known, at, wallMs));
			this.#resolveFirst();
		}
		// Copied, so a slice does not keep the whole read's buffer alive.
		this.#events = start >= events.length ? EMPTY : Buffer.from(events.subarray(start));
	}
}

/** The `data:` lines of one event, joined. */
function dataOf(block: string): string {
	let data = '';
	for (const line of block.split('\n')) if (line.startsWith('data: ')) data += line.slice(6);
	return data;
}
