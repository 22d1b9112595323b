/**
 * The fixed vocabularies of the routine format and how they read on screen. No imports, so
 * pages can use them without shipping the schema library to the browser; schema.ts builds
 * its enums from these.
 */
import type { RoutineSummary } from './catalogue';

export const CATEGORIES = ['stretching', 'aquatic', 'yoga', 'relaxation', 'back-school'] as const;
export const POSITIONS = ['standing', 'seated', 'lying', 'kneeling', 'in-water'] as const;
export const SETTINGS = ['home', 'pool', 'class', 'anywhere'] as const;

export type Category = (typeof CATEGORIES)[number];
export type Position = (typeof POSITIONS)[number];

export const CATEGORY_LABELS: Record<Category, { title: string; blurb: string }> = {
	stretching: { title: 'Stretching', blurb: 'Slow, held stretches to ease stiffness.' },
	aquatic: { title: 'Aquatic exercise', blurb: 'Pool sessions where the water carries some of your weight.' },
	yoga: { title: 'Yoga', blurb: 'Gentle poses and breathing, in graded levels.' },
	relaxation: { title: 'Relaxation', blurb: 'Guided muscle relaxation and breathing, audio first.' },
	'back-school': { title: 'Back school', blurb: 'Lessons on how your back works, with practice.' }
};

export const POSITION_LABELS: Record<Position, string> = {
	standing: 'Standing',
	seated: 'Seated',
	lying: 'Lying',
	kneeling: 'Kneeling',
	'in-water': 'In water'
};

/** Routines grouped by category, in the fixed category order, titles sorted within. */
export function byCategory(summaries: readonly RoutineSummary[]): { category: Category; routines: RoutineSummary[] }[] {
	return CATEGORIES.map((category) => ({
		category,
		routines: summaries.filter((s) => s.category === category).sort((a, b) => a.title.localeCompare(b.title))
	}));
}
