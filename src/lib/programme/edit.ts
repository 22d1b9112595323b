/**
 * The builder's edits as pure functions from one draft to the next, so each is unit-tested
 * without a page. An edit a limit refuses returns a message and leaves the draft as it was.
 */
import type { LibraryEducation, LibraryExercise } from './library';
import { itemKey, type Dose, type Draft, type DraftItem, type ExerciseItem, type ProgressionDraft, type RuleKind } from './draft';
import { LIMITS } from './limits';
import type { Category } from '../routine/categories';
import type { Reference } from '../routine/schema';

export type EditResult = { readonly ok: true; readonly draft: Draft } | { readonly ok: false; readonly message: string };

const copyDose = (d: Dose): Dose => ({ ...d, phaseSeconds: [...d.phaseSeconds] });

function addUnique(list: readonly string[], more: readonly string[]): string[] {
	const seen = new Set(list.map((s) => s.trim()));
	const out = [...list];
	for (const line of more) {
		if (seen.has(line.trim()) || out.length >= LIMITS.safetyLines) continue;
		seen.add(line.trim());
		out.push(line);
	}
	return out;
}

function addReferences(list: readonly Reference[], more: readonly Reference[]): Reference[] {
	const seen = new Set(list.map((r) => r.citation));
	return [...list, ...more.filter((r) => !seen.has(r.citation) && (seen.add(r.citation), true))].slice(0, 12);
}

function itemLimit(draft: Draft): EditResult | null {
	return draft.items.length >= LIMITS.items
		? { ok: false, message: `A programme holds at most ${LIMITS.items} exercises and talks; remove one first.` }
		: null;
}

/**
 * Adds an exercise at the end, in every level with its routine's dose, and brings in that
 * routine's safety notes and stop rules (each once). The first exercise also sets the category.
 * An exercise already in the programme may come again (a stretch at the start and at the end):
 * the new use takes the programme's copy of it and its sidedness, which the routine format
 * keeps once per exercise.
 */
export function addExercise(draft: Draft, from: LibraryExercise): EditResult {
	const refused = itemLimit(draft);
	if (refused) return refused;
	const earlier = draft.items.find((i): i is ExerciseItem => i.kind === 'exercise' && i.exercise.id === from.exercise.id);
	const item: DraftItem = {
		kind: 'exercise',
		key: itemKey(draft.items, `e:${from.exercise.id}`),
		levels: draft.levels.map(() => true),
		exercise: earlier?.exercise ?? from.exercise,
		perSide: earlier?.perSide ?? true,
		phases: [...from.phases],
		doses: draft.levels.map(() => copyDose(from.dose)),
		intensity: from.intensity ?? '',
		note: '',
		routineId: from.routineId
	};
	const first = !draft.items.some((i) => i.kind === 'exercise');
	return {
		ok: true,
		draft: {
			...draft,
			category: first ? from.category : draft.category,
			items: [...draft.items, item],
			safetyNotes: addUnique(draft.safetyNotes, from.safety.notes),
			stopRules: addUnique(draft.stopRules, from.safety.stopRules),
			references: addReferences(draft.references, from.references)
		}
	};
}

/** A talk may come twice too (a reminder at the end), like an exercise. */
export function addEducation(draft: Draft, from: LibraryEducation): EditResult {
	const refused = itemLimit(draft);
	if (refused) return refused;
	const item: DraftItem = {
		kind: 'education',
		key: itemKey(draft.items, `t:${from.block.id}`),
		levels: draft.levels.map(() => true),
		block: from.block,
		seconds: from.seconds,
		routineId: from.routineId
	};
	return { ok: true, draft: { ...draft, items: [...draft.items, item] } };
}

/** Whether an item plays at one level; its dose there is kept while it is left out, so ticking it again loses nothing. */
export function setInLevel(draft: Draft, index: number, level: number, on: boolean): Draft {
	if (level < 0 || level >= draft.levels.length) return draft;
	return { ...draft, items: draft.items.map((item, i) => (i === index ? { ...item, levels: item.levels.map((v, l) => (l === level ? on : v)) } : item)) };
}

/**
 * Each side in turn, or once (only for an exercise that can be done per side). The routine
 * format says it once per exercise, so it changes every use of that exercise in the programme.
 */
export function setPerSide(draft: Draft, index: number, on: boolean): Draft {
	const target = draft.items[index];
	if (target?.kind !== 'exercise' || !target.exercise.sided) return draft;
	const id = target.exercise.id;
	return { ...draft, items: draft.items.map((item) => (item.kind === 'exercise' && item.exercise.id === id ? { ...item, perSide: on } : item)) };
}

export function setFirstSide(draft: Draft, index: number, level: number, side: Dose['firstSide']): Draft {
	return mapExercise(draft, index, (item) => ({ ...item, doses: item.doses.map((d, l) => (l === level ? { ...d, firstSide: side } : d)) }));
}

export function removeItem(draft: Draft, index: number): Draft {
	return { ...draft, items: draft.items.filter((_, i) => i !== index) };
}

/** Moves an item up (-1) or down (+1); at either end it stays. */
export function moveItem(draft: Draft, index: number, by: -1 | 1): Draft {
	const to = index + by;
	if (index < 0 || index >= draft.items.length || to < 0 || to >= draft.items.length) return draft;
	const items = [...draft.items];
	const [moved] = items.splice(index, 1);
	if (moved) items.splice(to, 0, moved);
	return { ...draft, items };
}

export type DoseField = Exclude<keyof Dose, 'phaseSeconds' | 'firstSide'>;

export function setDose(draft: Draft, index: number, level: number, field: DoseField, value: number | null): Draft {
	return mapExercise(draft, index, (item) => ({
		...item,
		doses: item.doses.map((d, l) => (l === level ? { ...d, [field]: field === 'hold' ? value : (value ?? 0) } : d))
	}));
}

/** The seconds of one phase at one level: the exercise's tempo. */
export function setPhaseSeconds(draft: Draft, index: number, level: number, phase: number, seconds: number): Draft {
	return mapExercise(draft, index, (item) => ({
		...item,
		doses: item.doses.map((d, l) => (l === level ? { ...d, phaseSeconds: d.phaseSeconds.map((s, p) => (p === phase ? seconds : s)) } : d))
	}));
}

export function setExerciseText(draft: Draft, index: number, field: 'note' | 'intensity', value: string): Draft {
	return mapExercise(draft, index, (item) => ({ ...item, [field]: value }));
}

export function setEducationSeconds(draft: Draft, index: number, seconds: number): Draft {
	return {
		...draft,
		items: draft.items.map((item, i) => (i === index && item.kind === 'education' ? { ...item, seconds } : item))
	};
}

function mapExercise(draft: Draft, index: number, f: (item: ExerciseItem) => DraftItem): Draft {
	return { ...draft, items: draft.items.map((item, i) => (i === index && item.kind === 'exercise' ? f(item) : item)) };
}

/** A new last level starts as a copy of the one before it (its items and doses), so the clinician changes only what grows. */
export function addLevel(draft: Draft): EditResult {
	if (draft.levels.length >= LIMITS.maxLevels) {
		return { ok: false, message: `A programme has at most ${LIMITS.maxLevels} levels.` };
	}
	const n = draft.levels.length;
	return {
		ok: true,
		draft: {
			...draft,
			levels: [...draft.levels, { name: `Level ${n + 1}` }],
			items: draft.items.map((item) => {
				const levels = [...item.levels, item.levels[n - 1] ?? true];
				if (item.kind !== 'exercise') return { ...item, levels };
				const last = item.doses[n - 1];
				return last ? { ...item, levels, doses: [...item.doses, copyDose(last)] } : { ...item, levels };
			})
		}
	};
}

export function removeLevel(draft: Draft, level: number): EditResult {
	if (draft.levels.length <= LIMITS.minLevels) return { ok: false, message: 'A programme needs at least one level.' };
	if (level < 0 || level >= draft.levels.length) return { ok: true, draft };
	const levels = draft.levels.filter((_, l) => l !== level);
	return {
		ok: true,
		draft: {
			...draft,
			levels,
			startingLevel: Math.min(draft.startingLevel > level + 1 ? draft.startingLevel - 1 : draft.startingLevel, levels.length),
			items: draft.items.map((item) => {
				const levels = item.levels.filter((_, l) => l !== level);
				return item.kind === 'exercise' ? { ...item, levels, doses: item.doses.filter((_, l) => l !== level) } : { ...item, levels };
			})
		}
	};
}

export function renameLevel(draft: Draft, level: number, name: string): Draft {
	return { ...draft, levels: draft.levels.map((l, i) => (i === level ? { name } : l)) };
}

export function setRule(draft: Draft, rule: RuleKind): Draft {
	return { ...draft, progression: { ...draft.progression, rule } };
}

export type RuleSetting = Exclude<keyof ProgressionDraft, 'rule' | 'description'>;

export function setRuleSetting(draft: Draft, field: RuleSetting, value: number): Draft {
	return { ...draft, progression: { ...draft.progression, [field]: value } };
}

export type DraftText = 'title' | 'note' | 'provider';

export function setText(draft: Draft, field: DraftText, value: string): Draft {
	return { ...draft, [field]: value };
}

export function setProgressionDescription(draft: Draft, value: string): Draft {
	return { ...draft, progression: { ...draft.progression, description: value } };
}

export function setCategory(draft: Draft, category: Category): Draft {
	return { ...draft, category };
}

export function setFrequency(draft: Draft, sessionsPerWeek: number, weeks: number | null): Draft {
	return { ...draft, sessionsPerWeek, weeks };
}

export function setStartingLevel(draft: Draft, level: number): Draft {
	return { ...draft, startingLevel: level };
}

export type SafetyList = 'safetyNotes' | 'stopRules';

export function addSafetyLine(draft: Draft, list: SafetyList, line: string): EditResult {
	if (draft[list].length >= LIMITS.safetyLines) return { ok: false, message: `At most ${LIMITS.safetyLines} lines here.` };
	return { ok: true, draft: { ...draft, [list]: [...draft[list], line] } };
}

export function setSafetyLine(draft: Draft, list: SafetyList, index: number, line: string): Draft {
	return { ...draft, [list]: draft[list].map((l, i) => (i === index ? line : l)) };
}

export function removeSafetyLine(draft: Draft, list: SafetyList, index: number): Draft {
	return { ...draft, [list]: draft[list].filter((_, i) => i !== index) };
}
