/**
 * Keeps a video surface on the session clock. The engine leads and the video follows:
 * at a segment change (or after a jump) the follower shows the segment's clip at the
 * moment the clock says, on every displayed frame it measures the drift and corrects it
 * (drift.ts), and it prepares the next different clip out of sight.
 *
 * The video never ends the session or moves the person's place. A stall holds a solo
 * session's clock (after a short grace, so a hiccup does not flicker the screen); a
 * missing or undecodable clip leaves the poster and the text up while the voice and
 * the timer go on.
 */
import type { SessionEngine } from '../playback/engine';
import type { EngineState, SegmentEvent, StateEvent } from '../playback/events';
import { segmentIndexAt, type Segment } from '../routine/timeline';
import { clipDriftMs, clipWindow, expectedClipTimeMs, loopLengthMs, type ClipWindow } from './clip-time';
import { FrameCadence } from './frame-cadence';
import { holdsEndPose, partClipTimeMs, planPart, type PartPlan } from './phase-part';
import { BOUNDARY_SEEK_MS, CadenceAverage, correctDrift, DRIFT_SEEK_MS, DriftSampleLog, nextSeekLeadMs, type DriftAction, type DriftRecord } from './drift';
import type { ClipResolver, ResolvedClip, VideoFrame, VideoSurface, VideoSurfaceEvent } from './video-surface';

/** A stall shorter than this is a hiccup: not worth freezing the clock and the screen for. */
export const BUFFERING_GRACE_MS = 300;

/**
 * A stall longer than this (from `waiting`) gives up on the clip: a person should not sit
 * in front of a spinner with the session frozen because the network went away.
 */
export const STALL_GIVE_UP_MS = 10_000;

/**
 * First guess at how late a seek while playing lands; refined by every seek. Chromium lands
 * a seek of a playing clip in a frame or less (measured: 0–16 ms, also with the main thread
 * busy right after it).
 */
export const INITIAL_SEEK_LEAD_MS = 20;

/**
 * First guess at how long a paused element takes from play() to its first moving frame;
 * refined by every start the follower times itself (measured: 2–16 ms in Chromium).
 */
export const INITIAL_START_LEAD_MS = 10;

/**
 * A swap can be learned to start this far ahead at most: a first frame later than this
 * is a stall, not how long swaps take. Above the 300 ms of a seek: the first swap of a
 * session was measured 300 ms late.
 */
export const MAX_SWAP_LEAD_MS = 500;

/**
 * Run `callback` after `delayMs` of wall time; returns a function that cancels it. The
 * follower times its boundaries with this (tests pass one driven by their manual clock).
 */
export type Schedule = (callback: () => void, delayMs: number) => () => void;

const scheduleTimeout: Schedule = (callback, delayMs) => {
	const id = setTimeout(callback, delayMs);
	return () => clearTimeout(id);
};

/** A planned action is moved only when its time changes by more than this. */
const REPLAN_MS = 2;

/**
 * A seek that lands off by more than the dead band is tried again at once (with the lead
 * it just taught), up to this many times in a row; nudging 100 ms away at 8 % would show
 * an off picture for over a second. Bounded, so a clip that never lands cannot keep the
 * element seeking: after that, the rate nudge takes over.
 */
export const MAX_RESEEKS = 2;

/**
 * How far off a seek may land before it is tried again. Above one frame of the slowest
 * clips (24 fps: 42 ms), because seeks at a loop or segment end land up to a frame early
 * on purpose.
 */
export const RESEEK_MS = 50;

/**
 * An out point is looped (and a clip restarted for the next segment) by a seek, made when
 * the clock is within one frame of it, so the element goes back to the in point at most a
 * frame early instead of showing frames past it. One frame at 30 fps until the clip's own
 * frame duration is known from its frames.
 */
export const LOOP_LOOKAHEAD_MS = 34;

/**
 * After a clip is put in front, the next one is loaded into the other element this long
 * later. Loading it at once put the new source's demuxing and first decode on the media
 * thread in the very moment the clip just swapped in had to start: its first moving frame
 * came 150–300 ms late (a probe at the first swap of morning-mobility: play() at the
 * boundary, the other element's loadstart 95 ms later, the first new frame 156 ms later).
 */
export const PRELOAD_DEFER_MS = 1000;

/** The next clip is loaded at least this long before it is needed, deferred or not. */
export const PRELOAD_READY_MS = 2500;

/** Frame durations above this are skipped frames, not the clip's frame rate. */
const MAX_FRAME_MS = 60;

export const VIDEO_FAULT_MESSAGE =
	'The video for this step could not be loaded. Follow the text and the voice; the timer keeps going.';
export const VIDEO_STALL_MESSAGE =
	'The video for this step is taking too long to load. Follow the text and the voice; the timer keeps going.';

/** What the stage shows: the moving clip, a still (poster or illustration), or neither. */
export type VideoDisplay = 'video' | 'poster' | 'none';

export interface VideoFollowerStatus {
	readonly display: VideoDisplay;
	/** The clip of the current segment, even when it failed and its poster stands in. */
	readonly clip: string | null;
	/** Poster of that clip; null: show the step's illustration or nothing. */
	readonly poster: string | null;
	/** A plain sentence for the person when the clip cannot be shown; null otherwise. */
	readonly fault: string | null;
	/** The clip is stalled past the grace period (a solo session's clock is held). */
	readonly buffering: boolean;
}

export interface VideoFollowerOptions {
	readonly bufferingGraceMs?: number;
	readonly stallGiveUpMs?: number;
	readonly initialSeekLeadMs?: number;
	/** How many drift samples to keep (ring buffer); about 4.5 minutes of 30 fps by default. */
	readonly driftSampleCapacity?: number;
	/** Keep drift samples at all: only the sync benchmark reads them (default true for tests). */
	readonly recordDrift?: boolean;
	readonly initialStartLeadMs?: number;
	/** First guess at how long a swap to the prepared clip takes to show moving frames (default: initialStartLeadMs). */
	readonly initialSwapLeadMs?: number;
	/** Timer for the follower's own boundary actions (default: setTimeout). */
	readonly schedule?: Schedule;
}

/**
 * Something the element must do at a moment of the session: a loop going round, or the
 * next segment's clip, part or restart. Done on the follower's own timer, a lead ahead of
 * the moment, rather than when the engine's tick or the next frame notices it: the step
 * change that comes with a boundary busies the main thread for up to 100 ms (the stage
 * re-renders), and an element told to start, or looping by itself (Chromium loops on the
 * main thread), during that time starts that much late. Told just before, it is on time.
 */
interface Planned {
	readonly kind: 'wrap' | 'boundary';
	/** Session position (ms) the action is for. */
	readonly atMs: number;
	/** Session position (ms) to act at: atMs less the lead the action needs. */
	readonly fireMs: number;
}

/** The clip being followed on screen. */
interface Following {
	readonly clip: ResolvedClip;
	window: ClipWindow;
	/** The phase's part of the clip, when the clip has one for it; null: loop the window. */
	plan: PartPlan | null;
	/** Start of the segment the clip time is counted from; changes at each segment. */
	segmentStartMs: number;
}

/** What a segment shows of its clip: a part for its phase, a still start pose for a rest, or a loop. */
function targetOf(segment: Segment, clip: ResolvedClip): { window: ClipWindow; plan: PartPlan | null } {
	const ref = segment.video as NonNullable<Segment['video']>;
	const parts = clip.parts;
	const whole = { inMs: 0, endMs: clip.durationMs };
	const part = ref.part !== undefined && parts ? parts[ref.part] : undefined;
	if (part) return { window: whole, plan: planPart(part, segment.startMs, segment.endMs - segment.startMs) };
	// Between repetitions of a clip made of parts, the figure waits in its starting pose.
	const first = parts && Object.values(parts)[0];
	if (first && (segment.kind === 'rest' || segment.kind === 'switch')) return { window: { inMs: first.inMs, endMs: first.inMs }, plan: null };
	return { window: clipWindow(ref, clip.durationMs), plan: null };
}

/** What following `clip` through `segment` would be: its window or part, counted from the segment's start. */
function followingOf(clip: ResolvedClip, segment: Segment): Following {
	return { clip, ...targetOf(segment, clip), segmentStartMs: segment.startMs };
}

/** Clip time (ms) for `positionMs` in the segment being followed. */
function expectedOf(f: Following, positionMs: number): number {
	if (!f.plan) return expectedClipTimeMs(f.window, f.segmentStartMs, positionMs);
	// A frame shown a moment before the phase (the follower moves a lead ahead of it): the
	// part's start is still that far away, so an element already there is ahead, not on time.
	if (positionMs < f.plan.startMs) return f.plan.fromMs - (f.plan.startMs - positionMs) * f.plan.rate;
	return partClipTimeMs(f.plan, positionMs);
}

/** The element stands still: a rest's start pose, or a part's end pose held to the phase's end. */
function standsStill(f: Following, positionMs: number): boolean {
	if (f.plan) return holdsEndPose(f.plan, positionMs);
	return loopLengthMs(f.window) === 0;
}

/** The first segment after `index` that shows a clip other than `clip` (segments without one are passed over). */
function nextClipChange(segments: readonly Segment[], index: number, clip: string | null): Segment | undefined {
	for (let i = index + 1; i < segments.length; i++) {
		const s = segments[i] as Segment;
		if (s.video && s.video.clip !== clip) return s;
	}
	return undefined;
}

/** Should the other side be shown mirrored (the clip shows one side and the segment names the other)? */
function mirroredFor(segment: Segment, clip: ResolvedClip): boolean {
	return clip.side !== undefined && segment.side !== null && segment.side !== clip.side && (clip.otherSide ?? 'mirror') === 'mirror';
}

const HIDDEN: VideoFollowerStatus = { display: 'none', clip: null, poster: null, fault: null, buffering: false };

function isRunning(state: EngineState): boolean {
	return state === 'playing' || state === 'count-in';
}

/** A window covering the whole clip can use the element's own seamless loop. */
function coversWholeClip(window: ClipWindow, durationMs: number): boolean {
	return window.inMs === 0 && window.endMs >= durationMs && loopLengthMs(window) > 0;
}

export class VideoFollower {
	readonly #engine: SessionEngine;
	readonly #surface: VideoSurface;
	readonly #resolve: ClipResolver;
	readonly #graceMs: number;
	readonly #giveUpMs: number;
	readonly #drift: DriftSampleLog | null;
	readonly #unsubscribe: (() => void)[];
	readonly #listeners = new Set<(status: VideoFollowerStatus) => void>();

	#status: VideoFollowerStatus = HIDDEN;
	#following: Following | null = null;
	/** Clips that failed to load or decode: not retried in this session. */
	readonly #failed = new Set<string>();
	#seekLeadMs: number;
	#startLeadMs: number;
	/** The next frame is the first after a start the follower timed: learn the start lead from it. */
	#learnStart = false;
	/**
	 * How far ahead of a boundary the other element (the next clip, prepared out of sight) is
	 * swapped in and started. Learned apart from the start lead: in the player it takes far
	 * longer (bench:sync: 120–300 ms at every swap of morning-mobility, against 2–16 ms to
	 * start the element on screen from a held pose), so one lead for both was always wrong for
	 * one of them.
	 */
	#swapLeadMs: number;
	/** The next frame is the first after a swap the follower timed: learn the swap lead from it. */
	#learnSwap = false;
	readonly #schedule: Schedule;
	#planned: Planned | null = null;
	#cancelPlanned: (() => void) | null = null;
	/** The action last carried out: never planned again (it would be due at once, again and again). */
	#fired: Planned | null = null;
	/** Index of the segment shown: the engine's, or the next one when the follower moved ahead. */
	#segmentIndex = 0;
	/** What was last handed to surface.preload(). */
	#preloaded: { readonly id: string; readonly atMs: number } | null = null;
	/** Cancels a preload deferred until the clip just shown has started (PRELOAD_DEFER_MS). */
	#cancelPreload: (() => void) | null = null;
	/**
	 * The seek in flight was aimed this far ahead of its moment on purpose: its first frame
	 * shows that much early, which is not a slow seek to learn from.
	 */
	#learnMarginMs = 0;
	/** The next frame is the first after a seek made while playing: learn the seek lead from it. */
	#learnLead = false;
	/** Seeks in a row that landed off (see MAX_RESEEKS). */
	#reseeks = 0;
	/** One frame of the clip shown (ms of media time), learned from consecutive frames. */
	#frameMs = LOOP_LOOKAHEAD_MS;
	#lastMediaMs: number | null = null;
	readonly #cadence = new FrameCadence();
	/** Drift over the last few frames of this run of playback: what the rate is corrected by. */
	readonly #average = new CadenceAverage();
	/**
	 * A clip was just put in front: its first measured frame is a discontinuity. Loaded from
	 * scratch it is late by the loading time; preloaded, by however long the paused element
	 * took to start moving (measured here: up to 300 ms).
	 */
	#alignFirstFrame = false;
	/** The element said `waiting` and has not recovered. */
	#waiting = false;
	/** We told the engine the media stalled. */
	#stallReported = false;
	#graceTimer: ReturnType<typeof setTimeout> | undefined;
	#giveUpTimer: ReturnType<typeof setTimeout> | undefined;
	#destroyed = false;

	constructor(engine: SessionEngine, surface: VideoSurface, resolve: ClipResolver, options: VideoFollowerOptions = {}) {
		this.#engine = engine;
		this.#surface = surface;
		this.#resolve = resolve;
		this.#graceMs = options.bufferingGraceMs ?? BUFFERING_GRACE_MS;
		this.#giveUpMs = options.stallGiveUpMs ?? STALL_GIVE_UP_MS;
		this.#seekLeadMs = options.initialSeekLeadMs ?? INITIAL_SEEK_LEAD_MS;
		this.#startLeadMs = options.initialStartLeadMs ?? INITIAL_START_LEAD_MS;
		this.#swapLeadMs = options.initialSwapLeadMs ?? options.initialStartLeadMs ?? INITIAL_START_LEAD_MS;
		this.#schedule = options.schedule ?? scheduleTimeout;
		this.#drift = options.recordDrift === false ? null : new DriftSampleLog(options.driftSampleCapacity);
		// Exercise clips carry no sound: the voice and the cues are the audio.
		surface.muted = true;
		this.#unsubscribe = [
			engine.on('segment', (e) => this.#onSegment(e)),
			engine.on('state', (e) => this.#onState(e)),
			// The position moved or the segments did: a timer set for the old ones is off.
			engine.on('seek', () => this.#plan(true)),
			engine.on('timeline', () => this.#plan(true)),
			surface.on((e) => this.#onSurface(e)),
			surface.onFrame((f) => this.#onFrame(f))
		];
		// Show (paused) or prepare the first clip before the person presses start.
		this.#enter(engine.segment, true);
		if (isRunning(engine.state)) surface.play();
		this.#plan();
	}

	get status(): VideoFollowerStatus {
		return this.#status;
	}

	/** Called with the new status whenever it changes; returns an unsubscribe function. */
	onStatus(listener: (status: VideoFollowerStatus) => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	/** Drift (ms, positive: video ahead) of each displayed frame while playing, oldest first. */
	driftSamples(): number[] {
		return this.#drift?.toArray() ?? [];
	}

	/** The same samples with the position, rate and discontinuity each was measured at (for the benchmark). */
	driftRecords(): DriftRecord[] {
		return this.#drift?.records() ?? [];
	}

	clearDriftSamples(): void {
		this.#drift?.clear();
	}

	/** How far ahead a seek while playing aims, to land on time despite its own latency. */
	get seekLeadMs(): number {
		return this.#seekLeadMs;
	}

	/** How far ahead of a boundary the prepared clip is swapped in and started. */
	get swapLeadMs(): number {
		return this.#swapLeadMs;
	}

	/** How far ahead of a boundary a paused element is started, to be moving when it comes. */
	get startLeadMs(): number {
		return this.#startLeadMs;
	}

	destroy(): void {
		if (this.#destroyed) return;
		this.#destroyed = true;
		for (const off of this.#unsubscribe) off();
		this.#unplan();
		this.#cancelDeferredPreload();
		// Do not leave a solo session frozen on a video that is no longer followed.
		this.#clearStall();
		this.#listeners.clear();
	}

	// ── engine events ────────────────────────────────────────────────────────────

	#onSegment(e: SegmentEvent): void {
		// Several boundaries can be reported in one tick; only the last one is on screen.
		if (e.index !== this.#engine.segment.index) return;
		this.#enter(e.segment, e.jump !== null);
		this.#plan();
	}

	#onState(e: StateEvent): void {
		const surface = this.#surface;
		switch (e.to) {
			case 'count-in':
			case 'playing':
				if (this.#following) {
					// Starting or resuming is a discontinuity: line up before moving. The end of the
					// count-in is not: the clock runs straight on, and so does the clip.
					if (e.from !== 'count-in') this.#sync(true);
					surface.play();
				}
				break;
			case 'buffering':
				// Keep the element loading and ready to go: its `playing` ends the wait.
				if (this.#following) surface.play();
				break;
			case 'paused':
				surface.pause();
				// Put the still frame exactly where the clock stopped.
				if (this.#following) this.#sync(true);
				break;
			case 'finished':
			case 'stopped':
				surface.pause();
				this.#clearStall(false);
				break;
			case 'ready':
				break;
		}
		this.#plan();
	}

	// ── surface events ───────────────────────────────────────────────────────────

	#onSurface(e: VideoSurfaceEvent): void {
		if (e.type === 'error') {
			this.#failed.add(e.clip);
			if (this.#status.clip === e.clip && this.#status.display === 'video') this.#fail(VIDEO_FAULT_MESSAGE);
			return;
		}
		const following = this.#following;
		if (!following || e.clip !== following.clip.id) return;
		switch (e.type) {
			case 'waiting':
				this.#stalled();
				break;
			case 'playing':
			case 'canplay':
				// The session resumes at the position where it stopped; the video is lined
				// up again when the engine's state event says it is playing.
				this.#clearStall();
				break;
			case 'ended':
				// Played to the clip's end without a native loop: back into the window. No
				// frames come after `ended`, so this cannot wait for the drift check.
				if (isRunning(this.#engine.state)) {
					this.#seek(following);
					this.#surface.play();
				}
				break;
			case 'seeked':
				break;
		}
	}

	#onFrame(frame: VideoFrame): void {
		const following = this.#following;
		const surface = this.#surface;
		if (!following || !isRunning(this.#engine.state) || surface.seeking || surface.clip !== following.clip.id) return;
		// Compare with where the clock will be when this frame is on screen.
		const positionMs = this.#engine.position + frame.displayDelayMs;
		this.#cadence.note(positionMs);
		const timeline = this.#engine.timeline;
		const segment = timeline.segments[segmentIndexAt(timeline, positionMs)] as Segment;
		// The frame is already in a segment with another clip: its segment event swaps it.
		if (segment.video?.clip !== following.clip.id) return;
		// The clock crossed into the next segment of the same clip before its event: the clip
		// starts over there, which is a discontinuity. Only forwards: a frame placed a few ms
		// before a boundary the follower already moved past (display delays differ from frame
		// to frame) belongs to the new segment, not back to the old one.
		const crossed = segment.startMs > following.segmentStartMs;
		if (crossed) this.#retarget(following, segment);
		const afterSeek = this.#learnLead;
		const boundary = crossed || this.#alignFirstFrame;
		this.#alignFirstFrame = false;
		const expected = expectedOf(following, positionMs);
		const actual = frame.mediaTime * 1000;
		this.#learnFrameDuration(actual);
		const drift = clipDriftMs(actual, expected, following.window);
		this.#drift?.push(drift, positionMs, surface.playbackRate / this.#baseRate, afterSeek || boundary);
		// The frames before a discontinuity say nothing about the video after it.
		if (afterSeek || boundary) this.#average.clear();
		const averaged = this.#average.push(drift);
		if (afterSeek) {
			this.#learnLead = false;
			this.#seekLeadMs = nextSeekLeadMs(this.#seekLeadMs, drift - this.#learnMarginMs);
			this.#learnMarginMs = 0;
		}
		if (this.#learnSwap && boundary) {
			this.#learnSwap = false;
			this.#swapLeadMs = nextSeekLeadMs(this.#swapLeadMs, drift, MAX_SWAP_LEAD_MS);
		}
		if (this.#learnStart && boundary) {
			this.#learnStart = false;
			this.#startLeadMs = nextSeekLeadMs(this.#startLeadMs, drift);
		}
		if (standsStill(following, positionMs + this.#lookaheadMs)) {
			// The part has reached its end pose (or a rest its start pose): hold it there.
			this.#hold(following, positionMs);
			// Held, the element needs starting at the next boundary, not only a rate.
			this.#plan();
			return;
		}
		// A seek that missed is tried again rather than nudged for seconds, a few times.
		const missedLanding = afterSeek && this.#reseeks < MAX_RESEEKS && Math.abs(drift) >= RESEEK_MS;
		this.#reseeks = missedLanding ? this.#reseeks + 1 : 0;
		// At a boundary the one frame is all there is, and a frame a seek's worth off is a jump,
		// not cadence; otherwise the rate follows the average over the cadence.
		const judged = boundary || Math.abs(drift) >= DRIFT_SEEK_MS ? drift : averaged;
		const action = correctDrift(judged, { rate: surface.playbackRate / this.#baseRate, boundary });
		this.#apply(missedLanding ? { kind: 'seek' } : action);
		// The clock's rate against the wall is not exactly 1: aim the planned action again.
		this.#plan();
	}

	#learnFrameDuration(mediaMs: number): void {
		const last = this.#lastMediaMs;
		this.#lastMediaMs = mediaMs;
		if (last === null) return;
		const step = mediaMs - last;
		if (step > 1 && step <= MAX_FRAME_MS) this.#frameMs = step;
	}

	/**
	 * How close to a loop or segment end a seek back to the in point is made: at the last
	 * frame before it, so one frame or the longest recent gap between frames, whichever is
	 * more. Any later and the frames after the boundary show the end of the old loop.
	 */
	get #lookaheadMs(): number {
		return Math.max(LOOP_LOOKAHEAD_MS, this.#frameMs + 1, this.#cadence.gapMs + 1);
	}

	// ── following ────────────────────────────────────────────────────────────────

	/**
	 * Show what `segment` needs, at the clock's position (or, moving ahead of a boundary, as
	 * of `positionMs`); `jump`: the position jumped.
	 */
	#enter(segment: Segment, jump: boolean, positionMs = this.#engine.position): void {
		this.#segmentIndex = segment.index;
		const ref = segment.video;
		if (!ref) {
			this.#following = null;
			this.#clearStall();
			this.#surface.hide();
			this.#setStatus(HIDDEN);
			this.#preloadAfter(segment.index, null);
			return;
		}
		const clip = this.#resolve(ref.clip);
		if (!clip || this.#failed.has(ref.clip)) {
			this.#following = null;
			this.#clearStall();
			this.#surface.hide();
			this.#setStatus({ display: 'poster', clip: ref.clip, poster: clip?.poster ?? null, fault: VIDEO_FAULT_MESSAGE, buffering: false });
			this.#preloadAfter(segment.index, ref.clip);
			return;
		}
		const current = this.#following;
		if (current && current.clip.id === clip.id && this.#surface.clip === clip.id) {
			// Same clip: it starts over at this segment; seek unless it is already there, or
			// unless a frame noticed the boundary first and already did.
			if (jump || current.segmentStartMs !== segment.startMs) {
				this.#retarget(current, segment);
				this.#sync(true);
			}
			// (Unless a preload waits for this clip's start: the engine's segment event for the
			// boundary the follower already moved past must not bring it forward.)
			if (!this.#cancelPreload) this.#preloadAfter(segment.index, clip.id);
		} else {
			this.#show(clip, segment, positionMs);
			this.#preloadSoon(segment.index, clip.id, positionMs);
		}
	}

	/** Load (or swap to) a clip other than the one on screen, at its place for `positionMs`. */
	#show(clip: ResolvedClip, segment: Segment, positionMs: number): void {
		const ref = segment.video;
		if (!ref) return;
		this.#clearStall();
		const following = followingOf(clip, segment);
		this.#following = following;
		const surface = this.#surface;
		// A preloaded clip already waits at its in point with that frame decoded. When the
		// clock is only just past the boundary, take it as it is: a tiny seek would cost a
		// decode from the keyframe, and the first frames' drift is nudged away instead.
		let atMs = expectedOf(following, Math.max(positionMs, segment.startMs));
		const preloaded = this.#preloaded?.id === clip.id ? this.#preloaded : null;
		if (preloaded && Math.abs(atMs - preloaded.atMs) < BOUNDARY_SEEK_MS) atMs = preloaded.atMs;
		this.#preloaded = null;
		// Line the first frame up with a seek if it is off: loading, or starting the paused
		// element, made it late, and nudging that away takes seconds.
		this.#alignFirstFrame = true;
		surface.load(clip, atMs / 1000);
		// After load: these belong to the element now in front.
		surface.playbackRate = following.plan?.rate ?? 1;
		surface.loop = following.plan !== null || coversWholeClip(following.window, clip.durationMs);
		surface.mirrored = mirroredFor(segment, clip);
		this.#learnLead = false;
		this.#reseeks = 0;
		this.#lastMediaMs = null;
		this.#cadence.break();
		this.#average.clear();
		this.#setStatus({ display: 'video', clip: clip.id, poster: clip.poster, fault: null, buffering: false });
		if (isRunning(this.#engine.state) && !standsStill(following, Math.max(positionMs, segment.startMs))) surface.play();
		else surface.pause();
	}

	#retarget(following: Following, segment: Segment): void {
		following.segmentStartMs = segment.startMs;
		// Two exercises may share a clip with different in and out points, and each phase has its part.
		if (segment.video) Object.assign(following, targetOf(segment, following.clip));
		const surface = this.#surface;
		surface.loop = following.plan !== null || coversWholeClip(following.window, following.clip.durationMs);
		surface.playbackRate = this.#baseRate;
		surface.mirrored = mirroredFor(segment, following.clip);
		// Out of a held pose into a phase that moves: start the element again.
		if (isRunning(this.#engine.state) && surface.paused && !standsStill(following, segment.startMs)) {
			this.#alignFirstFrame = true;
			surface.play();
		}
	}

	/** The playback rate of the part being shown (1 outside parts); drift nudges are relative to it. */
	get #baseRate(): number {
		return this.#following?.plan?.rate ?? 1;
	}

	/** Stop on the pose the segment holds (a part's end, a rest's start) until the next segment. */
	#hold(following: Following, positionMs: number): void {
		const surface = this.#surface;
		if (surface.paused) return;
		surface.pause();
		// The last frame of the part, not the first of the next one.
		const at = following.plan ? following.plan.toMs - 1 : expectedOf(following, positionMs);
		surface.seek(Math.max(0, at) / 1000);
		this.#lastMediaMs = null;
		this.#cadence.break();
		this.#average.clear();
	}

	/** Compare the element's time with the clock now, and correct as drift.ts says. */
	#sync(boundary: boolean): void {
		const following = this.#following;
		if (!following) return;
		if (this.#surface.seeking) {
			// Running, the frames after the seek get measured; stopped, no frames come, so
			// aim the seek in flight at the exact still frame.
			if (!isRunning(this.#engine.state)) this.#seek(following);
			return;
		}
		const expected = expectedOf(following, this.#engine.position);
		const drift = clipDriftMs(this.#surface.currentTime * 1000, expected, following.window);
		this.#apply(correctDrift(drift, { rate: this.#surface.playbackRate / this.#baseRate, boundary }));
	}

	#apply(action: DriftAction): void {
		if (action.kind === 'rate') this.#surface.playbackRate = action.rate * this.#baseRate;
		else if (action.kind === 'seek' && this.#following) this.#seek(this.#following);
	}

	#seek(following: Following): void {
		const running = isRunning(this.#engine.state);
		let positionMs = this.#engine.position + (running ? this.#seekLeadMs : 0);
		if (running && !this.#surface.loop && loopLengthMs(following.window) > 0) {
			// Landing within a frame of an out point would show frames past it: aim at the wrap.
			const untilWrap = following.window.endMs - expectedOf(following, positionMs);
			if (untilWrap <= this.#lookaheadMs) positionMs += untilWrap;
		}
		this.#seekAt(following, positionMs, running);
	}

	/**
	 * Seek to the clip time for session position `positionMs`; `learn`: take the seek lead
	 * from the first frame after it, less `aimedEarlyMs` it was aimed early on purpose.
	 */
	#seekAt(following: Following, positionMs: number, learn: boolean, aimedEarlyMs = 0): void {
		this.#surface.playbackRate = this.#baseRate;
		// Before its segment the clip time would wrap to the end of the loop; the clip starts
		// at its in point when the segment does.
		const at = Math.max(positionMs, following.segmentStartMs);
		this.#surface.seek(expectedOf(following, at) / 1000);
		this.#lastMediaMs = null;
		this.#cadence.break();
		this.#average.clear();
		this.#learnLead = learn;
		this.#learnMarginMs = aimedEarlyMs;
	}

	// ── planned actions ──────────────────────────────────────────────────────────

	/**
	 * (Re)schedule the next thing the element must do on time, or nothing when stopped;
	 * `force`: the position jumped, so a timer already set counts down to the wrong moment.
	 */
	#plan(force = false): void {
		let next = this.#destroyed ? null : this.#nextAction();
		const fired = this.#fired;
		if (next && fired && next.kind === fired.kind && Math.abs(next.atMs - fired.atMs) < 1) next = null;
		const had = this.#planned;
		if (!force && next && had && next.kind === had.kind && next.atMs === had.atMs && Math.abs(next.fireMs - had.fireMs) <= REPLAN_MS) return;
		this.#unplan();
		if (!next) return;
		this.#planned = next;
		// By the clock, not the position: during the engine's start lead the position waits at
		// the start while the clock runs towards it.
		const delayMs = Math.max(0, next.fireMs - this.#engine.clockPosition);
		this.#cancelPlanned = this.#schedule(() => this.#fire(next), delayMs);
	}

	#unplan(): void {
		this.#cancelPlanned?.();
		this.#cancelPlanned = null;
		this.#planned = null;
	}

	#nextAction(): Planned | null {
		if (!isRunning(this.#engine.state)) return null;
		const segments = this.#engine.timeline.segments;
		const current = segments[this.#segmentIndex];
		if (!current) return null;
		const positionMs = this.#engine.position;
		const following = this.#following;
		// The wrap just made, while the clock has not reached it yet, is done: the one after.
		const fired = this.#fired;
		const doneMs = fired?.kind === 'wrap' ? fired.atMs : null;
		const wrapMs = following ? this.#nextWrapMs(following, positionMs, current.endMs, doneMs) : null;
		const next = segments[current.index + 1];
		const leadMs = next ? this.#boundaryLeadMs(next) : null;
		if (next && leadMs !== null && (wrapMs === null || next.startMs <= wrapMs)) {
			return { kind: 'boundary', atMs: next.startMs, fireMs: next.startMs - leadMs };
		}
		if (wrapMs !== null) return { kind: 'wrap', atMs: wrapMs, fireMs: wrapMs - this.#seekLeadMs };
		return null;
	}

	/**
	 * Session position at which the loop being played next goes round (the clip or the
	 * looping part back to its start), before `segmentEndMs`; null if it does not.
	 */
	#nextWrapMs(f: Following, positionMs: number, segmentEndMs: number, doneMs: number | null): number | null {
		let startMs: number;
		let periodMs: number;
		if (f.plan) {
			if (!(f.plan.loopMs > 0)) return null;
			startMs = f.plan.startMs;
			periodMs = f.plan.loopMs / f.plan.rate;
		} else {
			startMs = f.segmentStartMs;
			periodMs = loopLengthMs(f.window);
		}
		if (!(periodMs > 0)) return null;
		let turns = Math.max(1, Math.floor((positionMs - startMs) / periodMs) + 1);
		if (doneMs !== null && Math.abs(startMs + turns * periodMs - doneMs) < 1) turns++;
		const wrapMs = startMs + turns * periodMs;
		// A loop going round at the segment's end is the boundary's business.
		return wrapMs < segmentEndMs - 1 ? wrapMs : null;
	}

	/**
	 * How far ahead of `next`'s start the follower acts for it, or null when the engine's
	 * segment event is soon enough (no clip, a still rest pose, a clip not yet prepared).
	 */
	#boundaryLeadMs(next: Segment): number | null {
		const ref = next.video;
		if (!ref || this.#failed.has(ref.clip)) return null;
		const following = this.#following;
		if (!following || following.clip.id !== ref.clip || this.#surface.clip !== ref.clip) {
			// Another clip: swap to it when prepared out of sight at the right frame.
			const clip = this.#resolve(ref.clip);
			if (!clip || this.#preloaded?.id !== clip.id) return null;
			const then = followingOf(clip, next);
			if (Math.abs(expectedOf(then, next.startMs) - this.#preloaded.atMs) >= 1) return null;
			return standsStill(then, next.startMs) ? null : this.#swapLeadMs;
		}
		const after = followingOf(following.clip, next);
		if (standsStill(after, next.startMs)) return null;
		const held = this.#surface.paused;
		if (this.#playsOn(following, after)) return held ? this.#startLeadMs : 0;
		return held ? Math.max(this.#seekLeadMs, this.#startLeadMs) : this.#seekLeadMs + this.#restartMarginMs(following, after, next.startMs);
	}

	/**
	 * How much earlier than its seek lead a clip starting over at `atMs` is aimed. Seeks land
	 * a few ms either side of their aim. Where the old pass stands far from the new start at
	 * the boundary (a hold that ends mid-loop into the next side, say), landing late leaves a
	 * frame of a pose seconds away on screen after it (bench:sync: one frame 2.4 s off at a
	 * side switch), so it is aimed half a frame early: the start pose shows that much before
	 * its time. Where the old pass ends where the new one starts (a part ending at the clip's
	 * end, a loop), a late landing costs nothing and it is aimed on time.
	 */
	#restartMarginMs(before: Following, after: Following, atMs: number): number {
		const whole = { inMs: 0, endMs: before.clip.durationMs };
		const gapMs = clipDriftMs(expectedOf(before, atMs - 1), expectedOf(after, atMs), whole);
		return Math.abs(gapMs) > RESEEK_MS ? this.#frameMs / 2 : 0;
	}

	/** The part after a boundary starts where the one before ends in the clip: no seek, only its rate. */
	#playsOn(before: Following, after: Following): boolean {
		if (!before.plan || !after.plan || before.plan.loopMs > 0) return false;
		return Math.abs(before.plan.toMs - after.plan.fromMs) <= this.#frameMs + 1;
	}

	#fire(planned: Planned): void {
		this.#cancelPlanned = null;
		this.#planned = null;
		if (this.#destroyed || !isRunning(this.#engine.state)) return;
		// Early (the clock was held or moved since the timer was set): aim again.
		if (this.#engine.clockPosition < planned.fireMs - REPLAN_MS) {
			this.#plan(true);
			return;
		}
		this.#fired = planned;
		const following = this.#following;
		if (planned.kind === 'wrap') {
			if (following && !this.#surface.seeking) {
				const positionMs = this.#engine.position;
				if (positionMs <= planned.fireMs + this.#frameMs) {
					this.#seekAt(following, planned.atMs + 0.5, true);
				} else {
					// Late (a busy main thread): unless a frame already had it sent round, aim at
					// where the clock is when the seek lands.
					const drift = clipDriftMs(this.#surface.currentTime * 1000, expectedOf(following, positionMs), following.window);
					if (Math.abs(drift) >= BOUNDARY_SEEK_MS) this.#seek(following);
				}
			}
		} else {
			this.#enterAhead(planned.atMs);
		}
		this.#plan();
	}

	/** Move on to the segment starting at `startMs` a lead before the engine does. */
	#enterAhead(startMs: number): void {
		const segments = this.#engine.timeline.segments;
		const next = segments[this.#segmentIndex + 1];
		if (!next || next.startMs !== startMs) return;
		const following = this.#following;
		const ref = next.video as NonNullable<Segment['video']>;
		if (!following || following.clip.id !== ref.clip) {
			this.#enter(next, false, startMs);
			this.#learnSwap = this.#surface.clip === ref.clip;
			return;
		}
		this.#segmentIndex = next.index;
		const held = this.#surface.paused;
		const after = followingOf(following.clip, next);
		const playsOn = this.#playsOn(following, after);
		// A held element already on the new phase's first frame (a rest's start pose into the
		// first phase) only needs starting.
		const onFrame = held && Math.abs(this.#surface.currentTime * 1000 - expectedOf(after, startMs)) <= this.#frameMs / 2;
		// Measured before #retarget moves `following` on to the new segment.
		const marginMs = held ? 0 : this.#restartMarginMs(following, after, startMs);
		this.#retarget(following, next);
		if (!playsOn && !onFrame) this.#seekAt(following, startMs + 0.5, !held, marginMs);
		this.#learnStart = held;
	}

	/**
	 * Prepare the clip after `index` once the one just put in front is moving: PRELOAD_DEFER_MS
	 * from now while running, but never later than PRELOAD_READY_MS before it is needed.
	 */
	#preloadSoon(index: number, currentClip: string, positionMs: number): void {
		this.#cancelDeferredPreload();
		const neededMs = nextClipChange(this.#engine.timeline.segments, index, currentClip)?.startMs ?? Infinity;
		const delayMs = isRunning(this.#engine.state) ? Math.min(PRELOAD_DEFER_MS, neededMs - PRELOAD_READY_MS - positionMs) : 0;
		if (!(delayMs > 0)) {
			this.#preloadAfter(index, currentClip);
			return;
		}
		this.#preloaded = null;
		this.#cancelPreload = this.#schedule(() => {
			this.#cancelPreload = null;
			if (!this.#destroyed && this.#following?.clip.id === currentClip) this.#preloadAfter(this.#segmentIndex, currentClip);
		}, delayMs);
	}

	#cancelDeferredPreload(): void {
		this.#cancelPreload?.();
		this.#cancelPreload = null;
	}

	/** Prepare the first clip after segment `index` that differs from `currentClip`. */
	#preloadAfter(index: number, currentClip: string | null): void {
		this.#cancelDeferredPreload();
		const ref = nextClipChange(this.#engine.timeline.segments, index, currentClip)?.video;
		const clip = ref && !this.#failed.has(ref.clip) ? this.#resolve(ref.clip) : null;
		// Played into, a segment starts its clip at the in point.
		const next = ref && clip ? { clip, atMs: clipWindow(ref, clip.durationMs).inMs } : null;
		const had = this.#preloaded;
		if (had?.id === next?.clip.id && had?.atMs === next?.atMs) return;
		this.#preloaded = next && { id: next.clip.id, atMs: next.atMs };
		this.#surface.preload(next?.clip ?? null, (next?.atMs ?? 0) / 1000);
	}

	/** The clip cannot be shown: its poster and a plain notice stand in; the clock goes on. */
	#fail(message: string): void {
		this.#following = null;
		this.#clearStall();
		this.#surface.hide();
		this.#setStatus({ ...this.#status, display: 'poster', fault: message, buffering: false });
	}

	// ── stalls ───────────────────────────────────────────────────────────────────

	#stalled(): void {
		const state = this.#engine.state;
		if (this.#waiting || !(isRunning(state) || state === 'buffering')) return;
		this.#waiting = true;
		this.#graceTimer = setTimeout(() => {
			this.#graceTimer = undefined;
			this.#stallReported = true;
			this.#setStatus({ ...this.#status, buffering: true });
			// A class session's engine declines: the room does not wait for one device.
			this.#engine.setBuffering(true);
		}, this.#graceMs);
		this.#giveUpTimer = setTimeout(() => {
			this.#giveUpTimer = undefined;
			this.#fail(VIDEO_STALL_MESSAGE);
		}, this.#giveUpMs);
	}

	/** Forget any stall; `release`: tell the engine, if it was told, to stop waiting. */
	#clearStall(release = true): void {
		const reported = this.#stallReported;
		this.#cancelStallTimers();
		this.#waiting = false;
		this.#stallReported = false;
		if (this.#status.buffering) this.#setStatus({ ...this.#status, buffering: false });
		if (release && reported) this.#engine.setBuffering(false);
	}

	#cancelStallTimers(): void {
		if (this.#graceTimer !== undefined) clearTimeout(this.#graceTimer);
		if (this.#giveUpTimer !== undefined) clearTimeout(this.#giveUpTimer);
		this.#graceTimer = undefined;
		this.#giveUpTimer = undefined;
	}

	#setStatus(next: VideoFollowerStatus): void {
		const s = this.#status;
		if (
			s.display === next.display &&
			s.clip === next.clip &&
			s.poster === next.poster &&
			s.fault === next.fault &&
			s.buffering === next.buffering
		) {
			return;
		}
		this.#status = next;
		for (const listener of this.#listeners) listener(next);
	}
}
