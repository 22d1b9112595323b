import { error } from '@sveltejs/kit';
import { handout } from '$lib/routine/handout';
import { getLibrary } from '$lib/server/content';
import { media } from '$lib/server/media-urls';
import { askedLevel, openProgramme } from '$lib/server/programmes/patient-data';
import type { PageServerLoad } from './$types';

/** The programme's printable handout, with the QR code of its share link. */
export const load: PageServerLoad = async ({ params, url }) => {
	const programme = await openProgramme(params.shareId);
	if (programme.withdrawnAt !== null) error(410, 'Your clinician has withdrawn this programme.');
	const { routine } = programme;
	const level = askedLevel(routine, url);
	return {
		handout: handout(routine, level, media.catalog(getLibrary().catalog)),
		levels: routine.levels.map((l, i) => ({ level: i + 1, name: l.name })),
		shareUrl: new URL(`/p/${programme.id}`, url).href
	};
};
