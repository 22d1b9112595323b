import { error, json } from '@sveltejs/kit';
import { findRoutine, getLibrary } from '$lib/server/content';
import { routineMedia } from '$lib/server/offline-media';
import type { EntryGenerator, RequestHandler } from './$types';

// The media list of each level, made at build time: a static file, in the offline app shell.
export const prerender = true;

export const entries: EntryGenerator = () => [...getLibrary().routines.keys()].map((id) => ({ id }));

export const GET: RequestHandler = ({ params }) => {
	const routine = findRoutine(params.id);
	if (!routine) error(404, 'No routine by that name');
	return json(routineMedia(routine));
};
