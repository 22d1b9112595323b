import { answer, refuse } from '$lib/server/classroom/answers';
import { parseCheckIn } from '$lib/server/classroom/bodies';
import { normalizeJoinCode } from '$lib/server/classroom/join-code';
import { checkIn, findLesson, participantFor, PARTICIPANT_COOKIE } from '$lib/server/classroom/live';
import { orUnavailable } from '$lib/server/classroom/unavailable-answer';
import { readJsonBody } from '$lib/server/request-body';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = ({ params, request, cookies }) =>
	orUnavailable(async () => {
		const code = normalizeJoinCode(params.code);
		const found = code ? await findLesson(code) : { kind: 'missing' as const };
		if (found.kind === 'missing') return refuse(404, 'There is no lesson with this code');
		const participant = await participantFor(found.lesson.id, cookies.get(PARTICIPANT_COOKIE));
		if (!participant) return refuse(403, 'Only people who joined this lesson can answer its check-in');
		if (found.kind !== 'ended') return refuse(409, 'The check-in opens when the lesson ends');
		const body = await readJsonBody(request);
		if (!body.ok) return refuse(body.status, body.message);
		const parsed = parseCheckIn(body.value);
		if (!parsed.ok) return refuse(400, parsed.message);
		const outcome = await checkIn(found.lesson.id, participant.id, parsed.value);
		if (outcome === 'already') return refuse(409, 'You have already answered the check-in for this lesson');
		return answer({ recorded: true });
	});
