/**
 * Where a person is in a session played from one continuous track, worked out from the
 * track's position alone: the step (a muscle group or a phase of the session) and the
 * segment, and where "previous" and "next" go. Pure, so the audio-first player can never
 * show a step that the audio is not at, and the rules match the engine's.
 */
import { segmentIndexAt, type Segment, type Timeline, type TimelineStep } from '../routine/timeline';
import { PREVIOUS_RESTARTS_AFTER_MS } from './engine';

export interface TrackPlace {
	readonly step: TimelineStep;
	readonly segment: Segment;
	/** Time left in the step. */
	readonly stepRemainingMs: number;
}

function clamp(timeline: Timeline, ms: number): number {
	return Math.min(Math.max(Number.isFinite(ms) ? ms : 0, 0), timeline.durationMs);
}

export function placeAt(timeline: Timeline, positionMs: number): TrackPlace {
	const pos = clamp(timeline, positionMs);
	const segment = timeline.segments[segmentIndexAt(timeline, pos)] as Segment;
	const step = timeline.steps[segment.stepIndex] as TimelineStep;
	return { step, segment, stepRemainingMs: Math.max(0, step.endMs - pos) };
}

/** The start of the next step, or null on the last one (the session just plays out). */
export function nextStepStart(timeline: Timeline, positionMs: number): number | null {
	const { step } = placeAt(timeline, positionMs);
	return timeline.steps[step.index + 1]?.startMs ?? null;
}

/** Like a music player: back to the start of this step, or to the previous one if just begun. */
export function previousStepStart(timeline: Timeline, positionMs: number): number {
	const pos = clamp(timeline, positionMs);
	const { step } = placeAt(timeline, pos);
	if (pos - step.startMs > PREVIOUS_RESTARTS_AFTER_MS) return step.startMs;
	return (timeline.steps[step.index - 1] ?? step).startMs;
}
