/**
 * The words Limber says. Kept apart from compile() so wording can change (and later be
 * translated) without touching the timing maths, and so captions match speech exactly.
 */
import type { Side } from './timeline';

export function sideLabel(side: Side): string {
	return side === 'left' ? 'left side' : 'right side';
}

export function secondsPhrase(ms: number): string {
	const s = Math.round(ms / 1000);
	if (s >= 120 && s % 60 === 0) return `${s / 60} minutes`;
	return s === 1 ? '1 second' : `${s} seconds`;
}

/** "Knee to chest, left side. Hold for 30 seconds." */
export function stepStartText(name: string, side: Side | null, how: string): string {
	const who = side ? `${name}, ${sideLabel(side)}.` : `${name}.`;
	return how ? `${who} ${how}` : who;
}

export function holdPhrase(holdMs: number, reps: number): string {
	if (reps > 1) return `${reps} slow repetitions.`;
	return `Hold for ${secondsPhrase(holdMs)}.`;
}

export function switchText(to: Side): string {
	return `Switch to your ${sideLabel(to)}.`;
}

export function setStartText(set: number, setCount: number): string {
	return `Set ${set} of ${setCount}.`;
}

/** Null when the rest should stay quiet. */
export function restText(nextTitle: string | null, announceNext: boolean, sayRest: boolean): string | null {
	const next = announceNext && nextTitle ? `Next: ${nextTitle}.` : null;
	if (sayRest) return next ? `Rest. ${next}` : 'Rest.';
	return next;
}

export function sideStartText(side: Side): string {
	return side === 'left' ? 'Left side.' : 'Right side.';
}

export function countInText(firstTitle: string): string {
	return `Get ready. First: ${firstTitle}.`;
}

export const HALFWAY_TEXT = 'Halfway there.';
export const STEP_END_TEXT = 'Done.';
export const SESSION_END_TEXT = 'Session complete. Well done.';
