import { error } from '@sveltejs/kit';
import { handout } from '$lib/routine/handout';
import { findRoutine, getLibrary } from '$lib/server/content';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, url }) => {
	const routine = findRoutine(params.id);
	if (!routine) error(404, 'No routine by that name');
	const asked = url.searchParams.get('level');
	const level = asked === null ? routine.startingLevel.level : Number(asked);
	if (!Number.isInteger(level) || level < 1 || level > routine.levels.length) {
		error(404, `This routine has levels 1 to ${routine.levels.length}`);
	}
	return {
		handout: handout(routine, level, getLibrary().catalog),
		levels: routine.levels.map((l, i) => ({ level: i + 1, name: l.name }))
	};
};
