import { getLibrary, routinePlan } from '$lib/server/content';
import type { PageServerLoad } from './$types';

/** Only the routines' plans come from the server; the person's history never leaves the browser. */
export const load: PageServerLoad = () => ({
	plans: [...getLibrary().routines.values()].map(routinePlan)
});
