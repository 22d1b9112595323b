/**
 * Joining a live lesson by its code: the guessing limit, the lesson lookup, recognising a
 * browser that already joined, and adding a new participant. The endpoint only turns the
 * outcome into HTTP.
 */
import { getDatabase } from '../db';
import { retryAfterText } from '../security/rate-limit';
import { normalizeJoinCode } from './join-code';
import { findLesson, join, joinGuesses, participantFor } from './live';

export type JoinOutcome =
	| { readonly ok: true; readonly participantId: string; readonly name: string; readonly newToken: string | null }
	| { readonly ok: false; readonly status: 400 | 404 | 429; readonly message: string; readonly retryAfterMs?: number };

/** The display name as read from the request: checked only once the code is known to be live. */
export type NameInput = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly message: string };

export async function joinLesson(ip: string, rawCode: string, name: NameInput, cookieToken: string | undefined): Promise<JoinOutcome> {
	const database = await getDatabase();
	const gate = await joinGuesses.check(database, ip);
	if (!gate.allowed) {
		return {
			ok: false,
			status: 429,
			message: `Too many wrong codes from this network. Try again in ${retryAfterText(gate.retryAfterMs)}.`,
			retryAfterMs: gate.retryAfterMs
		};
	}
	const code = normalizeJoinCode(rawCode);
	const found = code ? await findLesson(code) : { kind: 'missing' as const };
	if (found.kind !== 'live') {
		await joinGuesses.fail(database, ip);
		return {
			ok: false,
			status: 404,
			message:
				found.kind === 'ended'
					? 'This lesson has ended, so its code no longer works'
					: 'No live lesson has this code. Check the code on the projector and try again.'
		};
	}
	if (!name.ok) return { ok: false, status: 400, message: name.message };
	const known = await participantFor(found.lesson.id, cookieToken);
	if (known) return { ok: true, participantId: known.id, name: known.name, newToken: null };
	const joined = await join(found.lesson, name.value);
	return { ok: true, participantId: joined.participantId, name: name.value, newToken: joined.token };
}
