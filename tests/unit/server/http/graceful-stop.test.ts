import { createServer, request, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { GracefulStop } from '$lib/server/http/graceful-stop';
import { DRAIN_EVENT, onStop, SHUTDOWN_EVENT } from '$lib/server/lifecycle';

/**
 * The stop on a real HTTP server: a stream that only the app can end (like an SSE
 * connection), a slow request in progress (a write being acknowledged), and the two
 * lifecycle events the app listens to.
 */
let server: Server;
const streams = new Set<ServerResponse>();
const events: string[] = [];

async function listen(slowMs: number): Promise<string> {
	server = createServer((req, res) => {
		if (req.url === '/stream') {
			res.writeHead(200, { 'content-type': 'text/event-stream' });
			res.write('retry: 1000\n\n');
			streams.add(res);
			return;
		}
		setTimeout(() => res.writeHead(200).end('saved'), slowMs);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function fetchText(url: string): Promise<{ status: number; body: string }> {
	return new Promise((resolve, reject) => {
		const req = request(url, { agent: false }, (res) => {
			let body = '';
			res.on('data', (c: Buffer) => (body += c.toString()));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
			res.on('error', reject);
		});
		req.on('error', reject);
		req.end();
	});
}

/** Opens the stream and resolves once its first bytes came, with a promise of all it will send. */
function openStream(url: string): Promise<{ readonly ended: Promise<string> }> {
	return new Promise((resolve, reject) => {
		const req = request(`${url}/stream`, { agent: false }, (res) => {
			let body = '';
			const ended = new Promise<string>((done) => {
				res.on('end', () => done(body));
				res.on('close', () => done(body));
			});
			// Wrapped: resolving with the promise itself would wait for the end.
			res.once('data', () => resolve({ ended }));
			res.on('data', (c: Buffer) => (body += c.toString()));
		});
		req.on('error', reject);
		req.end();
	});
}

afterEach(() => {
	streams.clear();
	events.length = 0;
	process.removeAllListeners(DRAIN_EVENT);
	process.removeAllListeners(SHUTDOWN_EVENT);
	server.closeAllConnections();
	server.close();
});

describe('GracefulStop', () => {
	it('drains streams, lets requests in progress finish, then lets the app close, in that order', async () => {
		const url = await listen(300);
		const stream = await openStream(url);
		const slow = fetchText(`${url}/save`);
		await new Promise((r) => setTimeout(r, 50));
		onStop(DRAIN_EVENT, (notice) => {
			events.push(`drain ${notice.retryJitterMs}`);
			for (const res of streams) res.end('retry: 2345\n\n');
		});
		onStop(SHUTDOWN_EVENT, (notice) => {
			events.push('shutdown');
			notice.waitUntil(new Promise((r) => setTimeout(r, 100)).then(() => events.push('database closed')));
		});
		const stop = new GracefulStop(server);
		const started = Date.now();
		const stopped = stop.stop('SIGTERM', { deadlineMs: 5000, retryJitterMs: 3000, log: (line) => events.push(line) });
		expect(stop.stopping).toBe(true);
		// No new connections once stopping.
		await expect(fetchText(`${url}/late`)).rejects.toThrow();
		expect(await slow).toEqual({ status: 200, body: 'saved' });
		expect(await stream.ended).toContain('retry: 2345');
		await stopped;
		expect(Date.now() - started).toBeLessThan(2000);
		const order = events.filter((e) => !e.startsWith('stop'));
		expect(order).toEqual(['drain 3000', 'shutdown', 'database closed']);
	});

	it('cuts connections still open near the deadline, and still closes the app in time', async () => {
		const url = await listen(60_000);
		const stream = await openStream(url);
		onStop(SHUTDOWN_EVENT, () => events.push('shutdown'));
		const started = Date.now();
		await new GracefulStop(server).stop('SIGTERM', { deadlineMs: 2000, retryJitterMs: 0, log: (line) => events.push(line) });
		const took = Date.now() - started;
		expect(took).toBeLessThan(2000);
		// 1.5 s are kept back for the database.
		expect(took).toBeGreaterThanOrEqual(400);
		await stream.ended;
		expect(events).toContain('shutdown');
		expect(events).toContain('stopping: requests still open at the deadline were cut');
	});

	it('runs once however often it is asked', async () => {
		await listen(10);
		let drains = 0;
		onStop(DRAIN_EVENT, () => (drains += 1));
		const stop = new GracefulStop(server);
		const options = { deadlineMs: 2000, retryJitterMs: 0, log: () => undefined };
		const first = stop.stop('SIGTERM', options);
		expect(stop.stop('SIGINT', options)).toBe(first);
		await first;
		expect(drains).toBe(1);
	});
});
