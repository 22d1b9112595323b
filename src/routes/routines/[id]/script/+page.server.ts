import { sessionCaptions } from '$lib/server/captions';
import { routineAndLevel } from '$lib/server/content';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, url }) => {
	const { routine, level } = routineAndLevel(params.id, url);
	const { timeline, spans, source } = sessionCaptions(routine, level);
	return {
		routine: { id: routine.id, title: routine.title },
		level,
		levelName: timeline.levelName,
		durationMs: timeline.durationMs,
		lines: spans.map((s) => ({ atMs: s.startMs, text: s.text })),
		source,
		levels: routine.levels.map((l, i) => ({ level: i + 1, name: l.name }))
	};
};
