/**
 * The machine's floor for a fan-out, run by bench:cluster beside the real servers: a bare
 * node:http server that holds the same event streams and, per command, writes one event of
 * the same bytes (Limber's own SSE and chunk framing) to every connection with one socket
 * write each. No SvelteKit, no database, no sign-in, no hub: what any Node server on this
 * machine must at least spend to tell N phones. Where this floor's delivery p99 is itself
 * over the target, the target is beyond the machine, not beyond Limber.
 *
 * Usage (a child process of the bench): node --import tsx bench/class/floor-server.ts PORT
 * It answers the paths the bench already uses:
 *   GET  /api/health                 200
 *   GET  /api/live/CODE/events       the stream; the current event first
 *   POST /api/live/CODE/command      body: a LiveState JSON with its seq; sent to every stream
 *
 * Several floor servers share nothing: the bench sends each command to all of them at once
 * (each tells its own share of the phones), where Limber's servers pass it on themselves.
 *   GET  /api/bench/hub[?reset]      connections, memory, event-loop delay (as the real one)
 */
import http from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Socket } from 'node:net';
import { chunkedFrame } from '../../src/lib/server/http/chunked-frame';
import { encodeEvent } from '../../src/lib/server/classroom/sse';
import { SSE_EVENTS } from '../../src/lib/classroom/protocol';

const port = Number(process.argv[2]);
if (!Number.isInteger(port) || port <= 0) throw new Error('usage: floor-server.ts PORT');

const streams = new Set<Socket>();
let current = chunkedFrame(encodeEvent(SSE_EVENTS.state, JSON.stringify({ seq: 0 }), 0));
const loop = monitorEventLoopDelay({ resolution: 1 });
loop.enable();

function readBody(req: http.IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const parts: Buffer[] = [];
		req.on('data', (b: Buffer) => parts.push(b));
		req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
		req.on('error', reject);
	});
}

function json(res: http.ServerResponse, body: unknown): void {
	res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
	res.end(JSON.stringify(body));
}

const server = http.createServer(async (req, res) => {
	const url = new URL(req.url ?? '/', 'http://floor');
	if (req.method === 'GET' && url.pathname.endsWith('/events')) {
		res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
		res.flushHeaders();
		const socket = res.socket;
		if (socket === null) return void res.end();
		streams.add(socket);
		socket.write(current);
		res.once('close', () => streams.delete(socket));
		return;
	}
	if (req.method === 'POST' && url.pathname.endsWith('/command')) {
		const data = await readBody(req);
		const state = JSON.parse(data) as { seq?: unknown };
		if (typeof state.seq !== 'number') {
			res.writeHead(400).end('the state needs a seq');
			return;
		}
		current = chunkedFrame(encodeEvent(SSE_EVENTS.state, data, state.seq));
		for (const socket of streams) socket.write(current);
		// Answered after the writes, as the real servers answer after applying the command.
		return json(res, { seq: state.seq });
	}
	if (url.pathname === '/api/bench/hub') {
		const delay = { p50_ms: loop.percentile(50) / 1e6, p99_ms: loop.percentile(99) / 1e6, max_ms: loop.max / 1e6 };
		if (url.searchParams.has('reset')) loop.reset();
		if (!url.searchParams.has('nogc')) (globalThis as { gc?: () => void }).gc?.();
		const memory = process.memoryUsage();
		return json(res, { connections: streams.size, rooms: 1, rss: memory.rss, heapUsed: memory.heapUsed, eventLoopDelay: delay });
	}
	if (url.pathname === '/api/health') return json(res, { ok: true });
	res.writeHead(404).end();
});
server.listen(port, '127.0.0.1');
process.on('SIGTERM', () => process.exit(0));
