/**
 * Media stubs for the video.js surface tests in jsdom, which has no media stack: the
 * element's readyState, paused and currentSrc are the test's to set, play/pause/load/
 * canPlayType are spied, and media events are dispatched by hand.
 */
import { vi } from 'vitest';
import type { ClipMedia, VideoSurface } from '../../../src/lib/media/video-surface';

interface MediaStub {
	readyState: number;
	paused: boolean;
}

const stubs = new WeakMap<HTMLMediaElement, MediaStub>();

export function stubOf(el: HTMLMediaElement): MediaStub {
	let s = stubs.get(el);
	if (!s) {
		const stub: MediaStub = { readyState: 0, paused: true };
		stubs.set(el, stub);
		Object.defineProperties(el, {
			readyState: { get: () => stub.readyState, configurable: true },
			paused: { get: () => stub.paused, configurable: true },
			currentSrc: { get: () => el.src, configurable: true }
		});
		s = stub;
	}
	return s;
}

/** Spy the media element methods jsdom does not implement (restored by vi.restoreAllMocks). */
export function stubMediaElements(): void {
	vi.spyOn(HTMLMediaElement.prototype, 'canPlayType').mockImplementation((type) => (type === 'video/webm' ? 'maybe' : ''));
	vi.spyOn(HTMLMediaElement.prototype, 'load').mockImplementation(() => undefined);
	vi.spyOn(HTMLMediaElement.prototype, 'play').mockImplementation(function (this: HTMLMediaElement) {
		stubOf(this).paused = false;
		return Promise.resolve();
	});
	vi.spyOn(HTMLMediaElement.prototype, 'pause').mockImplementation(function (this: HTMLMediaElement) {
		stubOf(this).paused = true;
	});
}

/** Stub the media elements, then build a surface in a fresh host attached to the document. */
export async function mountSurface(
	create: (host: HTMLElement) => Promise<VideoSurface>
): Promise<{ host: HTMLElement; surface: VideoSurface }> {
	stubMediaElements();
	const host = document.createElement('div');
	document.body.append(host);
	const surface = await create(host);
	for (const v of videosIn(host)) stubOf(v);
	return { host, surface };
}

export const clip = (id: string, type = 'video/webm'): ClipMedia => ({
	id,
	sources: [{ src: `/media/video/${id}.webm`, type }],
	poster: `/media/video/${id}.jpg`
});

export const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

export function videosIn(host: HTMLElement): HTMLVideoElement[] {
	return [...host.querySelectorAll('video')];
}

export function videoIn(host: HTMLElement, id: string): HTMLVideoElement {
	const el = videosIn(host).find((v) => v.src.endsWith(`/${id}.webm`));
	if (!el) throw new Error(`no element holds ${id}`);
	return el;
}

export const visible = (el: HTMLVideoElement) => (el.parentElement as HTMLElement).style.opacity === '1';

/** What the element does when its new source's metadata, then its first frame, arrive. */
export function metadata(el: HTMLVideoElement): void {
	stubOf(el).readyState = 1;
	el.dispatchEvent(new Event('loadedmetadata'));
}
export function firstFrame(el: HTMLVideoElement): void {
	stubOf(el).readyState = 4;
	el.dispatchEvent(new Event('loadeddata'));
}
