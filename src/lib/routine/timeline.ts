/**
 * The compiled form of one level of a routine: everything the player needs, with every
 * time an absolute integer millisecond offset from the session start. Sets, reps, sides
 * and rests are already expanded, so playback never does dosage arithmetic.
 */
import type { Category } from './schema';

export type Side = 'left' | 'right';

export type SegmentKind = 'count-in' | 'work' | 'rest' | 'switch' | 'education';

export interface VideoRef {
	/** Media catalogue id of the clip. */
	readonly clip: string;
	readonly inMs: number;
	/** Null: play to the clip's end. */
	readonly outMs: number | null;
	/**
	 * The named part of the clip that shows this segment's phase (media catalogue `parts`),
	 * absent for a hold, a rest or a switch, which use in/out.
	 */
	readonly part?: string;
}

export interface Segment {
	readonly index: number;
	readonly kind: SegmentKind;
	readonly startMs: number;
	readonly endMs: number;
	/** Index into Timeline.steps. The count-in belongs to the first step. */
	readonly stepIndex: number;
	/** What a person reads: "Knee to chest", "Rest", "Switch sides". */
	readonly title: string;
	readonly exerciseId: string | null;
	readonly set: number;
	readonly setCount: number;
	readonly rep: number;
	readonly repCount: number;
	readonly side: Side | null;
	/** The phase name inside a repetition ("Tense", "Release"), if the dosage has phases. */
	readonly phase: string | null;
	readonly video: VideoRef | null;
	/** Can +10 s / −10 s change its length? Holds and rests can; phases of a rep cannot. */
	readonly adjustable: boolean;
}

export type CueKind =
	| 'count-in'
	| 'step-start'
	| 'phase'
	| 'prompt'
	| 'breathe'
	| 'halfway'
	| 'countdown'
	| 'switch-sides'
	| 'rest'
	| 'next-up'
	| 'step-end'
	| 'session-end'
	| 'education';

/**
 * Where a cue sits inside its segment. Kept so that lengthening or shortening a hold
 * moves "3, 2, 1" with the end and "halfway" to the new middle.
 */
export type CueAnchor =
	| { readonly from: 'start'; readonly ms: number }
	| { readonly from: 'end'; readonly ms: number }
	| { readonly from: 'middle' };

export interface Cue {
	/** Stable within one compiled timeline; used to de-duplicate. */
	readonly id: string;
	readonly kind: CueKind;
	readonly atMs: number;
	readonly segmentIndex: number;
	readonly anchor: CueAnchor;
	/** The spoken words; also the caption. */
	readonly text: string;
	/** Media catalogue id of the sound played with it, if any. */
	readonly sound: string | null;
}

export interface TimelineStep {
	readonly index: number;
	readonly kind: 'exercise' | 'education' | 'rest';
	readonly title: string;
	readonly exerciseId: string | null;
	readonly educationId: string | null;
	readonly startMs: number;
	readonly endMs: number;
	readonly firstSegment: number;
	readonly lastSegment: number;
	/** One line for lists and the dosage table: "2 × 30 s each side". */
	readonly dosage: string;
}

export interface Timeline {
	readonly routineId: string;
	readonly title: string;
	readonly category: Category;
	readonly level: number;
	readonly levelName: string;
	readonly durationMs: number;
	readonly steps: readonly TimelineStep[];
	readonly segments: readonly Segment[];
	/** Sorted by atMs; ties keep their authored order. */
	readonly cues: readonly Cue[];
}

/** Index of the segment playing at `positionMs` (the last one at or past the end). */
export function segmentIndexAt(timeline: Timeline, positionMs: number): number {
	const segs = timeline.segments;
	let lo = 0;
	let hi = segs.length - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if ((segs[mid] as Segment).startMs <= positionMs) lo = mid;
		else hi = mid - 1;
	}
	return lo;
}

/** Index of the first cue at or after `positionMs` (cues.length if none). */
export function firstCueAtOrAfter(timeline: Timeline, positionMs: number): number {
	const cues = timeline.cues;
	let lo = 0;
	let hi = cues.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if ((cues[mid] as Cue).atMs < positionMs) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}
