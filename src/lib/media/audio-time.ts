/**
 * Which moment of an AudioContext's clock is heard at a given performance.now().
 *
 * The session runs on performance.now(), the wall clock: the audio clock is driven by the
 * sound card's crystal (tens of ppm off the system clock, ~0.1 s over 30 minutes) and
 * loses time whenever the output underruns, so a session timed by it ends late. Cues are
 * still started on the audio clock with `start(when)`, which lands on the sample; this maps
 * the session's time onto it. getOutputTimestamp() pairs the context time of the sample
 * leaving the speakers with the performance.now() at which it does, so the mapping follows
 * rate error and underruns as they happen and includes the output latency: a cue mapped
 * this way is heard when the wall clock says, not one output buffer later.
 *
 * currentTime alone is a worse base: it moves in steps of one audio callback (10–40 ms
 * measured in headless Chromium) and runs ahead of what is heard by the output latency.
 */

export interface OutputStamp {
	readonly contextTime?: number;
	readonly performanceTime?: number;
}

/** An output stamp older than this (a suspended or starved output) is not trusted (ms). */
export const MAX_STAMP_AGE_MS = 1000;

/**
 * What is heard can trail what the context has rendered by the output latency, and lead
 * the stepping currentTime by at most a callback or two; outside these bounds the stamp is
 * inconsistent and currentTime is used (s).
 */
export const MAX_OUTPUT_LATENCY_S = 0.5;
export const MAX_LEAD_OVER_CURRENT_S = 0.1;

/** The audio time (s) heard at `perfMs` by a usable stamp, or null when there is none. */
function heardByStamp(currentTime: number, stamp: OutputStamp | null | undefined, perfMs: number): number | null {
	const contextTime = stamp?.contextTime;
	const performanceTime = stamp?.performanceTime;
	if (contextTime === undefined || performanceTime === undefined) return null;
	// Before the first callback both read 0.
	if (!(contextTime > 0 && performanceTime > 0)) return null;
	const ageMs = perfMs - performanceTime;
	if (!Number.isFinite(ageMs) || Math.abs(ageMs) > MAX_STAMP_AGE_MS) return null;
	const heard = contextTime + ageMs / 1000;
	if (heard > currentTime + MAX_LEAD_OVER_CURRENT_S || heard < currentTime - MAX_OUTPUT_LATENCY_S) return null;
	return heard;
}

/** The audio time (s) heard at `perfMs`, or `currentTime` when no usable stamp exists. */
export function audioTimeAt(currentTime: number, stamp: OutputStamp | null | undefined, perfMs: number): number {
	return heardByStamp(currentTime, stamp, perfMs) ?? currentTime;
}

/**
 * performance.now() minus the audio time heard at that moment (s), by a usable stamp; null
 * without one. It is constant while the output runs smoothly and grows by the length of each
 * underrun, so a change tells that sounds scheduled before it would now be heard late.
 */
export function wallMinusHeardSec(currentTime: number, stamp: OutputStamp | null | undefined, perfMs: number): number | null {
	const heard = heardByStamp(currentTime, stamp, perfMs);
	return heard === null ? null : perfMs / 1000 - heard;
}
