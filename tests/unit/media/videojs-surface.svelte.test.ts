/**
 * The video.js surface in jsdom: real video.js (core build), media elements stubbed where
 * jsdom has no media stack (readyState, paused, currentSrc, play, load), media events
 * dispatched by hand. Checks the wiring: two muted inline players, sources set in the
 * hidden one, seeks held until the new source's metadata, the swap only once the new
 * clip has a picture, and which events reach the follower.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { VideoFrame, VideoSurface, VideoSurfaceEvent } from '../../../src/lib/media/video-surface';
import { createVideojsSurface } from '../../../src/lib/media/videojs-surface';
import { clip, firstFrame, metadata, mountSurface, settle, videoIn, videosIn, visible } from './videojs-stubs';

let host: HTMLElement;
let surface: VideoSurface;
let events: string[];

const videos = () => videosIn(host);
const videoWith = (id: string) => videoIn(host, id);

beforeEach(async () => {
	({ host, surface } = await mountSurface(createVideojsSurface));
	events = [];
	surface.on((e: VideoSurfaceEvent) => events.push(`${e.type} ${e.clip}`));
});

afterEach(() => {
	surface.destroy();
	host.remove();
	vi.restoreAllMocks();
});

/** Knee shown and playing, cat being prepared at 2 s (its source set, no metadata yet). */
async function kneePlayingCatPrepared(): Promise<{ knee: HTMLVideoElement; cat: HTMLVideoElement }> {
	surface.load(clip('knee'), 0);
	await settle();
	const knee = videoWith('knee');
	metadata(knee);
	firstFrame(knee);
	surface.play();
	surface.preload(clip('cat'), 2);
	await settle();
	return { knee, cat: videoWith('cat') };
}

describe('createVideojsSurface', () => {
	it('builds two muted, inline, preloading players without controls, both hidden, and removes them on destroy', () => {
		const vs = videos();
		expect(vs).toHaveLength(2);
		for (const v of vs) {
			expect(v.muted).toBe(true);
			expect(v.playsInline).toBe(true);
			expect(v.preload).toBe('auto');
			expect(v.controls).toBe(false);
			expect(visible(v)).toBe(false);
		}
		expect(host.style.position).toBe('relative');
		// Only the media element: no control bar, spinner or error dialog from video.js.
		expect(host.querySelector('.vjs-control-bar, .vjs-loading-spinner, .vjs-error-display, .vjs-big-play-button')).toBeNull();
		surface.destroy();
		expect(videos()).toHaveLength(0);
	});

	it('loads a clip out of sight, seeks once its metadata is in, and shows it once it has a frame', async () => {
		surface.load(clip('knee'), 1.5);
		await settle();
		const el = videoWith('knee');
		expect(el.getAttribute('src')).toBe('/media/video/knee.webm');
		expect(el.poster).toMatch(/\/media\/video\/knee\.jpg$/);
		expect(surface.clip).toBe('knee');
		expect(surface.seeking).toBe(true);
		expect(surface.currentTime).toBe(1.5);
		expect(visible(el)).toBe(false);
		// Not before the metadata: a seek then would be lost when the source loads.
		expect(el.currentTime).toBe(0);
		metadata(el);
		expect(el.currentTime).toBe(1.5);
		firstFrame(el);
		expect(surface.seeking).toBe(false);
		expect(visible(el)).toBe(true);
	});

	it('swaps to a preloaded clip without setting its source again; the old picture stays until the new one is ready', async () => {
		const { knee, cat } = await kneePlayingCatPrepared();
		expect(cat).not.toBe(knee);
		expect(visible(cat)).toBe(false);
		const setSrc = vi.spyOn(cat, 'src', 'set');
		surface.load(clip('cat'), 2);
		expect(setSrc).not.toHaveBeenCalled();
		expect(surface.clip).toBe('cat');
		// No frame yet: the knee picture stays up, paused.
		expect(visible(knee)).toBe(true);
		expect(visible(cat)).toBe(false);
		expect(knee.paused).toBe(true);
		// The next preload waits: loading into the knee player now would blank the picture.
		surface.preload(clip('bridge'), 0);
		await settle();
		expect(knee.getAttribute('src')).toBe('/media/video/knee.webm');
		metadata(cat);
		firstFrame(cat);
		expect(visible(cat)).toBe(true);
		expect(visible(knee)).toBe(false);
		expect(cat.currentTime).toBe(2);
		await settle();
		expect(knee.getAttribute('src')).toBe('/media/video/bridge.webm');
	});

	it('without frame callbacks, ends a prepared clip\'s warm-up after half a second, back at its point and paused', async () => {
		const { knee, cat } = await kneePlayingCatPrepared();
		metadata(cat);
		firstFrame(cat);
		expect(cat.paused).toBe(false);
		expect(visible(cat)).toBe(false);
		// Its warm-up events are not the shown clip's.
		cat.dispatchEvent(new Event('playing'));
		expect(events).not.toContain('playing cat');
		cat.currentTime = 2.3;
		await new Promise((resolve) => setTimeout(resolve, 550));
		expect(cat.paused).toBe(true);
		expect(cat.currentTime).toBe(2);
		expect(knee.paused).toBe(false);
	});

	it('forwards the shown clip\'s events, and errors from either player, each with its clip id', async () => {
		vi.spyOn(console, 'error').mockImplementation(() => undefined); // video.js logs the error
		surface.load(clip('knee'), 0);
		surface.preload(clip('cat'), 0);
		await settle();
		const knee = videoWith('knee');
		const cat = videoWith('cat');
		cat.dispatchEvent(new Event('waiting'));
		knee.dispatchEvent(new Event('waiting'));
		knee.dispatchEvent(new Event('playing'));
		// A decode error, as the element reports it.
		Object.defineProperty(cat, 'error', { value: { code: 3, message: 'decode failed' }, configurable: true });
		cat.dispatchEvent(new Event('error'));
		expect(events).toEqual(['waiting knee', 'playing knee', 'error cat']);
	});

	it('reports a clip with no source the browser can play as an error of that clip', async () => {
		vi.spyOn(console, 'error').mockImplementation(() => undefined);
		surface.load(clip('bridge', 'video/x-unplayable'), 0);
		await settle();
		expect(events).toEqual(['error bridge']);
	});

	it('puts rate and loop on the element in front, and mute on both', async () => {
		surface.load(clip('knee'), 0);
		await settle();
		const knee = videoWith('knee');
		surface.playbackRate = 1.05;
		surface.loop = true;
		expect(knee.playbackRate).toBe(1.05);
		expect(knee.loop).toBe(true);
		surface.muted = false;
		expect(videos().map((v) => v.muted)).toEqual([false, false]);
	});

	it('without requestVideoFrameCallback, reports the playing element\'s time each animation frame', async () => {
		expect('requestVideoFrameCallback' in HTMLVideoElement.prototype).toBe(false);
		const frames: VideoFrame[] = [];
		surface.onFrame((f) => frames.push(f));
		surface.load(clip('knee'), 0);
		await settle();
		const knee = videoWith('knee');
		metadata(knee);
		firstFrame(knee);
		await new Promise((resolve) => setTimeout(resolve, 60));
		expect(frames).toEqual([]);
		surface.play();
		knee.currentTime = 0.25;
		await new Promise((resolve) => setTimeout(resolve, 60));
		expect(frames.length).toBeGreaterThan(0);
		expect(frames.at(-1)).toEqual({ mediaTime: 0.25, displayDelayMs: 0, exact: false });
	});

	it('hides both players', async () => {
		surface.load(clip('knee'), 0);
		await settle();
		const knee = videoWith('knee');
		metadata(knee);
		firstFrame(knee);
		surface.hide();
		expect(surface.clip).toBeNull();
		expect(videos().some(visible)).toBe(false);
	});
});
