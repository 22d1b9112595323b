import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkCredentials, createInstructor } from '$lib/server/auth/accounts';
import { createSession, instructorForToken } from '$lib/server/auth/sessions';
import { applyCommand } from '$lib/server/classroom/apply-command';
import { createClass, lessonReports } from '$lib/server/classroom/classes';
import { changeLessonState } from '$lib/server/classroom/lesson-state';
import { addParticipant, insertLiveLesson, lessonByCode, participantByToken, recordCheckIn } from '$lib/server/classroom/lessons';
import { copyDatabase, copyOrder, TargetNotEmptyError } from '$lib/server/db/copy';
import type { Database } from '$lib/server/db/database';
import { openPostgres } from '$lib/server/db/open-postgres';
import { openSqlite, type SqliteDatabase } from '$lib/server/db/open-sqlite';
import { resolveMigrationsDir } from '$lib/server/db/paths';
import * as sqliteTables from '$lib/server/db/schema.sqlite';
import { RateLimiter } from '$lib/server/security/rate-limit';
import { buildTimeline } from '../../playback/timeline-builder';
import { freshPostgresUrl, TEST_DIALECTS } from './temp-database';

const run = promisify(execFile);

describe('copyOrder', () => {
	it('puts every table after the tables it refers to', () => {
		const order = copyOrder(sqliteTables);
		expect([...order].sort()).toEqual(Object.keys(sqliteTables).sort());
		const before = (a: string, b: string) => expect(order.indexOf(a as never)).toBeLessThan(order.indexOf(b as never));
		before('instructors', 'authSessions');
		before('instructors', 'classes');
		before('classes', 'liveLessons');
		before('liveLessons', 'lessonEvents');
		before('liveLessons', 'participants');
		before('participants', 'attendance');
		before('liveLessons', 'checkIns');
	});
});

/** A small install: an instructor signed in, a class with a lesson that ran, people, a check-in, a limit. */
async function fill(database: Database): Promise<{ token: string; code: string; classId: string }> {
	const created = await createInstructor(database, 'ana@clinic.org', 'long enough pw');
	if (!created.ok) throw new Error(created.message);
	const { token } = await createSession(database, created.instructor.id);
	const klass = await createClass(database, { instructorId: created.instructor.id, courseId: 'back-school', title: 'Tuesday' });
	const lesson = await insertLiveLesson(database, { classId: klass.id, lessonNumber: 1, code: 'ACDEFG', routineId: 'r', level: 1 });
	const timeline = buildTimeline([{ title: 'Tilt', segments: [{ kind: 'work', ms: 10_000 }] }]);
	await changeLessonState(database, lesson.id, 'cmd-start', (s, now) => applyCommand(s, { type: 'start' }, timeline, now), async () => undefined);
	for (let i = 0; i < 4; i++) {
		const p = await addParticipant(database, lesson, `P${i}`, `hash-${i}`);
		if (i < 3) await recordCheckIn(database, lesson.id, p.id, { pain: 2 + i, effort: 'about-right' });
	}
	await new RateLimiter({ name: 'join-code', limit: 20, windowMs: 60_000 }).fail(database, '192.0.2.1');
	return { token, code: lesson.code, classId: klass.id };
}

describe.runIf(TEST_DIALECTS.includes('postgres'))('copying a SQLite install to PostgreSQL', () => {
	let dir: string;
	let source: SqliteDatabase;
	beforeEach(async () => {
		dir = mkdtempSync(path.join(tmpdir(), 'limber-copy-'));
		source = await openSqlite({ dataDir: dir, migrationsDir: resolveMigrationsDir('sqlite') });
	});
	afterEach(async () => {
		await source.close();
		rmSync(dir, { recursive: true, force: true });
	});

	it('brings every row across: the instructor signs in and stays signed in, the class report is the same', async () => {
		const { token, code, classId } = await fill(source);
		const fresh = await freshPostgresUrl();
		const target = await openPostgres({ url: fresh.url, migrationsDir: resolveMigrationsDir('postgres') });
		try {
			const counts = await copyDatabase(source, target);
			expect(counts).toMatchObject({ instructors: 1, auth_sessions: 1, classes: 1, live_lessons: 1, lesson_events: 1, participants: 4, attendance: 4, check_ins: 3, rate_limits: 1, app_meta: 2 });
			// created_at and the administrator claim (the first account's): the installation is the source's.
			const meta = await target.db.select().from(target.tables.appMeta);
			expect(meta.find((row) => row.key === 'created_at')?.value).toBe(source.createdAt);
			expect(meta.map((row) => row.key).sort()).toEqual(['administrator', 'created_at']);
			expect(await checkCredentials(target, 'ana@clinic.org', 'long enough pw')).toMatchObject({ isAdmin: true });
			expect(await checkCredentials(target, 'ana@clinic.org', 'long enough pw')).toMatchObject({ email: 'ana@clinic.org' });
			expect(await instructorForToken(target, token)).toMatchObject({ email: 'ana@clinic.org' });
			expect(await lessonReports(target, classId, 4)).toEqual(await lessonReports(source, classId, 4));
			expect((await lessonByCode(target, code))?.lesson).toEqual((await lessonByCode(source, code))?.lesson);
			const lessonId = (await lessonByCode(target, code))!.lesson.id;
			expect(await participantByToken(target, lessonId, 'hash-3')).toMatchObject({ name: 'P3', checkedIn: false });
			expect(await participantByToken(target, lessonId, 'hash-0')).toMatchObject({ checkedIn: true });
			// Copying again would duplicate: refused, nothing changed.
			await expect(copyDatabase(source, target)).rejects.toBeInstanceOf(TargetNotEmptyError);
		} finally {
			await target.close();
			await fresh.drop();
		}
	});

	it('runs as `npm run db:copy-to-postgres` from the command line', async () => {
		await fill(source);
		await source.close();
		const fresh = await freshPostgresUrl();
		try {
			const { stdout } = await run('npx', ['tsx', 'scripts/db-copy-to-postgres.ts', `--from=${dir}`, `--to=${fresh.url}`], { timeout: 60_000 });
			expect(stdout).toMatch(/participants: 4 rows/);
			expect(stdout).toMatch(/done: \d+ rows in 13 tables/);
			const again = await run('npx', ['tsx', 'scripts/db-copy-to-postgres.ts', `--from=${dir}`, `--to=${fresh.url}`]).catch((e: { stderr: string; code: number }) => e);
			expect('code' in again && again.code).toBe(1);
			expect('stderr' in again && again.stderr).toMatch(/already has data/);
		} finally {
			await fresh.drop();
			source = await openSqlite({ dataDir: dir, migrationsDir: resolveMigrationsDir('sqlite') });
		}
	});
});
