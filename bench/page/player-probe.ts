/**
 * Evaluated in the player page once `window.__limber` (the `&bench` hook) is there: records
 * the engine's events with the page's clocks as they happen, and gives the bench
 * simultaneous clock readings, the video follower's drift samples, and the scheduler's log.
 */
import type { Clock } from '$lib/playback/clock';
import type { SessionEngine } from '$lib/playback/engine';
import type { DriftRecord } from '$lib/media/drift';
import type { PlayerMedia } from '$lib/media/player-media.svelte';
import type { ClockSample, CueEventRecord, LongTask, OutputStampRecord, PhaseFrameRecord, PlayerReport, StateEventRecord } from '../sync/types';

interface LimberHook {
	readonly engine: SessionEngine;
	readonly clock: Clock;
	readonly media: PlayerMedia;
}

interface HowlerGlobal {
	readonly ctx: AudioContext | null;
	readonly masterGain: GainNode | null;
}

interface BenchTapLike {
	ctxIdOf(ctx: BaseAudioContext): number;
}

type PageWindow = Window & { __limber: LimberHook; Howler?: HowlerGlobal; __benchTap: BenchTapLike };

const w = window as unknown as PageWindow;
const { engine, clock, media } = w.__limber;
const cueEvents: CueEventRecord[] = [];
const stateEvents: StateEventRecord[] = [];
const otherEvents: string[] = [];
const longTasks: LongTask[] = [];
const outputStamps: OutputStampRecord[] = [];
const phaseFrames: PhaseFrameRecord[] = [];
const seeks: { perfMs: number; toMs: number }[] = [];

// The first frame each phase shows, from the video elements themselves (both players of the
// surface; only the one in front counts): how far it is from the phase's first frame is a
// figure of its own. Elements are looked for until they exist.
const watched = new WeakSet<HTMLVideoElement>();
const seenSegments = new Set<number>();
function watchVideos(): void {
	for (const v of document.querySelectorAll<HTMLVideoElement>('[data-testid="video-host"] video')) {
		if (watched.has(v)) continue;
		watched.add(v);
		const onFrame = (_now: number, meta: VideoFrameCallbackMetadata): void => {
			// The surface shows a player by its root's opacity; the root is the element around the
			// video (video.js's core build gives it no class to look for).
			const front = getComputedStyle(v.parentElement ?? v).opacity === '1';
			const positionMs = engine.position + (meta.expectedDisplayTime - performance.now());
			const segs = engine.timeline.segments;
			let seg = segs[0];
			for (const s of segs) if (s.startMs <= positionMs) seg = s;
			if (front && seg?.video?.part && !seenSegments.has(seg.index) && positionMs >= seg.startMs && (engine.state === 'playing' || engine.state === 'count-in')) {
				seenSegments.add(seg.index);
				phaseFrames.push({ segmentIndex: seg.index, clip: seg.video.clip, part: seg.video.part, segmentStartMs: seg.startMs, segmentEndMs: seg.endMs, positionMs, mediaMs: meta.mediaTime * 1000 });
			}
			v.requestVideoFrameCallback(onFrame);
		};
		v.requestVideoFrameCallback(onFrame);
	}
}
watchVideos();
setInterval(watchVideos, 500);

// The wall time of an onset is its audio time mapped through the output timestamp nearest
// to it. The audio clock loses time at every underrun, so a stamp taken seconds away would
// put a 10 ms underrun between stamp and onset into the cue's error. Read one every few ms
// and keep those on either side of each move of the mapping, plus one a second.
const STAMP_EVERY_MS = 5;
const STAMP_MOVED_MS = 0.25;
let newest: OutputStampRecord | null = null;
const offsetOf = (s: OutputStampRecord) => s.perfMs - s.contextSec * 1000;
setInterval(() => {
	const out = w.Howler?.ctx?.getOutputTimestamp?.();
	if (out?.contextTime === undefined || out.performanceTime === undefined || !(out.contextTime > 0)) return;
	const stamp = { contextSec: out.contextTime, perfMs: out.performanceTime };
	const kept = outputStamps[outputStamps.length - 1];
	if (!kept || Math.abs(offsetOf(stamp) - offsetOf(kept)) >= STAMP_MOVED_MS) {
		// The last reading before the move bounds it from the other side.
		if (kept && newest && newest !== kept) outputStamps.push(newest);
		outputStamps.push(stamp);
	} else if (stamp.perfMs - kept.perfMs >= 1000) {
		outputStamps.push(stamp);
	}
	newest = stamp;
}, STAMP_EVERY_MS);

// A late tick means the main thread was busy: long tasks say when and for how long.
try {
	new PerformanceObserver((list) => {
		for (const e of list.getEntries()) longTasks.push({ startMs: e.startTime, durationMs: e.duration });
	}).observe({ type: 'longtask', buffered: true });
} catch {
	// Not supported: the report simply has none.
}

engine.onAny((e) => {
	// Read the clocks first, in the same turn as the event: this is when the engine noticed.
	const perfMs = performance.now();
	const clockMs = clock.now();
	switch (e.type) {
		case 'cue':
			cueEvents.push({ cueId: e.cue.id, kind: e.cue.kind, atMs: e.atMs, lateMs: e.lateMs, perfMs });
			break;
		case 'state':
			// The clock's position: during the start lead it is still before where the session starts,
			// so Start's due times are placed from it.
			stateEvents.push({ from: e.from, to: e.to, atMs: e.atMs, perfMs, clockMs, positionMs: engine.clockPosition });
			break;
		case 'seek':
			seeks.push({ perfMs, toMs: e.atMs });
			otherEvents.push(`${e.type}@${e.atMs}`);
			break;
		case 'timeline':
			otherEvents.push(`${e.type}@${e.atMs}`);
			break;
		default:
			break;
	}
});

const probe = {
	sample(): ClockSample {
		const ctx = w.Howler?.ctx ?? null;
		const out = ctx?.getOutputTimestamp?.();
		return {
			perfMs: performance.now(),
			clockMs: clock.now(),
			positionMs: engine.position,
			audioSec: ctx?.currentTime ?? null,
			output: out?.contextTime !== undefined && out.performanceTime !== undefined ? { contextSec: out.contextTime, perfMs: out.performanceTime } : null,
			state: engine.state,
			visibility: document.visibilityState
		};
	},
	/** Drift samples since the last call (the follower keeps only a few minutes of them). */
	takeDrift(): DriftRecord[] {
		const follower = media.follower;
		if (!follower) return [];
		const samples = follower.driftRecords();
		follower.clearDriftSamples();
		return samples;
	},
	report(): PlayerReport {
		const ctx = w.Howler?.ctx ?? null;
		return {
			durationMs: engine.timeline.durationMs,
			cues: engine.timeline.cues.map((c) => ({ id: c.id, kind: c.kind, atMs: c.atMs })),
			scheduleLog: media.scheduleLog.map((r) => ({ ...r })),
			cueEvents: [...cueEvents],
			stateEvents: [...stateEvents],
			otherEvents: [...otherEvents],
			howlerCtxId: ctx ? w.__benchTap.ctxIdOf(ctx) : null,
			longTasks: [...longTasks],
			outputStamps: [...outputStamps],
			realignments: media.realignments.map((m) => ({ ...m })),
			phaseFrames: [...phaseFrames],
			seeks: [...seeks]
		};
	}
};

Object.assign(window, { __benchPlayer: probe });
