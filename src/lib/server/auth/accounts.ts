/** Instructor accounts: sign-up and the credential check behind sign-in. */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '../db/database';
import { decoyHash, hashPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, verifyPassword } from './password';

export interface Instructor {
	readonly id: string;
	readonly email: string;
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

export async function createInstructor(database: Database, email: string, password: string, now = Date.now()): Promise<SignUpResult> {
	const normalized = normalizeEmail(email);
	const problem = signUpProblem(normalized, password);
	if (problem) return { ok: false, message: problem };
	const instructor = { id: randomUUID(), email: normalized };
	const passwordHash = await hashPassword(password);
	const { db, tables } = database;
	const { instructors } = tables;
	const inserted = await database.write(() =>
		db
			.insert(instructors)
			.values({ ...instructor, passwordHash, createdAt: now })
			.onConflictDoNothing({ target: instructors.email })
			.returning({ id: instructors.id })
	);
	if (inserted.length === 0) return { ok: false, message: 'There is already an account for this email: sign in instead' };
	return { ok: true, instructor };
}

/** The instructor whose email and password these are, or null (same time either way). */
export async function checkCredentials(database: Database, email: string, password: string): Promise<Instructor | null> {
	const { db, tables: { instructors } } = database;
	const normalized = normalizeEmail(email);
	const [row] = await db.select().from(instructors).where(eq(instructors.email, normalized));
	if (password.length > PASSWORD_MAX_LENGTH) return null;
	const ok = await verifyPassword(password, row?.passwordHash ?? (await decoyHash()));
	return ok && row ? { id: row.id, email: row.email } : null;
}
