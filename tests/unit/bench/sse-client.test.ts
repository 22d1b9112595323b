// The bench's own SSE reader: what bench:class, bench:cluster and bench:soak time by. A
// parse fault here would move every delivery figure, so it is read against a real socket.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { SseListener } from '../../../bench/class/sse-client';

const servers: http.Server[] = [];
afterEach(async () => {
	await Promise.all(
		servers.splice(0).map((s) => {
			s.closeAllConnections();
			return new Promise((r) => s.close(r));
		})
	);
});

const event = (name: string, data: string, id?: number): string => `event: ${name}\n${id === undefined ? '' : `id: ${id}\n`}data: ${data}\n\n`;
const state = (seq: number) => JSON.stringify({ seq, status: 'playing', positionMs: seq * 1000 });

/** A server that answers the stream with these writes, each its own chunk, a few ms apart. */
async function serve(writes: readonly string[]): Promise<string> {
	const server = http.createServer(async (_req, res) => {
		res.writeHead(200, { 'content-type': 'text/event-stream' });
		for (const w of writes) {
			res.write(w);
			await new Promise((r) => setTimeout(r, 5));
		}
	});
	servers.push(server);
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	return `http://127.0.0.1:${(server.address() as AddressInfo).port}/events`;
}

async function until(check: () => boolean): Promise<void> {
	for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
}

describe('SseListener', () => {
	const writes = [
		': heartbeat\n\n',
		event('state', state(1), 1),
		event('roster', '[]'),
		// One event split across two chunks, then two events in one.
		event('state', state(2), 2).slice(0, 20),
		event('state', state(2), 2).slice(20),
		event('state', state(3), 3) + event('state', state(4), 4),
		// No id: the seq is read from the state.
		event('state', state(5))
	];

	it('reads the seq of every state event, however the bytes are cut, and keeps the states', async () => {
		const l = new SseListener(await serve(writes), '');
		await l.ready();
		await until(() => l.arrivals.length >= 5);
		expect(l.arrivals.map((a) => a.seq)).toEqual([1, 2, 3, 4, 5]);
		expect(l.arrivals.map((a) => a.state.positionMs)).toEqual([1000, 2000, 3000, 4000, 5000]);
		l.close();
	});

	it('with keepStates: false, gives the same seqs and times and no states', async () => {
		const l = new SseListener(await serve(writes), '', { keepStates: false });
		await l.ready();
		await until(() => l.arrivals.length >= 5);
		expect(l.arrivals.map((a) => a.seq)).toEqual([1, 2, 3, 4, 5]);
		expect(l.arrivals.every((a, i) => i === 0 || a.at >= l.arrivals[i - 1]!.at)).toBe(true);
		expect(() => l.arrivals[0]!.state).toThrow(/keepStates/);
		l.close();
	});
});
