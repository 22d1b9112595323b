import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveHub } from '$lib/server/classroom/hub';
import { lesson, state, timeline } from './live-fixtures';


interface SseEvent {
	event: string;
	id?: string;
	data: string;
}

/** Reads what a stream has queued so far and parses it as SSE. */
async function drain(reader: ReadableStreamDefaultReader<Uint8Array>, chunks: number): Promise<string> {
	let text = '';
	for (let i = 0; i < chunks; i += 1) {
		const { value, done } = await reader.read();
		if (done) break;
		text += new TextDecoder().decode(value);
	}
	return text;
}

function parse(text: string): SseEvent[] {
	return text
		.split('\n\n')
		.filter((block) => block.startsWith('event:'))
		.map((block) => {
			const fields = Object.fromEntries(block.split('\n').map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]));
			return { event: fields.event ?? '', id: fields.id, data: fields.data ?? '' };
		});
}

let hub: LiveHub;
let presence: [string, string, boolean][];

beforeEach(() => {
	vi.useFakeTimers();
	presence = [];
	hub = new LiveHub({
		heartbeatMs: 15_000,
		rosterDelayMs: 50,
		maxQueued: 4,
		replayDepth: 3,
		onPresence: (code, id, online) => presence.push([code, id, online])
	});
	hub.open({ lesson, state, timeline, instructorId: 'i1', participants: [{ id: 'p1', name: 'Ana' }] });
});

afterEach(() => {
	hub.drop(state.code);
	vi.useRealTimers();
});

describe('LiveHub connections', () => {
	it('sends retry and the current state on connect, then each published state', async () => {
		const reader = hub.connect(state.code, { role: 'viewer' }, null).getReader();
		expect(parse(await drain(reader, 2))).toEqual([{ event: 'state', id: '3', data: JSON.stringify(state) }]);
		const next = { ...state, status: 'playing' as const, seq: 4 };
		hub.publish(next);
		expect(parse(await drain(reader, 1))).toEqual([{ event: 'state', id: '4', data: JSON.stringify(next) }]);
		expect(hub.room(state.code)?.state).toEqual(next);
	});

	it('resumes with Last-Event-ID: an up-to-date browser gets no repeat, a stale one gets the current state', async () => {
		const upToDate = hub.connect(state.code, { role: 'viewer' }, 3);
		const stale = hub.connect(state.code, { role: 'viewer' }, 1).getReader();
		expect(parse(await drain(stale, 2))).toHaveLength(1);
		const reader = upToDate.getReader();
		await drain(reader, 1);
		hub.publish({ ...state, seq: 4 });
		// The first state event this stream ever carries is the new one.
		expect(parse(await drain(reader, 1)).map((e) => e.id)).toEqual(['4']);
	});

	it('applies each seq once and never an older one: an event heard twice or late changes nothing', async () => {
		const reader = hub.connect(state.code, { role: 'viewer' }, 3).getReader();
		await drain(reader, 1);
		expect(hub.publish({ ...state, status: 'playing', seq: 5 })).toBe(true);
		expect(hub.publish({ ...state, status: 'paused', seq: 5 })).toBe(false);
		expect(hub.publish({ ...state, status: 'paused', seq: 4 })).toBe(false);
		expect(hub.room(state.code)?.state).toMatchObject({ status: 'playing', seq: 5 });
		expect(hub.publish({ ...state, status: 'ended', seq: 6 })).toBe(true);
		expect(parse(await drain(reader, 2)).map((e) => e.id)).toEqual(['5', '6']);
		expect(hub.publish({ ...state, code: 'NOTHLD', seq: 9 })).toBe(false);
	});

	it('replays what a reconnecting browser missed while it has all of it, and sends a snapshot after a gap', async () => {
		for (const seq of [4, 5, 6, 7]) hub.publish({ ...state, positionMs: seq * 100, seq });
		// Depth 3 keeps 5, 6, 7: a browser that saw 4 gets exactly those three, in order.
		const resumed = parse(await drain(hub.connect(state.code, { role: 'viewer' }, 4).getReader(), 4));
		expect(resumed.map((e) => e.id)).toEqual(['5', '6', '7']);
		expect(resumed.map((e) => JSON.parse(e.data).positionMs)).toEqual([500, 600, 700]);
		// One that saw 3 missed 4, which is gone: the current state instead.
		expect(parse(await drain(hub.connect(state.code, { role: 'viewer' }, 3).getReader(), 2)).map((e) => e.id)).toEqual(['7']);
		// A seq this server has not reached (the browser came from a server further ahead): the current state.
		expect(parse(await drain(hub.connect(state.code, { role: 'viewer' }, 9).getReader(), 2)).map((e) => e.id)).toEqual(['7']);
		// A jump (this server re-read the row after missing events) starts the replay list afresh.
		hub.publish({ ...state, seq: 10 });
		expect(parse(await drain(hub.connect(state.code, { role: 'viewer' }, 7).getReader(), 2)).map((e) => e.id)).toEqual(['10']);
		expect(hub.connectionCount).toBe(4);
	});

	it('closes every stream of every lesson on closeAll, keeping the lessons', () => {
		hub.connect(state.code, { role: 'viewer' }, null);
		hub.connect(state.code, { role: 'instructor' }, null);
		hub.closeAll();
		expect(hub.connectionCount).toBe(0);
		expect(hub.room(state.code)).toBeDefined();
	});

	it('counts connections and forgets them on cancel and on abort, once each', async () => {
		const a = hub.connect(state.code, { role: 'viewer' }, null);
		const controller = new AbortController();
		hub.connect(state.code, { role: 'viewer' }, null, controller.signal);
		expect(hub.connectionCount).toBe(2);
		await a.cancel();
		await a.cancel();
		expect(hub.connectionCount).toBe(1);
		controller.abort();
		controller.abort();
		expect(hub.connectionCount).toBe(0);
	});

	it('does not hold a stream whose request was already aborted', () => {
		const controller = new AbortController();
		controller.abort();
		hub.connect(state.code, { role: 'viewer' }, null, controller.signal);
		expect(hub.connectionCount).toBe(0);
	});

	it('drops a stream that stopped reading instead of queueing without bound', () => {
		hub.connect(state.code, { role: 'viewer' }, null);
		expect(hub.connectionCount).toBe(1);
		for (let seq = 4; seq < 12; seq += 1) hub.publish({ ...state, seq });
		expect(hub.connectionCount).toBe(0);
	});

	it('closes every stream when the lesson is dropped', async () => {
		const reader = hub.connect(state.code, { role: 'viewer' }, null).getReader();
		await drain(reader, 2);
		hub.drop(state.code);
		expect(hub.connectionCount).toBe(0);
		expect((await reader.read()).done).toBe(true);
		expect(() => hub.connect(state.code, { role: 'viewer' }, null)).toThrow('No live lesson');
	});

	it('skips the heartbeat of a lesson whose streams just carried a state, not of one that went quiet', () => {
		const written: string[] = [];
		const sink = { write: (bytes: Uint8Array) => written.push(new TextDecoder().decode(bytes)) > 0, end: () => undefined };
		const leave = hub.attach(state.code, { role: 'viewer' }, null, sink);
		vi.advanceTimersByTime(10_000);
		hub.publish({ ...state, seq: 4 });
		written.length = 0;
		// The tick at 15 s: the state 5 s before it did what a heartbeat does.
		vi.advanceTimersByTime(5_000);
		expect(written).toEqual([]);
		vi.advanceTimersByTime(15_000);
		expect(written).toEqual([': heartbeat\n\n']);
		leave();
	});

	it('sends heartbeats from one timer while anything is connected', async () => {
		const reader = hub.connect(state.code, { role: 'viewer' }, null).getReader();
		await drain(reader, 2);
		vi.advanceTimersByTime(15_000);
		expect(await drain(reader, 1)).toBe(': heartbeat\n\n');
		expect(vi.getTimerCount()).toBe(1);
		await reader.cancel();
		expect(vi.getTimerCount()).toBe(0);
	});
});

describe('LiveHub roster', () => {
	it('gives the instructor the roster on connect and one coalesced update for a burst of changes', async () => {
		const instructor = hub.connect(state.code, { role: 'instructor' }, null).getReader();
		const first = parse(await drain(instructor, 3));
		expect(first.map((e) => e.event)).toEqual(['state', 'roster']);
		expect(JSON.parse(first[1]!.data)).toEqual([{ id: 'p1', name: 'Ana', connected: false }]);

		hub.addParticipants(state.code, [{ id: 'p2', name: 'Bo' }]);
		const phone = hub.connect(state.code, { role: 'participant', participantId: 'p2' }, null);
		hub.connect(state.code, { role: 'participant', participantId: 'p2' }, null);
		vi.advanceTimersByTime(50);
		const update = parse(await drain(instructor, 1));
		expect(update).toHaveLength(1);
		expect(JSON.parse(update[0]!.data)).toEqual([
			{ id: 'p1', name: 'Ana', connected: false },
			{ id: 'p2', name: 'Bo', connected: true }
		]);
		// Still connected from the second tab after the first closes.
		await phone.cancel();
		expect(hub.roster(state.code).find((p) => p.id === 'p2')?.connected).toBe(true);
	});

	it('tells the other servers when a participant comes and goes here, not once per tab', async () => {
		const a = hub.connect(state.code, { role: 'participant', participantId: 'p1' }, null);
		const b = hub.connect(state.code, { role: 'participant', participantId: 'p1' }, null);
		await a.cancel();
		expect(presence).toEqual([[state.code, 'p1', true]]);
		await b.cancel();
		expect(presence).toEqual([
			[state.code, 'p1', true],
			[state.code, 'p1', false]
		]);
	});

	it('counts participants connected to other servers until those servers go silent', () => {
		hub.addParticipants(state.code, [{ id: 'p2', name: 'Bo' }]);
		hub.applyRemotePresence(state.code, 'server-b', ['p1', 'p2'], [], false);
		expect(hub.roster(state.code).map((p) => p.connected)).toEqual([true, true]);
		hub.applyRemotePresence(state.code, 'server-b', [], ['p2'], false);
		expect(hub.roster(state.code).map((p) => p.connected)).toEqual([true, false]);
		// A full list replaces what that server said before.
		hub.applyRemotePresence(state.code, 'server-b', ['p2'], [], true);
		expect(hub.roster(state.code).map((p) => p.connected)).toEqual([false, true]);
		hub.forgetInstance('server-b');
		expect(hub.roster(state.code).map((p) => p.connected)).toEqual([false, false]);
	});

	it('never sends the roster to participants or viewers', async () => {
		const reader = hub.connect(state.code, { role: 'participant', participantId: 'p1' }, null).getReader();
		await drain(reader, 2);
		hub.addParticipants(state.code, [{ id: 'p3', name: 'Cy' }]);
		vi.advanceTimersByTime(50);
		hub.publish({ ...state, seq: 4 });
		expect(parse(await drain(reader, 1)).map((e) => e.event)).toEqual(['state']);
	});
});

describe('LiveHub.closeAll (the server is stopping)', () => {
	/** Everything a stream sends until it closes. */
	async function readToEnd(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<string> {
		let text = '';
		for (;;) {
			const { value, done } = await reader.read();
			if (done) return text;
			text += new TextDecoder().decode(value);
		}
	}
	const retries = (text: string) => [...text.matchAll(/^retry: (\d+)$/gm)].map((m) => Number(m[1]));

	it('tells every stream to come back after a jittered delay, then closes it', async () => {
		const readers = [0, 1, 2].map(() => hub.connect(state.code, { role: 'viewer' }, null).getReader());
		const draws = [0, 0.5, 0.999];
		hub.closeAll({ retryJitterMs: 3000, random: () => draws.shift() ?? 0 });
		const texts = await Promise.all(readers.map(readToEnd));
		// The first retry is the one every stream gets on connect; the last is the stop's.
		expect(texts.map((t) => retries(t).at(-1))).toEqual([1000, 2500, 3997]);
		expect(hub.connectionCount).toBe(0);
	});

	it('sends a stream opened while stopping away at once, with its own jittered retry', async () => {
		hub.closeAll({ retryJitterMs: 2000, random: () => 0.25 });
		const text = await readToEnd(hub.connect(state.code, { role: 'participant', participantId: 'p1' }, null).getReader());
		expect(retries(text)).toEqual([1500]);
		expect(parse(text)).toEqual([]);
		expect(hub.connectionCount).toBe(0);
	});

	it('keeps the lessons held: the state is still there for whoever asks before the exit', () => {
		hub.closeAll({ retryJitterMs: 1000 });
		expect(hub.room(state.code)?.state).toEqual(state);
	});
});
