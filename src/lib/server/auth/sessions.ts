/** Instructor sign-in sessions: a random token in an httpOnly cookie, its hash in the database. */
import { and, eq, gt, lte } from 'drizzle-orm';
import type { Cookies } from '@sveltejs/kit';
import type { Database } from '../db/database';
import type { Instructor } from './accounts';
import { hashToken, newToken } from './token';

export const SESSION_COOKIE = 'limber_session';
export const SESSION_DAYS = 30;
const SESSION_MS = SESSION_DAYS * 24 * 60 * 60 * 1000;

export async function createSession(database: Database, instructorId: string, now = Date.now()): Promise<{ token: string; expiresAt: number }> {
	const { authSessions } = database.tables;
	const token = newToken();
	const expiresAt = now + SESSION_MS;
	await database.transaction(async (tx) => {
			// Expired sessions of this instructor go as a new one starts, so the table stays small.
			await tx.delete(authSessions).where(and(eq(authSessions.instructorId, instructorId), lte(authSessions.expiresAt, now)));
			await tx.insert(authSessions).values({ id: hashToken(token), instructorId, expiresAt });
		});
	return { token, expiresAt };
}

export async function instructorForToken(database: Database, token: string, now = Date.now()): Promise<Instructor | null> {
	const { db, tables: { authSessions, instructors } } = database;
	const [row] = await db
		.select({ id: instructors.id, email: instructors.email, isAdmin: instructors.isAdmin })
		.from(authSessions)
		.innerJoin(instructors, eq(instructors.id, authSessions.instructorId))
		.where(and(eq(authSessions.id, hashToken(token)), gt(authSessions.expiresAt, now)));
	return row ?? null;
}

export async function deleteSession(database: Database, token: string): Promise<void> {
	const { db, tables: { authSessions } } = database;
	await database.write(() => db.delete(authSessions).where(eq(authSessions.id, hashToken(token))));
}

/** httpOnly and SameSite=Lax always; Secure whenever the site is served over https. */
export function setSessionCookie(cookies: Cookies, url: URL, token: string, expiresAt: number): void {
	cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		expires: new Date(expiresAt)
	});
}

export function clearSessionCookie(cookies: Cookies, url: URL): void {
	cookies.delete(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:' });
}
