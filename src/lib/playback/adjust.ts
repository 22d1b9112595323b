/**
 * Lengthening or shortening one segment of a compiled timeline ("+10 s" / "−10 s" on a
 * hold or rest). Pure: the engine swaps in the result, so the Timeline stays immutable.
 */
import type { Cue, CueAnchor, Segment, Timeline, TimelineStep } from '../routine/timeline';

/** Shortening never goes below this; a shorter hold is not worth the tap. */
export const MIN_ADJUSTED_SEGMENT_MS = 1000;

/** Same placement rule as compile(), so an adjusted cue lands where a compiled one would. */
export function cueTimeInSegment(anchor: CueAnchor, startMs: number, endMs: number): number {
	if (anchor.from === 'start') return startMs + anchor.ms;
	if (anchor.from === 'end') return endMs - anchor.ms;
	return startMs + Math.floor((endMs - startMs) / 2);
}

/** Where segment `seg` would end after asking for `deltaMs`, honouring both floors. */
function clampedEnd(seg: Segment, deltaMs: number, minEndMs: number): number {
	const length = seg.endMs - seg.startMs;
	// A segment already shorter than the floor may stay that short, but is never stretched by it.
	const floor = seg.startMs + Math.min(length, MIN_ADJUSTED_SEGMENT_MS);
	const wanted = Math.max(seg.endMs + Math.round(deltaMs), minEndMs, floor);
	// The floors only ever stop a change; they never turn a shortening into a lengthening.
	return deltaMs < 0 ? Math.min(wanted, seg.endMs) : Math.max(wanted, seg.endMs);
}

/**
 * A timeline in which segment `segmentIndex` lasts `deltaMs` longer (shorter if negative),
 * ending no earlier than `minEndMs` and lasting at least 1 s. Later segments, steps and
 * cues move by the same amount; the segment's own cues are re-placed from their anchors
 * and dropped if they no longer fit. Returns `timeline` itself when nothing changes
 * (unknown or non-adjustable segment, or a change fully clamped away).
 */
export function adjustSegment(timeline: Timeline, segmentIndex: number, deltaMs: number, minEndMs: number): Timeline {
	const seg = timeline.segments[segmentIndex];
	if (!seg || !seg.adjustable || !Number.isFinite(deltaMs)) return timeline;
	const newEnd = clampedEnd(seg, deltaMs, minEndMs);
	const shift = newEnd - seg.endMs;
	if (shift === 0) return timeline;

	const segments = timeline.segments.map((s): Segment => {
		if (s.index < segmentIndex) return s;
		if (s.index === segmentIndex) return { ...s, endMs: newEnd };
		return { ...s, startMs: s.startMs + shift, endMs: s.endMs + shift };
	});

	const steps = timeline.steps.map((st): TimelineStep => {
		if (st.lastSegment < segmentIndex) return st;
		if (st.firstSegment > segmentIndex) return { ...st, startMs: st.startMs + shift, endMs: st.endMs + shift };
		return { ...st, endMs: st.endMs + shift };
	});

	const cues: Cue[] = [];
	for (const cue of timeline.cues) {
		if (cue.segmentIndex < segmentIndex) cues.push(cue);
		else if (cue.segmentIndex > segmentIndex) cues.push({ ...cue, atMs: cue.atMs + shift });
		else {
			const atMs = cueTimeInSegment(cue.anchor, seg.startMs, newEnd);
			if (atMs >= seg.startMs && atMs <= newEnd) cues.push(atMs === cue.atMs ? cue : { ...cue, atMs });
		}
	}
	// Array.prototype.sort is stable, so ties keep the order they had: the engine relies on it.
	cues.sort((a, b) => a.atMs - b.atMs);

	return { ...timeline, durationMs: timeline.durationMs + shift, segments, steps, cues };
}
