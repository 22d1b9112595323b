/**
 * What the video follower needs from a video player, and nothing more, so the follower
 * can be tested against a fake and never imports video.js. Times are in seconds here, as
 * on a media element; the follower converts to the session's milliseconds.
 *
 * A surface shows one clip at a time and can prepare one more out of sight, so that a
 * step change swaps to a clip that already has its first frame decoded (no black frame).
 */
import { mimeOf } from './playable';
import type { MediaCatalog } from '../routine/schema';
import type { ClipPart } from './phase-part';

export interface VideoSource {
	readonly src: string;
	/** MIME type, so the browser can skip a format it cannot play without fetching it. */
	readonly type: string;
}

export interface ClipMedia {
	/** The catalogue id; the surface uses it to recognise a clip it already preloaded. */
	readonly id: string;
	/** In order of preference (VP9 WebM first, H.264 MP4 for Safari). */
	readonly sources: readonly VideoSource[];
	readonly poster: string | null;
}

/** A clip as the follower needs it: where it is and how long it is. */
export interface ResolvedClip extends ClipMedia {
	readonly durationMs: number;
	/** Named parts, one per phase of a repetition (ms), in the clip's order. */
	readonly parts?: Readonly<Record<string, ClipPart>>;
	/** The side the clip shows, for a sided exercise. */
	readonly side?: 'left' | 'right';
	/** The other side: this clip mirrored ("mirror", the default) or another clip. */
	readonly otherSide?: string;
}

/** Clip id → media, or null when the catalogue has no such clip. */
export type ClipResolver = (id: string) => ResolvedClip | null;

export interface VideoFrame {
	/** Media time (s) of the frame being shown. */
	readonly mediaTime: number;
	/** How long (ms) until that frame reaches the screen; 0 when unknown. */
	readonly displayDelayMs: number;
	/** True when the time is the frame's own (requestVideoFrameCallback), false when polled. */
	readonly exact: boolean;
}

/**
 * About the clip shown (`waiting`, `playing`, `canplay`, `ended`, `seeked`) or about any
 * clip the surface holds (`error`, which may come from the one being preloaded).
 */
export type VideoSurfaceEventType = 'waiting' | 'playing' | 'canplay' | 'ended' | 'seeked' | 'error';

export interface VideoSurfaceEvent {
	readonly type: VideoSurfaceEventType;
	/** Id of the clip the event is about. */
	readonly clip: string;
	/** For `error`: what went wrong, for the log (never shown as is). */
	readonly detail?: string;
}

export interface VideoSurface {
	/**
	 * Show `clip`, positioned at `atSeconds`, paused until play(). If it is the clip
	 * preloaded, swap to it; otherwise load it out of sight. Either way the swap happens
	 * once it has its frame, so the previous picture (or the page's poster behind the
	 * video) stays up rather than going black.
	 */
	load(clip: ClipMedia, atSeconds: number): void;
	/** Prepare `clip` at `atSeconds` out of sight (null: nothing to prepare). */
	preload(clip: ClipMedia | null, atSeconds: number): void;
	/** Hide the video (a step without a clip, or one whose clip failed); keeps any preload. */
	hide(): void;
	/** Id of the clip shown, or null when hidden. */
	readonly clip: string | null;

	/** Media time (s) of the clip shown; a seek not yet applied counts as done. */
	readonly currentTime: number;
	seek(seconds: number): void;
	/** True from a seek until the element has the frame there. */
	readonly seeking: boolean;
	readonly paused: boolean;
	play(): void;
	pause(): void;
	/** Of the clip shown; set it after load(), which may bring another element to the front. */
	playbackRate: number;
	/** Loop natively (seamless) when the window is the whole clip; like the rate, set after load(). */
	loop: boolean;
	muted: boolean;
	/** Show the picture mirrored left to right: the other side of a one-sided clip. */
	mirrored: boolean;

	/** Called for each frame of the clip shown; returns an unsubscribe function. */
	onFrame(callback: (frame: VideoFrame) => void): () => void;
	on(handler: (event: VideoSurfaceEvent) => void): () => void;
	destroy(): void;
}

function videoMime(path: string): string {
	return mimeOf(path, 'video') ?? 'video/mp4';
}

/**
 * A resolver over the media catalogue: files under static/media are served at
 * `baseUrl` (default `/media/`).
 */
export function catalogClipResolver(videos: MediaCatalog['videos'], baseUrl = '/media/'): ClipResolver {
	const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
	return (id) => {
		const entry = Object.hasOwn(videos, id) ? videos[id] : undefined;
		if (!entry) return null;
		const ms = (s: number) => Math.round(s * 1000);
		const parts = entry.parts && Object.fromEntries(Object.entries(entry.parts).map(([name, p]) => [name, { inMs: ms(p.in), outMs: ms(p.out), ...(p.loop ? { loop: true } : {}) }]));
		return {
			id,
			sources: entry.files.map((file) => ({ src: base + file, type: videoMime(file) })),
			poster: entry.poster === undefined ? null : base + entry.poster,
			durationMs: ms(entry.duration),
			parts,
			side: entry.side,
			otherSide: entry.otherSide
		};
	};
}
