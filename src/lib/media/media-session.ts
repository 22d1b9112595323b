/**
 * Mirrors a session on the system's media controls (lock screen, notification, headset and
 * keyboard media keys) through the Media Session API. Those controls only send requests to
 * the engine; what they show follows the engine's events, never the other way round.
 *
 * The browser shows the controls only while a media element plays (DESIGN.md); keeping one
 * playing is the player's job. This bridge only says what to show and where each button goes.
 */
import type { SessionEngine } from '../playback/engine';
import type { EngineState } from '../playback/events';
import type { Timeline } from '../routine/timeline';

/** What the bridge writes as metadata; `MediaMetadata` has this shape. */
export interface SessionMetadata {
	readonly title: string;
	readonly artist: string;
	readonly album: string;
	readonly artwork: readonly MediaImage[];
}

/** The part of `navigator.mediaSession` the bridge uses, so tests can pass a fake. */
export interface MediaSessionPort {
	metadata: SessionMetadata | null;
	playbackState: MediaSessionPlaybackState;
	setActionHandler(action: MediaSessionAction, handler: ((details: MediaSessionActionDetails) => void) | null): void;
	/** Missing in older browsers: the controls then show no progress bar. */
	setPositionState?(state?: MediaPositionState): void;
}

export interface MediaSessionBridgeOptions {
	/** `navigator.mediaSession`; null or undefined where the API is missing (the bridge does nothing). */
	readonly session: MediaSessionPort | null | undefined;
	/** Image URLs (or full descriptions) for the lock screen, largest last or with `sizes`. */
	readonly artwork?: readonly (string | MediaImage)[];
	/** How far the seek backward/forward buttons move when the system does not say. */
	readonly defaultSeekOffsetS?: number;
	/**
	 * Called synchronously inside the "play" press, before the engine request: that press is
	 * a user activation, the one moment the player may (re)unlock audio.
	 */
	readonly beforePlay?: () => void;
	/**
	 * Where the buttons' requests go; by default straight to the engine. The audio-first
	 * player passes its track session, which moves the track first and the engine with it.
	 */
	readonly controls?: MediaSessionControls;
	/**
	 * Builds the metadata object. Browsers reject a plain object (it must be a `MediaMetadata`),
	 * so the default constructs one; tests pass the identity.
	 */
	readonly createMetadata?: (metadata: SessionMetadata) => SessionMetadata | null;
}

/** The requests the lock screen can make; track-session.ts's SessionControls has this shape. */
export interface MediaSessionControls {
	play(): void;
	pause(): void;
	next(): void;
	previous(): void;
	seek(ms: number): void;
	stop(): void;
}

function engineControls(engine: SessionEngine): MediaSessionControls {
	return {
		play: () => (engine.state === 'ready' ? engine.start() : engine.resume()),
		pause: () => engine.pause(),
		next: () => engine.next(),
		previous: () => engine.previous(),
		seek: (ms) => engine.seek(ms),
		stop: () => engine.stop()
	};
}

export const DEFAULT_SEEK_OFFSET_S = 10;
export const MEDIA_SESSION_ARTIST = 'Limber';

const ACTIONS: readonly MediaSessionAction[] = [
	'play',
	'pause',
	'previoustrack',
	'nexttrack',
	'seekto',
	'seekbackward',
	'seekforward',
	'stop'
];

function browserMetadata(metadata: SessionMetadata): SessionMetadata | null {
	if (typeof MediaMetadata !== 'function') return null;
	return new MediaMetadata({ ...metadata, artwork: [...metadata.artwork] });
}

/**
 * What the play/pause button should offer. A stall still counts as playing: the person has
 * not paused and the session carries on by itself, so the button must offer "pause".
 */
export function playbackStateOf(state: EngineState): MediaSessionPlaybackState {
	switch (state) {
		case 'count-in':
		case 'playing':
		case 'buffering':
			return 'playing';
		case 'paused':
			return 'paused';
		default:
			return 'none';
	}
}

export function albumOf(timeline: Timeline): string {
	const level = timeline.levelName ? `Level ${timeline.level}: ${timeline.levelName}` : `Level ${timeline.level}`;
	return `${timeline.title} · ${level}`;
}

export class MediaSessionBridge {
	readonly #engine: SessionEngine;
	readonly #session: MediaSessionPort | null;
	readonly #artwork: readonly MediaImage[];
	readonly #seekOffsetS: number;
	readonly #beforePlay: () => void;
	readonly #createMetadata: (metadata: SessionMetadata) => SessionMetadata | null;
	readonly #controls: MediaSessionControls;
	readonly #unsubscribe: (() => void)[] = [];
	#destroyed = false;

	constructor(engine: SessionEngine, options: MediaSessionBridgeOptions) {
		this.#engine = engine;
		this.#session = options.session ?? null;
		this.#artwork = (options.artwork ?? []).map((a) => (typeof a === 'string' ? { src: a } : a));
		this.#seekOffsetS = options.defaultSeekOffsetS ?? DEFAULT_SEEK_OFFSET_S;
		this.#beforePlay = options.beforePlay ?? (() => {});
		this.#createMetadata = options.createMetadata ?? browserMetadata;
		this.#controls = options.controls ?? engineControls(engine);
		if (!this.#session) return;

		for (const action of ACTIONS) this.#setHandler(action, (details) => this.#handle(action, details));
		this.#updateMetadata(engine.step.title);
		this.#updatePlayback();
		// Only on changes the lock screen cannot extrapolate: it advances the position itself
		// at playbackRate while the state is "playing", so per-frame updates are not needed.
		// Every jump (seek, skip) announces a step event, so that listener covers seeks too.
		this.#unsubscribe.push(
			engine.on('state', () => this.#updatePlayback()),
			engine.on('timeline', () => this.#updatePosition()),
			engine.on('step', (e) => {
				this.#updateMetadata(e.step.title);
				this.#updatePosition();
			})
		);
	}

	destroy(): void {
		if (this.#destroyed) return;
		this.#destroyed = true;
		for (const off of this.#unsubscribe) off();
		const session = this.#session;
		if (!session) return;
		for (const action of ACTIONS) this.#setHandler(action, null);
		session.metadata = null;
		session.playbackState = 'none';
		this.#setPositionState(undefined);
	}

	#handle(action: MediaSessionAction, details: MediaSessionActionDetails): void {
		const engine = this.#engine;
		const controls = this.#controls;
		switch (action) {
			case 'play':
				this.#beforePlay();
				controls.play();
				break;
			case 'pause':
				controls.pause();
				break;
			case 'previoustrack':
				controls.previous();
				break;
			case 'nexttrack':
				controls.next();
				break;
			case 'seekto':
				if (typeof details.seekTime === 'number') controls.seek(details.seekTime * 1000);
				break;
			case 'seekbackward':
				controls.seek(engine.position - (details.seekOffset ?? this.#seekOffsetS) * 1000);
				break;
			case 'seekforward':
				controls.seek(engine.position + (details.seekOffset ?? this.#seekOffsetS) * 1000);
				break;
			case 'stop':
				controls.stop();
				break;
		}
		// A refused request (seek before start, say) changes nothing, so no event corrects
		// the lock screen's own guess of where it moved to: tell it again.
		this.#updatePosition();
	}

	#setHandler(action: MediaSessionAction, handler: ((details: MediaSessionActionDetails) => void) | null): void {
		try {
			this.#session?.setActionHandler(action, handler);
		} catch {
			// Some browsers throw for actions they do not support; the other buttons still work.
		}
	}

	#updateMetadata(stepTitle: string): void {
		const session = this.#session;
		if (!session) return;
		const timeline = this.#engine.timeline;
		session.metadata = this.#createMetadata({
			title: stepTitle,
			artist: MEDIA_SESSION_ARTIST,
			album: albumOf(timeline),
			artwork: this.#artwork
		});
	}

	#updatePlayback(): void {
		const session = this.#session;
		if (!session) return;
		session.playbackState = playbackStateOf(this.#engine.state);
		this.#updatePosition();
	}

	#updatePosition(): void {
		if (this.#destroyed) return;
		const state = this.#engine.state;
		if (state === 'ready' || state === 'finished' || state === 'stopped') {
			this.#setPositionState(undefined);
			return;
		}
		const duration = this.#engine.timeline.durationMs / 1000;
		if (!(duration > 0) || !Number.isFinite(duration)) return;
		// The API throws for a position past the duration.
		const position = Math.min(Math.max(this.#engine.position / 1000, 0), duration);
		this.#setPositionState({ duration, playbackRate: 1, position });
	}

	#setPositionState(state: MediaPositionState | undefined): void {
		try {
			this.#session?.setPositionState?.(state);
		} catch {
			// An out-of-range state or an unsupported call: the progress bar is a nicety.
		}
	}
}
