/**
 * Fade curves shared by the sleep timer and the ambience bed. Kept apart from the sleep
 * timer so an exercise session, which fades its ambience but has no sleep timer, does not
 * load the timer.
 */

/** The ambience bed fades over a session's last seconds, so it never stops mid-breath. */
export const AMBIENCE_END_FADE_MS = 15_000;

/**
 * Gain for a fade that has `fraction` (1 → 0) of its way left. Squared: loudness then falls
 * about evenly, where a straight line in amplitude seems to do nothing for most of the fade
 * and then drops away at the end.
 */
export function fadeCurve(fraction: number): number {
	const x = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 1;
	return x * x;
}

/** The ambience bed near a session's natural end: full until the last `fadeMs`, silent at the end. */
export function ambienceEndGain(positionMs: number, durationMs: number, fadeMs = AMBIENCE_END_FADE_MS): number {
	if (!(durationMs > 0) || !(fadeMs > 0)) return 1;
	return fadeCurve((durationMs - positionMs) / fadeMs);
}
