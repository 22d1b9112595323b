/**
 * Turning one plan day into records: each block is saved as an ordinary session (so the
 * routine's own page, the history and the progression rules see it), and the day's single
 * check-in is shared out. The movement session carries the pain before and after, the
 * effort, the leg question and the note; the calming session carries how relaxed the
 * person got. Pain is counted once, on the movement session, so the history's pain chart
 * and the flare rule see each plan day once.
 */
import type { SessionEnd } from '../playback/session-end';
import type { AfterCheckIn, BeforeCheckIn } from '../progress/records';
import type { PlanBlock, PlanDayOutcome } from '../progress/plan-records';

export function blockBefore(kind: PlanBlock['kind'], before: BeforeCheckIn): BeforeCheckIn {
	return kind === 'movement' ? before : { status: 'skipped' };
}

export function blockAfter(kind: PlanBlock['kind'], after: AfterCheckIn): AfterCheckIn {
	if (after.status === 'skipped') return after;
	if (kind === 'movement') return { ...after, relaxed: null };
	if (after.relaxed === null && after.newLegSymptoms === null) return { status: 'skipped' };
	return { status: 'answered', pain: null, effort: null, relaxed: after.relaxed, newLegSymptoms: after.newLegSymptoms, note: '' };
}

/** Leg symptoms outrank a stop for help, which outranks a stop; all blocks played through is finished. */
export function planDayOutcome(ends: readonly SessionEnd['outcome'][], after: AfterCheckIn): PlanDayOutcome {
	if (after.status === 'answered' && after.newLegSymptoms === true) return 'leg-symptoms';
	if (ends.includes('help')) return 'help';
	return ends.length > 0 && ends.every((e) => e === 'finished') ? 'finished' : 'stopped';
}

export interface PlanSessionLink {
	readonly movement: { readonly routineId: string; readonly level: number };
	readonly calming: { readonly routineId: string; readonly level: number };
	readonly lessonId: string;
	readonly fearId: string | null;
	readonly fearLesson: { readonly routine: string; readonly education: string } | null;
}

/** The plan session page's address for a plan day (the server checks it against the plan). */
export function planSessionHref(l: PlanSessionLink, extra = ''): string {
	const q = new URLSearchParams({
		movement: l.movement.routineId,
		ml: String(l.movement.level),
		calming: l.calming.routineId,
		cl: String(l.calming.level),
		lesson: l.lessonId
	});
	if (l.fearId) q.set('fear', l.fearId);
	if (l.fearLesson) q.set('fl', `${l.fearLesson.routine}.${l.fearLesson.education}`);
	return `/plan/session?${q.toString()}${extra}`;
}
