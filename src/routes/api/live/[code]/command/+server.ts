import { answer, refuse } from '$lib/server/classroom/answers';
import { parseCommand, parseCommandId } from '$lib/server/classroom/bodies';
import { normalizeJoinCode } from '$lib/server/classroom/join-code';
import { findLesson, runCommand } from '$lib/server/classroom/live';
import { orUnavailable } from '$lib/server/classroom/unavailable-answer';
import { readJsonBody } from '$lib/server/request-body';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = ({ params, request, locals }) =>
	orUnavailable(async () => {
		const code = normalizeJoinCode(params.code);
		const found = code ? await findLesson(code) : { kind: 'missing' as const };
		if (found.kind === 'missing') return refuse(404, 'There is no live lesson with this code');
		// Checked on every command, before anything about the lesson's state is revealed.
		const owner = found.kind === 'live' ? found.room.instructorId : found.instructorId;
		if (locals.instructor?.id !== owner) return refuse(403, "Only this lesson's instructor can control it");
		if (found.kind === 'ended') return refuse(410, 'This lesson has ended');
		const body = await readJsonBody(request);
		if (!body.ok) return refuse(body.status, body.message);
		const command = parseCommand(body.value);
		if (!command.ok) return refuse(400, command.message);
		const result = await runCommand(found.room, command.value, parseCommandId(body.value));
		if (result.kind === 'refused') return refuse(result.reason === 'ended' ? 409 : 400, result.message);
		return answer(result.state);
	});
