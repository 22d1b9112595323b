/**
 * What a patient's pages show of a programme: the same shapes as a shipped routine's page
 * (levels with their dosage table, the progress plan), compiled from the stored document
 * rather than from the bundled content, and never cached by routine id (versions share it).
 */
import { error } from '@sveltejs/kit';
import { summarize } from '$lib/routine/catalogue';
import { compile } from '$lib/routine/compile';
import { stepStill } from '$lib/routine/stills';
import type { Routine } from '$lib/routine/schema';
import type { RoutinePlan } from '$lib/progress/routine-progress';
import { getLibrary } from '../content';
import { getDatabase } from '../db';
import { programmeByShareId, type Programme } from './store';

export async function openProgramme(shareId: string): Promise<Programme> {
	const programme = await programmeByShareId(await getDatabase(), shareId);
	if (!programme) error(404, 'No programme at this link. Check the link with your clinician.');
	return programme;
}

export function programmePlan(routine: Routine): RoutinePlan {
	return {
		id: routine.id,
		title: routine.title,
		progression: routine.progression,
		startingLevel: routine.startingLevel.level,
		sessionsPerWeek: routine.frequency.sessionsPerWeek,
		levels: routine.levels.map((level, i) => ({ level: i + 1, name: level.name, durationMs: compile(routine, i + 1).durationMs }))
	};
}

export function programmePage(routine: Routine) {
	const { catalog } = getLibrary();
	const levels = routine.levels.map((level, i) => {
		const timeline = compile(routine, i + 1);
		return {
			level: i + 1,
			name: level.name,
			description: level.description ?? null,
			durationMs: timeline.durationMs,
			steps: timeline.steps.map((s) => {
				const file = stepStill(routine, s, catalog);
				return { title: s.title, kind: s.kind, dosage: s.dosage, still: file ? `/media/${file}` : null };
			})
		};
	});
	return { routine, summary: summarize(routine, catalog), levels, plan: programmePlan(routine) };
}

/** The level asked for by `?level=` (the starting level when absent), or a 404 naming the range. */
export function askedLevel(routine: Routine, url: URL): number {
	const asked = url.searchParams.get('level');
	const level = asked === null ? routine.startingLevel.level : Number(asked);
	if (!Number.isInteger(level) || level < 1 || level > routine.levels.length) error(404, `This programme has levels 1 to ${routine.levels.length}`);
	return level;
}
