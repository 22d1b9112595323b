/**
 * Which moment of a clip belongs on screen at a session position. Pure arithmetic, in
 * milliseconds, so the video follower, the benchmark and the tests share one definition.
 *
 * A segment plays its clip from the in point; a hold longer than the clip loops the
 * stretch between the in and out points. So the clip time is periodic in the position,
 * and a drift measured near the loop point must be read modulo the loop length: a video
 * that has just wrapped to 0.02 s is 20 ms ahead of a clock at 5.98 s, not 5.96 s behind.
 */
import type { Segment, VideoRef } from '../routine/timeline';

/** The part of a clip that loops: [inMs, endMs). */
export interface ClipWindow {
	readonly inMs: number;
	readonly endMs: number;
}

/**
 * The looped stretch of a clip: from the in point to the out point, or to the clip's end
 * when there is no out point. An out point past the end is cut to the end, because the
 * element cannot show frames it does not have.
 */
export function clipWindow(video: Pick<VideoRef, 'inMs' | 'outMs'>, clipDurationMs: number): ClipWindow {
	const duration = Math.max(0, clipDurationMs);
	const inMs = Math.min(Math.max(0, video.inMs), duration);
	const endMs = Math.min(video.outMs ?? duration, duration);
	return { inMs, endMs: Math.max(inMs, endMs) };
}

export function loopLengthMs(window: ClipWindow): number {
	return window.endMs - window.inMs;
}

/** Euclidean remainder: always in [0, m), also for negative x. */
function wrap(x: number, m: number): number {
	return ((x % m) + m) % m;
}

/**
 * The media time (ms) the clip should show: `in + ((position − segmentStart) mod loop)`.
 * An empty window (in point at or past the out point) is a still frame at the in point.
 */
export function expectedClipTimeMs(window: ClipWindow, segmentStartMs: number, positionMs: number): number {
	const loop = loopLengthMs(window);
	if (!(loop > 0)) return window.inMs;
	return window.inMs + wrap(positionMs - segmentStartMs, loop);
}

/**
 * The clip time for `segment` at `positionMs`, or null when the segment has no clip.
 * Convenience for callers that hold a Segment and the clip's duration.
 */
export function clipTimeForSegmentMs(
	segment: Pick<Segment, 'startMs' | 'video'>,
	positionMs: number,
	clipDurationMs: number
): number | null {
	if (!segment.video) return null;
	return expectedClipTimeMs(clipWindow(segment.video, clipDurationMs), segment.startMs, positionMs);
}

/**
 * Signed drift (ms) of the media time actually shown against the expected one; positive
 * when the video is ahead. While the video is inside the loop window the difference is
 * folded into (−loop/2, loop/2], so crossing the loop point is not a jump. A video
 * outside the window (played past the out point, or before the in point) is not folded:
 * it shows frames that do not belong to the loop, and the raw distance makes that large.
 */
export function clipDriftMs(actualMs: number, expectedMs: number, window: ClipWindow): number {
	const raw = actualMs - expectedMs;
	const loop = loopLengthMs(window);
	const inside = actualMs >= window.inMs && actualMs < window.endMs;
	if (!inside || !(loop > 0)) return raw;
	const folded = wrap(raw, loop);
	return folded > loop / 2 ? folded - loop : folded;
}
