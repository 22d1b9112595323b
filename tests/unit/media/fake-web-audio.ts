/**
 * Just enough of an AudioContext, its nodes and the howler module for WebAudioPort's tests:
 * records connections, starts, stops and gain automation instead of making sound.
 */
import type { HowlOptions } from 'howler';
import type { AmbiencePlayer, HowlerLike } from '../../../src/lib/media/web-audio-port';

export class FakeParam {
	value = 1;
	readonly events: [string, number, number][] = [];
	setValueAtTime(v: number, t: number) {
		this.events.push(['set', v, t]);
		this.value = v;
	}
	linearRampToValueAtTime(v: number, t: number) {
		this.events.push(['ramp', v, t]);
	}
	setTargetAtTime(v: number, t: number) {
		this.events.push(['target', v, t]);
		this.value = v;
	}
	cancelScheduledValues(t: number) {
		this.events.push(['cancel', 0, t]);
	}
}

export class FakeNode {
	readonly outputs: unknown[] = [];
	disconnected = false;
	connect(target: unknown) {
		this.outputs.push(target);
		return target;
	}
	disconnect() {
		this.disconnected = true;
	}
}

export class FakeGain extends FakeNode {
	readonly gain = new FakeParam();
}

export class FakeSource extends FakeNode {
	buffer: unknown = null;
	startedAt: number | null = null;
	stoppedAt: number | null = null;
	onended: (() => void) | null = null;
	start(when = 0) {
		this.startedAt = when;
	}
	stop(when = 0) {
		this.stoppedAt = when;
	}
}

export class FakeContext {
	state: 'running' | 'suspended' | 'closed' = 'suspended';
	currentTime = 0;
	readonly sampleRate = 48_000;
	readonly destination = new FakeNode();
	readonly sources: FakeSource[] = [];
	readonly gains: FakeGain[] = [];
	resumeCalls = 0;
	/** Data (as text) that fails to decode. */
	readonly undecodable = new Set<string>();
	readonly listeners = new Map<string, Set<() => void>>();

	createGain() {
		const g = new FakeGain();
		this.gains.push(g);
		return g;
	}
	createBufferSource() {
		const s = new FakeSource();
		this.sources.push(s);
		return s;
	}
	createBuffer(channels: number, length: number, rate: number) {
		return { channels, length, rate };
	}
	decodeAudioData(data: ArrayBuffer, ok: (b: unknown) => void, fail: (e: Error) => void): Promise<unknown> {
		const text = new TextDecoder().decode(data);
		if (this.undecodable.has(text)) {
			const err = new Error(`cannot decode ${text}`);
			fail(err);
			return Promise.reject(err);
		}
		// Every fake sound lasts a second.
		const buffer = { decodedFrom: text, duration: 1 };
		ok(buffer);
		return Promise.resolve(buffer);
	}
	resume() {
		this.resumeCalls++;
		this.state = 'running';
		this.#fire('statechange');
		return Promise.resolve();
	}
	suspend() {
		this.state = 'suspended';
		this.#fire('statechange');
		return Promise.resolve();
	}
	addEventListener(type: string, l: () => void) {
		if (!this.listeners.has(type)) this.listeners.set(type, new Set());
		this.listeners.get(type)?.add(l);
	}
	removeEventListener(type: string, l: () => void) {
		this.listeners.get(type)?.delete(l);
	}
	#fire(type: string) {
		for (const l of this.listeners.get(type) ?? []) l();
	}
}

export class FakeHowl implements AmbiencePlayer {
	static made: FakeHowl[] = [];
	playingNow = false;
	vol: number;
	constructor(readonly options: HowlOptions) {
		this.vol = options.volume ?? 1;
		FakeHowl.made.push(this);
	}
	play() {
		this.playingNow = true;
		return 1;
	}
	pause() {
		this.playingNow = false;
	}
	stop() {
		this.playingNow = false;
	}
	volume(v: number) {
		this.vol = v;
	}
	unload() {}
	playing() {
		return this.playingNow;
	}
}

export interface FakeHowler {
	readonly module: HowlerLike;
	readonly global: {
		ctx: FakeContext | null;
		masterGain: FakeGain | null;
		usingWebAudio: boolean;
		autoSuspend: boolean;
		autoUnlock: boolean;
		volume(): number;
		_unlockAudio?: () => void;
	};
	/** Make howler replace its context, as Howler.unload() does. */
	replaceContext(): FakeContext;
}

/** A howler whose context appears on the first volume() call, like the real one's. */
export function fakeHowler(options: { webAudio?: boolean; replaceOnUnlock?: boolean } = {}): FakeHowler {
	const global: FakeHowler['global'] = {
		ctx: null,
		masterGain: null,
		usingWebAudio: options.webAudio ?? true,
		autoSuspend: true,
		autoUnlock: true,
		volume() {
			if (!global.ctx && global.usingWebAudio) replaceContext();
			return 1;
		}
	};
	function replaceContext(): FakeContext {
		global.ctx = new FakeContext();
		global.masterGain = global.ctx.createGain();
		return global.ctx;
	}
	if (options.replaceOnUnlock) {
		global._unlockAudio = () => {
			global.autoUnlock = false;
			replaceContext();
		};
	}
	const module = { Howler: global, Howl: FakeHowl } as unknown as HowlerLike;
	return { module, global, replaceContext };
}

/** A fetch over a table of paths; anything else is a 404. */
export function fakeFetch(files: Record<string, string>): { fetch: typeof fetch; requested: string[] } {
	const requested: string[] = [];
	const f: typeof fetch = async (input) => {
		const url = String(input);
		requested.push(url);
		const body = files[url];
		return body === undefined ? new Response('no', { status: 404 }) : new Response(body);
	};
	return { fetch: f, requested };
}
