/**
 * Which moment of a clip a phase shows, when the clip has a part for it (tilt, relax;
 * round, hollow): the phase plays its part from start to end over the phase's length, so
 * the figure tilts while the voice says "tilt" and is back at rest when "relax" is over.
 * Pure arithmetic, shared by the video follower and its tests.
 *
 * A phase as long as its part plays it at its own speed. A longer phase plays it slower,
 * down to MIN_PART_RATE, and then holds the end pose for the rest (the follower stops the
 * element there). A shorter phase plays it faster, up to MAX_PART_RATE, and beyond that
 * cuts in later, so the part still ends on its end pose when the phase does.
 *
 * A looping part (a rhythmic movement: walking, kicking, swinging) has no end pose: the
 * phase repeats it a whole number of times, at the rate that makes them fit, so the figure
 * is back where it started when the phase ends and the next repetition plays straight on.
 */

export interface ClipPart {
	readonly inMs: number;
	readonly outMs: number;
	/** Repeat the part through the phase instead of playing it once (see above). */
	readonly loop?: boolean;
}

/** Slowest a part is played: slower reads as slow motion rather than a calm movement. */
export const MIN_PART_RATE = 0.5;
/** Fastest a part is played: faster than this looks hurried in a demonstration. */
export const MAX_PART_RATE = 1.6;

export interface PartPlan {
	/** Clip time (ms) at the phase's start. */
	readonly fromMs: number;
	/** Clip time (ms) where the part ends: its end pose. */
	readonly toMs: number;
	/** The element's playback rate through the part. */
	readonly rate: number;
	/** Session position (ms) of the phase's start. */
	readonly startMs: number;
	/** Session position (ms) of the phase's end. */
	readonly endMs: number;
	/** Length of the part (ms) when it loops through the phase; 0: it plays once. */
	readonly loopMs: number;
}

/** How a phase of `phaseMs` starting at `startMs` shows `part`. */
export function planPart(part: ClipPart, startMs: number, phaseMs: number): PartPlan {
	const length = Math.max(0, part.outMs - part.inMs);
	const endMs = startMs + Math.max(0, phaseMs);
	if (!(phaseMs > 0) || length === 0) return { fromMs: part.inMs, toMs: part.outMs, rate: 1, startMs, endMs, loopMs: 0 };
	if (part.loop) {
		// The whole number of passes nearest to the part's own pace.
		const passes = Math.max(1, Math.round(phaseMs / length));
		const rate = Math.min(MAX_PART_RATE, Math.max(MIN_PART_RATE, (passes * length) / phaseMs));
		return { fromMs: part.inMs, toMs: part.outMs, rate, startMs, endMs, loopMs: length };
	}
	const ideal = length / phaseMs;
	const rate = Math.min(MAX_PART_RATE, Math.max(MIN_PART_RATE, ideal));
	// Too short a phase even at the fastest rate: start late enough to end on the end pose.
	const fromMs = ideal > MAX_PART_RATE ? part.outMs - phaseMs * MAX_PART_RATE : part.inMs;
	return { fromMs, toMs: part.outMs, rate, startMs, endMs, loopMs: 0 };
}

/** Where the clip should be at session position `positionMs`: at the end pose once it is there. */
export function partClipTimeMs(plan: PartPlan, positionMs: number): number {
	const played = Math.max(0, positionMs - plan.startMs) * plan.rate;
	if (plan.loopMs > 0) return plan.fromMs + (played % plan.loopMs);
	const t = plan.fromMs + played;
	return Math.min(t, plan.toMs);
}

/**
 * Session position (ms) at which the part reaches its end pose; later than the phase's end
 * when the part is played through exactly or slowed, earlier when the end pose is held.
 */
export function partEndPositionMs(plan: PartPlan): number {
	// A looping part is never done before its phase.
	if (plan.loopMs > 0) return plan.endMs;
	return plan.startMs + (plan.toMs - plan.fromMs) / plan.rate;
}

/** The phase outlasts its part (by more than `marginMs`), and at `positionMs` the end pose is reached: hold it. */
export function holdsEndPose(plan: PartPlan, positionMs: number, marginMs = 1): boolean {
	const end = partEndPositionMs(plan);
	return end < plan.endMs - marginMs && positionMs >= end;
}
