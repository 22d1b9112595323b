import { error } from '@sveltejs/kit';
import { findRoutine, getLibrary, timelineFor } from '$lib/server/content';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, url }) => {
	const routine = findRoutine(params.id);
	if (!routine) error(404, 'No routine by that name');
	const asked = url.searchParams.get('level');
	const level = asked === null ? routine.startingLevel.level : Number(asked);
	if (!Number.isInteger(level) || level < 1 || level > routine.levels.length) {
		error(404, `This routine has levels 1 to ${routine.levels.length}`);
	}
	// Only what the player shows travels to the browser: the timeline and each exercise's how-to.
	const exercises = Object.fromEntries(
		routine.exercises.map((e) => [e.id, { name: e.name, instructions: e.instructions, sided: e.sided }])
	);
	const education = Object.fromEntries(routine.education.map((b) => [b.id, { title: b.title, text: b.text }]));
	const timeline = timelineFor(routine, level);
	const { catalog } = getLibrary();
	// Only the clips and sounds this timeline uses, so the page stays small.
	const clipIds = new Set(timeline.segments.flatMap((s) => (s.video ? [s.video.clip] : [])));
	const videos = Object.fromEntries(Object.entries(catalog.videos).filter(([id]) => clipIds.has(id)));
	const soundIds = new Set(timeline.cues.flatMap((c) => (c.sound ? [c.sound] : [])));
	const sounds = Object.fromEntries(Object.entries(catalog.sounds).filter(([id]) => soundIds.has(id)));
	return { timeline, exercises, education, videos, sounds, levelCount: routine.levels.length };
};
