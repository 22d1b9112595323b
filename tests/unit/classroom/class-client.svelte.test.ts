import { describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { ClassClient, eventsUrl, RESAMPLE_SOON_TRIES } from '$lib/classroom/class-client.svelte';
import { PAUSED_TOLERANCE_MS } from '$lib/classroom/follow';
import { COMMAND_LEAD_MS, type LiveState } from '$lib/classroom/protocol';
import { ManualClock } from '$lib/playback/clock';
import { START_LEAD_MS } from '$lib/playback/engine';
import { sampleTimeline } from '../playback/timeline-builder';
import { FakeEventSource } from './fake-event-source';

/** Server clock: epoch ms. Each device's local clock is the server's shifted by its own error. */
const T0 = 1_763_900_000_000;

class FakeServer {
	readonly clock = new ManualClock(T0);
	seq = 0;
	state: LiveState = {
		lessonId: 'lesson-1',
		code: 'ACDEFG',
		routineId: 'sample',
		level: 1,
		status: 'waiting',
		positionMs: 0,
		anchorServerMs: T0,
		seq: 0
	};

	command(status: LiveState['status'], positionMs: number): LiveState {
		this.state = {
			...this.state,
			status,
			positionMs,
			anchorServerMs: this.clock.now() + COMMAND_LEAD_MS,
			seq: ++this.seq
		};
		return this.state;
	}

	/** Where a playing lesson is now. */
	positionNow(): number {
		const s = this.state;
		return s.status === 'playing' ? s.positionMs + (this.clock.now() - s.anchorServerMs) : s.positionMs;
	}
}

/** A device whose clock reads `errorMs` off the server's, with a symmetric network delay. */
function device(server: FakeServer, errorMs: number, options: { legs?: () => [number, number] } = {}) {
	const legs = options.legs ?? ((): [number, number] => [5, 5]);
	const local = { now: () => server.clock.now() + errorMs };
	const sources: FakeEventSource[] = [];
	const timers: (() => void)[] = [];
	const visibility = new EventTarget() as EventTarget & { visibilityState: DocumentVisibilityState };
	visibility.visibilityState = 'visible';
	let reads = 0;
	const client = new ClassClient({
		code: 'ACDEFG',
		timeline: sampleTimeline(),
		localClock: local,
		openEvents: (url) => {
			const s = new FakeEventSource(url);
			sources.push(s);
			return s;
		},
		// The answer's trip is simulated by advancing the shared server clock.
		readServerTime: async () => {
			reads++;
			const [up, down] = legs();
			server.clock.advance(up);
			const t = server.clock.now();
			server.clock.advance(down);
			return t;
		},
		every: (_ms, fn) => {
			timers.push(fn);
			return () => timers.splice(timers.indexOf(fn), 1);
		},
		visibility: visibility as unknown as Document
	});
	return {
		client,
		sources,
		timers,
		visibility,
		reads: () => reads,
		source: () => sources[sources.length - 1] as FakeEventSource
	};
}

async function connected(server: FakeServer, errorMs: number, options: { legs?: () => [number, number] } = {}) {
	const d = device(server, errorMs, options);
	d.client.connect();
	await d.client.resample(0);
	// Let the initial burst finish.
	await new Promise((r) => setTimeout(r, 0));
	d.source().open();
	return d;
}

function tickAll(...devices: { client: ClassClient }[]): void {
	for (const d of devices) d.client.tick();
}

describe('ClassClient', () => {
	it('opens one stream on the lesson and estimates the server clock before following', async () => {
		const server = new FakeServer();
		const d = device(server, -40_000);
		d.client.connect();
		d.client.connect();
		expect(d.sources).toHaveLength(1);
		expect(d.source().url).toBe(eventsUrl('ACDEFG'));
		expect(d.client.synced).toBe(false);
		await new Promise((r) => setTimeout(r, 0));
		expect(d.reads()).toBeGreaterThanOrEqual(5);
		expect(d.client.synced).toBe(true);
		expect(Math.abs(d.client.serverNow() - server.clock.now())).toBeLessThanOrEqual(5);
	});

	it('applies a command at its anchor instant, not when it arrives', async () => {
		const server = new FakeServer();
		const d = await connected(server, 12_345);
		d.source().emit('state', server.command('playing', 30_000));
		server.clock.advance(COMMAND_LEAD_MS - START_LEAD_MS - 10);
		d.client.tick();
		expect(d.client.engine.state).toBe('ready');
		// Within the start lead the engine starts, its clock set going at the anchor instant.
		server.clock.advance(20);
		d.client.tick();
		expect(d.client.engine.state).toBe('playing');
		expect(d.client.engine.position).toBe(30_000);
		expect(d.client.engine.clockPosition).toBeCloseTo(30_000 - (START_LEAD_MS - 10), 6);
		server.clock.advance(START_LEAD_MS - 10);
		d.client.tick();
		expect(d.client.live?.status).toBe('playing');
		server.clock.advance(1_000);
		d.client.tick();
		expect(Math.abs(d.client.engine.position - server.positionNow())).toBeLessThanOrEqual(1);
	});

	it('says how long until a received change takes effect, on its own clock, and nothing once it has', async () => {
		const server = new FakeServer();
		// This device's clock is 2 s ahead of the server's: the wait is still the server's lead.
		const d = await connected(server, 2000);
		expect(d.client.dueInMs()).toBeNull();
		d.source().emit('state', server.command('playing', 30_000));
		expect(d.client.dueInMs()).toBeCloseTo(COMMAND_LEAD_MS, 0);
		server.clock.advance(COMMAND_LEAD_MS - 120);
		expect(d.client.dueInMs()).toBeCloseTo(120, 0);
		server.clock.advance(120);
		d.client.tick();
		expect(d.client.dueInMs()).toBeNull();
		expect(d.client.live?.positionMs).toBe(30_000);
	});

	it('schedules the count-in ahead at a lesson start and sounds its cue at 0', async () => {
		const server = new FakeServer();
		const d = await connected(server, -2_500);
		const cues: { atMs: number; lateMs: number }[] = [];
		d.client.engine.on('cue', (e) => cues.push({ atMs: e.cue.atMs, lateMs: e.lateMs }));
		d.source().emit('state', server.command('playing', 0));
		// Ticks every 25 ms from the command, as the worker timer makes them.
		let upcomingAtZero = false;
		for (let t = 0; t < COMMAND_LEAD_MS + 200; t += 25) {
			server.clock.advance(25);
			d.client.tick();
			d.client.engine.tick();
			if (server.clock.now() < server.state.anchorServerMs && d.client.engine.upcomingCues(300).some((c) => c.atMs === 0)) upcomingAtZero = true;
		}
		// Offered to the cue scheduler before it is due, so it is started at its time, not late…
		expect(upcomingAtZero).toBe(true);
		// …and emitted, where the engine used to start a tick past it and skip it.
		expect(cues[0]).toEqual({ atMs: 0, lateMs: expect.any(Number) });
		expect(cues[0]?.lateMs).toBeLessThan(25);
	});

	it('pauses two devices with different clocks at the same position', async () => {
		const server = new FakeServer();
		const a = await connected(server, 90_000);
		const b = await connected(server, -3_600_000);
		for (const d of [a, b]) d.source().emit('state', server.state.seq === 0 ? server.command('playing', 0) : server.state);
		server.clock.advance(COMMAND_LEAD_MS);
		tickAll(a, b);
		server.clock.advance(23_456);
		tickAll(a, b);
		const pause = server.command('paused', server.positionNow() + COMMAND_LEAD_MS);
		for (const d of [a, b]) d.source().emit('state', pause);
		// One device ticks a frame late; both still land on the room's frozen position.
		server.clock.advance(COMMAND_LEAD_MS);
		a.client.tick();
		server.clock.advance(16);
		b.client.tick();
		for (const d of [a, b]) {
			expect(d.client.engine.state).toBe('paused');
			expect(Math.abs(d.client.engine.position - pause.positionMs)).toBeLessThanOrEqual(PAUSED_TOLERANCE_MS);
		}
		expect(a.client.engine.step.index).toBe(b.client.engine.step.index);
	});

	it('starts a late joiner where the room is now', async () => {
		const server = new FakeServer();
		server.command('playing', 0);
		server.clock.advance(60_000);
		const d = await connected(server, 777);
		d.source().emit('state', server.state);
		expect(d.client.engine.state).not.toBe('ready');
		expect(Math.abs(d.client.engine.position - server.positionNow())).toBeLessThanOrEqual(10);
		expect(d.client.engine.step.index).toBe(1);
	});

	it('lands a joiner in a paused lesson on the frozen position, paused', async () => {
		const server = new FakeServer();
		server.command('paused', 70_000);
		server.clock.advance(5_000);
		const d = await connected(server, 0);
		d.source().emit('state', server.state);
		expect(d.client.engine.state).toBe('paused');
		expect(d.client.engine.position).toBe(70_000);
		expect(d.client.engine.step.title).toBe('Pelvic tilt');
	});

	it('ignores a state it already has when a reconnect replays it, and older ones', async () => {
		const server = new FakeServer();
		const d = await connected(server, 0);
		const play = server.command('playing', 0);
		d.source().emit('state', play);
		server.clock.advance(COMMAND_LEAD_MS + 1_000);
		d.client.tick();
		const pause = server.command('paused', 1_500);
		d.source().emit('state', pause);
		server.clock.advance(COMMAND_LEAD_MS);
		d.client.tick();
		expect(d.client.engine.state).toBe('paused');
		d.source().fail(0);
		expect(d.client.connection).toBe('reconnecting');
		d.source().open();
		d.source().emit('state', play);
		d.source().emit('state', pause);
		d.client.tick();
		expect(d.client.engine.state).toBe('paused');
		expect(d.client.live?.seq).toBe(pause.seq);
		expect(d.client.connection).toBe('live');
	});

	it('follows next, previous and jumps as seeks', async () => {
		const server = new FakeServer();
		const d = await connected(server, 0);
		d.source().emit('state', server.command('playing', 0));
		server.clock.advance(COMMAND_LEAD_MS + 2_000);
		d.client.tick();
		d.source().emit('state', server.command('playing', 65_000));
		server.clock.advance(COMMAND_LEAD_MS);
		d.client.tick();
		expect(d.client.engine.step.title).toBe('Pelvic tilt');
		expect(d.client.engine.position).toBe(65_000);
	});

	it('seeks when a better clock estimate moves the offset beyond the drift band', async () => {
		const server = new FakeServer();
		// The first samples all take a slow path out (800 ms up, 2 ms down): ~400 ms wrong.
		let legs: [number, number] = [800, 2];
		const d = device(server, 0, { legs: () => legs });
		d.client.connect();
		await new Promise((r) => setTimeout(r, 0));
		d.source().emit('state', server.command('playing', 0));
		server.clock.advance(COMMAND_LEAD_MS + 5_000);
		d.client.tick();
		expect(Math.abs(d.client.engine.position - server.positionNow())).toBeGreaterThan(300);
		legs = [3, 3];
		await d.client.resample(1);
		expect(Math.abs(d.client.engine.position - server.positionNow())).toBeLessThanOrEqual(3);
	});

	it('measures again every couple of seconds while its best sample is slow, and stops once one is fast', async () => {
		const server = new FakeServer();
		// Busy at joining: every answer of the first burst comes back slowly (120 ms up, 2 down).
		let legs: [number, number] = [120, 2];
		const d = await connected(server, 0, { legs: () => legs });
		// The periodic re-measure and the soon one.
		expect(d.timers).toHaveLength(2);
		const soon = d.timers[1] as () => void;
		let reads = d.reads();
		soon();
		await new Promise((r) => setTimeout(r, 0));
		expect(d.reads()).toBe(reads + 1);
		// Still slow: it keeps going.
		expect(d.timers).toHaveLength(2);
		d.source().emit('state', server.command('playing', 0));
		server.clock.advance(COMMAND_LEAD_MS + 5_000);
		d.client.tick();
		expect(Math.abs(d.client.engine.position - server.positionNow())).toBeGreaterThan(50);
		legs = [3, 3];
		reads = d.reads();
		soon();
		await new Promise((r) => setTimeout(r, 0));
		expect(d.reads()).toBe(reads + 1);
		// A fast answer: the clock is right, and only the periodic re-measure is left.
		expect(Math.abs(d.client.engine.position - server.positionNow())).toBeLessThanOrEqual(3);
		expect(d.timers).toHaveLength(1);
		d.client.destroy();
		expect(d.timers).toHaveLength(0);
	});

	it('gives up measuring soon after RESAMPLE_SOON_TRIES slow answers, leaving the periodic re-measure', async () => {
		const server = new FakeServer();
		const d = await connected(server, 0, { legs: () => [120, 2] });
		const soon = d.timers[1] as () => void;
		for (let i = 0; i < RESAMPLE_SOON_TRIES; i++) {
			soon();
			await new Promise((r) => setTimeout(r, 0));
		}
		expect(d.timers).toHaveLength(1);
	});

	it('stops when the lesson ends and rebuilds a finished engine if the room goes back', async () => {
		const server = new FakeServer();
		const d = await connected(server, 0);
		d.source().emit('state', server.command('playing', 100_000));
		server.clock.advance(COMMAND_LEAD_MS);
		d.client.tick();
		server.clock.advance(10_000);
		// The session view ticks the engine every frame.
		d.client.engine.tick();
		d.client.tick();
		expect(d.client.engine.state).toBe('finished');
		const generation = d.client.generation;
		d.source().emit('state', server.command('playing', 96_000));
		server.clock.advance(COMMAND_LEAD_MS);
		d.client.tick();
		expect(d.client.generation).toBe(generation + 1);
		d.client.tick();
		expect(d.client.engine.state).toBe('playing');
		expect(d.client.engine.position).toBe(96_000);
		d.source().emit('state', server.command('ended', 97_000));
		server.clock.advance(COMMAND_LEAD_MS);
		d.client.tick();
		expect(d.client.engine.state).toBe('stopped');
		expect(d.client.status).toBe('ended');
	});

	it('keeps the roster from the instructor stream and drops malformed messages', async () => {
		const server = new FakeServer();
		const d = await connected(server, 0);
		d.source().emit('roster', [{ id: 'p1', name: 'Ana', connected: true }]);
		d.source().emit('roster', '{"nope":');
		d.source().emit('state', '{"status":"playing"}');
		expect(d.client.roster).toEqual([{ id: 'p1', name: 'Ana', connected: true }]);
		expect(d.client.live).toBeNull();
	});

	it('says the stream is closed when the server refuses it, and closes it on destroy', async () => {
		const server = new FakeServer();
		const d = await connected(server, 0);
		d.source().fail(2);
		expect(d.client.connection).toBe('closed');
		d.client.destroy();
		expect(d.source().closed).toBe(true);
		expect(d.timers).toHaveLength(0);
	});

	it('re-measures the clock periodically and when the page becomes visible again', async () => {
		const server = new FakeServer();
		const d = await connected(server, 0);
		const before = d.reads();
		d.timers.forEach((t) => t());
		await new Promise((r) => setTimeout(r, 0));
		expect(d.reads()).toBe(before + 1);
		d.visibility.visibilityState = 'visible';
		d.visibility.dispatchEvent(new Event('visibilitychange'));
		await new Promise((r) => setTimeout(r, 0));
		expect(d.reads()).toBe(before + 4);
	});
});

describe('ClassClient status', () => {
	it('reports the status of a received state reactively, from the rendered state through every change', async () => {
		const server = new FakeServer();
		const initial = server.state;
		const source = new FakeEventSource('');
		const client = new ClassClient({
			code: 'ACDEFG',
			timeline: sampleTimeline(),
			initial,
			localClock: server.clock,
			openEvents: () => source,
			readServerTime: async () => server.clock.now()
		});
		const seen: (string | null)[] = [];
		const stop = $effect.root(() => {
			$effect(() => {
				const s = client.status;
				if (seen[seen.length - 1] !== s) seen.push(s);
			});
		});
		flushSync();
		client.connect();
		await new Promise((r) => setTimeout(r, 0));
		source.emit('state', server.command('playing', 0));
		flushSync();
		server.clock.advance(COMMAND_LEAD_MS);
		client.tick();
		flushSync();
		source.emit('state', server.command('paused', 300));
		server.clock.advance(COMMAND_LEAD_MS);
		client.tick();
		flushSync();
		stop();
		expect(seen).toEqual(['waiting', 'playing', 'paused']);
	});
});
