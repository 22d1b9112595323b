/** Clinician and instructor accounts: sign-up and the credential check behind sign-in. */
import { randomUUID } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Database } from '../db/database';
import { claimAdministrator, oldestAccount } from './administrator';
import { CLOSED_SIGN_UP_MESSAGE, inviteRefusal, inviteStateIn } from './invites';
import { hashToken } from './token';
import { decoyHash, hashPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, verifyPassword } from './password';

export interface Instructor {
	readonly id: string;
	readonly email: string;
	/** May invite and remove accounts (see administrator.ts). */
	readonly isAdmin: boolean;
}

export function normalizeEmail(email: string): string {
	return email.trim().toLowerCase();
}

/** A message a person can act on, or null when the pair is acceptable for a new account. */
export function signUpProblem(email: string, password: string): string | null {
	// Deliberately loose: the only real check of an address is mail reaching it.
	if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254) return 'Enter an email address like name@clinic.org';
	if (password.length < PASSWORD_MIN_LENGTH) return `Choose a password of at least ${PASSWORD_MIN_LENGTH} characters`;
	if (password.length > PASSWORD_MAX_LENGTH) return `Choose a password of at most ${PASSWORD_MAX_LENGTH} characters`;
	return null;
}

export type SignUpResult = { readonly ok: true; readonly instructor: Instructor } | { readonly ok: false; readonly message: string };

/** How a sign-up may proceed: anyone (LIMBER_OPEN_SIGNUP=1, and tests), or only with an invite. */
export interface SignUpAccess {
	readonly open: boolean;
	/** The token from the invite link, if the person has one. */
	readonly inviteToken?: string | null;
}

const OPEN: SignUpAccess = { open: true };
const EMAIL_TAKEN = 'There is already an account for this email: sign in instead';

class EmailTaken extends Error {}

/**
 * Makes an account. The first one on an install becomes the administrator; while sign-up is
 * closed every later one needs an unused, unexpired invite, spent in the same transaction
 * (so an invite used twice at once makes one account, and a refused account spends none).
 */
export async function createInstructor(
	database: Database,
	email: string,
	password: string,
	now = Date.now(),
	access: SignUpAccess = OPEN
): Promise<SignUpResult> {
	const normalized = normalizeEmail(email);
	const problem = signUpProblem(normalized, password);
	if (problem) return { ok: false, message: problem };
	const id = randomUUID();
	const passwordHash = await hashPassword(password);
	const { tables } = database;
	const { instructors, invites } = tables;
	try {
		return await database.transaction(async (tx): Promise<SignUpResult> => {
			let isAdmin = false;
			if (await claimAdministrator(tx, tables, now)) {
				const earlier = await oldestAccount(tx, tables);
				// An install from before administrators: its oldest account takes the role.
				if (earlier) await tx.update(instructors).set({ isAdmin: true }).where(eq(instructors.id, earlier));
				else isAdmin = true;
			}
			if (!isAdmin && !access.open) {
				const token = access.inviteToken ?? '';
				if (!token) return { ok: false, message: CLOSED_SIGN_UP_MESSAGE };
				const spent = await tx
					.update(invites)
					.set({ usedAt: now, usedBy: id })
					.where(and(eq(invites.id, hashToken(token)), isNull(invites.usedAt), gt(invites.expiresAt, now)))
					.returning({ id: invites.id });
				if (spent.length === 0) {
					const state = await inviteStateIn(tx, tables, token, now);
					return { ok: false, message: inviteRefusal(state === 'usable' ? 'used' : state) };
				}
			}
			const inserted = await tx
				.insert(instructors)
				.values({ id, email: normalized, passwordHash, createdAt: now, isAdmin })
				.onConflictDoNothing({ target: instructors.email })
				.returning({ id: instructors.id });
			// Thrown, not returned, so the invite just spent is given back by the rollback.
			if (inserted.length === 0) throw new EmailTaken();
			return { ok: true, instructor: { id, email: normalized, isAdmin } };
		});
	} catch (error) {
		if (error instanceof EmailTaken) return { ok: false, message: EMAIL_TAKEN };
		throw error;
	}
}

/** The instructor whose email and password these are, or null (same time either way). */
export async function checkCredentials(database: Database, email: string, password: string): Promise<Instructor | null> {
	const { db, tables: { instructors } } = database;
	const normalized = normalizeEmail(email);
	const [row] = await db.select().from(instructors).where(eq(instructors.email, normalized));
	if (password.length > PASSWORD_MAX_LENGTH) return null;
	const ok = await verifyPassword(password, row?.passwordHash ?? (await decoyHash()));
	return ok && row ? { id: row.id, email: row.email, isAdmin: row.isAdmin } : null;
}
