/**
 * Turning what a person answered around a session into records. A check-in is optional:
 * skipping it records "skipped", and a question left blank stays null.
 */
import type { SessionEnd } from '../playback/session-end';
import type { AfterCheckIn, BeforeCheckIn, Effort, Relaxation, SessionOutcome, SessionRecord } from './records';

export interface AfterAnswers {
	readonly pain: number | null;
	readonly effort: Effort | null;
	readonly relaxed: Relaxation | null;
	readonly newLegSymptoms: boolean | null;
	readonly note: string;
}

export function beforeCheckIn(pain: number | null): BeforeCheckIn {
	return pain === null ? { status: 'skipped' } : { status: 'answered', pain };
}

/** Nothing answered at all is the same as skipping. */
export function afterCheckIn(a: AfterAnswers): AfterCheckIn {
	const note = a.note.trim();
	if (a.pain === null && a.effort === null && a.relaxed === null && a.newLegSymptoms === null && note === '') {
		return { status: 'skipped' };
	}
	return { status: 'answered', pain: a.pain, effort: a.effort, relaxed: a.relaxed, newLegSymptoms: a.newLegSymptoms, note };
}

/** New or spreading leg symptoms end the session as a safety stop, whatever else happened. */
export function sessionOutcome(end: SessionEnd, after: AfterCheckIn): SessionOutcome {
	if (after.status === 'answered' && after.newLegSymptoms === true) return 'leg-symptoms';
	return end.outcome;
}

export interface SessionStart {
	readonly id: string;
	readonly routineId: string;
	readonly level: number;
	readonly plannedMs: number;
	readonly startedAt: string;
	readonly before: BeforeCheckIn;
}

export function sessionRecord(start: SessionStart, end: SessionEnd, endedAt: string, after: AfterCheckIn): SessionRecord {
	return {
		...start,
		endedAt,
		outcome: sessionOutcome(end, after),
		playedMs: Math.max(0, Math.round(end.playedMs)),
		plannedMs: Math.round(start.plannedMs),
		after
	};
}
