import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInstructor } from '$lib/server/auth/accounts';
import { classOf, classesOf, createClass, lessonReports } from '$lib/server/classroom/classes';
import {
	addParticipant,
	codeInUse,
	insertLiveLesson,
	lessonByCode,
	participantByToken,
	participantsOf,
	recordCheckIn,
	stateOf,
	statesOf
} from '$lib/server/classroom/lessons';
import { tempDatabase, TEST_DIALECTS, type TempDatabase } from '../db/temp-database';

describe.each(TEST_DIALECTS)('on %s', (dialect) => {
	let database: TempDatabase;
	let instructorId: string;

	beforeEach(async () => {
		database = await tempDatabase(dialect);
		const created = await createInstructor(database, 'ana@clinic.org', 'long enough pw');
		if (!created.ok) throw new Error(created.message);
		instructorId = created.instructor.id;
	});
	afterEach(() => database.dispose());

	async function classWithLesson(code = 'ACDEFG', lessonNumber = 1) {
		const klass = await createClass(database, { instructorId, courseId: 'back-school', title: 'Tuesday' });
		const lesson = await insertLiveLesson(database, { classId: klass.id, lessonNumber, code, routineId: 'r', level: 1 }, 5_000);
		return { klass, lesson };
	}

	describe('classes', () => {
		it('lists and finds only the instructor’s own classes', async () => {
			const other = await createInstructor(database, 'bo@clinic.org', 'long enough pw');
			if (!other.ok) throw new Error(other.message);
			const mine = await createClass(database, { instructorId, courseId: 'back-school', title: 'Mine' });
			await createClass(database, { instructorId: other.instructor.id, courseId: 'back-school', title: 'Theirs' });
			expect((await classesOf(database, instructorId)).map((c) => c.title)).toEqual(['Mine']);
			expect(await classOf(database, instructorId, mine.id)).toMatchObject({ title: 'Mine' });
			expect(await classOf(database, other.instructor.id, mine.id)).toBeNull();
		});
	});

	describe('live lessons', () => {
		it('starts waiting at 0 and is found by code with its instructor', async () => {
			const { lesson } = await classWithLesson();
			expect(await codeInUse(database, 'ACDEFG')).toBe(true);
			expect(await codeInUse(database, 'ACDEFH')).toBe(false);
			const found = await lessonByCode(database, 'ACDEFG');
			expect(found?.instructorId).toBe(instructorId);
			expect(stateOf(found!.lesson)).toMatchObject({ status: 'waiting', positionMs: 0, seq: 0, anchorServerMs: 5_000 });
			expect(lesson.id).toBe(found?.lesson.id);
		});
		it('refuses a second lesson with a code already used', async () => {
			await classWithLesson('ACDEFG');
			await expect(classWithLesson('ACDEFG')).rejects.toThrow();
		});
		it('reads the stored states of several lessons at once', async () => {
			const a = await classWithLesson('ACDEFG', 1);
			const b = await classWithLesson('ACDEFH', 2);
			const states = await statesOf(database, [a.lesson.id, b.lesson.id, 'no-such-lesson']);
			expect(states.map((s) => s.code).sort()).toEqual(['ACDEFG', 'ACDEFH']);
			expect(await statesOf(database, [])).toEqual([]);
		});
	});

	describe('participants, attendance and anonymous check-ins', () => {
		it('records attendance with each join and reports it per lesson', async () => {
			const { klass, lesson } = await classWithLesson();
			const ana = await addParticipant(database, lesson, 'Ana', 'hash-a');
			await addParticipant(database, lesson, 'Bo', 'hash-b');
			expect((await participantsOf(database, lesson.id)).map((p) => p.name).sort()).toEqual(['Ana', 'Bo']);
			expect(await participantByToken(database, lesson.id, 'hash-a')).toEqual({ ...ana, checkedIn: false });
			expect(await participantByToken(database, 'other-lesson', 'hash-a')).toBeNull();
			const reports = await lessonReports(database, klass.id, 4);
			expect(reports.map((r) => r.attendance)).toEqual([2, 0, 0, 0]);
			expect(reports[0]).toMatchObject({ runs: 1, liveCode: 'ACDEFG' });
		});

		it('takes one check-in per participant and stores it with no link to them', async () => {
			const { lesson } = await classWithLesson();
			const ana = await addParticipant(database, lesson, 'Ana', 'hash-a');
			expect(await recordCheckIn(database, lesson.id, ana.id, { pain: 3, effort: 'about-right' })).toBe('recorded');
			expect(await recordCheckIn(database, lesson.id, ana.id, { pain: 9, effort: 'too-hard' })).toBe('already');
			const rows = await database.db.select().from(database.tables.checkIns);
			expect(rows).toHaveLength(1);
			expect(Object.keys(rows[0]!).sort()).toEqual(['effort', 'id', 'liveLessonId', 'pain']);
			expect(JSON.stringify(rows)).not.toContain(ana.id);
		});

		it('shows check-in averages only from three answers on, never fewer', async () => {
			const { klass, lesson } = await classWithLesson();
			const answers = [
				{ pain: 2, effort: 'about-right' },
				{ pain: 5, effort: 'too-hard' },
				{ pain: 4, effort: 'about-right' }
			] as const;
			for (const [i, answer] of answers.entries()) {
				const p = await addParticipant(database, lesson, `P${i}`, `hash-${i}`);
				await recordCheckIn(database, lesson.id, p.id, answer);
				const [report] = await lessonReports(database, klass.id, 4);
				if (i < 2) expect(report!.checkIns).toEqual({ count: i + 1, meanPain: null, effort: null });
				else expect(report!.checkIns).toEqual({ count: 3, meanPain: 3.7, effort: { 'too-easy': 0, 'about-right': 2, 'too-hard': 1 } });
			}
		});
	});

	describe('concurrent writes', () => {
		it('lets a room of people join at once: transactions wait for each other instead of failing busy', async () => {
			const { lesson } = await classWithLesson();
			const joined = await Promise.all(
				Array.from({ length: 40 }, (_, i) => addParticipant(database, lesson, `P${i}`, `hash-${i}`))
			);
			expect(joined).toHaveLength(40);
			expect(await participantsOf(database, lesson.id)).toHaveLength(40);
		});
	});
});
