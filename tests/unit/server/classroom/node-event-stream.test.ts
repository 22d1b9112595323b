import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { setResponse } from '@sveltejs/kit/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LiveHub, type Viewer } from '$lib/server/classroom/hub';
import { nodeEventStream } from '$lib/server/classroom/node-event-stream';
import { parseLastEventId } from '$lib/server/classroom/sse';
import { linkedResponse, linkResponse } from '$lib/server/http/node-response';
import { lesson, state, timeline } from './live-fixtures';

/**
 * The socket path on a real Node server, answered the way adapter-node answers the
 * endpoint's Response (SvelteKit's own setResponse), read by Node's HTTP client (which
 * rejects bad chunk framing) or by a raw socket.
 */
let hub: LiveHub;
let server: Server;
let base: string;
let maxBufferedBytes: number | undefined;
/** Ran before the events request is answered (to hold an earlier pipelined request). */
let slowFirst: Promise<void> | undefined;

function viewerOf(req: IncomingMessage): Viewer {
	return req.headers['x-participant'] ? { role: 'participant', participantId: String(req.headers['x-participant']) } : { role: 'viewer' };
}

beforeEach(async () => {
	maxBufferedBytes = undefined;
	slowFirst = undefined;
	hub = new LiveHub({ heartbeatMs: 60_000, rosterDelayMs: 10 });
	hub.open({ lesson, state, timeline, instructorId: 'i1', participants: [{ id: 'p1', name: 'Ana' }] });
	server = createServer((req, res) => {
		linkResponse(req, res);
		if (req.url === '/slow') {
			slowFirst = new Promise((resolve) => setTimeout(resolve, 100)).then(() => void res.writeHead(200).end('slow'));
			return;
		}
		const linked = linkedResponse(req);
		if (!linked) throw new Error('no linked response');
		const lastEventId = parseLastEventId(req.headers['last-event-id'] === undefined ? null : String(req.headers['last-event-id']));
		const body = nodeEventStream(linked, (sink) => hub.attach(state.code, viewerOf(req), lastEventId, sink), { maxBufferedBytes });
		const headers = { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
		void setResponse(res, new Response(body, { headers }));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
	hub.drop(state.code);
	server.closeAllConnections();
	await new Promise((resolve) => server.close(resolve));
});

interface Stream {
	readonly headers: IncomingMessage['headers'];
	/** Everything received so far. */
	text(): string;
	/** Resolves once the text so far matches. */
	until(check: (text: string) => boolean): Promise<string>;
	/** Resolves with all the text when the response ended cleanly (its last chunk arrived). */
	readonly ended: Promise<string>;
	close(): void;
}

function open(headers: Record<string, string> = {}): Promise<Stream> {
	return new Promise((resolve, reject) => {
		const req = request(`${base}/events`, { agent: false, headers: { accept: 'text/event-stream', ...headers } }, (res) => {
			let text = '';
			const waiters: (() => void)[] = [];
			const ended = new Promise<string>((done, fail) => {
				res.on('end', () => done(text));
				res.on('error', fail);
			});
			// Closing from this side aborts the response: only a test awaiting `ended` cares.
			ended.catch(() => undefined);
			res.setEncoding('utf8');
			res.on('data', (chunk: string) => {
				text += chunk;
				for (const w of waiters.splice(0)) w();
			});
			resolve({
				headers: res.headers,
				text: () => text,
				until: (check) =>
					new Promise((done) => {
						const test = () => (check(text) ? done(text) : waiters.push(test));
						test();
					}),
				ended,
				close: () => req.destroy()
			});
		});
		req.on('error', reject);
		req.end();
	});
}

const ids = (text: string) => [...text.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]));
const waitFor = async (check: () => boolean): Promise<void> => {
	for (let i = 0; i < 200 && !check(); i += 1) await new Promise((r) => setTimeout(r, 10));
	expect(check()).toBe(true);
};

describe('nodeEventStream', () => {
	it("sends the Response's headers, then retry and the state, then each change, in chunks Node's client reads", async () => {
		const stream = await open();
		expect(stream.headers['content-type']).toBe('text/event-stream; charset=utf-8');
		expect(stream.headers['x-content-type-options']).toBe('nosniff');
		expect(stream.headers['transfer-encoding']).toBe('chunked');
		await stream.until((t) => ids(t).includes(3));
		expect(stream.text().startsWith('retry: 1000\n\n')).toBe(true);
		hub.publish({ ...state, status: 'playing', seq: 4 });
		hub.publish({ ...state, status: 'paused', seq: 5 });
		const text = await stream.until((t) => ids(t).includes(5));
		expect(ids(text)).toEqual([3, 4, 5]);
		expect(text).toContain(`data: ${JSON.stringify({ ...state, status: 'paused', seq: 5 })}\n\n`);
		stream.close();
	});

	it('resumes from Last-Event-ID: only what was missed, no snapshot', async () => {
		hub.publish({ ...state, seq: 4 });
		hub.publish({ ...state, seq: 5 });
		const stream = await open({ 'last-event-id': '4' });
		const text = await stream.until((t) => ids(t).includes(5));
		expect(ids(text)).toEqual([5]);
		stream.close();
	});

	it('carries heartbeats', async () => {
		hub.drop(state.code);
		hub = new LiveHub({ heartbeatMs: 30 });
		hub.open({ lesson, state, timeline, instructorId: 'i1', participants: [] });
		const stream = await open();
		await stream.until((t) => t.includes(': heartbeat\n\n'));
		stream.close();
	});

	it('lets the connection go when the browser goes away, presence included', async () => {
		const stream = await open({ 'x-participant': 'p1' });
		await stream.until((t) => ids(t).includes(3));
		expect(hub.connectionCount).toBe(1);
		expect(hub.localPresence(state.code)).toEqual(['p1']);
		stream.close();
		await waitFor(() => hub.connectionCount === 0);
		expect(hub.localPresence(state.code)).toEqual([]);
	});

	it('ends the response cleanly when the hub lets go (a stop: the jittered retry comes last)', async () => {
		const stream = await open();
		await stream.until((t) => ids(t).includes(3));
		hub.closeAll({ retryJitterMs: 1000, random: () => 0.5 });
		const text = await stream.ended;
		expect(text.endsWith('retry: 1500\n\n')).toBe(true);
		expect(hub.connectionCount).toBe(0);
	});

	it('writes plain bytes, ended by closing, to an HTTP/1.0 client (no chunks there)', async () => {
		const { port } = server.address() as AddressInfo;
		const socket = net.connect(port, '127.0.0.1');
		let raw = '';
		socket.setEncoding('utf8');
		socket.on('data', (chunk: string) => (raw += chunk));
		const closed = new Promise((resolve) => socket.on('close', resolve));
		socket.write('GET /events HTTP/1.0\r\nAccept: text/event-stream\r\n\r\n');
		await waitFor(() => raw.includes('id: 3'));
		hub.publish({ ...state, seq: 4 });
		await waitFor(() => raw.includes('id: 4'));
		hub.drop(state.code);
		await closed;
		const body = raw.slice(raw.indexOf('\r\n\r\n') + 4);
		expect(raw).not.toMatch(/transfer-encoding/i);
		expect(body.startsWith('retry: 1000\n\nevent: state\nid: 3\n')).toBe(true);
		expect(body.endsWith(`data: ${JSON.stringify({ ...state, seq: 4 })}\n\n`)).toBe(true);
	});

	it('keeps order behind an earlier request on the same connection (pipelined)', async () => {
		const { port } = server.address() as AddressInfo;
		const socket = net.connect(port, '127.0.0.1');
		let raw = '';
		socket.setEncoding('utf8');
		socket.on('data', (chunk: string) => (raw += chunk));
		socket.write('GET /slow HTTP/1.1\r\nHost: x\r\n\r\nGET /events HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n\r\n');
		await waitFor(() => slowFirst !== undefined && hub.connectionCount === 1);
		// Published while the events response still waits its turn behind /slow.
		hub.publish({ ...state, seq: 4 });
		await waitFor(() => raw.includes('id: 4'));
		expect(raw.indexOf('slow')).toBeLessThan(raw.indexOf('text/event-stream'));
		expect(raw.indexOf('id: 3')).toBeLessThan(raw.indexOf('id: 4'));
		socket.destroy();
		await waitFor(() => hub.connectionCount === 0);
	});

	it('lets go of a connection that stopped reading, instead of buffering without bound', async () => {
		maxBufferedBytes = 1024;
		const stream = await new Promise<IncomingMessage>((resolve, reject) => {
			const req = request(`${base}/events`, { agent: false }, resolve);
			req.on('error', reject);
			req.end();
		});
		stream.pause();
		await waitFor(() => hub.connectionCount === 1);
		// Big states, so that the kernel's socket buffers fill and bytes wait in the process.
		const big = { ...state, routineId: 'r'.repeat(64 * 1024) };
		for (let seq = 4; seq < 2000 && hub.connectionCount > 0; seq += 1) hub.publish({ ...big, seq });
		expect(hub.connectionCount).toBe(0);
		stream.destroy();
	});
});
