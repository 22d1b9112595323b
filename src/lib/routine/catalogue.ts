/**
 * What lists and cards show about a routine, derived from its compiled levels so the
 * durations shown are the durations played. Server side: it compiles.
 */
import { compile } from './compile';
import type { Category, Position } from './categories';
import type { MediaCatalog, Routine } from './schema';
import { routineStill } from './stills';

export interface LevelSummary {
	readonly level: number;
	readonly name: string;
	readonly durationMs: number;
	readonly stepCount: number;
}

export interface RoutineSummary {
	readonly id: string;
	readonly title: string;
	readonly category: Category;
	readonly summary: string;
	readonly setting: Routine['setting'];
	readonly positions: readonly Position[];
	readonly equipment: readonly string[];
	readonly levels: readonly LevelSummary[];
	/** URL of the card's picture (see stills.ts), or null. */
	readonly still: string | null;
}

/** `catalog` gives the card its picture; `mediaBase` is where static/media is served. */
export function summarize(routine: Routine, catalog?: Pick<MediaCatalog, 'videos' | 'images'>, mediaBase = '/media/'): RoutineSummary {
	const still = catalog ? routineStill(routine, catalog) : null;
	const used = new Set(routine.levels.flatMap((l) => l.steps.flatMap((s) => ('exercise' in s ? [s.exercise] : []))));
	const exercises = routine.exercises.filter((e) => used.has(e.id));
	return {
		id: routine.id,
		title: routine.title,
		category: routine.category,
		summary: routine.summary,
		setting: routine.setting,
		positions: [...new Set(exercises.map((e) => e.position))].sort(),
		equipment: [...new Set([...routine.equipment, ...exercises.flatMap((e) => e.equipment)])].sort(),
		levels: routine.levels.map((l, i) => {
			const t = compile(routine, i + 1);
			return { level: i + 1, name: l.name, durationMs: t.durationMs, stepCount: t.steps.length };
		}),
		still: still ? `${mediaBase}${still}` : null
	};
}
