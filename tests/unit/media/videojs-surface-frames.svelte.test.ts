/**
 * The video.js surface's frame reports where the browser has requestVideoFrameCallback.
 * jsdom has none, so the element's rVFC is stubbed before the surface module loads (it
 * decides between rVFC and rAF polling then): each request is recorded per element, and
 * the test runs it as the browser would, with chosen frame metadata and performance.now().
 * Checks what the follower relies on: the frame's own media time, how long until it is
 * displayed (negative for a callback that ran after the frame went up, capped above),
 * late callbacks skipped without losing the next frame, and only the shown player followed.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { VideoFrame, VideoSurface } from '../../../src/lib/media/video-surface';
import type * as SurfaceModule from '../../../src/lib/media/videojs-surface';
import { clip, firstFrame, metadata, mountSurface, settle, videoIn, videosIn } from './videojs-stubs';

/** Frame callbacks requested and neither run nor cancelled yet, per element, by request id. */
const requests = new Map<HTMLVideoElement, Map<number, VideoFrameRequestCallback>>();
let lastRequestId = 0;

function pendingOn(el: HTMLVideoElement): Map<number, VideoFrameRequestCallback> {
	let pending = requests.get(el);
	if (!pending) {
		pending = new Map();
		requests.set(el, pending);
	}
	return pending;
}

/** The element's one pending frame callback, taken off the list as the browser would. */
function takeRequest(el: HTMLVideoElement): VideoFrameRequestCallback {
	const pending = pendingOn(el);
	expect(pending.size).toBe(1);
	const entry = pending.entries().next().value;
	if (!entry) throw new Error('no frame callback pending');
	pending.delete(entry[0]);
	return entry[1];
}

/** What the browser tells a frame callback about the frame; presented a vsync (16 ms) early. */
function frameMetadata(frame: { mediaTime: number; expectedDisplayTime: number }): VideoFrameCallbackMetadata {
	return {
		mediaTime: frame.mediaTime,
		expectedDisplayTime: frame.expectedDisplayTime,
		presentationTime: frame.expectedDisplayTime - 16,
		presentedFrames: 1,
		width: 640,
		height: 360
	};
}

/**
 * Present a frame on `el`: run its pending callback while performance.now() reads
 * `clockMs`. The callback's own `now` is a vsync before the frame's display time, so a
 * surface that measured against it instead of the clock would report something else.
 */
function present(el: HTMLVideoElement, frame: { mediaTime: number; expectedDisplayTime: number }, clockMs: number): void {
	const callback = takeRequest(el);
	const meta = frameMetadata(frame);
	const now = vi.spyOn(performance, 'now').mockReturnValue(clockMs);
	try {
		callback(meta.presentationTime, meta);
	} finally {
		now.mockRestore();
	}
}

let createVideojsSurface: typeof SurfaceModule.createVideojsSurface;
let host: HTMLElement;
let surface: VideoSurface;
let frames: VideoFrame[];

beforeAll(async () => {
	Object.defineProperties(HTMLVideoElement.prototype, {
		requestVideoFrameCallback: {
			configurable: true,
			writable: true,
			value: function (this: HTMLVideoElement, callback: VideoFrameRequestCallback): number {
				lastRequestId += 1;
				pendingOn(this).set(lastRequestId, callback);
				return lastRequestId;
			}
		},
		cancelVideoFrameCallback: {
			configurable: true,
			writable: true,
			value: function (this: HTMLVideoElement, id: number): void {
				pendingOn(this).delete(id);
			}
		}
	});
	// Loaded after the stub, so the module sees requestVideoFrameCallback.
	vi.resetModules();
	({ createVideojsSurface } = await import('../../../src/lib/media/videojs-surface'));
});

afterAll(() => {
	Reflect.deleteProperty(HTMLVideoElement.prototype, 'requestVideoFrameCallback');
	Reflect.deleteProperty(HTMLVideoElement.prototype, 'cancelVideoFrameCallback');
});

beforeEach(async () => {
	({ host, surface } = await mountSurface(createVideojsSurface));
	frames = [];
	surface.onFrame((f) => frames.push(f));
});

afterEach(() => {
	surface.destroy();
	host.remove();
	requests.clear();
	vi.restoreAllMocks();
});

/** Load `id` and give it its metadata and first frame, so it is the clip on screen. */
async function show(id: string): Promise<HTMLVideoElement> {
	surface.load(clip(id), 0);
	await settle();
	const el = videoIn(host, id);
	metadata(el);
	firstFrame(el);
	return el;
}

/** Knee shown, cat prepared at `atSeconds` with its picture in: its warm-up has begun. */
async function catWarmingUp(atSeconds: number): Promise<HTMLVideoElement> {
	await show('knee');
	surface.play();
	surface.preload(clip('cat'), atSeconds);
	await settle();
	const cat = videoIn(host, 'cat');
	metadata(cat);
	firstFrame(cat);
	return cat;
}

describe('createVideojsSurface with requestVideoFrameCallback', () => {
	it('reports an on-time frame with its own media time, exact, and how long until it is displayed', async () => {
		const knee = await show('knee');
		// Frames come from the callbacks, not from polling the element's time.
		surface.play();
		knee.currentTime = 0.25;
		await new Promise((resolve) => setTimeout(resolve, 60));
		expect(frames).toEqual([]);
		present(knee, { mediaTime: 0.5, expectedDisplayTime: 1012 }, 1000);
		expect(frames).toEqual([{ mediaTime: 0.5, displayDelayMs: 12, exact: true }]);
		// And the next frame is asked for.
		expect(pendingOn(knee).size).toBe(1);
	});

	it('places a late callback\'s frame at its display time: a negative delay, not video lag', async () => {
		const knee = await show('knee');
		present(knee, { mediaTime: 1, expectedDisplayTime: 920 }, 1000);
		expect(frames).toEqual([{ mediaTime: 1, displayDelayMs: -80, exact: true }]);
	});

	it('caps the display delay at 100 ms', async () => {
		const knee = await show('knee');
		present(knee, { mediaTime: 1, expectedDisplayTime: 1400 }, 1000);
		present(knee, { mediaTime: 1.04, expectedDisplayTime: 2099 }, 2000);
		expect(frames.map((f) => f.displayDelayMs)).toEqual([100, 99]);
	});

	it('skips a frame whose callback ran more than 250 ms late, and still follows the next ones', async () => {
		const knee = await show('knee');
		present(knee, { mediaTime: 1, expectedDisplayTime: 749 }, 1000);
		expect(frames).toEqual([]);
		present(knee, { mediaTime: 1.3, expectedDisplayTime: 1305 }, 1300);
		expect(frames).toEqual([{ mediaTime: 1.3, displayDelayMs: 5, exact: true }]);
		// 250 ms late exactly is still placed.
		present(knee, { mediaTime: 1.5, expectedDisplayTime: 1250 }, 1500);
		expect(frames.at(-1)).toEqual({ mediaTime: 1.5, displayDelayMs: -250, exact: true });
	});

	it('reports only the shown player\'s frames, and cancels the pending request on destroy', async () => {
		const knee = await show('knee');
		surface.preload(clip('cat'), 0);
		await settle();
		const cat = videoIn(host, 'cat');
		// The player being preloaded is not followed.
		expect(pendingOn(cat).size).toBe(0);
		surface.load(clip('cat'), 0);
		metadata(cat);
		firstFrame(cat);
		// Knee's request from before the swap runs: not reported, and not asked again.
		present(knee, { mediaTime: 3, expectedDisplayTime: 1010 }, 1000);
		expect(frames).toEqual([]);
		expect(pendingOn(knee).size).toBe(0);
		present(cat, { mediaTime: 0.04, expectedDisplayTime: 1026 }, 1016);
		expect(frames).toEqual([{ mediaTime: 0.04, displayDelayMs: 10, exact: true }]);
		// Hidden: the front player's frames are not reported, but it is still followed.
		surface.hide();
		present(cat, { mediaTime: 0.08, expectedDisplayTime: 1042 }, 1032);
		expect(frames).toHaveLength(1);
		expect(pendingOn(cat).size).toBe(1);
		// Shown again: the request already pending serves, none is added.
		surface.load(clip('cat'), 0);
		expect(pendingOn(cat).size).toBe(1);
		// Destroyed: the request is cancelled, and a callback already on its way reports nothing.
		const inFlight = pendingOn(cat).values().next().value;
		surface.destroy();
		expect(videosIn(host)).toHaveLength(0);
		expect(pendingOn(cat).size).toBe(0);
		expect(pendingOn(knee).size).toBe(0);
		expect(inFlight).toBeDefined();
		inFlight?.(1048, frameMetadata({ mediaTime: 0.12, expectedDisplayTime: 1058 }));
		expect(frames).toHaveLength(1);
		expect(pendingOn(cat).size).toBe(0);
	});

	it('warms a prepared clip up out of sight: plays it to its first frame, then back to its point, paused', async () => {
		await show('knee');
		surface.play();
		surface.preload(clip('cat'), 1.5);
		await settle();
		const cat = videoIn(host, 'cat');
		const play = vi.mocked(HTMLMediaElement.prototype.play);
		play.mockClear();
		metadata(cat);
		expect(cat.currentTime).toBe(1.5);
		firstFrame(cat);
		// Once it has its picture: played, hidden, with a frame callback of its own.
		expect(play.mock.contexts).toContain(cat);
		expect(cat.paused).toBe(false);
		expect(pendingOn(cat).size).toBe(1);
		cat.currentTime = 1.54;
		present(cat, { mediaTime: 1.54, expectedDisplayTime: 1010 }, 1000);
		// Not the shown clip's frame, and back where it was prepared, paused, not asked again.
		expect(frames).toEqual([]);
		expect(cat.paused).toBe(true);
		expect(cat.currentTime).toBe(1.5);
		expect(pendingOn(cat).size).toBe(0);
		// Once only: its seek back and later events do not start it again.
		play.mockClear();
		cat.dispatchEvent(new Event('seeked'));
		cat.dispatchEvent(new Event('canplay'));
		expect(play.mock.contexts).not.toContain(cat);
		// Swapped in: the follower starts it; nothing of the warm-up is left to pause it.
		surface.load(clip('cat'), 1.5);
		surface.play();
		expect(cat.paused).toBe(false);
		await new Promise((resolve) => setTimeout(resolve, 600));
		expect(cat.paused).toBe(false);
	});

	it('ends a warm-up at the point of a preload made during it, not where the warm-up began', async () => {
		const cat = await catWarmingUp(1.5);
		expect(cat.paused).toBe(false);
		// The follower now wants the cat clip ready at another point (the next part's in point).
		surface.preload(clip('cat'), 4);
		cat.currentTime = 1.54;
		present(cat, { mediaTime: 1.54, expectedDisplayTime: 1010 }, 1000);
		expect(cat.paused).toBe(true);
		expect(cat.currentTime).toBe(4);
		// Swapped in there, it shows the point it was asked for.
		surface.load(clip('cat'), 4);
		expect(cat.currentTime).toBe(4);
	});

	it('lets a clip swapped in during its warm-up play on, where the follower puts it', async () => {
		const cat = await catWarmingUp(0);
		expect(cat.paused).toBe(false);
		cat.currentTime = 0.08;
		surface.load(clip('cat'), 0);
		surface.play();
		// The warm-up's frame callback is gone; the one pending is the follower's.
		expect(pendingOn(cat).size).toBe(1);
		present(cat, { mediaTime: 0.04, expectedDisplayTime: 1010 }, 1000);
		expect(frames).toEqual([{ mediaTime: 0.04, displayDelayMs: 10, exact: true }]);
		expect(cat.paused).toBe(false);
		expect(cat.currentTime).toBe(0);
		await new Promise((resolve) => setTimeout(resolve, 600));
		expect(cat.paused).toBe(false);
	});
});
