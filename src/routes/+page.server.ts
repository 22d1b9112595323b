import { byCategory } from '$lib/routine/catalogue';
import { getLibrary } from '$lib/server/content';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ groups: byCategory(getLibrary().summaries) });
