/**
 * What lists and cards show about a routine, derived from its compiled levels so the
 * durations shown are the durations played.
 */
import { compile } from './compile';
import { CATEGORIES, type Category, type Routine } from './schema';

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
	readonly positions: readonly string[];
	readonly equipment: readonly string[];
	readonly levels: readonly LevelSummary[];
}

export const CATEGORY_LABELS: Record<Category, { title: string; blurb: string }> = {
	stretching: { title: 'Stretching', blurb: 'Slow, held stretches to ease stiffness.' },
	aquatic: { title: 'Aquatic exercise', blurb: 'Pool sessions where the water carries some of your weight.' },
	yoga: { title: 'Yoga', blurb: 'Gentle poses and breathing, in graded levels.' },
	relaxation: { title: 'Relaxation', blurb: 'Guided muscle relaxation and breathing, audio first.' },
	'back-school': { title: 'Back school', blurb: 'Lessons on how your back works, with practice.' }
};

export function summarize(routine: Routine): RoutineSummary {
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
		})
	};
}

/** Routines grouped by category, in the fixed category order, titles sorted within. */
export function byCategory(summaries: readonly RoutineSummary[]): { category: Category; routines: RoutineSummary[] }[] {
	return CATEGORIES.map((category) => ({
		category,
		routines: summaries.filter((s) => s.category === category).sort((a, b) => a.title.localeCompare(b.title))
	}));
}

/** "12 min", or "45 s" under a minute; rounded to what a person plans with. */
export function formatDuration(ms: number): string {
	const s = Math.round(ms / 1000);
	if (s < 60) return `${s} s`;
	return `${Math.round(s / 60)} min`;
}

/** "4:05" for countdowns; rounds up so "0:00" appears only at the very end. */
export function formatClock(ms: number): string {
	const total = Math.max(0, Math.ceil(ms / 1000));
	const m = Math.floor(total / 60);
	const s = total % 60;
	return `${m}:${String(s).padStart(2, '0')}`;
}
