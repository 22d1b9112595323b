/**
 * Puts the media followers around one session engine in the browser: the cue scheduler on
 * howler's audio context and the video follower on video.js. Both load lazily (the player
 * route is the only one that ships them) and both may fail without ending the session: the
 * engine and its clock go on, and the UI shows text, posters and screen flashes instead.
 */
import type { SessionEngine } from '../playback/engine';
import type { MediaCatalog } from '../routine/schema';
import { silentAudioPort, type ChannelGains } from './audio-port';
import { CueScheduler, cueMedia, type CueScheduleRecord, type SoundFiles } from './cue-scheduler';
import { VideoFollower } from './video-follower';
import { VideoStatus } from './video-status.svelte';
import { catalogClipResolver, type VideoSurface } from './video-surface';
import { loadVoiceManifest } from './voice-manifest';
import type { WebAudioPort } from './web-audio-port';

export interface PlayerMediaOptions {
	readonly engine: SessionEngine;
	readonly sounds: SoundFiles;
	readonly videos: MediaCatalog['videos'];
	readonly gains: ChannelGains;
	readonly videoHost: HTMLElement;
	/** Load video at all (the relaxation player is audio only). */
	readonly withVideo?: boolean;
	/**
	 * A looping ambience bed to play while the session runs. Relaxation sessions without a
	 * track use it: an audible page is exempt from background timer throttling, and long
	 * silences between cues no longer sound like the app has stopped.
	 */
	readonly ambience?: readonly string[] | null;
}

export const AUDIO_FAULT_MESSAGE = 'Sound is not available, so cues are shown on screen: watch for the flash.';

export class PlayerMedia {
	readonly #engine: SessionEngine;
	#port: WebAudioPort | null = null;
	#scheduler: CueScheduler | null = null;
	#follower: VideoFollower | null = null;
	#surface: VideoSurface | null = null;
	#video = $state.raw<VideoStatus | null>(null);
	#audioFault = $state<string | null>(null);
	#flashes = $state(0);
	#destroyed = false;
	#offAmbience: (() => void) | null = null;
	/** Every scheduling decision, for the sync benchmark (read through window in ?bench mode). */
	readonly scheduleLog: CueScheduleRecord[] = [];

	/** Sounds moved because the output lost time before they started (for the benchmark). */
	get realignedSounds(): number {
		return this.#port?.realigned ?? 0;
	}

	constructor(private readonly options: PlayerMediaOptions) {
		this.#engine = options.engine;
		void this.#attachAudio();
		if (options.withVideo !== false) void this.#attachVideo();
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

	/** Same tick as the engine, after it. */
	tick(): void {
		this.#scheduler?.tick();
		const s = this.#engine.state;
		if ((s === 'finished' || s === 'stopped') && this.#port) this.#port.endSession();
	}

	async #attachAudio(): Promise<void> {
		const { engine, sounds, gains } = this.options;
		const [port, voices] = await Promise.all([
			import('./web-audio-port').then((m) => m.WebAudioPort.create()).catch(() => null),
			loadVoiceManifest(fetch)
		]);
		if (this.#destroyed) {
			port?.dispose();
			return;
		}
		this.#port = port;
		if (!port) this.#audioFault = AUDIO_FAULT_MESSAGE;
		port?.onError(() => {
			this.#audioFault = 'Some sounds could not be loaded; their cues are shown on screen.';
		});
		const scheduler = new CueScheduler(engine, port ?? silentAudioPort, {
			voices: voices.manifest,
			sounds,
			gains,
			isHidden: () => typeof document !== 'undefined' && document.visibilityState === 'hidden'
		});
		scheduler.on('visualCue', () => this.#flashes++);
		scheduler.on('schedule', (r) => {
			if (this.scheduleLog.length < 20_000) this.scheduleLog.push(r);
		});
		this.#scheduler = scheduler;
		const ambience = this.options.ambience;
		if (port && ambience && ambience.length > 0) {
			this.#offAmbience = engine.on('state', (e) => {
				if (e.to === 'playing' || e.to === 'count-in') port.playAmbience(ambience);
				else port.pauseAmbience();
			});
			if (engine.state === 'playing' || engine.state === 'count-in') port.playAmbience(ambience);
		}
		if (port) for (const m of cueMedia(engine.timeline, sounds, voices.manifest)) void port.load(m.key, m.files);
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
			this.#follower = new VideoFollower(engine, surface, catalogClipResolver(videos));
			this.#video = new VideoStatus(this.#follower);
		} catch {
			// No video player at all: posters and text carry the session.
		}
	}

	destroy(): void {
		this.#destroyed = true;
		this.#offAmbience?.();
		this.#scheduler?.destroy();
		this.#video?.destroy();
		this.#follower?.destroy();
		this.#surface?.destroy();
		this.#port?.endSession();
		this.#port?.dispose();
	}
}
