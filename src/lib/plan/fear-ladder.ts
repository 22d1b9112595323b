/**
 * The fear ladder: activities the person avoids, rated 0–100 for how worrying they are,
 * practised from the least worrying up (graded exposure, after the PHODA idea). A rung's
 * worry now is its latest rating after practice, or its first rating before any.
 */
import type { FearItem } from '../progress/plan-records';
import type { PlanContent } from './plan-schema';

export function worryNow(f: FearItem): number {
	return f.tries.at(-1)?.worry ?? f.worry;
}

/** Rungs still to climb, lowest worry first (ties: the one added first). */
export function ladder(fears: readonly FearItem[]): FearItem[] {
	return fears
		.filter((f) => !f.done)
		.sort((a, b) => worryNow(a) - worryNow(b) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

export function nextRung(fears: readonly FearItem[]): FearItem | null {
	return ladder(fears)[0] ?? null;
}

/** How much the worry has come down since the first rating, in points (0–100). */
export function worryDrop(f: FearItem): number {
	return f.worry - worryNow(f);
}

export interface FearLessonRef {
	readonly routine: string;
	readonly education: string;
}

/**
 * The back-school lesson that fits an activity, by the words in its name (plan.yaml
 * `fearLessons`, first match wins), or `fearFallback` for anything else.
 */
export function lessonForFear(activity: string, content: Pick<PlanContent, 'fearLessons' | 'fearFallback'>): FearLessonRef {
	const words = activity.toLowerCase().match(/[a-z]+/g) ?? [];
	const hit = content.fearLessons.find((l) => l.words.some((w) => words.some((x) => x === w || x.startsWith(w))));
	const chosen = hit ?? content.fearFallback;
	return { routine: chosen.routine, education: chosen.education };
}
