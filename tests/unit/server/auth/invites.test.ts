import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createInstructor, type Instructor } from '$lib/server/auth/accounts';
import { ensureAdministrator, LAST_ADMINISTRATOR_MESSAGE, listAccounts, removeAccount } from '$lib/server/auth/administrator';
import { CLOSED_SIGN_UP_MESSAGE, createInvite, INVITE_DAYS, inviteState, openInvites, revokeInvite } from '$lib/server/auth/invites';
import { createSession, instructorForToken } from '$lib/server/auth/sessions';
import { hashToken } from '$lib/server/auth/token';
import { tempDatabase, TEST_DIALECTS, type TempDatabase } from '../db/temp-database';

const PASSWORD = 'long enough pw';
const DAY = 24 * 60 * 60 * 1000;
const CLOSED = { open: false } as const;

describe.each(TEST_DIALECTS)('on %s', (dialect) => {
	let database: TempDatabase;
	beforeEach(async () => {
		database = await tempDatabase(dialect);
	});
	afterEach(() => database.dispose());

	async function admin(): Promise<Instructor> {
		const created = await createInstructor(database, 'admin@clinic.org', PASSWORD, 1000, CLOSED);
		if (!created.ok) throw new Error(created.message);
		return created.instructor;
	}

	describe('the first account', () => {
		it('is the administrator, and closed sign-up then needs an invite', async () => {
			const first = await admin();
			expect(first.isAdmin).toBe(true);
			expect(await createInstructor(database, 'bo@clinic.org', PASSWORD, 2000, CLOSED)).toEqual({ ok: false, message: CLOSED_SIGN_UP_MESSAGE });
			const open = await createInstructor(database, 'cy@clinic.org', PASSWORD, 3000, { open: true });
			expect(open).toMatchObject({ ok: true, instructor: { isAdmin: false } });
			expect((await listAccounts(database)).map((a) => [a.email, a.isAdmin])).toEqual([
				['admin@clinic.org', true],
				['cy@clinic.org', false]
			]);
		});

		it('goes to one of two simultaneous first sign-ups only', async () => {
			const results = await Promise.all(
				['a@clinic.org', 'b@clinic.org', 'c@clinic.org'].map((email) => createInstructor(database, email, PASSWORD, 1000, CLOSED))
			);
			const made = results.filter((r) => r.ok);
			expect(made).toHaveLength(1);
			expect(made[0]).toMatchObject({ instructor: { isAdmin: true } });
			expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.message)).toEqual([CLOSED_SIGN_UP_MESSAGE, CLOSED_SIGN_UP_MESSAGE]);
			const accounts = await listAccounts(database);
			expect(accounts.filter((a) => a.isAdmin)).toHaveLength(1);
		});

		it('with open sign-up, racing first accounts are all made and one is administrator', async () => {
			const results = await Promise.all(['a@clinic.org', 'b@clinic.org'].map((email) => createInstructor(database, email, PASSWORD, 1000)));
			expect(results.every((r) => r.ok)).toBe(true);
			expect((await listAccounts(database)).filter((a) => a.isAdmin)).toHaveLength(1);
		});

		it('on an install from before administrators, is the oldest account, made so at start', async () => {
			const { db, tables } = database;
			await db.insert(tables.instructors).values([
				{ id: 'old-2', email: 'later@clinic.org', passwordHash: 'x', createdAt: 20 },
				{ id: 'old-1', email: 'oldest@clinic.org', passwordHash: 'x', createdAt: 10 }
			]);
			await ensureAdministrator(database);
			await ensureAdministrator(database);
			expect((await listAccounts(database)).map((a) => [a.email, a.isAdmin])).toEqual([
				['oldest@clinic.org', true],
				['later@clinic.org', false]
			]);
			// And a stranger's sign-up does not take the role.
			expect(await createInstructor(database, 'new@clinic.org', PASSWORD, 30, CLOSED)).toEqual({ ok: false, message: CLOSED_SIGN_UP_MESSAGE });
		});

		it('leaves a fresh install alone at start', async () => {
			await ensureAdministrator(database);
			expect((await admin()).isAdmin).toBe(true);
		});
	});

	describe('invites', () => {
		it('make one account, once, storing only the hash of the token', async () => {
			const me = await admin();
			const invite = await createInvite(database, me.id, 5000);
			if (!invite.ok) throw new Error(invite.message);
			expect(invite.expiresAt).toBe(5000 + INVITE_DAYS * DAY);
			const rows = await database.db.select().from(database.tables.invites);
			expect(rows.map((r) => r.id)).toEqual([hashToken(invite.token)]);
			expect(await inviteState(database, invite.token, 6000)).toBe('usable');

			const joined = await createInstructor(database, 'bo@clinic.org', PASSWORD, 6000, { open: false, inviteToken: invite.token });
			expect(joined).toMatchObject({ ok: true, instructor: { email: 'bo@clinic.org', isAdmin: false } });
			expect(await inviteState(database, invite.token, 7000)).toBe('used');
			const again = await createInstructor(database, 'cy@clinic.org', PASSWORD, 7000, { open: false, inviteToken: invite.token });
			expect(again.ok).toBe(false);
			expect(!again.ok && again.message).toContain('already been used');
			expect(await openInvites(database, 7000)).toEqual([]);
		});

		it('refuse an expired invite, and an unknown one', async () => {
			const me = await admin();
			const invite = await createInvite(database, me.id, 5000);
			if (!invite.ok) throw new Error(invite.message);
			const late = await createInstructor(database, 'bo@clinic.org', PASSWORD, invite.expiresAt, { open: false, inviteToken: invite.token });
			expect(!late.ok && late.message).toContain('expired');
			expect(await inviteState(database, invite.token, invite.expiresAt)).toBe('expired');
			const made = await createInstructor(database, 'bo@clinic.org', PASSWORD, 6000, { open: false, inviteToken: `${invite.token}x` });
			expect(!made.ok && made.message).toContain('does not work');
			expect((await listAccounts(database)).map((a) => a.email)).toEqual(['admin@clinic.org']);
		});

		it('are not spent by a refused sign-up (the email is taken)', async () => {
			const me = await admin();
			const invite = await createInvite(database, me.id, 5000);
			if (!invite.ok) throw new Error(invite.message);
			const taken = await createInstructor(database, 'admin@clinic.org', PASSWORD, 6000, { open: false, inviteToken: invite.token });
			expect(!taken.ok && taken.message).toContain('already an account');
			expect(await inviteState(database, invite.token, 6000)).toBe('usable');
		});

		it('used twice at once make one account', async () => {
			const me = await admin();
			const invite = await createInvite(database, me.id, 5000);
			if (!invite.ok) throw new Error(invite.message);
			const results = await Promise.all(
				['bo@clinic.org', 'cy@clinic.org'].map((email) => createInstructor(database, email, PASSWORD, 6000, { open: false, inviteToken: invite.token }))
			);
			expect(results.filter((r) => r.ok)).toHaveLength(1);
			expect(await listAccounts(database)).toHaveLength(2);
		});

		it('are listed while open and can be revoked', async () => {
			const me = await admin();
			const a = await createInvite(database, me.id, 5000);
			const b = await createInvite(database, me.id, 6000);
			if (!a.ok || !b.ok) throw new Error('no invite');
			const listed = await openInvites(database, 7000);
			expect(listed.map((i) => [i.id, i.createdByEmail])).toEqual([
				[hashToken(a.token), 'admin@clinic.org'],
				[hashToken(b.token), 'admin@clinic.org']
			]);
			expect(await revokeInvite(database, hashToken(a.token))).toBe(true);
			expect(await revokeInvite(database, hashToken(a.token))).toBe(false);
			expect(await inviteState(database, a.token, 7000)).toBe('unknown');
			expect((await openInvites(database, 7000)).map((i) => i.id)).toEqual([hashToken(b.token)]);
			expect(await openInvites(database, b.expiresAt)).toEqual([]);
		});
	});

	describe('removing accounts', () => {
		it('removes an account with its sessions, and never the last administrator', async () => {
			const me = await admin();
			const bo = await createInstructor(database, 'bo@clinic.org', PASSWORD, 2000, { open: true });
			if (!bo.ok) throw new Error(bo.message);
			const session = await createSession(database, bo.instructor.id, 3000);
			expect(await removeAccount(database, bo.instructor.id)).toEqual({ ok: true, email: 'bo@clinic.org' });
			expect(await instructorForToken(database, session.token, 4000)).toBeNull();
			expect(await removeAccount(database, bo.instructor.id)).toMatchObject({ ok: false });
			expect(await removeAccount(database, me.id)).toEqual({ ok: false, message: LAST_ADMINISTRATOR_MESSAGE });
			expect((await listAccounts(database)).map((a) => a.email)).toEqual(['admin@clinic.org']);
		});

		it('removes an administrator while another one remains', async () => {
			const me = await admin();
			const other = await createInstructor(database, 'bo@clinic.org', PASSWORD, 2000, { open: true });
			if (!other.ok) throw new Error(other.message);
			await database.db.update(database.tables.instructors).set({ isAdmin: true }).where(eq(database.tables.instructors.id, other.instructor.id));
			expect(await removeAccount(database, me.id)).toEqual({ ok: true, email: 'admin@clinic.org' });
			expect(await removeAccount(database, other.instructor.id)).toEqual({ ok: false, message: LAST_ADMINISTRATOR_MESSAGE });
		});
	});
});
