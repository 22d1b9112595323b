import { refuse } from '$lib/server/classroom/answers';
import type { Viewer } from '$lib/server/classroom/hub';
import { normalizeJoinCode } from '$lib/server/classroom/join-code';
import { findLesson, hub, participantFor, PARTICIPANT_COOKIE } from '$lib/server/classroom/live';
import { nodeEventStream } from '$lib/server/classroom/node-event-stream';
import { comeBackLater, parseLastEventId } from '$lib/server/classroom/sse';
import { isDatabaseUnavailable } from '$lib/server/db/unavailable';
import { linkedResponse } from '$lib/server/http/node-response';
import type { RequestHandler } from './$types';

const SSE_HEADERS = {
	'content-type': 'text/event-stream; charset=utf-8',
	'cache-control': 'no-store',
	// Reverse proxies (nginx) would otherwise hold events back in a buffer.
	'x-accel-buffering': 'no'
} as const;

/**
 * The lesson's state as Server-Sent Events. Anyone with the code may listen (the
 * projector, a phone before joining): the code is what admits a person to the room, and
 * the stream carries only where the class is. The roster goes to the instructor only.
 *
 * While the database cannot be reached, a lesson this server holds is still streamed (a
 * participant it cannot look up listens as a viewer); one it does not hold gets a stream
 * that ends at once after `retry:`. Not an error status: EventSource gives up for good on
 * those, and a phone must come back by itself when the database does.
 *
 * Under `node build` the events go straight to the socket (node-event-stream.ts: a full
 * room's fan-out costs one write per connection); under `vite dev`, through the body.
 */
export const GET: RequestHandler = async ({ params, request, locals, cookies, platform }) => {
	const code = normalizeJoinCode(params.code);
	let found: Awaited<ReturnType<typeof findLesson>>;
	try {
		found = code ? await findLesson(code) : { kind: 'missing' as const };
	} catch (error) {
		if (!isDatabaseUnavailable(error)) throw error;
		return new Response(comeBackLater(), { headers: SSE_HEADERS });
	}
	if (found.kind === 'missing') return refuse(404, 'There is no live lesson with this code');
	const room = found.room;
	// A 4xx makes EventSource stop retrying, which is what a screen of an ended lesson should do.
	if (!room) return refuse(410, 'This lesson has ended');
	let viewer: Viewer = { role: 'viewer' };
	if (locals.instructor?.id === room.instructorId) viewer = { role: 'instructor' };
	else {
		const participant = await participantFor(found.lesson.id, cookies.get(PARTICIPANT_COOKIE)).catch((error: unknown) => {
			if (isDatabaseUnavailable(error)) return null;
			throw error;
		});
		if (participant) viewer = { role: 'participant', participantId: participant.id };
	}
	// SvelteKit answers HEAD with GET: a stream would hold the request open with nothing sent.
	if (request.method === 'HEAD') return new Response(null, { headers: SSE_HEADERS });
	const lastEventId = parseLastEventId(request.headers.get('last-event-id'));
	const res = linkedResponse(platform?.req);
	const body = res
		? nodeEventStream(res, (sink) => hub.attach(room.code, viewer, lastEventId, sink))
		: hub.connect(room.code, viewer, lastEventId, request.signal);
	return new Response(body, { headers: SSE_HEADERS });
};
