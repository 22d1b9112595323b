/**
 * The video surface on video.js: two players stacked in one container, so the next clip
 * loads, seeks to its in point and decodes its first frame out of sight while the current
 * one plays, and a step change is a swap of which one is visible (no black frame).
 *
 * video.js is imported dynamically and as its core build (`video.js/core.es.js`, about
 * 75 KB gzip against about 200 KB for the default entry, which bundles the HLS/DASH
 * streaming engine these short progressive clips do not need), so only the player route
 * pays for it, and only in the browser. The build also leaves out its text-track code
 * (src/lib/media/vendor/) and its own UI components (scripts/build/videojs-ui-trim.ts):
 * about 48 KB gzip remain. Players here must keep `children: ['mediaLoader']`.
 *
 * video.js picks the source the browser can play (VP9 WebM, else H.264 MP4) and smooths
 * over browser differences; the timing-critical reads (currentTime, seeking, readyState,
 * requestVideoFrameCallback) go straight to the element it wraps.
 */
import type videojsDefault from 'video.js';
import type { ClipMedia, VideoFrame, VideoSurface, VideoSurfaceEvent, VideoSurfaceEventType } from './video-surface';

/** The part of a video.js player this surface uses. */
interface CorePlayer {
	src(sources: { src: string; type: string }[]): unknown;
	poster(src: string): unknown;
	play(): Promise<unknown> | undefined;
	pause(): void;
	error(reset: null): unknown;
	error(): { readonly code: number; readonly message: string } | null | undefined;
	tech(safety: boolean): { el(): Element };
	el(): Element;
	on(type: string, fn: () => void): void;
	ready(fn: () => void): void;
	dispose(): void;
}
type CoreFactory = (el: HTMLVideoElement, options: Record<string, unknown>) => CorePlayer;

const FORWARDED: readonly VideoSurfaceEventType[] = ['waiting', 'playing', 'canplay', 'ended', 'seeked'];

/** A seek closer than this to where the element already is, is not worth a decode. */
const SAME_TIME_S = 0.001;

/** A warm-up whose first frame never comes (no frame callbacks, a busy decoder) ends after this. */
const WARM_UP_MAX_MS = 500;

/** rVFC's `expectedDisplayTime` is at most a frame or two ahead; anything else is noise. */
const MAX_DISPLAY_DELAY_MS = 100;
/**
 * On a busy main thread the callback runs after the frame went up. Measuring that frame
 * against the clock *now* would read as the video lagging by the callback's own lateness,
 * and the follower would chase a lag that is not there; so the frame is placed at its
 * display time. A callback later than this says nothing reliable about the frame: skip it.
 */
const MAX_CALLBACK_LATENESS_MS = 250;

async function loadVideojs(): Promise<CoreFactory> {
	// @ts-expect-error video.js ships no types for its core entry; it is the default
	// entry's function without the streaming engine, so it is typed as that below.
	const mod: { default: typeof videojsDefault } = await import('video.js/core.es.js');
	const factory: CoreFactory = mod.default;
	return factory;
}

function playerOptions(): Record<string, unknown> {
	return {
		controls: false,
		muted: true,
		playsinline: true,
		preload: 'auto',
		autoplay: false,
		loop: false,
		disablePictureInPicture: true,
		crossOrigin: 'anonymous',
		// Only the element: no control bar, spinner, big play button or error dialog. The
		// player UI shows its own state, and the engine, not a click, decides play/pause.
		children: ['mediaLoader'],
		userActions: { click: false, doubleClick: false, hotkeys: false },
		noUITitleAttributes: true,
		enableSourceset: false,
		// Chromium and Firefox would otherwise emulate text tracks with vtt.js, which the
		// build leaves out (vendor/no-vtt.ts): captions are the player's own, not video.js's.
		html5: { nativeTextTracks: true }
	};
}

const hasFrameCallback = typeof HTMLVideoElement !== 'undefined' && 'requestVideoFrameCallback' in HTMLVideoElement.prototype;

/** One player and what it holds. */
class Slot {
	clip: string | null = null;
	/** A seek requested before the element had the new source's metadata. */
	pendingSeek: number | null = null;
	/** From setting a source until its metadata: seeks must wait for the new source. */
	loading = false;
	/** Absolute URLs of the clip's sources, to tell its events from a replaced source's. */
	#urls: readonly string[] = [];
	frameRequest = 0;
	/** Has not played since its source was set (see warmUp). */
	#cold = false;
	/** Ends a warm-up in progress without going back. */
	#endWarmUp: (() => void) | null = null;
	/** Where a warm-up in progress puts the clip back: its point, or a later seek's. */
	#warmUpAt = 0;

	constructor(
		readonly player: CorePlayer,
		readonly video: HTMLVideoElement
	) {}

	/** Has the picture for where it stands: revealing it now shows no blank frame. */
	get hasFrame(): boolean {
		return !this.loading && this.pendingSeek === null && !this.video.seeking && this.video.readyState >= 2;
	}

	setSource(clip: ClipMedia, atSeconds: number): void {
		this.stopWarmUp();
		this.clip = clip.id;
		this.#cold = true;
		this.loading = true;
		this.pendingSeek = atSeconds > 0 ? atSeconds : null;
		this.#urls = clip.sources.map((s) => new URL(s.src, document.baseURI).href);
		this.player.error(null);
		this.player.poster(clip.poster ?? '');
		this.player.src(clip.sources.map((s) => ({ src: s.src, type: s.type })));
	}

	get currentTime(): number {
		return this.pendingSeek ?? this.video.currentTime;
	}

	seek(seconds: number): void {
		if (this.#endWarmUp) {
			// Warming up, it plays on from where it was: going back there would undo this seek.
			this.#warmUpAt = seconds;
		} else if (this.loading) {
			this.pendingSeek = seconds;
		} else if (Math.abs(this.video.currentTime - seconds) >= SAME_TIME_S || this.video.ended) {
			this.video.currentTime = seconds;
		}
	}

	/** Metadata is in: the element can seek now. */
	metadataLoaded(): void {
		// Metadata of a source replaced a moment ago (video.js sets sources asynchronously).
		if (!this.#urls.includes(this.video.currentSrc)) return;
		this.loading = false;
		const at = this.pendingSeek;
		this.pendingSeek = null;
		if (at !== null) this.video.currentTime = at;
	}

	play(): void {
		// Refusals (autoplay policy, a source swapped mid-play) surface as events or as a
		// video that does not move; the follower copes with both, so the promise is dropped.
		this.player.play()?.catch(() => undefined);
	}

	/** Prepared, with its picture, and never played since its source was set. */
	get wantsWarmUp(): boolean {
		return this.#cold && this.hasFrame;
	}

	/**
	 * Plays the prepared clip for a frame out of sight, then puts it back, paused, where it
	 * was prepared, if `stillPrepared()` says it is still out of sight. Chromium starts an
	 * element that has played before in 2–16 ms, but one that never has takes 40 ms on a
	 * quiet machine and up to 300 ms on a busy one (measured from play() to the first frame),
	 * and that first start would otherwise fall on the step change, before the follower has
	 * learned how long swaps take.
	 */
	warmUp(stillPrepared: () => boolean): void {
		this.#cold = false;
		this.#warmUpAt = this.video.currentTime;
		let frameRequest = 0;
		const end = () => {
			this.#endWarmUp = null;
			clearTimeout(timer);
			if (frameRequest) this.video.cancelVideoFrameCallback(frameRequest);
		};
		const done = () => {
			end();
			// Swapped in meanwhile: it is the follower's now, playing.
			if (!stillPrepared()) return;
			this.player.pause();
			this.video.currentTime = this.#warmUpAt;
		};
		const timer = setTimeout(done, WARM_UP_MAX_MS);
		if (hasFrameCallback) frameRequest = this.video.requestVideoFrameCallback(done);
		this.#endWarmUp = end;
		this.play();
	}

	/** Shown, replaced or gone: a warm-up in progress ends where it is, and none starts. */
	stopWarmUp(): void {
		this.#endWarmUp?.();
		this.#cold = false;
	}

	show(visible: boolean): void {
		const root = this.player.el();
		if (!(root instanceof HTMLElement)) return;
		// Opacity, not display or visibility: the hidden element must keep decoding.
		root.style.opacity = visible ? '1' : '0';
		root.style.zIndex = visible ? '1' : '0';
	}
}

function styleLayer(root: Element, video: HTMLVideoElement): void {
	if (root instanceof HTMLElement) {
		// Inline, so they win over video.js's generated 300×150 dimension class.
		Object.assign(root.style, { position: 'absolute', inset: '0', width: '100%', height: '100%', background: 'transparent' });
		root.setAttribute('aria-hidden', 'true');
	}
	Object.assign(video.style, { width: '100%', height: '100%', objectFit: 'contain', background: 'transparent' });
}

async function createSlot(videojs: CoreFactory, host: HTMLElement): Promise<Slot> {
	const el = document.createElement('video');
	el.muted = true;
	el.playsInline = true;
	el.preload = 'auto';
	el.disablePictureInPicture = true;
	// A CORS-mode request is one a service worker reliably sees, so downloaded clips play
	// offline from its cache (Chromium's no-cors media requests may bypass it).
	el.crossOrigin = 'anonymous';
	el.setAttribute('muted', '');
	el.setAttribute('playsinline', '');
	el.setAttribute('disableremoteplayback', '');
	host.append(el);
	const player = videojs(el, playerOptions());
	await new Promise<void>((resolve) => player.ready(resolve));
	const tech = player.tech(true).el();
	const video = tech instanceof HTMLVideoElement ? tech : el;
	styleLayer(player.el(), video);
	const slot = new Slot(player, video);
	slot.show(false);
	return slot;
}

class VideojsSurface implements VideoSurface {
	/** `front` is the clip shown (or last shown); `back` takes preloads. */
	#front: Slot;
	#back: Slot;
	#shown = false;
	/** The back player, left visible with the previous clip until the front has its picture. */
	#placeholder: Slot | null = null;
	/** A preload that must wait until the placeholder is no longer needed. */
	#deferredPreload: { clip: ClipMedia; atSeconds: number } | null = null;
	#muted = true;
	#mirrored = false;
	readonly #frameCallbacks = new Set<(frame: VideoFrame) => void>();
	readonly #handlers = new Set<(event: VideoSurfaceEvent) => void>();
	#poll = 0;
	#destroyed = false;

	constructor(a: Slot, b: Slot) {
		this.#front = a;
		this.#back = b;
		for (const slot of [a, b]) this.#wire(slot);
		if (!hasFrameCallback) this.#startPolling();
	}

	get clip(): string | null {
		return this.#shown ? this.#front.clip : null;
	}

	load(clip: ClipMedia, atSeconds: number): void {
		const previous = this.#shown && this.#front.clip !== clip.id ? this.#front : null;
		// Recomputed by #reveal below; a stale one would hold back the next preload.
		this.#placeholder = null;
		if (this.#front.clip !== clip.id) {
			if (this.#back.clip !== clip.id) this.#back.setSource(clip, atSeconds);
			[this.#front, this.#back] = [this.#back, this.#front];
		}
		const front = this.#front;
		// Shown before its warm-up ended (or began): the follower plays it from here.
		front.stopWarmUp();
		front.seek(atSeconds);
		this.#shown = true;
		if (previous) previous.player.pause();
		this.#reveal(previous);
		this.#requestFrame(front);
	}

	preload(clip: ClipMedia | null, atSeconds: number): void {
		this.#deferredPreload = null;
		if (!clip) return;
		if (this.#placeholder) {
			// Loading into it now would blank the picture standing in for the new clip.
			this.#deferredPreload = { clip, atSeconds };
			return;
		}
		// The clip on screen cannot be prepared in the other player as well; it is there.
		if (this.#shown && this.#front.clip === clip.id) return;
		if (!this.#shown && this.#front.clip === clip.id) {
			this.#front.seek(atSeconds);
			return;
		}
		if (this.#back.clip === clip.id) this.#back.seek(atSeconds);
		else this.#back.setSource(clip, atSeconds);
		this.#back.player.pause();
	}

	hide(): void {
		this.#shown = false;
		for (const slot of [this.#front, this.#back]) {
			slot.player.pause();
			slot.show(false);
		}
		this.#releasePlaceholder();
	}

	get currentTime(): number {
		return this.#front.currentTime;
	}

	seek(seconds: number): void {
		this.#front.seek(seconds);
	}

	get seeking(): boolean {
		const f = this.#front;
		return f.loading || f.pendingSeek !== null || f.video.seeking;
	}

	get paused(): boolean {
		return this.#front.video.paused;
	}

	play(): void {
		if (this.#shown) this.#front.play();
	}

	pause(): void {
		this.#front.player.pause();
	}

	get playbackRate(): number {
		return this.#front.video.playbackRate;
	}

	set playbackRate(rate: number) {
		this.#front.video.playbackRate = rate;
	}

	get loop(): boolean {
		return this.#front.video.loop;
	}

	set loop(on: boolean) {
		this.#front.video.loop = on;
	}

	get muted(): boolean {
		return this.#muted;
	}

	set muted(on: boolean) {
		this.#muted = on;
		for (const slot of [this.#front, this.#back]) slot.video.muted = on;
	}

	get mirrored(): boolean {
		return this.#mirrored;
	}

	set mirrored(on: boolean) {
		this.#mirrored = on;
		// On both players: the next clip is swapped in with the side it will show.
		for (const slot of [this.#front, this.#back]) slot.video.style.transform = on ? 'scaleX(-1)' : '';
	}

	onFrame(callback: (frame: VideoFrame) => void): () => void {
		this.#frameCallbacks.add(callback);
		return () => this.#frameCallbacks.delete(callback);
	}

	on(handler: (event: VideoSurfaceEvent) => void): () => void {
		this.#handlers.add(handler);
		return () => this.#handlers.delete(handler);
	}

	destroy(): void {
		if (this.#destroyed) return;
		this.#destroyed = true;
		cancelAnimationFrame(this.#poll);
		for (const slot of [this.#front, this.#back]) {
			if (slot.frameRequest) slot.video.cancelVideoFrameCallback(slot.frameRequest);
			slot.stopWarmUp();
			slot.player.dispose();
		}
		this.#frameCallbacks.clear();
		this.#handlers.clear();
	}

	#emit(event: VideoSurfaceEvent): void {
		for (const h of this.#handlers) h(event);
	}

	#wire(slot: Slot): void {
		const { player } = slot;
		player.on('loadedmetadata', () => slot.metadataLoaded());
		// Any of these can mean the front player now has its picture, or the back one its clip.
		for (const type of ['loadeddata', 'seeked', 'canplay']) {
			player.on(type, () => {
				this.#reveal(null);
				if (slot === this.#back && slot.wantsWarmUp) slot.warmUp(() => slot === this.#back && !this.#destroyed);
			});
		}
		for (const type of FORWARDED) {
			player.on(type, () => {
				if (slot === this.#front && this.#shown && slot.clip) this.#emit({ type, clip: slot.clip });
			});
		}
		player.on('error', () => {
			const clip = slot.clip;
			if (!clip) return;
			const err = player.error();
			slot.loading = false;
			slot.pendingSeek = null;
			this.#emit({ type: 'error', clip, detail: err ? `MediaError ${err.code}: ${err.message}` : 'unknown error' });
		});
	}

	/**
	 * Make the front player visible once it has its picture; until then whatever was
	 * visible stays: the previous clip's last frame (`previous`, when swapping), the front
	 * player's own last frame (seeking within a clip), or the page's poster behind both.
	 */
	#reveal(previous: Slot | null): void {
		if (!this.#shown) return;
		const front = this.#front;
		if (!front.hasFrame) {
			if (previous === null) return;
			previous.show(true);
			front.show(false);
			this.#placeholder = previous;
			return;
		}
		front.show(true);
		this.#back.show(false);
		this.#releasePlaceholder();
	}

	#releasePlaceholder(): void {
		this.#placeholder = null;
		const deferred = this.#deferredPreload;
		this.#deferredPreload = null;
		if (deferred) this.preload(deferred.clip, deferred.atSeconds);
	}

	#requestFrame(slot: Slot): void {
		if (!hasFrameCallback || slot.frameRequest) return;
		slot.frameRequest = slot.video.requestVideoFrameCallback((_now, meta) => {
			slot.frameRequest = 0;
			if (this.#destroyed) return;
			if (slot === this.#front && this.#shown) {
				const delay = meta.expectedDisplayTime - performance.now();
				if (delay >= -MAX_CALLBACK_LATENESS_MS) {
					this.#frame({
						mediaTime: meta.mediaTime,
						displayDelayMs: Math.min(delay, MAX_DISPLAY_DELAY_MS),
						exact: true
					});
				}
			}
			// Only the front player is followed; the back one is re-armed when it swaps in.
			if (slot === this.#front) this.#requestFrame(slot);
		});
	}

	/** Without requestVideoFrameCallback: read the element's time once per animation frame. */
	#startPolling(): void {
		const loop = (): void => {
			if (this.#destroyed) return;
			const front = this.#front;
			if (this.#shown && !front.video.paused && !this.seeking) {
				this.#frame({ mediaTime: front.video.currentTime, displayDelayMs: 0, exact: false });
			}
			this.#poll = requestAnimationFrame(loop);
		};
		this.#poll = requestAnimationFrame(loop);
	}

	#frame(frame: VideoFrame): void {
		for (const cb of this.#frameCallbacks) cb(frame);
	}
}

/**
 * Build the surface inside `host` (an element the page sizes and positions; the players
 * fill it, stacked). Resolves once both players are ready. Browser only.
 */
export async function createVideojsSurface(host: HTMLElement): Promise<VideoSurface> {
	const videojs = await loadVideojs();
	if (getComputedStyle(host).position === 'static') host.style.position = 'relative';
	const [a, b] = await Promise.all([createSlot(videojs, host), createSlot(videojs, host)]);
	return new VideojsSurface(a, b);
}
