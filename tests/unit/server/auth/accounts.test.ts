import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkCredentials, createInstructor, signUpProblem } from '$lib/server/auth/accounts';
import { createSession, deleteSession, instructorForToken } from '$lib/server/auth/sessions';
import { hashToken } from '$lib/server/auth/token';
import { tempDatabase, TEST_DIALECTS, type TempDatabase } from '../db/temp-database';

describe.each(TEST_DIALECTS)('on %s', (dialect) => {
	let database: TempDatabase;
	beforeEach(async () => {
		database = await tempDatabase(dialect);
	});
	afterEach(() => database.dispose());

	describe('accounts', () => {
		it('signs up once per email, whatever its case, and checks credentials', async () => {
			const created = await createInstructor(database, ' Ana@Clinic.org ', 'long enough pw');
			expect(created).toMatchObject({ ok: true, instructor: { email: 'ana@clinic.org' } });
			const again = await createInstructor(database, 'ana@clinic.org', 'another long pw');
			expect(again).toEqual({ ok: false, message: 'There is already an account for this email: sign in instead' });
			expect(await checkCredentials(database, 'ANA@clinic.org', 'long enough pw')).toMatchObject({ email: 'ana@clinic.org' });
			expect(await checkCredentials(database, 'ana@clinic.org', 'long enough px')).toBeNull();
			expect(await checkCredentials(database, 'bo@clinic.org', 'long enough pw')).toBeNull();
		});
		it.each([
			['not-an-email', 'long enough pw', 'Enter an email address'],
			['a@b.org', 'short', 'at least 10 characters'],
			['a@b.org', 'x'.repeat(201), 'at most 200 characters']
		])('refuses %j / %j with a message a person can act on', (email, password, message) => {
			expect(signUpProblem(email, password)).toContain(message);
		});
	});

	describe('sessions', () => {
		it('finds the instructor by token until it expires or is deleted, storing only the hash', async () => {
			const created = await createInstructor(database, 'ana@clinic.org', 'long enough pw');
			if (!created.ok) throw new Error(created.message);
			const now = 1_000_000;
			const { token, expiresAt } = await createSession(database, created.instructor.id, now);
			const rows = await database.db.select().from(database.tables.authSessions);
			expect(rows.map((r) => r.id)).toEqual([hashToken(token)]);
			expect(await instructorForToken(database, token, now + 1)).toEqual(created.instructor);
			expect(await instructorForToken(database, token, expiresAt)).toBeNull();
			expect(await instructorForToken(database, `${token}x`, now)).toBeNull();
			await deleteSession(database, token);
			expect(await instructorForToken(database, token, now + 1)).toBeNull();
		});
		it('clears an instructor’s expired sessions when a new one starts', async () => {
			const created = await createInstructor(database, 'ana@clinic.org', 'long enough pw');
			if (!created.ok) throw new Error(created.message);
			const old = await createSession(database, created.instructor.id, 0);
			await createSession(database, created.instructor.id, old.expiresAt + 1);
			expect(await database.db.select().from(database.tables.authSessions)).toHaveLength(1);
		});
	});
});
