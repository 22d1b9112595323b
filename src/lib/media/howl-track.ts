/**
 * Loads a session track with howler in HTML5 mode: an <audio> element, which phones keep
 * playing with the screen locked (Web Audio stops there on iOS), and which the system's
 * media controls attach to. howler picks the format the browser can play and takes the
 * element from its pool that a first tap has unlocked on mobile.
 *
 * The session then works on the element itself (track-session.ts): howler's HTML5 mode
 * does not report pauses it did not make (a call, unplugged headphones), and after one it
 * would refuse to play again, believing the sound still plays. The element is put into the
 * page (hidden, as an <audio> without controls is) so it is part of the document.
 *
 * The ambience bed is a second, looping Howl through Web Audio: it may stop when a phone
 * locks, which is acceptable for a background hush; the track itself never depends on it.
 *
 * The wake-up chime is a third Howl, in HTML5 mode like the track: it must sound with the
 * screen locked, where a Web Audio context may be stopped and a new one cannot start. A
 * phone lets an element play without a tap only once it has played inside one, so
 * prepareChime() plays it muted (and stops it) in the Start press.
 *
 * Volumes are set on the element, which is what fades the track for the sleep timer. iOS
 * ignores an element's volume (only the hardware buttons change it): there the fade does not
 * sound, and the sleep timer's pause is what ends the session.
 * The only module of the relaxation player that imports howler, and only dynamically.
 */
import type { Howl as HowlType, HowlOptions } from 'howler';
import { CHIME_RING_MS } from './chime';
import { extensionOf } from './media-path';
import { browserCanPlay, filesToTry } from './playable';

export interface HowlTrack {
	readonly element: HTMLAudioElement;
	/** Voice volume for the track (speech and bells are mixed into it), 0–1. */
	setVolume(volume: number): void;
	/** Start, pause or re-level the ambience bed; no-op without one. */
	ambience(playing: boolean, volume: number): void;
	/** Call synchronously inside a press (Start, Resume): lets the chime play later without one. */
	prepareChime(): void;
	/** Play the wake-up chime once at `volume`; false without a chime. */
	playChime(volume: number): boolean;
	destroy(): void;
}

export interface HowlTrackOptions {
	readonly files: readonly string[];
	readonly ambience: readonly string[] | null;
	/** The wake-up chime's files; null for none. */
	readonly chime?: readonly string[] | null;
	/** Where to put the element in the page. */
	readonly host: HTMLElement;
	readonly baseUrl?: string;
	readonly onLoadError?: (message: string) => void;
}

/**
 * A CORS-mode request is one a service worker reliably sees, so a downloaded track plays
 * offline from its cache. howler has set the source already, but an element fetches only
 * once the current task is over, and by then it reads the attribute set here.
 */
function corsMode(element: HTMLAudioElement): void {
	element.crossOrigin = 'anonymous';
}

type HowlConstructor = new (options: HowlOptions) => HowlType;

interface HowlInternals {
	readonly _sounds?: readonly { readonly _node?: unknown }[];
}

const canPlay = (mime: string) => browserCanPlay(mime, 'audio');

function formatsOf(files: readonly string[]): string[] {
	return files.map(extensionOf);
}

export async function createHowlTrack(options: HowlTrackOptions): Promise<HowlTrack> {
	const { Howl } = await import('howler');
	const base = options.baseUrl ?? '/media/';
	const ordered = filesToTry(options.files, canPlay);
	const report = (_id: number, err: unknown) => options.onLoadError?.(String(err));
	const trackOptions: HowlOptions = {
		src: ordered.map((f) => base + f),
		format: formatsOf(ordered),
		html5: true,
		preload: true,
		onloaderror: report,
		onplayerror: report
	};
	const howl: HowlType = new Howl(trackOptions);
	const node = (howl as unknown as HowlInternals)._sounds?.[0]?._node;
	if (!(node instanceof HTMLAudioElement)) {
		howl.unload();
		throw new Error('howler did not create an <audio> element for the track');
	}
	corsMode(node);
	node.preload = 'auto';
	options.host.append(node);

	let bed: HowlType | null = null;
	const ambienceFiles = options.ambience;
	const chime = options.chime && options.chime.length > 0 ? createChime(Howl, options.chime, base) : null;
	return {
		element: node,
		setVolume(volume) {
			node.volume = Math.min(1, Math.max(0, volume));
		},
		ambience(playing, volume) {
			if (!ambienceFiles || ambienceFiles.length === 0) return;
			// No bed while it is silent: its decode and a Web Audio output starting under the
			// playing track are what made the track's audio fall one output buffer (21 ms) behind
			// in bench:background runs (ambience at 0 there), early in some runs and late in others.
			if (!bed && playing && volume > 0) {
				const src = filesToTry(ambienceFiles, canPlay);
				bed = new Howl({ src: src.map((f) => base + f), format: formatsOf(src), loop: true, volume });
			}
			if (!bed) return;
			bed.volume(volume);
			if (playing && !bed.playing()) bed.play();
			else if (!playing && bed.playing()) bed.pause();
		},
		prepareChime() {
			chime?.prepare();
		},
		playChime(volume) {
			return chime?.play(volume) ?? false;
		},
		destroy() {
			bed?.unload();
			bed = null;
			node.pause();
			node.remove();
			howl.unload();
			// The session's end takes the player off the page at once; let a chime ring out.
			chime?.release();
		}
	};
}

interface Chime {
	prepare(): void;
	play(volume: number): boolean;
	release(): void;
}

function createChime(Howl: HowlConstructor, files: readonly string[], base: string): Chime {
	const ordered = filesToTry(files, canPlay);
	// Loaded now, while the page is open: howler defers play() on an HTML5 sound until it has
	// loaded, and a play deferred out of the press would not count as the press's.
	const howl: HowlType = new Howl({ src: ordered.map((f) => base + f), format: formatsOf(ordered), html5: true, preload: true });
	const node = (howl as unknown as HowlInternals)._sounds?.[0]?._node;
	const element = node instanceof HTMLAudioElement ? node : null;
	if (element) corsMode(element);
	let prepared = false;
	let ringingUntil = -Infinity;
	return {
		prepare() {
			if (prepared || !element) return;
			prepared = true;
			// Straight on the element, not through howler (which would wait for the load, out of
			// the press), muted, and stopped the moment it starts.
			element.muted = true;
			element
				.play()
				.then(() => {
					element.pause();
					element.currentTime = 0;
				})
				.catch(() => {
					prepared = false;
				})
				.finally(() => {
					element.muted = false;
				});
		},
		play(volume) {
			if (element) element.muted = false;
			howl.volume(Math.min(1, Math.max(0, volume)));
			ringingUntil = performance.now() + CHIME_RING_MS;
			howl.play();
			return true;
		},
		release() {
			const left = ringingUntil - performance.now();
			if (left > 0) setTimeout(() => howl.unload(), left);
			else howl.unload();
		}
	};
}
