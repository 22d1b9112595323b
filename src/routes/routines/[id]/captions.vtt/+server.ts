import { readingCues, toWebVtt } from '$lib/routine/captions';
import { captionLines } from '$lib/routine/caption-lines';
import { sessionCaptions } from '$lib/server/captions';
import { routineAndLevel } from '$lib/server/content';
import type { RequestHandler } from './$types';

/**
 * Everything a session says, as a WebVTT captions file on the session's own time: each
 * spoken line split into captions of at most two lines of about 42 characters, shown in turn
 * as it is said.
 */
export const GET: RequestHandler = ({ params, url }) => {
	const { routine, level } = routineAndLevel(params.id, url);
	const { timeline, spans } = sessionCaptions(routine, level);
	const body = toWebVtt(readingCues(spans, captionLines), `${timeline.title}, level ${level}: ${timeline.levelName}. Times are from the start of the session.`);
	return new Response(body, {
		headers: {
			'content-type': 'text/vtt; charset=utf-8',
			'content-disposition': `inline; filename="${routine.id}-level-${level}.vtt"`,
			// Shipped content only changes with a deploy.
			'cache-control': 'public, max-age=3600'
		}
	});
};
