/**
 * What one session's check-ins say, and only what they say. A skipped check-in, or a
 * question left blank, yields null: the rules treat it as "not known", never as "fine".
 */
import type { Effort, Relaxation, SessionRecord } from './records';

/** Pain after minus pain before, when both were answered. */
export function painChange(s: SessionRecord): number | null {
	if (s.before.status !== 'answered' || s.after.status !== 'answered' || s.after.pain === null) return null;
	return s.after.pain - s.before.pain;
}

export function effortOf(s: SessionRecord): Effort | null {
	return s.after.status === 'answered' ? s.after.effort : null;
}

export function relaxedOf(s: SessionRecord): Relaxation | null {
	return s.after.status === 'answered' ? s.after.relaxed : null;
}

export function painAfter(s: SessionRecord): number | null {
	return s.after.status === 'answered' ? s.after.pain : null;
}

export function painBefore(s: SessionRecord): number | null {
	return s.before.status === 'answered' ? s.before.pain : null;
}
