/**
 * Who is signed in, for the request hook. Normally the database says (so a sign-out on any
 * server counts at once). While the database cannot be reached, the answer this server had
 * for the same cookie in the last hour stands in, so a brief outage does not turn an
 * instructor's console stream into a stranger's; anything that writes fails with 503 anyway.
 */
import { getDatabase } from '../db';
import { isDatabaseUnavailable } from '../db/unavailable';
import type { Instructor } from './accounts';
import { instructorForToken } from './sessions';
import { hashToken } from './token';

const REMEMBER_MS = 60 * 60 * 1000;
const REMEMBER_AT_MOST = 1000;

const recent = new Map<string, { readonly instructor: Instructor | null; readonly at: number }>();

export async function currentInstructor(token: string, now = Date.now()): Promise<Instructor | null> {
	const key = hashToken(token);
	try {
		const instructor = await instructorForToken(await getDatabase(), token, now);
		recent.delete(key);
		if (recent.size >= REMEMBER_AT_MOST) recent.delete(recent.keys().next().value ?? '');
		recent.set(key, { instructor, at: now });
		return instructor;
	} catch (error) {
		const remembered = recent.get(key);
		if (!isDatabaseUnavailable(error) || !remembered || now - remembered.at > REMEMBER_MS) throw error;
		return remembered.instructor;
	}
}
