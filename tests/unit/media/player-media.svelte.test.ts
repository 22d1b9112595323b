/**
 * The live player's audio wiring around one engine (player-media.svelte.ts), on a fake port:
 * the ambience bed follows the session's state and fades over its last seconds, the sleep
 * timer's fade scales every channel, and the wake-up chime sounds through the same port.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AudioChannel, ChannelGains } from '../../../src/lib/media/audio-port';
import { CHIME_RING_MS } from '../../../src/lib/media/chime';
import { CHIME_KEY, CLOSING_RING_MAX_MS, PlayerMedia, type PlayerAudioPort } from '../../../src/lib/media/player-media.svelte';
import { EMPTY_VOICE_MANIFEST } from '../../../src/lib/media/voice-manifest';
import { AMBIENCE_END_FADE_MS } from '../../../src/lib/playback/fade';
import { ManualClock } from '../../../src/lib/playback/clock';
import { SessionEngine } from '../../../src/lib/playback/engine';
import { FakeAudioPort } from './fake-audio-port';
import { sampleTimeline } from '../playback/timeline-builder';

const AMBIENCE = ['tracks/ambience.webm', 'tracks/ambience.m4a'];
const CHIME = ['sounds/wake-chime.webm', 'sounds/wake-chime.m4a'];

/** The fake scheduler port plus what the player itself asks of a WebAudioPort. */
class FakePlayerPort extends FakeAudioPort implements PlayerAudioPort {
	/** 'prepare' / 'play' / 'pause' for each ambience call, in order. */
	readonly ambience: ('prepare' | 'play' | 'pause')[] = [];
	readonly loads: string[] = [];
	disposed = false;
	/** Nothing here moves sounds after underruns (the fake clock has none). */
	readonly realignments = [];
	beginSession(): void {}
	endSession(): void {}
	unlock(): Promise<boolean> {
		return Promise.resolve(true);
	}
	load(key: string): Promise<boolean> {
		this.loads.push(key);
		return Promise.resolve(true);
	}
	onError(): () => void {
		return () => undefined;
	}
	prepareAmbience(): void {
		this.ambience.push('prepare');
	}
	playAmbience(): void {
		this.ambience.push('play');
	}
	pauseAmbience(): void {
		this.ambience.push('pause');
	}
	dispose(): void {
		this.disposed = true;
	}
	/** What soundingForSec() answers: seconds of voice and bell still to be heard. */
	sounding = 0;
	soundingForSec(): number {
		return this.sounding;
	}
	/** The last gain set on a channel. */
	gain(channel: AudioChannel): number | undefined {
		return this.gainCalls.filter(([c]) => c === channel).at(-1)?.[1];
	}
}

const volumes: ChannelGains = { gainFor: (c) => ({ voice: 1, sounds: 0.8, ambience: 0.5 })[c] };

async function setup(options: { chime?: readonly string[] | null; startFirst?: boolean } = {}) {
	const clock = new ManualClock(50_000);
	const engine = new SessionEngine(sampleTimeline(), clock);
	const port = new FakePlayerPort(clock);
	if (options.startFirst) engine.start();
	let wall = 0;
	const media = new PlayerMedia({
		engine,
		sounds: {},
		videos: {},
		gains: volumes,
		videoHost: document.createElement('div'),
		withVideo: false,
		ambience: AMBIENCE,
		chime: options.chime === undefined ? CHIME : options.chime,
		createPort: () => Promise.resolve(port),
		loadVoices: () => Promise.resolve({ manifest: EMPTY_VOICE_MANIFEST }),
		now: () => wall
	});
	await vi.waitFor(() => expect(port.loads.length + port.gainCalls.length).toBeGreaterThan(0));
	const tick = (ms = 0) => {
		clock.advance(ms);
		wall += ms;
		engine.tick();
		media.tick();
	};
	return { clock, engine, port, media, tick, advanceWall: (ms: number) => (wall += ms) };
}

afterEach(() => {
	vi.useRealTimers();
});

describe('PlayerMedia: the ambience bed', () => {
	it('starts when the session starts (count-in or playing) and stops on pause, stop and finish', async () => {
		const { engine, port, tick } = await setup();
		// Loaded and decoded before Start, so that work does not compete with the first cues.
		expect(port.ambience).toEqual(['prepare']);
		engine.start();
		expect(port.ambience).toEqual(['prepare', 'play']);
		tick(2000);
		engine.pause();
		expect(port.ambience).toEqual(['prepare', 'play', 'pause']);
		engine.resume();
		expect(port.ambience.at(-1)).toBe('play');
		engine.stop();
		expect(port.ambience.at(-1)).toBe('pause');
	});

	it('plays at once if the session was already under way when the audio arrived', async () => {
		const { port } = await setup({ startFirst: true });
		await vi.waitFor(() => expect(port.ambience).toEqual(['prepare', 'play']));
	});

	it('stops when the session finishes by itself', async () => {
		const { engine, port, tick } = await setup();
		engine.start();
		while (engine.state !== 'finished') tick(500);
		expect(port.ambience.at(-1)).toBe('pause');
	});

	it('fades out over the last seconds, so the end does not cut it off', async () => {
		const { engine, port, tick } = await setup();
		const duration = engine.timeline.durationMs;
		engine.start();
		tick(1000);
		expect(port.gain('ambience')).toBe(0.5);
		tick(duration - AMBIENCE_END_FADE_MS - 2000);
		expect(port.gain('ambience')).toBe(0.5);
		const fade: number[] = [];
		while (engine.state !== 'finished') {
			tick(250);
			fade.push(port.gain('ambience') ?? -1);
		}
		// Falls all the way, never back up, and is silent by the time the end pauses it.
		for (let i = 1; i < fade.length; i++) expect(fade[i]).toBeLessThanOrEqual(fade[i - 1]!);
		expect(fade.find((g) => g > 0.1 && g < 0.4)).toBeDefined();
		expect(port.gain('ambience')).toBe(0);
		// Speech and cue sounds are not faded by it.
		expect(port.gain('voice')).toBe(1);
		expect(port.gain('sounds')).toBe(0.8);
	});
});

describe('PlayerMedia: the sleep timer', () => {
	it('scales every channel by the sleep fade', async () => {
		const { engine, port, media, tick } = await setup();
		engine.start();
		media.setSleepGain(0.25);
		tick(1000);
		expect([port.gain('voice'), port.gain('sounds'), port.gain('ambience')]).toEqual([0.25, 0.2, 0.125]);
		media.setSleepGain(1);
		tick(100);
		expect([port.gain('voice'), port.gain('sounds'), port.gain('ambience')]).toEqual([1, 0.8, 0.5]);
	});

	it('plays the chime through the port at the sounds volume, even at the end of a fade', async () => {
		const { engine, port, media, tick } = await setup();
		engine.start();
		media.setSleepGain(0);
		tick(1000);
		expect(port.gain('sounds')).toBe(0);
		engine.pause();
		expect(port.loads).toContain(CHIME_KEY);
		expect(media.playChime()).toBe(true);
		const chime = port.plays.filter((p) => p.key === CHIME_KEY);
		expect(chime).toHaveLength(1);
		expect(chime[0]?.channel).toBe('sounds');
		expect(port.gain('sounds')).toBe(0.8);
		// What was left of the session's own sound was stopped first.
		expect(port.stopAllCalls).toEqual(expect.arrayContaining(['voice', 'sounds']));
		tick(100);
		expect(port.gain('sounds')).toBe(0.8);
		expect(port.gain('voice')).toBe(0);
	});

	it('has no chime without its files', async () => {
		const { port, media } = await setup({ chime: null });
		expect(media.playChime()).toBe(false);
		expect(port.plays.filter((p) => p.key === CHIME_KEY)).toHaveLength(0);
		expect(port.loads).not.toContain(CHIME_KEY);
	});

	it('lets a chime ring out before the audio is torn down', async () => {
		vi.useFakeTimers();
		const { engine, port, media, advanceWall } = await setup();
		engine.start();
		media.playChime();
		advanceWall(1000);
		media.destroy();
		expect(port.disposed).toBe(false);
		vi.advanceTimersByTime(CHIME_RING_MS - 1000 + 1);
		expect(port.disposed).toBe(true);
	});

	it('lets the closing words and bell ring out when the session finishes by itself', async () => {
		vi.useFakeTimers();
		const { engine, port, media, tick } = await setup();
		engine.start();
		while (engine.state !== 'finished') tick(500);
		port.sounding = 2.5;
		media.destroy();
		expect(port.disposed).toBe(false);
		vi.advanceTimersByTime(2400);
		expect(port.disposed).toBe(false);
		vi.advanceTimersByTime(101);
		expect(port.disposed).toBe(true);
	});

	it('a stop ends the sound at once, closing words or not', async () => {
		const { engine, port, media, tick } = await setup();
		engine.start();
		tick(2000);
		engine.stop();
		port.sounding = 2.5;
		media.destroy();
		expect(port.disposed).toBe(true);
	});

	it('never keeps the audio up longer than the closing allowance', async () => {
		vi.useFakeTimers();
		const { engine, port, media, tick } = await setup();
		engine.start();
		while (engine.state !== 'finished') tick(500);
		port.sounding = 600;
		media.destroy();
		vi.advanceTimersByTime(CLOSING_RING_MAX_MS - 1);
		expect(port.disposed).toBe(false);
		vi.advanceTimersByTime(2);
		expect(port.disposed).toBe(true);
	});

	it('tears the audio down at once when no chime rings', async () => {
		const { port, media } = await setup();
		media.destroy();
		expect(port.disposed).toBe(true);
	});
});
