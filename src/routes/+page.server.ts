import { filterOptions } from '$lib/routine/catalogue-filter';
import { getLibrary } from '$lib/server/content';
import { planContent, planRoutines } from '$lib/server/plan';
import type { PageServerLoad } from './$types';

// Reads no URL state: the filters are applied in the page, so changing them never refetches.
export const load: PageServerLoad = () => {
	const { summaries } = getLibrary();
	return { summaries, options: filterOptions(summaries), planContent: planContent(), planRoutines: planRoutines() };
};
