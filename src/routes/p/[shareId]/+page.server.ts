import { openProgramme, programmePage } from '$lib/server/programmes/patient-data';
import type { PageServerLoad } from './$types';

/** No account: the link is the key. A withdrawn programme's page says so and shows nothing to play. */
export const load: PageServerLoad = async ({ params }) => {
	const programme = await openProgramme(params.shareId);
	if (programme.withdrawnAt !== null) return { shareId: programme.id, title: programme.title, withdrawn: true as const, page: null };
	return { shareId: programme.id, title: programme.title, withdrawn: false as const, page: programmePage(programme.routine) };
};
