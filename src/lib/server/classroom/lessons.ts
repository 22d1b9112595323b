/** Live lessons, their participants and check-ins in the database. */
import { randomUUID } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import type { LibSQLDatabase } from 'drizzle-orm/libsql';
import type { LiveState } from '$lib/classroom/protocol';
import { attendance, checkIns, classes, liveLessons, participants } from '../db/schema';
import { queuedWrite } from '../db/write-queue';
import type { CheckInEffort } from '$lib/classroom/protocol';

export type LiveLessonRow = typeof liveLessons.$inferSelect;

export interface NewLiveLesson {
	readonly classId: string;
	readonly lessonNumber: number;
	readonly code: string;
	readonly routineId: string;
	readonly level: number;
}

export async function insertLiveLesson(db: LibSQLDatabase, input: NewLiveLesson, now = Date.now()): Promise<LiveLessonRow> {
	const row: LiveLessonRow = {
		id: randomUUID(),
		...input,
		status: 'waiting',
		positionMs: 0,
		anchorServerMs: now,
		seq: 0,
		startedAt: now,
		endedAt: null
	};
	await queuedWrite(() => db.insert(liveLessons).values(row));
	return row;
}

export async function codeInUse(db: LibSQLDatabase, code: string): Promise<boolean> {
	const rows = await db.select({ id: liveLessons.id }).from(liveLessons).where(eq(liveLessons.code, code));
	return rows.length > 0;
}

/** The lesson with this code and the instructor who runs it. */
export async function lessonByCode(db: LibSQLDatabase, code: string): Promise<{ lesson: LiveLessonRow; instructorId: string } | null> {
	const [row] = await db
		.select({ lesson: liveLessons, instructorId: classes.instructorId })
		.from(liveLessons)
		.innerJoin(classes, eq(classes.id, liveLessons.classId))
		.where(eq(liveLessons.code, code));
	return row ?? null;
}

export function stateOf(lesson: LiveLessonRow): LiveState {
	return {
		lessonId: lesson.id,
		code: lesson.code,
		routineId: lesson.routineId,
		level: lesson.level,
		status: lesson.status,
		positionMs: lesson.positionMs,
		anchorServerMs: lesson.anchorServerMs,
		seq: lesson.seq
	};
}

/**
 * Stores a state unless a later one is already stored: two commands' writes may finish
 * in either order, and the seq says which is newer.
 */
export async function saveState(db: LibSQLDatabase, state: LiveState, now = Date.now()): Promise<void> {
	await queuedWrite(() =>
		db
			.update(liveLessons)
			.set({
				status: state.status,
				positionMs: state.positionMs,
				anchorServerMs: state.anchorServerMs,
				seq: state.seq,
				...(state.status === 'ended' ? { endedAt: now } : {})
			})
			.where(and(eq(liveLessons.id, state.lessonId), lt(liveLessons.seq, state.seq)))
	);
}

export interface ParticipantRow {
	readonly id: string;
	readonly name: string;
}

/** A new participant and their attendance, together or not at all. */
export async function addParticipant(
	db: LibSQLDatabase,
	lesson: Pick<LiveLessonRow, 'id' | 'classId' | 'lessonNumber'>,
	name: string,
	tokenHash: string,
	now = Date.now()
): Promise<ParticipantRow> {
	const participant = { id: randomUUID(), name };
	await queuedWrite(() =>
		db.transaction(async (tx) => {
			await tx.insert(participants).values({ ...participant, liveLessonId: lesson.id, tokenHash });
			await tx
				.insert(attendance)
				.values({ classId: lesson.classId, lessonNumber: lesson.lessonNumber, participantId: participant.id, joinedAt: now });
		})
	);
	return participant;
}

export function participantsOf(db: LibSQLDatabase, lessonId: string): Promise<ParticipantRow[]> {
	return db.select({ id: participants.id, name: participants.name }).from(participants).where(eq(participants.liveLessonId, lessonId));
}

export async function participantByToken(
	db: LibSQLDatabase,
	lessonId: string,
	tokenHash: string
): Promise<(ParticipantRow & { checkedIn: boolean }) | null> {
	const [row] = await db
		.select({ id: participants.id, name: participants.name, checkedIn: participants.checkedIn })
		.from(participants)
		.where(and(eq(participants.liveLessonId, lessonId), eq(participants.tokenHash, tokenHash)));
	return row ?? null;
}

/**
 * Records an anonymous answer once per participant: the participant is only marked as
 * having answered, and the answer row carries no link to them.
 */
export async function recordCheckIn(
	db: LibSQLDatabase,
	lessonId: string,
	participantId: string,
	answer: { pain: number; effort: CheckInEffort }
): Promise<'recorded' | 'already'> {
	return queuedWrite(() => db.transaction(async (tx) => {
		const marked = await tx
			.update(participants)
			.set({ checkedIn: true })
			.where(and(eq(participants.id, participantId), eq(participants.checkedIn, false)))
			.returning({ id: participants.id });
		if (marked.length === 0) return 'already';
		await tx.insert(checkIns).values({ id: randomUUID(), liveLessonId: lessonId, ...answer });
		return 'recorded' as const;
	}));
}
