import { error, json } from '@sveltejs/kit';
import { routineMedia } from '$lib/server/offline-media';
import { openProgramme } from '$lib/server/programmes/patient-data';
import type { RequestHandler } from './$types';

/**
 * A programme's media list, made when asked: its versions change without a build. Withdrawn,
 * it is 410 Gone, so a device that downloaded it can say so (and drop what it kept).
 */
export const GET: RequestHandler = async ({ params, setHeaders }) => {
	const programme = await openProgramme(params.shareId);
	setHeaders({ 'cache-control': 'no-cache' });
	if (programme.withdrawnAt !== null) error(410, 'Your clinician has withdrawn this programme.');
	return json(routineMedia(programme.routine, programme.id));
};
