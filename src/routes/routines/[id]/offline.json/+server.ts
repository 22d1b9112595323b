import { error, json } from '@sveltejs/kit';
import { findRoutine, getLibrary } from '$lib/server/content';
import { routineMedia } from '$lib/server/offline-media';
import type { EntryGenerator, RequestHandler } from './$types';

// The media list of each shipped routine's levels is made at build time: a static file, in
// the offline app shell. 'auto' keeps the route on the server too, for a clinic's routines
// (LIMBER_CONTENT_DIR), which are read when the server starts, after the build.
export const prerender = 'auto';

export const entries: EntryGenerator = () => [...getLibrary().routines.keys()].map((id) => ({ id }));

export const GET: RequestHandler = ({ params }) => {
	const routine = findRoutine(params.id);
	if (!routine) error(404, 'No routine by that name');
	return json(routineMedia(routine));
};
