/**
 * WebAudioPort.realign(): sounds placed ahead for a wall-clock moment are moved when the
 * output loses time (an underrun) before they start, so they are still heard on time.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { REALIGN_GUARD_SEC, WebAudioPort } from '../../../src/lib/media/web-audio-port';
import { fakeFetch, fakeHowler, type FakeContext, type FakeGain, type FakeSource } from './fake-web-audio';

const files = ['sounds/tick.webm'];

/** A context with a fresh output stamp on every read, 20 ms behind currentTime. */
async function setup() {
	const howler = fakeHowler();
	const net = fakeFetch({ '/media/sounds/tick.webm': 'opus' });
	const port = new WebAudioPort(howler.module, { fetch: net.fetch, canPlay: () => true, baseUrl: '/media/' });
	await port.load('sound:tick', files);
	await port.unlock();
	const ctx = howler.global.ctx as FakeContext;
	let perf = 100_000;
	vi.spyOn(performance, 'now').mockImplementation(() => perf);
	const stamp = () => ({ contextTime: ctx.currentTime - 0.02, performanceTime: perf });
	Object.assign(ctx, { getOutputTimestamp: stamp });
	return {
		port,
		ctx,
		/** Time passes on both clocks alike. */
		advance(sec: number) {
			ctx.currentTime += sec;
			perf += sec * 1000;
		},
		/** The output stalls: the wall clock runs on, the audio clock does not. */
		underrun(sec: number) {
			perf += sec * 1000;
		}
	};
}

function play(port: WebAudioPort, at: number) {
	const h = port.play('sound:tick', at, 'voice');
	if (h === null) throw new Error('not played');
	return h;
}

beforeEach(() => {
	vi.restoreAllMocks();
});
afterEach(() => {
	vi.restoreAllMocks();
});

describe('WebAudioPort.realign', () => {
	it('moves a sound that has not started earlier by the time an underrun lost', async () => {
		const { port, ctx, advance, underrun } = await setup();
		ctx.currentTime = 10;
		const h = play(port, 10.12);
		const first = ctx.sources.at(-1) as FakeSource;
		advance(0.02);
		underrun(0.01);
		// Read twice (two ticks), so it is an underrun and not a stamp's noise.
		port.realign();
		port.realign();
		const moved = ctx.sources.at(-1) as FakeSource;
		expect(moved).not.toBe(first);
		expect(moved.startedAt).toBeCloseTo(10.11, 6);
		expect(port.realignments).toHaveLength(1);
		expect(port.realignments[0]?.fromSec).toBe(10.12);
		expect(port.realignments[0]?.toSec).toBeCloseTo(10.11, 6);
		// The old source never sounds, and its end no longer forgets the handle.
		expect(first.stoppedAt).toBe(0);
		expect(first.disconnected).toBe(true);
		expect(first.onended).toBeNull();
		// Same fader: volume and fades still apply; the handle now stops the new source.
		expect(moved.outputs[0]).toBe(first.outputs[0]);
		port.stop(h);
		expect(moved.stoppedAt).toBeCloseTo(10.02, 6);
	});

	it('does nothing while the output runs smoothly, or moves by less than reading noise', async () => {
		const { port, ctx, advance, underrun } = await setup();
		ctx.currentTime = 10;
		play(port, 10.12);
		advance(0.05);
		port.realign();
		underrun(0.001);
		port.realign();
		expect(ctx.sources).toHaveLength(2); // unlock's silent frame and the sound
		expect((ctx.sources.at(-1) as FakeSource).startedAt).toBe(10.12);
	});

	it('does not follow a reading that flips by a render quantum and back (stamp noise, not an underrun)', async () => {
		const { port, ctx, advance, underrun } = await setup();
		ctx.currentTime = 10;
		play(port, 10.2);
		const quantum = 128 / 44_100;
		for (let i = 0; i < 6; i++) {
			advance(0.025);
			underrun(i % 2 === 0 ? quantum : -quantum);
			port.realign();
		}
		expect(port.realignments).toEqual([]);
		expect((ctx.sources.at(-1) as FakeSource).startedAt).toBe(10.2);
	});

	it('does not follow a flip of one render quantum even when it lasts a few readings', async () => {
		const { port, ctx, advance, underrun } = await setup();
		ctx.currentTime = 10;
		play(port, 10.2);
		underrun(128 / 44_100);
		for (let i = 0; i < 3; i++) {
			advance(0.025);
			port.realign();
		}
		expect(port.realignments).toEqual([]);
	});

	it('follows an underrun the tick after it is first read', async () => {
		const { port, ctx, advance, underrun } = await setup();
		ctx.currentTime = 10;
		play(port, 10.2);
		advance(0.025);
		port.realign();
		advance(0.025);
		port.realign();
		underrun(0.01);
		port.realign();
		expect(port.realignments).toEqual([]);
		advance(0.025);
		port.realign();
		expect(port.realignments).toHaveLength(1);
		expect((ctx.sources.at(-1) as FakeSource).startedAt).toBeCloseTo(10.19, 6);
	});

	it('leaves a sound about to start (the render thread may be past it) and one already playing', async () => {
		const { port, ctx, advance, underrun } = await setup();
		ctx.currentTime = 10;
		play(port, 10); // playing
		play(port, 10 + REALIGN_GUARD_SEC + 0.005);
		advance(0.01);
		underrun(0.01);
		port.realign();
		expect(ctx.sources).toHaveLength(3);
	});

	it('does not move what it cannot place by a stamp', async () => {
		const { port, ctx, underrun } = await setup();
		ctx.currentTime = 10;
		Object.assign(ctx, { getOutputTimestamp: undefined });
		play(port, 10.12);
		underrun(0.01);
		port.realign();
		expect(ctx.sources).toHaveLength(2);
	});

	it('moves a stop still to come with it, fade and all', async () => {
		const { port, ctx, advance, underrun } = await setup();
		ctx.currentTime = 10;
		const speaking = play(port, 9.5); // started, cut at 10.3 by the next speech
		port.stop(speaking, { atSec: 10.3, fadeSec: 0.05 });
		const next = play(port, 10.3);
		advance(0.02);
		underrun(0.015);
		port.realign();
		port.realign();
		const speakingSource = ctx.sources[1] as FakeSource;
		expect(speakingSource.stoppedAt).toBeCloseTo(10.285, 6);
		const events = (speakingSource.outputs[0] as FakeGain).gain.events;
		expect(events.at(-1)?.[0]).toBe('ramp');
		expect(events.at(-1)?.[2]).toBeCloseTo(10.285, 6);
		const nextSource = ctx.sources.at(-1) as FakeSource;
		expect(nextSource.startedAt).toBeCloseTo(10.285, 6);
		port.stop(next, { atSec: 11, fadeSec: 0 });
		expect(nextSource.stoppedAt).toBe(11);
	});

	it('moves a sound later when the output gains time back', async () => {
		const { port, ctx, underrun } = await setup();
		ctx.currentTime = 10;
		play(port, 10.12);
		underrun(-0.005);
		port.realign();
		port.realign();
		expect((ctx.sources.at(-1) as FakeSource).startedAt).toBeCloseTo(10.125, 6);
	});

	it('never starts again a sound stopped before it began, even before the browser reports its end', async () => {
		const { port, ctx, advance, underrun } = await setup();
		ctx.currentTime = 10;
		const h = play(port, 10.2);
		port.stop(h);
		advance(0.02);
		underrun(0.01);
		port.realign();
		expect(ctx.sources).toHaveLength(2); // unlock's silent frame and the stopped sound
		expect((ctx.sources.at(-1) as FakeSource).stoppedAt).toBe(10);
	});
});

describe('WebAudioPort.soundingForSec', () => {
	it('is how long until the last voice or signal sound has been heard, latency included', async () => {
		const { port, ctx } = await setup();
		ctx.currentTime = 10;
		Object.assign(ctx, { outputLatency: 0.04, baseLatency: 0.01 });
		expect(port.soundingForSec()).toBe(0);
		play(port, 10.5); // a 1 s fake buffer: heard until 11.5
		expect(port.soundingForSec()).toBeCloseTo(1.55, 6);
		const cut = play(port, 10);
		port.stop(cut, { atSec: 12, fadeSec: 0.1 });
		expect(port.soundingForSec()).toBeCloseTo(2.05, 6);
	});

	it('leaves out the ambience bed and sounds already stopped', async () => {
		const { port, ctx } = await setup();
		ctx.currentTime = 10;
		const h = play(port, 10.5);
		port.stop(h);
		const bed = port.play('sound:tick', 10, 'ambience');
		expect(bed).not.toBeNull();
		expect(port.soundingForSec()).toBe(0);
	});
});
