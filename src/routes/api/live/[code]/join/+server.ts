import type { JoinResponse } from '$lib/classroom/protocol';
import { retryAfterText } from '$lib/server/security/rate-limit';
import { answer, refuse } from '$lib/server/classroom/answers';
import { parseName, readJson } from '$lib/server/classroom/bodies';
import { normalizeJoinCode } from '$lib/server/classroom/join-code';
import { findLesson, join, joinGuesses, participantFor, PARTICIPANT_COOKIE } from '$lib/server/classroom/live';
import type { RequestHandler } from './$types';

/** A participant's cookie lasts the day of the class, long enough for the check-in afterwards. */
const PARTICIPANT_COOKIE_MS = 12 * 60 * 60 * 1000;

export const POST: RequestHandler = async ({ params, request, cookies, url, getClientAddress }) => {
	const ip = getClientAddress();
	const gate = joinGuesses.check(ip);
	if (!gate.allowed) {
		const seconds = Math.ceil(gate.retryAfterMs / 1000);
		return refuse(429, `Too many wrong codes from this network. Try again in ${retryAfterText(gate.retryAfterMs)}.`, {
			'retry-after': String(seconds)
		});
	}
	const code = normalizeJoinCode(params.code);
	const found = code ? await findLesson(code) : { kind: 'missing' as const };
	if (found.kind !== 'live') {
		joinGuesses.fail(ip);
		return refuse(
			404,
			found.kind === 'ended'
				? 'This lesson has ended, so its code no longer works'
				: 'No live lesson has this code. Check the code on the projector and try again.'
		);
	}
	const name = parseName(await readJson(request));
	if (!name.ok) return refuse(400, name.message);
	const known = await participantFor(found.lesson.id, cookies.get(PARTICIPANT_COOKIE));
	if (known) {
		const body: JoinResponse = { participantId: known.id, name: known.name };
		return answer(body);
	}
	const joined = await join(found.lesson, name.value);
	cookies.set(PARTICIPANT_COOKIE, joined.token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		expires: new Date(Date.now() + PARTICIPANT_COOKIE_MS)
	});
	const body: JoinResponse = { participantId: joined.participantId, name: name.value };
	return answer(body);
};
