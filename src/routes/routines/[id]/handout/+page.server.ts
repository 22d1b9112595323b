import { handout } from '$lib/routine/handout';
import { getLibrary, routineAndLevel } from '$lib/server/content';
import { media } from '$lib/server/media-urls';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, url }) => {
	const { routine, level } = routineAndLevel(params.id, url);
	return {
		handout: handout(routine, level, media.catalog(getLibrary().catalog)),
		levels: routine.levels.map((l, i) => ({ level: i + 1, name: l.name })),
		shareUrl: null
	};
};
