import { error } from '@sveltejs/kit';
import { compile } from '$lib/routine/compile';
import { playerData } from '$lib/server/player-data';
import { askedLevel, openProgramme } from '$lib/server/programmes/patient-data';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	const programme = await openProgramme(params.shareId);
	if (programme.withdrawnAt !== null) error(410, 'Your clinician has withdrawn this programme. Your history on this device is kept.');
	const level = askedLevel(programme.routine, url);
	return playerData(programme.routine, level, url.searchParams.get('track') === 'off', compile(programme.routine, level));
};
