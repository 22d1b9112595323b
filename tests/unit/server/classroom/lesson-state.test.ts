import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LiveState } from '$lib/classroom/protocol';
import { createInstructor } from '$lib/server/auth/accounts';
import { createClass, runningLesson } from '$lib/server/classroom/classes';
import { changeLessonState, eventState, LessonMissingError, type Decide } from '$lib/server/classroom/lesson-state';
import { insertLiveLesson, lessonByCode, stateOf, type LiveLessonRow } from '$lib/server/classroom/lessons';
import { tempDatabase, TEST_DIALECTS, type TempDatabase } from '../db/temp-database';

/** Moves the lesson on by 1 s per call and stamps the database's clock as the anchor. */
const step: Decide = (state, now) => ({
	kind: 'changed',
	state: { ...state, status: 'playing', positionMs: state.positionMs + 1000, anchorServerMs: now, seq: state.seq + 1 }
});

describe.each(TEST_DIALECTS)('changeLessonState on %s', (dialect) => {
	let database: TempDatabase;
	let lesson: LiveLessonRow;
	const announced: LiveState[] = [];
	const announce = async (_tx: unknown, state: LiveState) => {
		announced.push(state);
	};

	beforeEach(async () => {
		database = await tempDatabase(dialect);
		announced.length = 0;
		const created = await createInstructor(database, 'ana@clinic.org', 'long enough pw');
		if (!created.ok) throw new Error(created.message);
		const klass = await createClass(database, { instructorId: created.instructor.id, courseId: 'back-school', title: 'Tuesday' });
		lesson = await insertLiveLesson(database, { classId: klass.id, lessonNumber: 1, code: 'ACDEFG', routineId: 'r', level: 1 });
	});
	afterEach(() => database.dispose());

	const stored = async () => stateOf((await lessonByCode(database, 'ACDEFG'))!.lesson);

	it('decides from the stored state with the database clock, stores the result and records the event', async () => {
		const before = Date.now();
		const change = await changeLessonState(database, lesson.id, 'cmd-0001', step, announce);
		expect(change.kind).toBe('changed');
		const state = await stored();
		expect(state).toMatchObject({ status: 'playing', positionMs: 1000, seq: 1 });
		// The database's clock and this machine's are the same one here.
		expect(state.anchorServerMs).toBeGreaterThanOrEqual(before - 5);
		expect(state.anchorServerMs).toBeLessThanOrEqual(Date.now() + 5);
		expect(announced).toEqual([state]);
		expect(await eventState(database, lesson.id, 1)).toEqual(state);
		expect(await eventState(database, lesson.id, 2)).toBeNull();
	});

	it('applies a command id once: a retry answers the state without changing it again', async () => {
		await changeLessonState(database, lesson.id, 'cmd-0001', step, announce);
		const again = await changeLessonState(database, lesson.id, 'cmd-0001', step, announce);
		expect(again).toMatchObject({ kind: 'repeated', state: { seq: 1, positionMs: 1000 } });
		expect(announced).toHaveLength(1);
		expect((await stored()).seq).toBe(1);
	});

	it('stores nothing and announces nothing when the command changes nothing or is refused', async () => {
		const same = await changeLessonState(database, lesson.id, 'cmd-0002', (state) => ({ kind: 'unchanged', state }), announce);
		expect(same.kind).toBe('unchanged');
		const refused = await changeLessonState(
			database,
			lesson.id,
			'cmd-0003',
			() => ({ kind: 'refused', reason: 'ended', message: 'This lesson has ended' }),
			announce
		);
		expect(refused.kind).toBe('refused');
		expect(announced).toEqual([]);
		expect((await stored()).seq).toBe(0);
	});

	it('rolls the whole change back when announcing it fails, so no server ever hears of a change that was not stored', async () => {
		await expect(
			changeLessonState(database, lesson.id, 'cmd-0004', step, async () => {
				throw new Error('notify failed');
			})
		).rejects.toThrow('notify failed');
		expect((await stored()).seq).toBe(0);
		expect(await eventState(database, lesson.id, 1)).toBeNull();
		// …and the id is free again for the retry.
		expect((await changeLessonState(database, lesson.id, 'cmd-0004', step, announce)).kind).toBe('changed');
	});

	it('serializes commands racing on one lesson: every one applied once, seqs without gaps, anchors in order', async () => {
		const changes = await Promise.all(
			Array.from({ length: 20 }, (_, i) => changeLessonState(database, lesson.id, `race-${String(i).padStart(4, '0')}`, step, announce))
		);
		expect(changes.every((c) => c.kind === 'changed')).toBe(true);
		const state = await stored();
		expect(state).toMatchObject({ seq: 20, positionMs: 20_000 });
		const bySeq = [...announced].sort((a, b) => a.seq - b.seq);
		expect(bySeq.map((s) => s.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
		// Each decision saw the one before it: position and anchor never go backwards.
		for (let i = 1; i < bySeq.length; i++) {
			expect(bySeq[i]!.positionMs).toBe(bySeq[i - 1]!.positionMs + 1000);
			expect(bySeq[i]!.anchorServerMs).toBeGreaterThanOrEqual(bySeq[i - 1]!.anchorServerMs);
		}
	});

	it('stamps the end, so the lesson no longer counts as running', async () => {
		await changeLessonState(database, lesson.id, 'cmd-end1', (state, now) => ({ kind: 'changed', state: { ...state, status: 'ended', anchorServerMs: now, seq: 1 } }), announce);
		const ended = (await lessonByCode(database, 'ACDEFG'))!.lesson;
		expect(ended.status).toBe('ended');
		expect(ended.endedAt).toBeGreaterThan(0);
		expect(await runningLesson(database, ended.classId, 1)).toBeNull();
	});

	it('says so when the lesson does not exist', async () => {
		await expect(changeLessonState(database, 'no-such-lesson', 'cmd-0005', step, announce)).rejects.toBeInstanceOf(LessonMissingError);
	});
});
