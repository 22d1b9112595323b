/** An instructor's classes and what each lesson of a class produced (attendance, check-ins). */
import { randomUUID } from 'node:crypto';
import { and, avg, count, desc, eq, ne } from 'drizzle-orm';
import { CHECK_IN_EFFORTS, type CheckInEffort } from '$lib/classroom/protocol';
import type { Database } from '../db/database';

export interface ClassRow {
	readonly id: string;
	readonly instructorId: string;
	readonly courseId: string;
	readonly title: string;
	readonly createdAt: number;
}

/**
 * Check-in answers are shown only once this many have been given for a lesson: with
 * fewer, an "average" of one or two people tells the instructor what each of them said.
 */
export const MIN_CHECKINS_SHOWN = 3;

export interface CheckInSummary {
	/** How many answered; always shown. */
	readonly count: number;
	/** Null while fewer than MIN_CHECKINS_SHOWN have answered. */
	readonly meanPain: number | null;
	readonly effort: Readonly<Record<CheckInEffort, number>> | null;
}

export interface LessonReport {
	readonly lessonNumber: number;
	/** Distinct participants over every run of the lesson. */
	readonly attendance: number;
	readonly runs: number;
	/** The join code of a run still going, if any. */
	readonly liveCode: string | null;
	readonly checkIns: CheckInSummary;
}

export const CLASS_TITLE_MAX_LENGTH = 80;

export async function createClass(
	database: Database,
	input: { instructorId: string; courseId: string; title: string },
	now = Date.now()
): Promise<ClassRow> {
	const row: ClassRow = { id: randomUUID(), ...input, createdAt: now };
	await database.write(() => database.db.insert(database.tables.classes).values(row));
	return row;
}

export function classesOf(database: Database, instructorId: string): Promise<ClassRow[]> {
	const { db, tables: { classes } } = database;
	return db.select().from(classes).where(eq(classes.instructorId, instructorId)).orderBy(desc(classes.createdAt));
}

/** The class if it exists and belongs to this instructor; otherwise null (the caller 404s either way). */
export async function classOf(database: Database, instructorId: string, classId: string): Promise<ClassRow | null> {
	const { db, tables: { classes } } = database;
	const [row] = await db
		.select()
		.from(classes)
		.where(and(eq(classes.id, classId), eq(classes.instructorId, instructorId)));
	return row ?? null;
}

export async function lessonReports(database: Database, classId: string, lessonCount: number): Promise<LessonReport[]> {
	const { db, tables: { attendance, checkIns, liveLessons } } = database;
	const [present, runs, answers, efforts] = await Promise.all([
		db
			.select({ lessonNumber: attendance.lessonNumber, n: count() })
			.from(attendance)
			.where(eq(attendance.classId, classId))
			.groupBy(attendance.lessonNumber),
		db
			.select({ lessonNumber: liveLessons.lessonNumber, code: liveLessons.code, status: liveLessons.status })
			.from(liveLessons)
			.where(eq(liveLessons.classId, classId)),
		db
			.select({ lessonNumber: liveLessons.lessonNumber, n: count(), meanPain: avg(checkIns.pain) })
			.from(checkIns)
			.innerJoin(liveLessons, eq(liveLessons.id, checkIns.liveLessonId))
			.where(eq(liveLessons.classId, classId))
			.groupBy(liveLessons.lessonNumber),
		db
			.select({ lessonNumber: liveLessons.lessonNumber, effort: checkIns.effort, n: count() })
			.from(checkIns)
			.innerJoin(liveLessons, eq(liveLessons.id, checkIns.liveLessonId))
			.where(eq(liveLessons.classId, classId))
			.groupBy(liveLessons.lessonNumber, checkIns.effort)
	]);
	return Array.from({ length: lessonCount }, (_, i) => {
		const lessonNumber = i + 1;
		const answered = answers.find((a) => a.lessonNumber === lessonNumber);
		const n = answered?.n ?? 0;
		const shown = n >= MIN_CHECKINS_SHOWN;
		const effort = Object.fromEntries(
			CHECK_IN_EFFORTS.map((e) => [e, efforts.find((r) => r.lessonNumber === lessonNumber && r.effort === e)?.n ?? 0])
		) as Record<CheckInEffort, number>;
		const mine = runs.filter((r) => r.lessonNumber === lessonNumber);
		return {
			lessonNumber,
			attendance: present.find((p) => p.lessonNumber === lessonNumber)?.n ?? 0,
			runs: mine.length,
			liveCode: mine.find((r) => r.status !== 'ended')?.code ?? null,
			checkIns: {
				count: n,
				meanPain: shown && answered?.meanPain != null ? Math.round(Number(answered.meanPain) * 10) / 10 : null,
				effort: shown ? effort : null
			}
		};
	});
}

/** A lesson of this class still going, so "start" twice does not open two rooms. */
export async function runningLesson(database: Database, classId: string, lessonNumber: number): Promise<string | null> {
	const { db, tables: { liveLessons } } = database;
	const [row] = await db
		.select({ code: liveLessons.code })
		.from(liveLessons)
		.where(and(eq(liveLessons.classId, classId), eq(liveLessons.lessonNumber, lessonNumber), ne(liveLessons.status, 'ended')));
	return row?.code ?? null;
}
