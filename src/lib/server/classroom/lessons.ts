/** Live lessons, their participants and check-ins in the database. */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { CheckInEffort, LiveState } from '$lib/classroom/protocol';
import type { Database, Tables } from '../db/database';

export type LiveLessonRow = Tables['liveLessons']['$inferSelect'];

export interface NewLiveLesson {
	readonly classId: string;
	readonly lessonNumber: number;
	readonly code: string;
	readonly routineId: string;
	readonly level: number;
}

export async function insertLiveLesson(database: Database, input: NewLiveLesson, now = Date.now()): Promise<LiveLessonRow> {
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
	await database.write(() => database.db.insert(database.tables.liveLessons).values(row));
	return row;
}

export async function codeInUse(database: Database, code: string): Promise<boolean> {
	const { db, tables: { liveLessons } } = database;
	const rows = await db.select({ id: liveLessons.id }).from(liveLessons).where(eq(liveLessons.code, code));
	return rows.length > 0;
}

/** The lesson with this code and the instructor who runs it. */
export async function lessonByCode(database: Database, code: string): Promise<{ lesson: LiveLessonRow; instructorId: string } | null> {
	const { db, tables: { liveLessons, classes } } = database;
	const [row] = await db
		.select({ lesson: liveLessons, instructorId: classes.instructorId })
		.from(liveLessons)
		.innerJoin(classes, eq(classes.id, liveLessons.classId))
		.where(eq(liveLessons.code, code));
	return row ?? null;
}

/** The stored states of these lessons (what a server re-reads after it may have missed events). */
export async function statesOf(database: Database, lessonIds: readonly string[]): Promise<LiveState[]> {
	if (lessonIds.length === 0) return [];
	const { db, tables: { liveLessons } } = database;
	const rows = await db.select().from(liveLessons).where(inArray(liveLessons.id, [...lessonIds]));
	return rows.map(stateOf);
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

export interface ParticipantRow {
	readonly id: string;
	readonly name: string;
}

/** A new participant and their attendance, together or not at all. */
export async function addParticipant(
	database: Database,
	lesson: Pick<LiveLessonRow, 'id' | 'classId' | 'lessonNumber'>,
	name: string,
	tokenHash: string,
	now = Date.now()
): Promise<ParticipantRow> {
	const { participants, attendance } = database.tables;
	const participant = { id: randomUUID(), name };
	await database.transaction(async (tx) => {
		await tx.insert(participants).values({ ...participant, liveLessonId: lesson.id, tokenHash });
		await tx
			.insert(attendance)
			.values({ classId: lesson.classId, lessonNumber: lesson.lessonNumber, participantId: participant.id, joinedAt: now });
	});
	return participant;
}

export function participantsOf(database: Database, lessonId: string): Promise<ParticipantRow[]> {
	const { db, tables: { participants } } = database;
	return db.select({ id: participants.id, name: participants.name }).from(participants).where(eq(participants.liveLessonId, lessonId));
}

export async function participantByToken(
	database: Database,
	lessonId: string,
	tokenHash: string
): Promise<(ParticipantRow & { checkedIn: boolean }) | null> {
	const { db, tables: { participants } } = database;
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
	database: Database,
	lessonId: string,
	participantId: string,
	answer: { pain: number; effort: CheckInEffort }
): Promise<'recorded' | 'already'> {
	const { participants, checkIns } = database.tables;
	return database.transaction(async (tx) => {
		const marked = await tx
			.update(participants)
			.set({ checkedIn: true })
			.where(and(eq(participants.id, participantId), eq(participants.checkedIn, false)))
			.returning({ id: participants.id });
		if (marked.length === 0) return 'already';
		await tx.insert(checkIns).values({ id: randomUUID(), liveLessonId: lessonId, ...answer });
		return 'recorded' as const;
	});
}
