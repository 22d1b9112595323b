import type { JoinResponse } from '$lib/classroom/protocol';
import { answer, refuse } from '$lib/server/classroom/answers';
import { parseName } from '$lib/server/classroom/bodies';
import { joinLesson } from '$lib/server/classroom/join-lesson';
import { PARTICIPANT_COOKIE } from '$lib/server/classroom/live';
import { orUnavailable } from '$lib/server/classroom/unavailable-answer';
import { readJsonBody } from '$lib/server/request-body';
import type { RequestHandler } from './$types';

/** A participant's cookie lasts the day of the class, long enough for the check-in afterwards. */
const PARTICIPANT_COOKIE_MS = 12 * 60 * 60 * 1000;

export const POST: RequestHandler = ({ params, request, cookies, url, getClientAddress }) =>
	orUnavailable(async () => {
		const body = await readJsonBody(request);
		if (!body.ok) return refuse(body.status, body.message);
		const name = parseName(body.value);
		const outcome = await joinLesson(getClientAddress(), params.code, name, cookies.get(PARTICIPANT_COOKIE));
		if (!outcome.ok) {
			const headers = outcome.retryAfterMs === undefined ? undefined : { 'retry-after': String(Math.ceil(outcome.retryAfterMs / 1000)) };
			return refuse(outcome.status, outcome.message, headers);
		}
		if (outcome.newToken !== null) {
			cookies.set(PARTICIPANT_COOKIE, outcome.newToken, {
				path: '/',
				httpOnly: true,
				sameSite: 'lax',
				secure: url.protocol === 'https:',
				expires: new Date(Date.now() + PARTICIPANT_COOKIE_MS)
			});
		}
		return answer({ participantId: outcome.participantId, name: outcome.name } satisfies JoinResponse);
	});
