import { beforeEach, describe, expect, it } from 'vitest';
import type { AudioLoadError } from '../../../src/lib/media/web-audio-port';
import { filesToTry } from '../../../src/lib/media/playable';
import { WebAudioPort } from '../../../src/lib/media/web-audio-port';
import { fakeFetch, fakeHowler, FakeHowl, type FakeContext, type FakeGain, type FakeSource } from './fake-web-audio';

const opus = (mime: string) => mime.startsWith('audio/webm');
const aacOnly = (mime: string) => mime.startsWith('audio/mp4');
const files = ['sounds/tick.webm', 'sounds/tick.m4a'];

function setup(table: Record<string, string>, canPlay = opus, howlerOptions = {}) {
	const howler = fakeHowler(howlerOptions);
	const net = fakeFetch(table);
	const port = new WebAudioPort(howler.module, { fetch: net.fetch, canPlay, baseUrl: '/media/' });
	const errors: AudioLoadError[] = [];
	port.onError((e) => errors.push(e));
	const ctx = () => howler.global.ctx as FakeContext;
	return { howler, net, port, errors, ctx };
}

beforeEach(() => {
	FakeHowl.made.length = 0;
});

describe('filesToTry', () => {
	it('puts WebM/Opus first where it plays, M4A first where only AAC does, unknown kinds last', () => {
		expect(filesToTry(['a.webm', 'a.m4a'], () => true)).toEqual(['a.webm', 'a.m4a']);
		expect(filesToTry(['a.webm', 'a.m4a'], aacOnly)).toEqual(['a.m4a', 'a.webm']);
		expect(filesToTry(['a.xyz', 'a.webm'], opus)).toEqual(['a.webm', 'a.xyz']);
	});
});

describe('WebAudioPort', () => {
	it('builds its channels on howler’s context, after howler’s own unlock has replaced it', () => {
		const { port, ctx, howler } = setup({}, opus, { replaceOnUnlock: true });
		expect(howler.global.autoUnlock).toBe(false);
		const master = howler.global.masterGain;
		const channelGains = ctx().gains.filter((g) => g !== master);
		expect(channelGains).toHaveLength(3);
		for (const g of channelGains) expect(g.outputs).toEqual([master]);
		expect(port.usable).toBe(false);
	});

	it('is unusable until unlocked by a gesture; then reads the audio clock', async () => {
		const { port, ctx } = setup({});
		expect(port.usable).toBe(false);
		const resolved = port.unlock();
		expect(ctx().resumeCalls).toBe(1);
		await expect(resolved).resolves.toBe(true);
		expect(port.usable).toBe(true);
		// The fake context has no output stamp: currentTime it is.
		ctx().currentTime = 1.25;
		expect(port.now()).toBe(1.25);
	});

	it('reads the time being heard from the output stamp when the context has one', async () => {
		const { port, ctx } = setup({});
		await port.unlock();
		ctx().currentTime = 10.06;
		const perf = performance.now();
		Object.assign(ctx(), { getOutputTimestamp: () => ({ contextTime: 10, performanceTime: perf }) });
		const heard = port.now();
		// 10 s plus however long since `perf`, well under the 60 ms rendered ahead.
		expect(heard).toBeGreaterThanOrEqual(10);
		expect(heard).toBeLessThan(10.05);
	});

	it('loads the preferred format and falls back to the other when it is missing', async () => {
		const { port, net, errors } = setup({ '/media/sounds/tick.m4a': 'aac' });
		await expect(port.load('sound:tick', files)).resolves.toBe(true);
		expect(net.requested).toEqual(['/media/sounds/tick.webm', '/media/sounds/tick.m4a']);
		expect(port.has('sound:tick')).toBe(true);
		expect(errors).toEqual([]);
	});

	it('asks for M4A first where Opus does not play, and loads each key once', async () => {
		const { port, net } = setup({ '/media/sounds/tick.m4a': 'aac' }, aacOnly);
		await Promise.all([port.load('sound:tick', files), port.load('sound:tick', files)]);
		expect(net.requested).toEqual(['/media/sounds/tick.m4a']);
	});

	it('reports a file that is missing or undecodable in every format, without throwing, and can retry later', async () => {
		const { port, errors, ctx } = setup({ '/media/sounds/tick.webm': 'garbage' });
		ctx().undecodable.add('garbage');
		await expect(port.load('sound:tick', files)).resolves.toBe(false);
		expect(errors).toHaveLength(1);
		expect(errors[0]?.key).toBe('sound:tick');
		expect(errors[0]?.message).toMatch(/tick\.webm: cannot decode garbage/);
		expect(errors[0]?.message).toMatch(/tick\.m4a: HTTP 404/);
		expect(port.has('sound:tick')).toBe(false);
		await port.unlock();
		expect(port.play('sound:tick', 0, 'sounds')).toBeNull();
		ctx().undecodable.clear();
		await expect(port.load('sound:tick', files)).resolves.toBe(true);
	});

	it('plays a buffer with start(when) through its own fader into the channel gain', async () => {
		const { port, ctx, howler } = setup({ '/media/sounds/tick.webm': 'opus' });
		await port.load('sound:tick', files);
		expect(port.play('sound:tick', 3.5, 'sounds')).toBeNull(); // still locked
		await port.unlock();
		const handle = port.play('sound:tick', 3.5, 'sounds');
		expect(handle).not.toBeNull();
		const source = ctx().sources.at(-1) as FakeSource;
		expect(source.startedAt).toBe(3.5);
		expect(source.buffer).toEqual({ decodedFrom: 'opus', duration: 1 });
		const fader = source.outputs[0] as FakeGain;
		const channel = fader.outputs[0] as FakeGain;
		expect(channel.outputs).toEqual([howler.global.masterGain]);
		expect(port.play('sound:unknown', 3.5, 'sounds')).toBeNull();
	});

	it('stops with a fade ending at the given time, and a stop before the start means silence', async () => {
		const { port, ctx } = setup({ '/media/sounds/tick.webm': 'opus' });
		await port.load('sound:tick', files);
		await port.unlock();
		ctx().currentTime = 10;
		const h = port.play('sound:tick', 10, 'voice');
		if (h === null) throw new Error('not played');
		const source = ctx().sources.at(-1) as FakeSource;
		port.stop(h, { atSec: 11, fadeSec: 0.1 });
		expect(source.stoppedAt).toBe(11);
		expect((source.outputs[0] as FakeGain).gain.events).toEqual([
			['cancel', 0, 10.9],
			['set', 1, 10.9],
			['ramp', 0, 11]
		]);
		const later = port.play('sound:tick', 12, 'voice');
		if (later === null) throw new Error('not played');
		port.stopAll('voice');
		expect((ctx().sources.at(-1) as FakeSource).stoppedAt).toBe(10);
	});

	it('keeps howler from suspending the context during a session, and restores its setting after', () => {
		const { port, howler } = setup({});
		port.beginSession();
		expect(howler.global.autoSuspend).toBe(false);
		port.beginSession();
		port.endSession();
		expect(howler.global.autoSuspend).toBe(true);
	});

	it('prepares the ambience bed without playing it, and plays that same bed at Start', () => {
		const { port } = setup({});
		const files = ['ambience/rain.webm', 'ambience/rain.m4a'];
		FakeHowl.made.length = 0;
		port.prepareAmbience(files);
		expect(FakeHowl.made).toHaveLength(1);
		expect(FakeHowl.made[0]?.playing()).toBe(false);
		port.playAmbience(files);
		expect(FakeHowl.made).toHaveLength(1);
		expect(FakeHowl.made[0]?.playing()).toBe(true);
	});

	it('clamps channel gains and applies the ambience volume to its Howl', () => {
		const { port, ctx, howler } = setup({});
		port.playAmbience(['ambience/rain.webm', 'ambience/rain.m4a']);
		port.setGain('ambience', 1.7);
		port.setGain('voice', -2);
		expect(FakeHowl.made[0]?.vol).toBe(1);
		expect(FakeHowl.made[0]?.options.src).toEqual(['/media/ambience/rain.webm', '/media/ambience/rain.m4a']);
		expect(FakeHowl.made[0]?.options.loop).toBe(true);
		const channelGains = ctx().gains.filter((g) => g !== howler.global.masterGain);
		expect(channelGains[0]?.gain.value).toBe(0);
	});

	it('follows howler to a new context: tells its listener, and reads the new context\'s clock', async () => {
		const { port, howler } = setup({ '/media/sounds/tick.webm': 'opus' });
		await port.load('sound:tick', files);
		await port.unlock();
		let changes = 0;
		port.onChange(() => changes++);
		const fresh = howler.replaceContext();
		expect(port.usable).toBe(false);
		expect(changes).toBe(1);
		await port.unlock();
		fresh.currentTime = 3.5;
		expect(port.now()).toBe(3.5);
		// Decoded buffers belong to no context: they still play on the new one.
		expect(port.play('sound:tick', 0, 'sounds')).not.toBeNull();
		expect(fresh.sources.length).toBeGreaterThan(0);
	});

	it('without Web Audio: never usable, loads fail with a report, nothing throws', async () => {
		const { port, errors } = setup({ '/media/sounds/tick.webm': 'opus' }, opus, { webAudio: false });
		await expect(port.unlock()).resolves.toBe(false);
		expect(port.usable).toBe(false);
		expect(port.now()).toBe(0);
		await expect(port.load('sound:tick', files)).resolves.toBe(false);
		expect(errors[0]?.message).toMatch(/no Web Audio/);
		expect(port.play('sound:tick', 0, 'sounds')).toBeNull();
	});

	it('after dispose it lets go of the context and restores howler', async () => {
		const { port, howler } = setup({});
		await port.unlock();
		port.beginSession();
		port.dispose();
		expect(howler.global.autoSuspend).toBe(true);
		expect(port.usable).toBe(false);
	});
});
