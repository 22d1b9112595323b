/**
 * Puts the media followers around one session engine in the browser: the cue scheduler on
 * howler's audio context and the video follower on video.js. Both load lazily (the player
 * route is the only one that ships them) and both may fail without ending the session: the
 * engine and its clock go on, and the UI shows text, posters and screen flashes instead.
 */
import type { SessionEngine } from '../playback/engine';
import { ambienceEndGain } from '../playback/fade';
import type { MediaCatalog } from '../routine/schema';
import { silentAudioPort, type AudioChannel, type AudioPort, type ChannelGains } from './audio-port';
import { CHIME_RING_MS } from './chime';
import { CueScheduler, cueMedia, type CueScheduleRecord, type SoundFiles } from './cue-scheduler';
import { VideoFollower } from './video-follower';
import { VideoStatus } from './video-status.svelte';
import { catalogClipResolver, type VideoSurface } from './video-surface';
import { loadVoiceManifest, type VoiceManifest } from './voice-manifest';
import type { SoundMove, WebAudioPort } from './web-audio-port';

/** What the player needs of its audio back end: WebAudioPort's shape, so tests can pass a fake. */
export type PlayerAudioPort = AudioPort &
	Pick<
		WebAudioPort,
		| 'beginSession'
		| 'endSession'
		| 'unlock'
		| 'load'
		| 'onError'
		| 'prepareAmbience'
		| 'playAmbience'
		| 'pauseAmbience'
		| 'dispose'
		| 'realignments'
		| 'soundingForSec'
	>;

/** The buffer key of the wake-up chime on the audio port. */
export const CHIME_KEY = 'wake-chime';
/**
 * The most a session that ended by itself keeps its audio up for the closing words and
 * bell (longer than any closing utterance): a fault cannot hold the audio open for long.
 */
export const CLOSING_RING_MAX_MS = 10_000;

export interface PlayerMediaOptions {
	readonly engine: SessionEngine;
	readonly sounds: SoundFiles;
	readonly videos: MediaCatalog['videos'];
	readonly gains: ChannelGains;
	readonly videoHost: HTMLElement;
	/** Load video at all (the relaxation player is audio only). */
	readonly withVideo?: boolean;
	/**
	 * Keep the logs only the sync benchmark reads (every scheduling decision, every sound
	 * moved, every drift sample): tens of thousands of entries a real session has no use for.
	 */
	readonly diagnostics?: boolean;
	/**
	 * A looping ambience bed to play while the session runs. Relaxation sessions without a
	 * track use it: an audible page is exempt from background timer throttling, and long
	 * silences between cues no longer sound like the app has stopped.
	 */
	readonly ambience?: readonly string[] | null;
	/** The wake-up chime's files, loaded ahead so that playChime() sounds at once. */
	readonly chime?: readonly string[] | null;
	/** Tests pass a fake port and manifest; the browser loads howler and the voice manifest. */
	readonly createPort?: () => Promise<PlayerAudioPort | null>;
	readonly loadVoices?: () => Promise<{ readonly manifest: VoiceManifest }>;
	/** A monotonic wall clock (ms), for how long the chime still rings. */
	readonly now?: () => number;
}

export const AUDIO_FAULT_MESSAGE = 'Sound is not available, so cues are shown on screen: watch for the flash.';

export class PlayerMedia {
	readonly #engine: SessionEngine;
	#port: PlayerAudioPort | null = null;
	#scheduler: CueScheduler | null = null;
	#follower: VideoFollower | null = null;
	#surface: VideoSurface | null = null;
	#video = $state.raw<VideoStatus | null>(null);
	#voices = $state.raw<VoiceManifest | null>(null);
	#audioFault = $state<string | null>(null);
	#flashes = $state(0);
	#destroyed = false;
	#offAmbience: (() => void) | null = null;
	#sleepGain = 1;
	/** Wall time until which the chime rings: the sounds channel is not faded meanwhile. */
	#chimeUntil = -Infinity;
	readonly #now: () => number;
	/**
	 * The channel gains the cue scheduler applies: the person's volumes, times the sleep
	 * timer's fade, and for the ambience bed the fade over the session's last seconds (so
	 * the bed is silent by the time the end pauses it, rather than cut off).
	 */
	readonly #gains: ChannelGains = {
		gainFor: (channel: AudioChannel) => {
			const base = this.options.gains.gainFor(channel);
			if (channel === 'sounds' && this.#now() < this.#chimeUntil) return base;
			if (channel !== 'ambience') return base * this.#sleepGain;
			const e = this.#engine;
			return base * this.#sleepGain * ambienceEndGain(e.position, e.timeline.durationMs);
		}
	};
	/** Every scheduling decision, for the sync benchmark (read through window in ?bench mode). */
	readonly scheduleLog: CueScheduleRecord[] = [];

	/** Sounds moved because the output lost time before they started (for the benchmark). */
	get realignments(): readonly SoundMove[] {
		return this.#port?.realignments ?? [];
	}

	constructor(private readonly options: PlayerMediaOptions) {
		this.#engine = options.engine;
		this.#now = options.now ?? (() => performance.now());
		void this.#attachAudio();
		if (options.withVideo !== false) void this.#attachVideo();
	}

	/** The recorded speech, once loaded: the captions time their parts by its lengths. */
	get voices(): VoiceManifest | null {
		return this.#voices;
	}
	get video(): VideoStatus | null {
		return this.#video;
	}
	get audioFault(): string | null {
		return this.#audioFault;
	}
	/** Increments on each cue that should have sounded but could not: the UI flashes on change. */
	get flashes(): number {
		return this.#flashes;
	}
	get follower(): VideoFollower | null {
		return this.#follower;
	}

	/** Call synchronously inside the Start (or Resume) press: browsers unlock audio only there. */
	userGesture(): void {
		const port = this.#port;
		if (!port) return;
		port.beginSession();
		void port.unlock().then((ok) => {
			if (!ok && !this.#destroyed) this.#audioFault = AUDIO_FAULT_MESSAGE;
		});
	}

	/** The sleep timer's fade (0–1) over everything this session sounds. */
	setSleepGain(gain: number): void {
		this.#sleepGain = Number.isFinite(gain) ? Math.min(1, Math.max(0, gain)) : 1;
	}

	/**
	 * Stop whatever speech and cue sound still rings, at once: after the sleep timer's fade
	 * it is silent, and it must not come back when the fade's gain is restored for a resume.
	 */
	silence(): void {
		this.#port?.stopAll('voice');
		this.#port?.stopAll('sounds');
	}

	/**
	 * The wake-up chime, once, now. Whatever of the session still sounds is stopped first
	 * (it has faded out), and the chime is heard at the person's volume for sounds.
	 */
	playChime(): boolean {
		const port = this.#port;
		if (!port || !this.options.chime) return false;
		this.silence();
		this.#chimeUntil = this.#now() + CHIME_RING_MS;
		port.setGain('sounds', this.#gains.gainFor('sounds'));
		return port.play(CHIME_KEY, port.now(), 'sounds') !== null;
	}

	/** Same tick as the engine, after it. */
	tick(): void {
		this.#scheduler?.tick();
		const s = this.#engine.state;
		if ((s === 'finished' || s === 'stopped') && this.#port) this.#port.endSession();
	}

	async #attachAudio(): Promise<void> {
		const { engine, sounds } = this.options;
		const recordMoves = this.options.diagnostics === true;
		const createPort = this.options.createPort ?? (() => import('./web-audio-port').then((m) => m.WebAudioPort.create({ recordMoves })));
		const loadVoices = this.options.loadVoices ?? (() => loadVoiceManifest(fetch));
		const [port, voices] = await Promise.all([createPort().catch(() => null), loadVoices()]);
		if (this.#destroyed) {
			port?.dispose();
			return;
		}
		this.#port = port;
		this.#voices = voices.manifest;
		if (!port) this.#audioFault = AUDIO_FAULT_MESSAGE;
		port?.onError(() => {
			this.#audioFault = 'Some sounds could not be loaded; their cues are shown on screen.';
		});
		const scheduler = new CueScheduler(engine, port ?? silentAudioPort, {
			voices: voices.manifest,
			sounds,
			gains: this.#gains,
			isHidden: () => typeof document !== 'undefined' && document.visibilityState === 'hidden'
		});
		scheduler.on('visualCue', () => this.#flashes++);
		if (this.options.diagnostics) {
			scheduler.on('schedule', (r) => {
				if (this.scheduleLog.length < 20_000) this.scheduleLog.push(r);
			});
		}
		this.#scheduler = scheduler;
		const ambience = this.options.ambience;
		if (port && ambience && ambience.length > 0) {
			port.prepareAmbience(ambience);
			this.#offAmbience = engine.on('state', (e) => {
				if (e.to === 'playing' || e.to === 'count-in') port.playAmbience(ambience);
				else port.pauseAmbience();
			});
			if (engine.state === 'playing' || engine.state === 'count-in') port.playAmbience(ambience);
		}
		if (port) for (const m of cueMedia(engine.timeline, sounds, voices.manifest)) void port.load(m.key, m.files);
		const chime = this.options.chime;
		if (port && chime && chime.length > 0) void port.load(CHIME_KEY, chime);
	}

	async #attachVideo(): Promise<void> {
		const { engine, videos, videoHost } = this.options;
		try {
			const { createVideojsSurface } = await import('./videojs-surface');
			const surface = await createVideojsSurface(videoHost);
			if (this.#destroyed) {
				surface.destroy();
				return;
			}
			this.#surface = surface;
			this.#follower = new VideoFollower(engine, surface, catalogClipResolver(videos), { recordDrift: this.options.diagnostics === true });
			this.#video = new VideoStatus(this.#follower);
		} catch {
			// No video player at all: posters and text carry the session.
		}
	}

	destroy(): void {
		this.#destroyed = true;
		this.#offAmbience?.();
		this.#video?.destroy();
		this.#follower?.destroy();
		this.#surface?.destroy();
		// The session's end takes the player off the page at once. A session that ended by
		// itself ends on its closing words and bell, and a chime may have just started (the
		// sleep timer's "at the end"): both are let ring out before the audio is torn down.
		// A stop is a stop, and ends the sound at once.
		const chime = this.#chimeUntil - this.#now();
		const port = this.#port;
		const closing = port && this.#engine.state === 'finished' ? Math.min(CLOSING_RING_MAX_MS, port.soundingForSec() * 1000) : 0;
		const ringing = Math.max(chime, closing);
		if (ringing > 0) setTimeout(() => this.#closeAudio(), ringing);
		else this.#closeAudio();
	}

	#closeAudio(): void {
		this.#scheduler?.destroy();
		this.#port?.endSession();
		this.#port?.dispose();
	}
}
