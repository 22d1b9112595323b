/**
 * One participant's EventSource, in Node: a GET on the events endpoint over a shared
 * keep-alive agent, parsed as SSE, recording when each state event arrived.
 */
import http from 'node:http';
import type { LiveState } from '../../src/lib/classroom/protocol';

export interface Arrival {
	readonly seq: number;
	/** performance.now() at arrival (same clock as the command's send time). */
	readonly at: number;
	/** Date.now() at arrival: server and bench share the machine's clock. */
	readonly wallMs: number;
	readonly state: LiveState;
}

export const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

export class SseListener {
	readonly arrivals: Arrival[] = [];
	#buffer = '';
	#request: http.ClientRequest | undefined;
	#open = true;
	#firstState: Promise<void>;
	#resolveFirst: () => void = () => undefined;

	/** `lastEventId`: a reconnecting browser's Last-Event-ID (the last seq it saw). */
	constructor(url: string, cookie: string, lastEventId?: number) {
		this.#firstState = new Promise<void>((resolve, reject) => {
			this.#resolveFirst = resolve;
			const request = http.get(url, { agent, headers: { accept: 'text/event-stream', cookie, ...(lastEventId === undefined ? {} : { 'last-event-id': String(lastEventId) }) } }, (res) => {
				if (res.statusCode !== 200) {
					reject(new Error(`events answered ${res.statusCode}`));
					res.resume();
					return;
				}
				res.setEncoding('utf8');
				res.on('data', (chunk: string) => this.#read(chunk));
				res.on('error', () => undefined);
				res.on('close', () => (this.#open = false));
			});
			request.on('error', (error) => reject(error));
			this.#request = request;
		});
	}

	/** Resolves once the first state event (the state on connect) has arrived. */
	ready(): Promise<void> {
		return this.#firstState;
	}

	close(): void {
		this.#open = false;
		this.#request?.destroy();
	}

	/** False once this side closed the stream or the server ended it. */
	get open(): boolean {
		return this.#open;
	}

	#read(chunk: string): void {
		const at = performance.now();
		const wallMs = Date.now();
		this.#buffer += chunk;
		let end: number;
		while ((end = this.#buffer.indexOf('\n\n')) >= 0) {
			const block = this.#buffer.slice(0, end);
			this.#buffer = this.#buffer.slice(end + 2);
			let event = 'message';
			let data = '';
			for (const line of block.split('\n')) {
				if (line.startsWith('event: ')) event = line.slice(7);
				else if (line.startsWith('data: ')) data += line.slice(6);
			}
			if (event !== 'state') continue;
			const state = JSON.parse(data) as LiveState;
			this.arrivals.push({ seq: state.seq, at, wallMs, state });
			this.#resolveFirst();
		}
	}
}
