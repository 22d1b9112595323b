import { error } from '@sveltejs/kit';
import { summarize } from '$lib/routine/catalogue';
import { stepStill } from '$lib/routine/stills';
import { findRoutine, getLibrary, routinePlan, timelineFor } from '$lib/server/content';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	const routine = findRoutine(params.id);
	if (!routine) error(404, 'No routine by that name');
	const { catalog } = getLibrary();
	const still = (s: Parameters<typeof stepStill>[1]): string | null => {
		const file = stepStill(routine, s, catalog);
		return file ? `/media/${file}` : null;
	};
	const levels = routine.levels.map((level, i) => ({
		level: i + 1,
		name: level.name,
		description: level.description ?? null,
		steps: timelineFor(routine, i + 1).steps.map((s) => ({ title: s.title, kind: s.kind, dosage: s.dosage, still: still(s) })),
		durationMs: timelineFor(routine, i + 1).durationMs
	}));
	return { routine, summary: summarize(routine, catalog), levels, plan: routinePlan(routine) };
};
