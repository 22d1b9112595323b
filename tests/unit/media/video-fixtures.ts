/**
 * A fake video surface and a rig that plays the real SessionEngine on a ManualClock with
 * a VideoFollower attached: each simulated frame advances the clock and the fake element's
 * media time (the way a playing element moves: at its playback rate, looping or ending at
 * the clip's end), then ticks the engine and reports the frame.
 */
import { SessionEngine, type SessionEngineOptions } from '../../../src/lib/playback/engine';
import { ManualClock } from '../../../src/lib/playback/clock';
import type { EngineEvent } from '../../../src/lib/playback/events';
import type { Segment, Timeline, VideoRef } from '../../../src/lib/routine/timeline';
import { VideoFollower, type Schedule, type VideoFollowerOptions } from '../../../src/lib/media/video-follower';
import type {
	ClipMedia,
	ClipResolver,
	ResolvedClip,
	VideoFrame,
	VideoSurface,
	VideoSurfaceEvent,
	VideoSurfaceEventType
} from '../../../src/lib/media/video-surface';
import { buildTimeline, countdown, cue, fromStart } from '../playback/timeline-builder';

export const CLIPS: Readonly<Record<string, ResolvedClip>> = {
	knee: clip('knee', 8000),
	cat: clip('cat', 6000),
	bridge: clip('bridge', 5000),
	/** Two parts back to back, as the generated phase clips are: tilt 0–4 s, relax 4–6 s. */
	tilt: { ...clip('tilt', 6000), parts: { tilt: { inMs: 0, outMs: 4000 }, relax: { inMs: 4000, outMs: 6000 } } },
	/** A rhythmic clip with one looping part, as the pool clips are: walk 0–4.4 s. */
	walk: { ...clip('walk', 4400), parts: { walk: { inMs: 0, outMs: 4400, loop: true } } },
	/** Shows the left side; the right is the same clip mirrored. */
	twist: { ...clip('twist', 6000), side: 'left' }
};

function clip(id: string, durationMs: number): ResolvedClip {
	return {
		id,
		sources: [
			{ src: `/media/video/${id}.webm`, type: 'video/webm' },
			{ src: `/media/video/${id}.mp4`, type: 'video/mp4' }
		],
		poster: `/media/video/${id}.jpg`,
		durationMs
	};
}

export const resolveClip: ClipResolver = (id) => CLIPS[id] ?? null;

/**
 * Knee: in 1 s, out 4 s (a 3 s loop in an 8 s clip, so a 20 s hold ends mid-loop). Cat:
 * the whole 6 s clip (native loop). Bridge: the whole 5 s clip.
 */
export const KNEE: VideoRef = { clip: 'knee', inMs: 1000, outMs: 4000 };
export const CAT: VideoRef = { clip: 'cat', inMs: 0, outMs: null };
export const BRIDGE: VideoRef = { clip: 'bridge', inMs: 0, outMs: null };

/**
 * 87 s, four steps. Segments: 0 count-in 5 s (no clip) · 1 work 20 s knee [5, 25) ·
 * 2 switch 5 s knee [25, 30) · 3 work 20 s knee [30, 50) · 4 rest 10 s, no clip
 * [50, 60) (step 1) · 5 work 12 s cat [60, 72) (step 2) · 6 work 15 s bridge [72, 87) (step 3).
 */
export function videoTimeline(): Timeline {
	const base = buildTimeline([
		{
			title: 'Knee to chest',
			segments: [
				{ kind: 'count-in', ms: 5000, cues: [cue('count-in', fromStart(0)), ...countdown()] },
				{ kind: 'work', ms: 20_000, adjustable: true, cues: [cue('step-start', fromStart(0)), ...countdown()] },
				{ kind: 'switch', ms: 5000, cues: [cue('switch-sides', fromStart(0))] },
				{ kind: 'work', ms: 20_000, adjustable: true, cues: [cue('step-start', fromStart(0)), ...countdown()] }
			]
		},
		{ title: 'Rest', kind: 'rest', segments: [{ kind: 'rest', ms: 10_000, cues: [cue('rest', fromStart(0))] }] },
		{ title: 'Cat camel', segments: [{ kind: 'work', ms: 12_000, cues: [cue('step-start', fromStart(0)), ...countdown()] }] },
		{ title: 'Bridge', segments: [{ kind: 'work', ms: 15_000, cues: [cue('step-start', fromStart(0)), ...countdown()] }] }
	]);
	const videos: readonly (VideoRef | null)[] = [null, KNEE, KNEE, KNEE, null, CAT, BRIDGE];
	return withVideos(base, videos);
}

export function withVideos(timeline: Timeline, videos: readonly (VideoRef | null)[]): Timeline {
	const segments: Segment[] = timeline.segments.map((s, i) => ({ ...s, video: videos[i] ?? null }));
	return { ...timeline, segments };
}

interface Load {
	readonly id: string;
	readonly at: number;
}

export class FakeVideoSurface implements VideoSurface {
	readonly loads: Load[] = [];
	readonly preloads: (Load | null)[] = [];
	readonly seeks: number[] = [];
	readonly rates: number[] = [];
	hides = 0;
	plays = 0;
	clip: string | null = null;
	currentTime = 0;
	paused = true;
	loop = false;
	muted = false;
	mirrored = false;
	/** Frames a seek takes before it lands (0: at once). */
	seekLatencyFrames = 0;
	/** The element has run out of data: its time does not move. */
	starved = false;
	#seekFramesLeft = 0;
	#rate = 1;
	readonly #frames = new Set<(frame: VideoFrame) => void>();
	readonly #handlers = new Set<(event: VideoSurfaceEvent) => void>();

	get seeking(): boolean {
		return this.#seekFramesLeft > 0;
	}

	get playbackRate(): number {
		return this.#rate;
	}

	set playbackRate(rate: number) {
		if (rate !== this.#rate) this.rates.push(rate);
		this.#rate = rate;
	}

	load(clip: ClipMedia, atSeconds: number): void {
		this.loads.push({ id: clip.id, at: atSeconds });
		this.clip = clip.id;
		this.currentTime = atSeconds;
		this.paused = true;
	}

	preload(clip: ClipMedia | null, atSeconds: number): void {
		this.preloads.push(clip && { id: clip.id, at: atSeconds });
	}

	hide(): void {
		this.hides++;
		this.clip = null;
		this.paused = true;
	}

	seek(seconds: number): void {
		this.seeks.push(seconds);
		this.currentTime = seconds;
		this.#seekFramesLeft = this.seekLatencyFrames;
	}

	play(): void {
		this.plays++;
		this.paused = false;
	}

	pause(): void {
		this.paused = true;
	}

	onFrame(callback: (frame: VideoFrame) => void): () => void {
		this.#frames.add(callback);
		return () => this.#frames.delete(callback);
	}

	on(handler: (event: VideoSurfaceEvent) => void): () => void {
		this.#handlers.add(handler);
		return () => this.#handlers.delete(handler);
	}

	destroy(): void {
		this.#frames.clear();
		this.#handlers.clear();
	}

	emit(type: VideoSurfaceEventType, clip: string | null = this.clip): void {
		if (clip === null) throw new Error(`no clip to emit ${type} for`);
		for (const h of this.#handlers) h({ type, clip });
	}

	/**
	 * What a playing element does in `ms` of wall time: move at its rate (not while a seek
	 * is landing or starved), loop natively or stop with `ended` at the clip's end.
	 * `wholeFrame` false: only part of a frame's time (a seek's landing counts in frames).
	 */
	advance(ms: number, wholeFrame = true): void {
		if (this.clip === null || this.paused || this.starved) return;
		if (this.#seekFramesLeft > 0) {
			// Part of a frame (up to a timer) does not count towards a seek's landing.
			if (!wholeFrame) return;
			this.#seekFramesLeft--;
			if (this.#seekFramesLeft === 0) this.emit('seeked');
			return;
		}
		const duration = (CLIPS[this.clip] as ResolvedClip).durationMs / 1000;
		this.currentTime += (ms / 1000) * this.#rate;
		if (this.currentTime >= duration) {
			if (this.loop) {
				this.currentTime -= duration;
			} else {
				this.currentTime = duration;
				this.paused = true;
				this.emit('ended');
			}
		}
	}

	/** Report a frame at `mediaTime` (default: the element's time). */
	frame(mediaTime: number = this.currentTime, displayDelayMs = 0): void {
		for (const cb of this.#frames) cb({ mediaTime, displayDelayMs, exact: true });
	}
}

export const FRAME_MS = 1000 / 30;

/**
 * setTimeout on a ManualClock: callbacks run when a rig's frames() passes their time (a
 * step is split there, so they run at that very moment), `lateMs` after it if a test
 * wants a busy main thread.
 */
export class ManualTimers {
	#pending: { id: number; dueMs: number; callback: () => void }[] = [];
	#nextId = 1;
	lateMs = 0;

	constructor(readonly clock: ManualClock) {}

	readonly schedule: Schedule = (callback, delayMs) => {
		const id = this.#nextId++;
		this.#pending.push({ id, dueMs: this.clock.now() + Math.max(0, delayMs) + this.lateMs, callback });
		return () => {
			this.#pending = this.#pending.filter((t) => t.id !== id);
		};
	};

	get size(): number {
		return this.#pending.length;
	}

	/** Wall time until the earliest timer is due (0 if overdue), or null if none is set. */
	nextDueInMs(): number | null {
		if (this.#pending.length === 0) return null;
		return Math.max(0, Math.min(...this.#pending.map((t) => t.dueMs)) - this.clock.now());
	}

	/** Run every timer due by now, earliest first, including ones they set that are due too. */
	runDue(): void {
		for (let guard = 0; guard < 1000; guard++) {
			const now = this.clock.now();
			const due = this.#pending.filter((t) => t.dueMs <= now + 1e-9).sort((a, b) => a.dueMs - b.dueMs)[0];
			if (!due) return;
			this.#pending = this.#pending.filter((t) => t !== due);
			due.callback();
		}
		throw new Error('timers keep setting timers that are already due');
	}
}

export interface Rig {
	readonly clock: ManualClock;
	readonly engine: SessionEngine;
	readonly surface: FakeVideoSurface;
	readonly follower: VideoFollower;
	readonly events: EngineEvent[];
	readonly timers: ManualTimers;
	/** Play `ms` of frames: clock, engine tick, media time, frame callback; timers at their time. */
	frames(ms: number, frameMs?: number): void;
}

export function rig(
	options: { timeline?: Timeline; follower?: VideoFollowerOptions; engine?: SessionEngineOptions } = {}
): Rig {
	const clock = new ManualClock(500_000);
	const engine = new SessionEngine(options.timeline ?? videoTimeline(), clock, options.engine);
	const events: EngineEvent[] = [];
	engine.onAny((e) => events.push(e));
	const surface = new FakeVideoSurface();
	const timers = new ManualTimers(clock);
	// Seek and start leads 0 unless a test is about them, so expected seek targets are exact.
	const follower = new VideoFollower(engine, surface, resolveClip, { initialSeekLeadMs: 0, initialStartLeadMs: 0, schedule: timers.schedule, ...options.follower });
	return {
		clock,
		engine,
		surface,
		follower,
		events,
		timers,
		frames(ms: number, frameMs = FRAME_MS) {
			let left = ms;
			while (left > 1e-9) {
				const d = Math.min(frameMs, left);
				left -= d;
				// Time passes for both (timers running at their moments); then the frame's callbacks run: the engine's tick, the frame.
				passTime(d, clock, surface, timers);
				engine.tick();
				if (surface.clip !== null && !surface.paused) surface.frame();
			}
		}
	};
}

/**
 * `ms` of wall time for the clock and the element, with any timer due on the way run at its
 * moment (time passes up to it first), as a browser would between two frames.
 */
export function passTime(ms: number, clock: ManualClock, surface: FakeVideoSurface, timers: ManualTimers): void {
	let left = ms;
	for (;;) {
		timers.runDue();
		const untilTimer = timers.nextDueInMs();
		if (untilTimer === null || untilTimer >= left - 1e-9) break;
		clock.advance(untilTimer);
		surface.advance(untilTimer, false);
		left -= untilTimer;
	}
	clock.advance(left);
	surface.advance(left);
	timers.runDue();
}

/** Expected clip time (s) of the knee segments at session position `pos` in segment starting `start`. */
export function kneeTimeS(pos: number, start: number): number {
	return (1000 + ((pos - start) % 3000)) / 1000;
}
