/**
 * Data that crosses from the page scripts (bench/page/*) to the bench in Node. Types only:
 * the page scripts import them with `import type`, which transpiling erases, so they stay
 * self-contained scripts.
 */

/** Settings of the onset detector, shared by the tap and the lead-in measurement. */
export interface TapConfig {
	/** An absolute sample value at or above this is sound (0.01 is −40 dBFS). */
	readonly thresholdAmp: number;
	/** Quiet this long ends a sound; a new onset is only reported after it. */
	readonly minSilenceSec: number;
	/** Source of the AudioWorklet module (bench/page/onset-tap.worklet.ts, transpiled). */
	readonly workletSource: string;
}

/** One stretch of sound seen at the tap, in AudioContext seconds (frame / sampleRate). */
export interface TapSegment {
	readonly onsetSec: number;
	/** Just after the last loud sample; null if the sound was still going at the flush. */
	readonly offsetSec: number | null;
	readonly peak: number;
}

/** A call of AudioBufferSourceNode.start() seen by the page hook. */
export interface SourceStart {
	readonly sourceId: number;
	readonly ctxId: number;
	/** The `when` argument (0 or absent means "now"). */
	readonly whenSec: number;
	/** context.currentTime at the call. */
	readonly calledAtSec: number;
	readonly durationSec: number;
	/** First sample of the buffer at or above the tap threshold; null for a silent buffer. */
	readonly leadInSec: number | null;
}

/** A call of AudioBufferSourceNode.stop(): a source stopped before it sounds is silent. */
export interface SourceStop {
	readonly sourceId: number;
	readonly whenSec: number;
	readonly calledAtSec: number;
}

export interface TapReport {
	readonly installed: boolean;
	readonly ctxId: number | null;
	readonly sampleRate: number | null;
	readonly segments: readonly TapSegment[];
	readonly starts: readonly SourceStart[];
	readonly stops: readonly SourceStop[];
	/** Loudest sample seen during silences: shows how far the threshold is above the floor. */
	readonly noiseFloor: number;
}

/** The cue scheduler's record (src/lib/media/cue-scheduler.ts CueScheduleRecord), as JSON. */
export interface ScheduleRecord {
	readonly cueId: string;
	readonly kind: string;
	readonly part: 'sound' | 'voice';
	readonly dueAudioSec: number;
	readonly scheduledAudioSec: number | null;
	readonly dropped?: true;
	readonly reason?: string;
}

export interface CueEventRecord {
	readonly cueId: string;
	readonly kind: string;
	readonly atMs: number;
	readonly lateMs: number;
	readonly perfMs: number;
}

export interface StateEventRecord {
	readonly from: string;
	readonly to: string;
	readonly atMs: number;
	readonly perfMs: number;
	readonly clockMs: number;
	/** The engine's clock position (SessionEngine.clockPosition): before the start during a start lead. */
	readonly positionMs: number;
}

/** One simultaneous reading of the page's clocks. */
export interface ClockSample {
	readonly perfMs: number;
	readonly clockMs: number;
	readonly positionMs: number;
	readonly audioSec: number | null;
	/**
	 * AudioContext.getOutputTimestamp(): a matched pair of audio and performance time from
	 * the audio output itself, free of the steps in which currentTime advances.
	 */
	readonly output: { readonly contextSec: number; readonly perfMs: number } | null;
	readonly state: string;
	readonly visibility: string;
}

/** A pause between two worker messages reaching the main thread (bench/page/tick-monitor.ts). */
export interface TickGap {
	/** When the message that ended the pause arrived (performance.now() ms). */
	readonly endMs: number;
	readonly gapMs: number;
}

export interface TickReport {
	readonly messages: number;
	readonly gaps: readonly TickGap[];
}

/** A main-thread task over 50 ms (PerformanceObserver 'longtask'): nothing else ran meanwhile. */
export interface LongTask {
	readonly startMs: number;
	readonly durationMs: number;
}

export interface TimelineCue {
	readonly id: string;
	readonly kind: string;
	readonly atMs: number;
}

export interface PlayerReport {
	readonly durationMs: number;
	readonly cues: readonly TimelineCue[];
	readonly scheduleLog: readonly ScheduleRecord[];
	readonly cueEvents: readonly CueEventRecord[];
	readonly stateEvents: readonly StateEventRecord[];
	/** Events that would move the timeline (seek, ±10 s); the bench makes none. */
	readonly otherEvents: readonly string[];
	readonly howlerCtxId: number | null;
	readonly longTasks: readonly LongTask[];
	/** getOutputTimestamp() pairs every few ms while visible (1 s hidden), compacted: see player-probe.ts. */
	readonly outputStamps: readonly OutputStampRecord[];
	/** Sounds the audio port moved after an underrun, before they started (WebAudioPort.realign). */
	readonly realignments: readonly { readonly fromSec: number; readonly toSec: number }[];
	/** The first displayed frame of each segment that shows a part of its clip (a phase). */
	readonly phaseFrames: readonly PhaseFrameRecord[];
	/** Requested jumps (seek, skip) by session position and wall time; the bench makes none. */
	readonly seeks: readonly { readonly perfMs: number; readonly toMs: number }[];
}

/** A phase's first displayed frame: read from the video element with requestVideoFrameCallback. */
export interface PhaseFrameRecord {
	readonly segmentIndex: number;
	readonly clip: string;
	readonly part: string;
	readonly segmentStartMs: number;
	readonly segmentEndMs: number;
	/** Session position at which the frame was displayed. */
	readonly positionMs: number;
	/** The frame's own media time. */
	readonly mediaMs: number;
}

/** One getOutputTimestamp() reading: this audio-context time left the output at this performance.now(). */
export interface OutputStampRecord {
	readonly contextSec: number;
	readonly perfMs: number;
}

/** A beep of the naive baseline: when its timer decided to play it. */
export interface BaselineBeep {
	readonly cueMs: number;
	readonly calledAtSec: number;
	readonly perfMs: number;
	/**
	 * How far the audio clock had fallen behind performance.now() since the countdown
	 * started (getOutputTimestamp), ms: the audio time of a wall-clock moment moves by it.
	 */
	readonly audioLossMs: number;
}

export interface BaselineReport {
	readonly t0Sec: number;
	readonly perf0Ms: number;
	readonly counter: number;
	readonly beeps: readonly BaselineBeep[];
	readonly cueMs: readonly number[];
}

/** Chromium's hidden-page timer policy, as reproduced in bench/page/hidden-policy.ts. */
export interface HiddenPolicyConfig {
	/** Hidden pages' timers wake up only on multiples of this. */
	readonly alignMs: number;
	/** After this long hidden, chained timers wake up only on multiples of intensiveAlignMs. */
	readonly intensiveAfterMs: number;
	readonly intensiveAlignMs: number;
	/** The chain (nesting) level from which intensive throttling applies. */
	readonly intensiveMinNesting: number;
}
