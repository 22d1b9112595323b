import { routineAndLevel } from '$lib/server/content';
import { playerData } from '$lib/server/player-data';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, url }) => {
	const { routine, level } = routineAndLevel(params.id, url);
	// Only what the player shows travels to the browser; ?track=off forces the live player.
	return playerData(routine, level, url.searchParams.get('track') === 'off');
};
