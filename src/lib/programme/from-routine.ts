/**
 * An imported routine document becomes a draft the builder can edit. The builder has one
 * order of items, each playing in some of the levels, so the levels' step lists are lined up
 * into one list: a step that two levels share (same exercise, same phases, note and
 * intensity) becomes one item in both; any other becomes an item of its own. What the
 * builder cannot hold (a free rest, more items or levels than its bounds) refuses the file
 * with a message naming the level, rather than importing half of it.
 */
import type { Routine, RoutineInput, Step } from '../routine/schema';
import { cueSettings, isEducationStep, isExerciseStep } from '../routine/schema';
import { baseKey, doseOfStep, itemKey, type Dose, type Draft, type DraftItem } from './draft';
import { LIMITS } from './limits';
import { ruleDescription, toDocument } from './to-routine';

export type FromRoutine =
	| {
			readonly ok: true;
			readonly draft: Draft;
			/** What the file says that the builder has no place for, in words for the import message (empty for the builder's own files). */
			readonly notKept: readonly string[];
	  }
	| { readonly ok: false; readonly message: string };

/** One item while the levels are lined up: what makes two steps the same item, and its step at each level. */
interface Lined {
	readonly same: string;
	readonly steps: (Step | undefined)[];
}

/** Steps that differ only in what the builder keeps per level (the dose) are one item. */
function sameness(step: Step): string {
	if (isEducationStep(step)) return JSON.stringify(['t', step.education, step.seconds]);
	if (!isExerciseStep(step)) return 'rest';
	const phases = (step.phases ?? []).map((p) => ({ ...p, seconds: 0 }));
	return JSON.stringify(['e', step.exercise, phases, step.intensity ?? '', step.note ?? '']);
}

/**
 * Lines a level's steps up with the items so far by their longest common run (in order), so
 * shared steps meet and the others are put in between where they stand.
 */
function lineUp(items: readonly Lined[], steps: readonly Step[], level: number, levels: number): Lined[] {
	const a = items.map((i) => i.same);
	const b = steps.map(sameness);
	// common[i][j]: the longest common run of a[i..] and b[j..].
	const common = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
	for (let i = a.length - 1; i >= 0; i--) {
		for (let j = b.length - 1; j >= 0; j--) {
			const row = common[i] as number[];
			row[j] = a[i] === b[j] ? (common[i + 1]?.[j + 1] ?? 0) + 1 : Math.max(common[i + 1]?.[j] ?? 0, row[j + 1] ?? 0);
		}
	}
	const out: Lined[] = [];
	let i = 0;
	let j = 0;
	const at = (i: number, j: number) => common[i]?.[j] ?? 0;
	while (i < a.length || j < b.length) {
		const item = items[i];
		const step = steps[j];
		if (item && step && a[i] === b[j] && at(i, j) === at(i + 1, j + 1) + 1) {
			out.push({ same: item.same, steps: item.steps.map((s, l) => (l === level ? step : s)) });
			i++;
			j++;
		} else if (step && (!item || at(i, j + 1) > at(i + 1, j))) {
			out.push({ same: b[j] ?? '', steps: Array.from({ length: levels }, (_, l) => (l === level ? step : undefined)) });
			j++;
		} else if (item) {
			out.push(item);
			i++;
		}
	}
	return out;
}

function doseOf(step: Step): Dose {
	if (!isExerciseStep(step)) throw new Error('a dose comes from an exercise step');
	return doseOfStep(step);
}

/** At a level an item is left out of, the dose of the nearest level it plays in (kept for when it is ticked). */
function nearest<T>(list: readonly (T | undefined)[], level: number): T {
	for (let d = 0; d < list.length; d++) {
		const found = list[level - d] ?? list[level + d];
		if (found !== undefined) return found;
	}
	throw new Error('an item plays in at least one level');
}

/**
 * `sidedIds`: exercises the library knows as done on each side. A programme saved with one of
 * them played once has `sided: false` in its document; the builder should still offer sides.
 */
export function draftFromRoutine(routine: Routine, sidedIds: ReadonlySet<string> = new Set()): FromRoutine {
	if (routine.levels.length > LIMITS.maxLevels) return { ok: false, message: `A programme has at most ${LIMITS.maxLevels} levels; this file has ${routine.levels.length}.` };
	const n = routine.levels.length;
	let lined: Lined[] = [];
	for (const [l, level] of routine.levels.entries()) {
		const rest = level.steps.findIndex((s) => !isExerciseStep(s) && !isEducationStep(s));
		if (rest >= 0) {
			return { ok: false, message: `Level ${l + 1} ("${level.name}") has a free rest as step ${rest + 1}; the builder has no free rests, so give the exercise before it a rest after instead.` };
		}
		for (const [s, step] of level.steps.entries()) {
			const missing = isExerciseStep(step)
				? !routine.exercises.some((e) => e.id === step.exercise) && `exercise "${step.exercise}"`
				: isEducationStep(step) && !routine.education.some((b) => b.id === step.education) && `talk "${step.education}"`;
			if (missing) return { ok: false, message: `Level ${l + 1} ("${level.name}") step ${s + 1} names ${missing}, which the file does not describe.` };
		}
		lined = lineUp(lined, level.steps, l, n);
		if (lined.length > LIMITS.items) {
			return { ok: false, message: `A programme holds at most ${LIMITS.items} exercises and talks; lined up to level ${l + 1} ("${level.name}"), this file already has ${lined.length}.` };
		}
	}
	const items: DraftItem[] = [];
	for (const { steps } of lined) {
		const step = nearest(steps, 0);
		const levels = steps.map((s) => s !== undefined);
		let item: DraftItem;
		if (isEducationStep(step)) {
			const block = routine.education.find((b) => b.id === step.education);
			if (!block) throw new Error('talks were checked above');
			item = { kind: 'education', key: '', levels, block, seconds: step.seconds, routineId: routine.id };
		} else {
			if (!isExerciseStep(step)) throw new Error('free rests were refused above');
			const exercise = routine.exercises.find((e) => e.id === step.exercise);
			if (!exercise) throw new Error('exercises were checked above');
			const doses = steps.map((s) => (s === undefined ? undefined : doseOf(s)));
			item = {
				kind: 'exercise',
				key: '',
				levels,
				exercise: { ...exercise, sided: exercise.sided || sidedIds.has(exercise.id) },
				perSide: exercise.sided,
				phases: step.phases ?? [],
				intensity: step.intensity ?? '',
				note: step.note ?? '',
				routineId: routine.id,
				doses: doses.map((_, l) => ({ ...nearest(doses, l) }))
			};
		}
		items.push({ ...item, key: itemKey(items, baseKey(item)) });
	}
	const p = routine.progression;
	const draft: Draft = {
		title: routine.title,
		category: routine.category,
		note: routine.summary,
		provider: routine.delivery.provider,
		levels: routine.levels.map((l) => ({ name: l.name })),
		items,
		progression: {
			rule: p.rule,
			sessions: p.rule === 'quota' ? 3 : p.sessions,
			painRise: p.rule === 'sessions-at-level' ? p.painRise : 2,
			baselineSessions: p.rule === 'quota' ? p.baselineSessions : 3,
			startShare: p.rule === 'quota' ? p.startShare : 0.7,
			step: p.rule === 'quota' ? p.step : 0.1,
			goalShare: p.rule === 'quota' ? p.goalShare : 1.5,
			description: p.description
		},
		startingLevel: routine.startingLevel.level,
		sessionsPerWeek: routine.frequency.sessionsPerWeek,
		weeks: routine.frequency.weeks ?? null,
		safetyNotes: routine.safety.notes,
		stopRules: routine.safety.stopRules,
		references: routine.references
	};
	// Text the builder wrote itself (no note, no own wording of the rule) stays unwritten, so it keeps following the settings.
	const unwritten: Draft = { ...draft, progression: { ...draft.progression, description: '' }, note: '' };
	const done: Draft = {
		...draft,
		note: routine.summary === toDocument(unwritten).summary ? '' : draft.note,
		progression: { ...draft.progression, description: p.description === ruleDescription(unwritten.progression) ? '' : p.description }
	};
	return { ok: true, draft: done, notKept: notKept(routine, toDocument(done, routine.id)) };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const DESCRIBED = ['suitableFor', 'notSuitableFor', 'setting', 'delivery', 'tailoring', 'adherence', 'motivation', 'homeProgramme', 'adverseEvents', 'fidelity'] as const;

/** Parts of the file the builder writes in its own way, or not at all, so the clinician is told rather than surprised. */
function notKept(routine: Routine, rebuilt: RoutineInput): string[] {
	const out: string[] = [];
	const described = routine.levels.filter((l) => l.description !== undefined).map((l) => `"${l.name}"`);
	if (described.length > 0) out.push(`the description of level${described.length === 1 ? '' : 's'} ${described.join(', ')}`);
	if (routine.levels.some((l) => l.countIn !== 5)) out.push('count-ins other than 5 s');
	if (routine.audioFirst) out.push('the screen-off (audio-first) player');
	if (!same(routine.cues, cueSettings.parse({}))) out.push('the cue settings');
	if (routine.equipment.length > 0) out.push(`the equipment list (${routine.equipment.join(', ')})`);
	if (DESCRIBED.some((k) => !same(routine[k], rebuilt[k]))) out.push('the descriptive texts (who it suits, delivery, tailoring and the like), which the builder writes itself');
	return out;
}
