/**
 * A programme as the builder edits it: plain data (kept on the device as JSON and restored),
 * declared once as a schema so a restored or imported draft is checked before it is trusted.
 * Every exercise item carries a copy of its exercise, so a saved programme keeps playing the
 * same thing when the library changes.
 *
 * Fields added after the first release have defaults, and `readDraft` fills in what a default
 * cannot (a unique key, one "plays in" flag per level), so a draft kept by an older version of
 * the page is restored rather than lost.
 */
import * as z from 'zod';
import { CATEGORIES } from '../routine/categories';
import { educationBlock, exercise, phase, reference, type ExerciseStep } from '../routine/schema';

const count = z.number().finite();

export const doseSchema = z.object({
	sets: count,
	reps: count,
	hold: count.nullable(),
	phaseSeconds: z.array(count),
	restBetweenReps: count,
	restBetweenSets: count,
	restAfter: count,
	switchRest: count,
	/** Which side goes first, for an exercise played on each side in turn. */
	firstSide: z.enum(['left', 'right']).default('left')
});

export type Dose = z.infer<typeof doseSchema>;

/**
 * Common to both kinds of item: `key` tells two uses of one exercise apart (a stretch at the
 * start and again at the end); `levels` says which levels play the item, one flag per level.
 */
const itemBase = {
	key: z.string().default(''),
	levels: z.array(z.boolean()).default([])
};

export const exerciseItemSchema = z.object({
	...itemBase,
	kind: z.literal('exercise'),
	/** The library's copy: its `sided` says whether the exercise can be done on each side in turn. */
	exercise,
	/**
	 * Each side in turn, as prescribed (only where `exercise.sided`). The routine format keeps
	 * sidedness on the exercise, so every use of one exercise in a programme shares it.
	 */
	perSide: z.boolean().default(true),
	phases: z.array(phase),
	/** One dose per level, in level order. */
	doses: z.array(doseSchema),
	intensity: z.string(),
	note: z.string(),
	routineId: z.string()
});

export const educationItemSchema = z.object({
	...itemBase,
	kind: z.literal('education'),
	block: educationBlock,
	seconds: count,
	routineId: z.string()
});

export const itemSchema = z.discriminatedUnion('kind', [exerciseItemSchema, educationItemSchema]);

export const RULES = ['sessions-at-level', 'stages', 'quota'] as const;
export type RuleKind = (typeof RULES)[number];

export const progressionDraftSchema = z.object({
	rule: z.enum(RULES),
	/** sessions-at-level and stages: sessions before a move up. */
	sessions: count,
	/** sessions-at-level: the pain rise (0–10) that counts as a flare. */
	painRise: count,
	/** quota: baseline sessions, the first quota's share, the rise per session and the goal. */
	baselineSessions: count,
	startShare: count,
	step: count,
	goalShare: count,
	/** What the patient reads; empty means the wording made from the settings. */
	description: z.string()
});

export const draftSchema = z.object({
	title: z.string(),
	category: z.enum(CATEGORIES),
	note: z.string(),
	provider: z.string(),
	levels: z.array(z.object({ name: z.string() })),
	items: z.array(itemSchema),
	progression: progressionDraftSchema,
	startingLevel: count,
	sessionsPerWeek: count,
	weeks: count.nullable(),
	safetyNotes: z.array(z.string()),
	stopRules: z.array(z.string()),
	references: z.array(reference)
});

export type Draft = z.infer<typeof draftSchema>;
export type DraftItem = z.infer<typeof itemSchema>;
export type ExerciseItem = z.infer<typeof exerciseItemSchema>;
export type EducationItem = z.infer<typeof educationItemSchema>;
export type ProgressionDraft = z.infer<typeof progressionDraftSchema>;

/** The settings each rule starts with: the routine format's own defaults. */
export function emptyDraft(): Draft {
	return {
		title: '',
		category: 'stretching',
		note: '',
		provider: 'Your clinician',
		levels: [{ name: 'Level 1' }],
		items: [],
		progression: {
			rule: 'sessions-at-level',
			sessions: 3,
			painRise: 2,
			baselineSessions: 3,
			startShare: 0.7,
			step: 0.1,
			goalShare: 1.5,
			description: ''
		},
		startingLevel: 1,
		sessionsPerWeek: 3,
		weeks: 6,
		safetyNotes: [],
		stopRules: [],
		references: []
	};
}

/** The key an item's exercise or talk gives it; a second use of it gets `#2`, a third `#3`. */
export function itemKey(items: readonly Pick<DraftItem, 'key'>[], base: string): string {
	const used = new Set(items.map((i) => i.key));
	if (!used.has(base)) return base;
	let n = 2;
	while (used.has(`${base}#${n}`)) n++;
	return `${base}#${n}`;
}

export const baseKey = (item: DraftItem) => (item.kind === 'exercise' ? `e:${item.exercise.id}` : `t:${item.block.id}`);

/**
 * What the schema's defaults cannot give: a unique key for each item, one "plays in" flag per
 * level (an older draft played every item at every level), and one sidedness per exercise.
 */
export function normaliseDraft(draft: Draft): Draft {
	const items: DraftItem[] = [];
	const perSide = new Map<string, boolean>();
	for (const item of draft.items) {
		const taken = item.key === '' || items.some((i) => i.key === item.key);
		const levels = draft.levels.map((_, l) => item.levels[l] ?? true);
		let next: DraftItem = { ...item, key: taken ? itemKey(items, baseKey(item)) : item.key, levels };
		if (next.kind === 'exercise') {
			const shared = perSide.get(next.exercise.id);
			if (shared === undefined) perSide.set(next.exercise.id, next.perSide);
			else next = { ...next, perSide: shared };
		}
		items.push(next);
	}
	return { ...draft, items };
}

/** A draft from untrusted JSON (the device's storage, an old app version): null if it is not one. */
export function readDraft(json: string | null): Draft | null {
	if (json === null) return null;
	try {
		const result = draftSchema.safeParse(JSON.parse(json));
		return result.success ? normaliseDraft(result.data) : null;
	} catch {
		return null;
	}
}

/** The dose a routine's exercise step states, as the builder edits it. */
export function doseOfStep(step: ExerciseStep): Dose {
	return {
		sets: step.sets,
		reps: step.reps,
		hold: step.hold ?? null,
		phaseSeconds: (step.phases ?? []).map((p) => p.seconds),
		restBetweenReps: step.restBetweenReps,
		restBetweenSets: step.restBetweenSets,
		restAfter: step.restAfter,
		switchRest: step.switchRest,
		firstSide: step.firstSide
	};
}
