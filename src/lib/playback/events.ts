/**
 * What the session engine tells its followers (video, cue scheduler, UI, class hub).
 * Every event carries `atMs`, the session position it belongs to, never the wall time
 * at which a tick happened to notice it, so a follower can tell how late it is.
 */
import type { Cue, Segment, Timeline, TimelineStep } from '../routine/timeline';

export type EngineState = 'ready' | 'count-in' | 'playing' | 'paused' | 'buffering' | 'finished' | 'stopped';

/** The states in which the position moves with the clock. */
export type RunningState = 'count-in' | 'playing';

/** Why the position jumped instead of playing through. */
export type JumpCause = 'start' | 'seek' | 'next' | 'previous' | 'step';

export interface StateEvent {
	readonly type: 'state';
	readonly atMs: number;
	readonly from: EngineState;
	readonly to: EngineState;
}

export interface SegmentEvent {
	readonly type: 'segment';
	/** The segment's start when played into; the landing position after a jump. */
	readonly atMs: number;
	readonly index: number;
	readonly segment: Segment;
	/** Null when played into; followers must (re)load media when it is set. */
	readonly jump: JumpCause | null;
}

export interface StepEvent {
	readonly type: 'step';
	readonly atMs: number;
	readonly index: number;
	readonly step: TimelineStep;
	readonly jump: JumpCause | null;
}

export interface CueEvent {
	readonly type: 'cue';
	readonly atMs: number;
	/** Index into the engine's current timeline's cues. */
	readonly index: number;
	readonly cue: Cue;
	/** How far the position had already moved past the cue when it was emitted. */
	readonly lateMs: number;
}

export interface SeekEvent {
	readonly type: 'seek';
	/** The new position. */
	readonly atMs: number;
	readonly fromMs: number;
	readonly cause: Exclude<JumpCause, 'start'>;
}

/** The timeline changed under a running session (+10 s / −10 s): reschedule what is ahead. */
export interface TimelineEvent {
	readonly type: 'timeline';
	/** The position when the change was made. */
	readonly atMs: number;
	readonly timeline: Timeline;
	readonly segmentIndex: number;
	/** The change actually applied after clamping, in ms. */
	readonly deltaMs: number;
}

export type EngineEvent = StateEvent | SegmentEvent | StepEvent | CueEvent | SeekEvent | TimelineEvent;

export interface EngineEventMap {
	state: StateEvent;
	segment: SegmentEvent;
	step: StepEvent;
	cue: CueEvent;
	seek: SeekEvent;
	timeline: TimelineEvent;
}

export type EngineEventType = keyof EngineEventMap;

/** Enough to put a person back where they were after a reload. Plain data, JSON-safe. */
export interface EngineSnapshot {
	readonly state: EngineState;
	readonly positionMs: number;
	readonly stepIndex: number;
	readonly segmentIndex: number;
}

/** The position moves with the clock. */
export function isRunning(state: EngineState): boolean {
	return state === 'playing' || state === 'count-in';
}

/** Started and not over: running, paused, or waiting for its media. */
export function isUnderWay(state: EngineState): boolean {
	return isRunning(state) || state === 'paused' || state === 'buffering';
}
