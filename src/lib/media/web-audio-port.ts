/**
 * The real AudioPort, on howler's AudioContext. howler has no scheduler (its play() starts
 * now, ±12 ms off when called from a timer), so cues are played as AudioBufferSourceNodes
 * started with `start(when)`, which lands on the sample. They go through a gain per channel
 * into `Howler.masterGain`, so howler's global volume and mute still apply to them.
 *
 * The only file that imports howler (dynamically, so it stays out of the server and out of
 * the first page load). Missing files, failed decodes, a locked or lost context are reported
 * through `usable`, `onError` and `play()` returning null; none of them throws into a session.
 */
import { browserCanPlay, filesToTry } from './playable';
import type { HowlOptions } from 'howler';
import { audioTimeAt, wallMinusHeardSec } from './audio-time';
import { AUDIO_CHANNELS, clampGain, type AudioChannel, type AudioPort, type PlayHandle, type StopOptions } from './audio-port';

/** The looping ambience bed: a Howl (its own volume, through howler's master gain). */
export interface AmbiencePlayer {
	play(): number;
	pause(): unknown;
	stop(): unknown;
	volume(volume: number): unknown;
	unload(): unknown;
	playing(): boolean;
}

/** The part of the howler module used here; tests pass a fake. */
export interface HowlerLike {
	readonly Howler: {
		readonly ctx: AudioContext | null;
		readonly masterGain: GainNode | null;
		readonly usingWebAudio: boolean;
		autoSuspend: boolean;
		autoUnlock: boolean;
		/** Called without arguments only to make howler create its context. */
		volume(): number;
	};
	readonly Howl: new (options: HowlOptions) => AmbiencePlayer;
}

export interface AudioLoadError {
	readonly key: string;
	readonly files: readonly string[];
	readonly message: string;
}

export interface WebAudioPortOptions {
	/** Prefix of the catalogue's relative paths. */
	readonly baseUrl?: string;
	readonly fetch?: typeof fetch;
	/** Whether the browser can play a MIME type; default asks an <audio> element. */
	readonly canPlay?: (mime: string) => boolean;
	/** Log every realignment (only the sync benchmark reads it). */
	readonly recordMoves?: boolean;
}

/** Promise and callback forms at once: older Safari only calls back, newer browsers do both. */
function decode(ctx: BaseAudioContext, data: ArrayBuffer): Promise<AudioBuffer> {
	return new Promise((resolve, reject) => {
		const p = ctx.decodeAudioData(data, resolve, (err) => reject(err ?? new Error('could not decode')));
		// The rejection is already reported through the callback; do not let it go unhandled.
		if (p) p.catch(() => undefined);
	});
}

interface Playing {
	/** Replaced when the sound is moved before it starts (realign). */
	source: AudioBufferSourceNode;
	readonly fader: GainNode;
	readonly channel: AudioChannel;
	readonly buffer: AudioBuffer;
	startSec: number;
	/** The output's wall − heard offset its times were chosen by; null without an output stamp. */
	offsetSec: number | null;
	/** A stop asked for at a time still to come, moved along with the start. */
	stopAt: { atSec: number; fadeSec: number } | null;
}

/** A sound moved by realign(): from one start time to another on the audio clock (s). */
export interface SoundMove {
	readonly fromSec: number;
	readonly toSec: number;
}

/** Two offset readings in a row closer than this agree: the output really is there (s). */
export const OFFSET_AGREE_SEC = 0.001;

/**
 * A move of the output's wall − heard offset below this is reading noise, not an underrun (s):
 * above one render quantum (128 frames: 2.9 ms at 44.1 kHz, 2.7 ms at 48 kHz), by which the
 * stamps flip, and below the callback buffer (10 ms and up) an underrun loses at a time.
 */
export const REALIGN_MIN_SEC = 0.004;
/**
 * A start or stop closer than this to currentTime is left where it is: the render thread may
 * already be rendering that far ahead in one callback (s).
 */
export const REALIGN_GUARD_SEC = 0.03;

type HowlerInternals = { _unlockAudio?: () => void };

export class WebAudioPort implements AudioPort {
	readonly #howler: HowlerLike;
	readonly #baseUrl: string;
	readonly #fetch: typeof fetch;
	readonly #canPlay: (mime: string) => boolean;

	#ctx: AudioContext | null = null;
	readonly #channels = new Map<AudioChannel, GainNode>();
	readonly #gains = new Map<AudioChannel, number>(AUDIO_CHANNELS.map((c) => [c, 1]));
	readonly #buffers = new Map<string, AudioBuffer>();
	readonly #loads = new Map<string, Promise<boolean>>();
	readonly #playing = new Map<PlayHandle, Playing>();
	#nextHandle = 0;
	readonly #moves: SoundMove[] = [];
	/** The offset sounds are placed and moved by (see #steadyOffset), and the last reading. */
	#offset: number | null = null;
	#lastOffset: number | null = null;
	readonly #recordMoves: boolean;
	#savedAutoSuspend: boolean | null = null;
	#ambience: AmbiencePlayer | null = null;
	#disposed = false;
	readonly #changeListeners = new Set<() => void>();
	readonly #errorListeners = new Set<(e: AudioLoadError) => void>();
	readonly #onStateChange = () => this.#notifyChange();

	/** Load howler and attach to its context. Call before the Start button can be pressed. */
	static async create(options: WebAudioPortOptions = {}): Promise<WebAudioPort> {
		const howler: HowlerLike = await import('howler');
		return new WebAudioPort(howler, options);
	}

	constructor(howler: HowlerLike, options: WebAudioPortOptions = {}) {
		this.#howler = howler;
		this.#baseUrl = options.baseUrl ?? '/media/';
		this.#fetch = options.fetch ?? ((input, init) => fetch(input, init));
		this.#canPlay = options.canPlay ?? browserCanPlay;
		this.#recordMoves = options.recordMoves ?? true;
		const H = howler.Howler;
		// Makes howler create its context (and master gain) if no Howl has done so yet.
		if (!H.ctx) H.volume();
		// howler's own unlock normally runs when the first Howl is made; the first time, it may
		// replace the context (to fix a sample rate). Run it now, before the graph is built on
		// that context, instead of later when an ambience Howl would pull the context away.
		const internals = H as typeof H & HowlerInternals;
		if (H.autoUnlock && typeof internals._unlockAudio === 'function') internals._unlockAudio();
		this.#sync();
	}

	/** Audio can sound now: the context exists and runs. */
	get usable(): boolean {
		this.#sync();
		return this.#ctx !== null && this.#ctx.state === 'running';
	}

	/** The audio time heard now (see audio-time.ts): session time maps onto it for start(when). */
	now(): number {
		this.#sync();
		const ctx = this.#ctx;
		if (!ctx) return 0;
		const stamp = typeof ctx.getOutputTimestamp === 'function' ? ctx.getOutputTimestamp() : null;
		return audioTimeAt(ctx.currentTime, stamp, performance.now());
	}

	/** Called when `usable` may have changed (unlock, suspension, new context). */
	onChange(listener: () => void): () => void {
		this.#changeListeners.add(listener);
		return () => this.#changeListeners.delete(listener);
	}

	/** A file that could not be fetched or decoded in any of its formats. */
	onError(listener: (e: AudioLoadError) => void): () => void {
		this.#errorListeners.add(listener);
		return () => this.#errorListeners.delete(listener);
	}

	/**
	 * Call synchronously inside the Start press: browsers let a context start only in a user
	 * gesture. Resolves to whether audio now runs; never rejects.
	 */
	unlock(): Promise<boolean> {
		this.#sync();
		const ctx = this.#ctx;
		if (!ctx) return Promise.resolve(false);
		try {
			// iOS also wants a sound started inside the gesture: one silent frame.
			const source = ctx.createBufferSource();
			source.buffer = ctx.createBuffer(1, 1, ctx.sampleRate);
			source.connect(ctx.destination);
			source.start(0);
		} catch {
			// Not needed elsewhere; resume() below is what counts.
		}
		const resumed = ctx.state === 'running' ? Promise.resolve() : ctx.resume();
		return resumed.then(
			() => this.usable,
			() => false
		);
	}

	/** While a session runs, howler must not suspend the context after 30 s of silence. */
	beginSession(): void {
		if (this.#savedAutoSuspend === null) this.#savedAutoSuspend = this.#howler.Howler.autoSuspend;
		this.#howler.Howler.autoSuspend = false;
	}

	endSession(): void {
		if (this.#savedAutoSuspend === null) return;
		this.#howler.Howler.autoSuspend = this.#savedAutoSuspend;
		this.#savedAutoSuspend = null;
	}

	/** Fetch and decode one buffer, trying each format; false (and an onError report) if none works. */
	load(key: string, files: readonly string[]): Promise<boolean> {
		if (this.#buffers.has(key)) return Promise.resolve(true);
		let p = this.#loads.get(key);
		if (!p) {
			p = this.#load(key, files);
			this.#loads.set(key, p);
		}
		return p;
	}

	/** Whether a buffer is decoded and ready to play. */
	has(key: string): boolean {
		return this.#buffers.has(key);
	}

	play(key: string, whenSec: number, channel: AudioChannel): PlayHandle | null {
		const buffer = this.#buffers.get(key);
		const out = this.#channels.get(channel);
		if (!buffer || !out || !this.usable || !this.#ctx) return null;
		try {
			const source = this.#ctx.createBufferSource();
			source.buffer = buffer;
			// A gain per sound, so one utterance can be faded without touching the channel.
			const fader = this.#ctx.createGain();
			source.connect(fader);
			fader.connect(out);
			const handle = ++this.#nextHandle as PlayHandle;
			const startSec = Math.max(0, whenSec);
			this.#startSource(handle, source, fader, startSec);
			this.#playing.set(handle, { source, fader, channel, buffer, startSec, offsetSec: this.#steadyOffset(this.#offsetSec()), stopAt: null });
			return handle;
		} catch {
			return null;
		}
	}

	stop(handle: PlayHandle, options: StopOptions = {}): void {
		const p = this.#playing.get(handle);
		const ctx = this.#ctx;
		if (!p || !ctx) return;
		const now = ctx.currentTime;
		const at = Math.max(now, options.atSec ?? now);
		const fade = Math.max(0, options.fadeSec ?? 0);
		p.stopAt = at > now ? { atSec: at, fadeSec: fade } : null;
		this.#applyStop(p, at, fade);
		// Stopped now: forgotten now, not when the browser reports its end, so that realign()
		// cannot start a sound again that was stopped before it began.
		if (p.stopAt === null) this.#playing.delete(handle);
	}

	/**
	 * How long (s) until the last voice or signal sound placed so far has been heard to its
	 * end, output latency included; 0 when none is left. The ambience bed loops and is not
	 * counted. Lets a player that ends keep the audio up for its closing words.
	 */
	soundingForSec(): number {
		const ctx = this.#ctx;
		if (!ctx || ctx.state !== 'running') return 0;
		let last = ctx.currentTime;
		for (const p of this.#playing.values()) {
			if (p.channel === 'ambience') continue;
			last = Math.max(last, p.stopAt ? p.stopAt.atSec : p.startSec + p.buffer.duration);
		}
		const latency = (ctx.outputLatency || 0) + (ctx.baseLatency || 0);
		return last > ctx.currentTime ? last - ctx.currentTime + latency : 0;
	}

	/**
	 * Move the sounds that have not started yet by however much the output has lost (or
	 * gained) against the wall clock since they were placed. Their times were chosen for a
	 * wall-clock moment; after an underrun the audio clock reaches them that much later, and
	 * a cue scheduled 100 ms ahead would be heard 10–20 ms late. Call on every tick.
	 */
	realign(): void {
		const ctx = this.#ctx;
		if (!ctx || ctx.state !== 'running') return;
		const offset = this.#steadyOffset(this.#offsetSec());
		if (offset === null || this.#playing.size === 0) return;
		const earliest = ctx.currentTime + REALIGN_GUARD_SEC;
		for (const [handle, p] of this.#playing) {
			const shift = p.offsetSec === null ? 0 : offset - p.offsetSec;
			p.offsetSec = offset;
			if (Math.abs(shift) < REALIGN_MIN_SEC) continue;
			const moveStart = p.startSec >= earliest;
			if (moveStart) this.#replaceSource(handle, p, Math.max(earliest, p.startSec - shift));
			const stopAt = p.stopAt;
			if (!stopAt) continue;
			const moveStop = stopAt.atSec - stopAt.fadeSec >= earliest;
			// A new source needs its stop again even where the stop itself cannot move.
			if (!moveStop && !moveStart) continue;
			p.stopAt = { atSec: moveStop ? Math.max(earliest, stopAt.atSec - shift) : stopAt.atSec, fadeSec: stopAt.fadeSec };
			this.#applyStop(p, p.stopAt.atSec, p.stopAt.fadeSec, true);
		}
	}

	/** The sounds realign() has moved so far, oldest first (the latest 10 000). */
	get realignments(): readonly SoundMove[] {
		return this.#moves;
	}

	/**
	 * The output's wall − heard offset, taken up only when two readings in a row agree on it.
	 * The output stamp's context time moves in render quanta (128 frames, 2.9 ms at 44.1 kHz)
	 * while its performance time does not, so single readings flip by a quantum or two from
	 * one tick to the next and back: taken as they came, each flip moved every waiting sound
	 * by 3–6 ms and the next moved it back, and a sound that started in between was heard that
	 * far off (bench:sync cue p99 2.2–2.5 ms). An underrun moves every reading after it, so it
	 * is followed one tick later; a flip never has a second reading agreeing with it.
	 */
	#steadyOffset(reading: number | null): number | null {
		if (reading === null) return null;
		const last = this.#lastOffset;
		this.#lastOffset = reading;
		if (this.#offset === null || (last !== null && Math.abs(reading - last) < OFFSET_AGREE_SEC)) this.#offset = reading;
		return this.#offset;
	}

	#offsetSec(): number | null {
		const ctx = this.#ctx;
		if (!ctx || typeof ctx.getOutputTimestamp !== 'function') return null;
		return wallMinusHeardSec(ctx.currentTime, ctx.getOutputTimestamp(), performance.now());
	}

	#startSource(handle: PlayHandle, source: AudioBufferSourceNode, fader: GainNode, startSec: number): void {
		source.onended = () => {
			fader.disconnect();
			this.#playing.delete(handle);
		};
		source.start(startSec);
	}

	/** A source can start only once: a moved sound is a new source on the same fader. */
	#replaceSource(handle: PlayHandle, p: Playing, startSec: number): void {
		const ctx = this.#ctx;
		if (!ctx) return;
		try {
			const next = ctx.createBufferSource();
			next.buffer = p.buffer;
			next.connect(p.fader);
			const old = p.source;
			// Its onended would forget the handle the new source now carries.
			old.onended = null;
			old.stop();
			old.disconnect();
			if (this.#recordMoves) {
				if (this.#moves.length >= 10_000) this.#moves.shift();
				this.#moves.push({ fromSec: p.startSec, toSec: startSec });
			}
			p.source = next;
			p.startSec = startSec;
			this.#startSource(handle, next, p.fader, startSec);
		} catch {
			// Leave it where it was: a little late beats silent.
		}
	}

	/** `moved`: replaces an earlier stop, whose fade (not yet begun) may lie before this one's. */
	#applyStop(p: Playing, at: number, fade: number, moved = false): void {
		const ctx = this.#ctx;
		if (!ctx) return;
		const now = ctx.currentTime;
		try {
			if (moved) p.fader.gain.cancelScheduledValues(now);
			if (fade > 0) {
				const from = Math.max(now, at - fade);
				p.fader.gain.cancelScheduledValues(from);
				p.fader.gain.setValueAtTime(1, from);
				p.fader.gain.linearRampToValueAtTime(0, at);
			}
			// Stopping before the start time means it never sounds.
			p.source.stop(at);
		} catch {
			// Already stopped, or the context is gone: either way it is silent.
		}
	}

	stopAll(channel?: AudioChannel): void {
		for (const [handle, p] of this.#playing) {
			if (channel === undefined || p.channel === channel) this.stop(handle);
		}
		if (channel === undefined || channel === 'ambience') this.#ambience?.stop();
	}

	setGain(channel: AudioChannel, gain: number): void {
		const g = clampGain(gain);
		this.#gains.set(channel, g);
		if (channel === 'ambience') this.#ambience?.volume(g);
		const node = this.#channels.get(channel);
		if (!node || !this.#ctx) return;
		const now = this.#ctx.currentTime;
		node.gain.cancelScheduledValues(now);
		// A short glide instead of a step, which would click while something sounds.
		node.gain.setTargetAtTime(g, now, 0.015);
	}

	/**
	 * Load and decode the ambience bed now, before the session starts: decoding 40 s of audio
	 * at Start would compete with the first cues for the CPU (bench:background on 2026-12-01:
	 * one live cue 97 ms late).
	 */
	prepareAmbience(files: readonly string[]): void {
		this.#ambienceFor(files);
	}

	/** Start (or resume) a looping ambience bed from the catalogue's files. */
	playAmbience(files: readonly string[]): void {
		const bed = this.#ambienceFor(files);
		if (!bed.playing()) bed.play();
	}

	#ambienceFor(files: readonly string[]): AmbiencePlayer {
		if (!this.#ambience) {
			const src = filesToTry(files, this.#canPlay).map((f) => this.#baseUrl + f);
			const report = (_id: number, err: unknown) =>
				this.#emitError({ key: 'ambience', files, message: err instanceof Error ? err.message : String(err) });
			this.#ambience = new this.#howler.Howl({
				src,
				loop: true,
				volume: this.#gains.get('ambience') ?? 1,
				onloaderror: report,
				onplayerror: report
			});
		}
		return this.#ambience;
	}

	pauseAmbience(): void {
		this.#ambience?.pause();
	}

	/** Stop everything and detach; the shared context stays open for the next session. */
	dispose(): void {
		this.stopAll();
		this.#ambience?.unload();
		this.#ambience = null;
		this.endSession();
		this.#disposed = true;
		this.#detach();
		this.#changeListeners.clear();
		this.#errorListeners.clear();
	}

	async #load(key: string, files: readonly string[]): Promise<boolean> {
		const problems: string[] = [];
		for (const file of filesToTry(files, this.#canPlay)) {
			const url = this.#baseUrl + file;
			try {
				const res = await this.#fetch(url);
				if (!res.ok) {
					problems.push(`${url}: HTTP ${res.status}`);
					continue;
				}
				const data = await res.arrayBuffer();
				const ctx = this.#ctx;
				if (!ctx) {
					problems.push(`${url}: no Web Audio`);
					break;
				}
				this.#buffers.set(key, await decode(ctx, data));
				return true;
			} catch (err) {
				problems.push(`${url}: ${err instanceof Error ? err.message : String(err)}`);
			}
		}
		// Forget the failure so that a later load() (after the network returns) tries again.
		this.#loads.delete(key);
		this.#emitError({ key, files, message: problems.join('; ') || 'no files' });
		return false;
	}

	/**
	 * Follow howler's context: Howler.unload() (called by howler itself or by anyone) closes
	 * it and makes a new one. The decoded buffers still work (they belong to no context),
	 * but the channel gains and sounds on the old one are gone.
	 */
	#sync(): void {
		const H = this.#howler.Howler;
		const ctx = H.usingWebAudio && !this.#disposed ? H.ctx : null;
		if (ctx === this.#ctx) return;
		const hadContext = this.#ctx !== null;
		this.#detach();
		if (ctx && H.masterGain) {
			this.#ctx = ctx;
			for (const channel of AUDIO_CHANNELS) {
				const node = ctx.createGain();
				node.gain.value = this.#gains.get(channel) ?? 1;
				node.connect(H.masterGain);
				this.#channels.set(channel, node);
			}
			ctx.addEventListener('statechange', this.#onStateChange);
		}
		if (hadContext) this.#notifyChange();
	}

	#detach(): void {
		this.#ctx?.removeEventListener('statechange', this.#onStateChange);
		for (const node of this.#channels.values()) node.disconnect();
		this.#channels.clear();
		this.#playing.clear();
		this.#ctx = null;
	}

	#notifyChange(): void {
		for (const l of [...this.#changeListeners]) l();
	}

	#emitError(e: AudioLoadError): void {
		for (const l of [...this.#errorListeners]) l(e);
	}
}
