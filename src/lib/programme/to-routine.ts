/**
 * A draft becomes a routine document in the routine format, checked by the same schema the
 * routine files get (and, given the install's media catalogue, the same media checks). Each
 * problem is mapped back to the draft field it belongs to, so the builder can show it beside
 * that field. Each level lists the items that play in it, in the programme's order, so a
 * step is traced back to its item through `levelItems`.
 */
import * as z from 'zod';
import { plainMessage } from '../routine/issue-text';
import { educationStep, exerciseStep, routine as routineSchema, type MediaCatalog, type Routine, type RoutineInput } from '../routine/schema';
import type { Draft, DraftItem, ExerciseItem, ProgressionDraft } from './draft';
import { LIMITS } from './limits';
import { mediaProblems } from './media-problems';

/** Until the server names it, a programme's routine id; the server sets the real one on save. */
export const DRAFT_ROUTINE_ID = 'programme-draft';

export interface FieldProblem {
	/** A draft field: `title`, `items.2.doses.0.hold`, `levels.1.name`, `stopRules.0`, `items`… */
	readonly field: string;
	readonly message: string;
}

export interface Built {
	readonly document: RoutineInput;
	/** Present when the document passed the schema and the builder's own bounds. */
	readonly routine: Routine | null;
	readonly problems: readonly FieldProblem[];
}

const CERT_REFERENCE = {
	citation:
		'Slade SC, Dionne CE, Underwood M, Buchbinder R. Consensus on Exercise Reporting Template (CERT): explanation and elaboration statement. Br J Sports Med. 2016;50(23):1428–1437.',
	url: 'https://doi.org/10.1136/bjsports-2016-096651'
};

/** What the patient reads about moving up, from the rule's settings unless the clinician wrote it. */
export function ruleDescription(p: ProgressionDraft): string {
	if (p.description.trim() !== '') return p.description.trim();
	if (p.rule === 'sessions-at-level') {
		return `Stay at a level for at least ${p.sessions} sessions. Move up when they felt "about right" or "too easy" and your pain afterwards rose by less than ${p.painRise} points (0–10); a bigger rise counts as a flare, so stay where you are until it settles.`;
	}
	if (p.rule === 'stages') {
		return `Move to the next level after ${p.sessions} sessions at a level that felt "about right" or "too easy".`;
	}
	return `First ${p.baselineSessions} sessions find your comfortable amount. Then each session starts at ${Math.round(p.startShare * 100)}% of it and grows by ${Math.round(p.step * 100)}% a session toward ${Math.round(p.goalShare * 100)}%, whatever the pain on the day.`;
}

function progression(p: ProgressionDraft): RoutineInput['progression'] {
	const description = ruleDescription(p);
	if (p.rule === 'sessions-at-level') return { rule: p.rule, sessions: p.sessions, painRise: p.painRise, description };
	if (p.rule === 'stages') return { rule: p.rule, sessions: p.sessions, description };
	return { rule: p.rule, baselineSessions: p.baselineSessions, startShare: p.startShare, step: p.step, goalShare: p.goalShare, description };
}

type StepInput = RoutineInput['levels'][number]['steps'][number];

/** The indexes of the items that play at one level (0-based), in the programme's order: step s of that level is item `levelItems(d, l)[s]`. */
export function levelItems(draft: Draft, level: number): number[] {
	return draft.items.flatMap((item, i) => (item.levels[level] === true ? [i] : []));
}

/** Played on each side in turn: the exercise allows it and the clinician kept it. */
export const playsPerSide = (item: ExerciseItem) => item.exercise.sided && item.perSide;

function stepAt(item: DraftItem, level: number): StepInput {
	if (item.kind === 'education') return { education: item.block.id, seconds: item.seconds };
	const dose = item.doses[level];
	if (!dose) throw new Error('an exercise item has no dose for this level');
	const sided = playsPerSide(item);
	const timing =
		item.phases.length > 0
			? { phases: item.phases.map((p, i) => ({ ...p, seconds: dose.phaseSeconds[i] ?? p.seconds })) }
			: { hold: dose.hold ?? undefined };
	return {
		exercise: item.exercise.id,
		sets: dose.sets,
		reps: dose.reps,
		...timing,
		restBetweenReps: dose.restBetweenReps,
		restBetweenSets: dose.restBetweenSets,
		restAfter: dose.restAfter,
		...(sided ? { switchRest: dose.switchRest, firstSide: dose.firstSide } : {}),
		...(item.intensity.trim() !== '' ? { intensity: item.intensity.trim() } : {}),
		...(item.note.trim() !== '' ? { note: item.note.trim() } : {})
	};
}

const orNone = (lines: readonly string[]) => lines.map((l) => l.trim()).filter((l) => l !== '');

/** Each exercise and talk once, however often it is used: steps name them by id. */
type Declared = { exercises: NonNullable<RoutineInput['exercises']>; education: NonNullable<RoutineInput['education']> };
function declared(draft: Draft): Declared {
	const exercises = new Map<string, Declared['exercises'][number]>();
	const education = new Map<string, Declared['education'][number]>();
	for (const item of draft.items) {
		if (item.kind === 'exercise' && !exercises.has(item.exercise.id)) exercises.set(item.exercise.id, { ...item.exercise, sided: playsPerSide(item) });
		if (item.kind === 'education' && !education.has(item.block.id)) education.set(item.block.id, item.block);
	}
	return { exercises: [...exercises.values()], education: [...education.values()] };
}

export function toDocument(draft: Draft, id = DRAFT_ROUTINE_ID): RoutineInput {
	const { exercises, education } = declared(draft);
	const provider = draft.provider.trim() || 'Your clinician';
	const note = draft.note.trim();
	const weeks = draft.weeks === null ? '' : ` for ${draft.weeks} weeks`;
	return {
		id,
		title: draft.title.trim(),
		category: draft.category,
		summary: note || `A home programme of ${exercises.length} exercises prescribed for you by ${provider}.`,
		suitableFor: 'The person it was prescribed for, by the clinician who made it.',
		notSuitableFor: [
			'Anyone it was not prescribed for: ask your own clinician for a programme that fits you.',
			'Anyone with one of the warning signs listed under "stop rules" until a doctor has checked them.'
		],
		setting: 'home',
		delivery: {
			format: 'individual',
			supervision: 'unsupervised',
			how: 'A home programme played in the Limber app: each step is timed, with spoken instructions, captions and cue sounds.',
			provider
		},
		frequency: { sessionsPerWeek: draft.sessionsPerWeek, ...(draft.weeks === null ? {} : { weeks: draft.weeks }) },
		progression: progression(draft.progression),
		startingLevel: {
			level: draft.startingLevel,
			description: `Your clinician chose level ${draft.startingLevel} to start with.`
		},
		tailoring: `Chosen and dosed for you by ${provider}; the level then follows the progression rule.`,
		adherence: `Limber records each session on your device only. The plan is ${draft.sessionsPerWeek} sessions a week${weeks}.`,
		motivation: 'Short guided sessions, the level path, and the check-in after each session, which shapes the next one.',
		homeProgramme: note || `Do it ${draft.sessionsPerWeek} times a week${weeks}, as your clinician advised.`,
		adverseEvents: 'Brief soreness or a short rise in pain can happen. A rise of 2 points or more is recorded as a flare. Tell your clinician about anything that worries you.',
		fidelity: 'The session log on your device shows whether each session was played as written; you can show it to your clinician.',
		safety: { notes: orNone(draft.safetyNotes), stopRules: orNone(draft.stopRules) },
		references: draft.references.length > 0 ? draft.references : [CERT_REFERENCE],
		exercises,
		education,
		levels: draft.levels.map((level, l) => ({
			name: level.name.trim(),
			steps: levelItems(draft, l).map((i) => stepAt(draft.items[i] as DraftItem, l))
		}))
	};
}

/** The builder's own bounds, checked before the schema so their messages come first. */
export function limitProblems(draft: Draft): FieldProblem[] {
	const out: FieldProblem[] = [];
	const over = (field: string, value: string, max: number, what: string) => {
		if (value.trim().length > max) out.push({ field, message: `${what} must be at most ${max} characters (it has ${value.trim().length})` });
	};
	if (draft.title.trim() === '') out.push({ field: 'title', message: 'Give the programme a title the patient will recognise' });
	over('title', draft.title, LIMITS.title, 'The title');
	over('note', draft.note, LIMITS.programmeNote, 'The note');
	over('provider', draft.provider, LIMITS.provider, 'The clinician line');
	if (draft.items.length > LIMITS.items) out.push({ field: 'items', message: `At most ${LIMITS.items} exercises and talks (it has ${draft.items.length})` });
	if (!draft.items.some((i) => i.kind === 'exercise')) out.push({ field: 'items', message: 'Add at least one exercise' });
	if (draft.levels.length < LIMITS.minLevels || draft.levels.length > LIMITS.maxLevels) {
		out.push({ field: 'levels', message: `A programme has ${LIMITS.minLevels} to ${LIMITS.maxLevels} levels` });
	}
	draft.levels.forEach((l, i) => over(`levels.${i}.name`, l.name, LIMITS.levelName, 'A level name'));
	if (draft.items.some((i) => i.kind === 'exercise')) {
		draft.levels.forEach((_, l) => {
			if (!levelItems(draft, l).some((i) => draft.items[i]?.kind === 'exercise')) {
				out.push({ field: `levels.${l}`, message: `Level ${l + 1} has no exercise: tick "Level ${l + 1}" on at least one exercise, or remove the level` });
			}
		});
	}
	draft.items.forEach((item, i) => {
		if (item.kind === 'exercise') over(`items.${i}.note`, item.note, LIMITS.exerciseNote, 'A note');
		if (!item.levels.some(Boolean)) {
			const name = item.kind === 'exercise' ? item.exercise.name : item.block.title;
			out.push({ field: `items.${i}.levels`, message: `${name} plays in no level: tick a level for it, or remove it` });
		}
	});
	for (const list of ['safetyNotes', 'stopRules'] as const) {
		if (draft[list].length > LIMITS.safetyLines) out.push({ field: list, message: `At most ${LIMITS.safetyLines} lines` });
		draft[list].forEach((line, i) => over(`${list}.${i}`, line, LIMITS.safetyLine, 'A line'));
	}
	if (orNone(draft.stopRules).length === 0) out.push({ field: 'stopRules', message: 'Give at least one stop rule' });
	if (!Number.isInteger(draft.startingLevel) || draft.startingLevel < 1 || draft.startingLevel > draft.levels.length) {
		out.push({ field: 'startingLevel', message: `The starting level must be one of 1 to ${draft.levels.length}` });
	}
	return out;
}

/** A schema path in the document → the draft field a clinician edits. */
export function draftField(path: readonly PropertyKey[], draft: Draft): string {
	const [head, a, b, c, d, e] = path;
	if (head === 'levels' && typeof a === 'number') {
		if (b === 'name') return `levels.${a}.name`;
		if (b === 'steps' && typeof c === 'number') {
			const i = levelItems(draft, a)[c];
			if (i === undefined) return `levels.${a}`;
			const item = draft.items[i];
			if (item?.kind === 'education') return `items.${i}.seconds`;
			if (d === 'phases' && typeof e === 'number') return `items.${i}.doses.${a}.phaseSeconds.${e}`;
			if (d === 'note' || d === 'intensity') return `items.${i}.${d}`;
			return typeof d === 'string' ? `items.${i}.doses.${a}.${d}` : `items.${i}`;
		}
		return b === 'steps' ? `levels.${a}` : 'levels';
	}
	if (head === 'frequency') return a === 'weeks' ? 'weeks' : 'sessionsPerWeek';
	if (head === 'progression') return typeof a === 'string' && a !== 'rule' ? `progression.${a}` : 'progression';
	if (head === 'startingLevel') return 'startingLevel';
	if (head === 'safety') return a === 'notes' ? (typeof b === 'number' ? `safetyNotes.${b}` : 'safetyNotes') : typeof b === 'number' ? `stopRules.${b}` : 'stopRules';
	if (head === 'title' || head === 'category') return head;
	if (head === 'summary' || head === 'homeProgramme') return 'note';
	if (head === 'delivery') return 'provider';
	return 'programme';
}

const isStepUnion = (issue: z.core.$ZodIssue) => issue.code === 'invalid_union' && issue.path[0] === 'levels' && issue.path[2] === 'steps';

/**
 * A step that fails the step union is reported by zod as "matches no form", with no field:
 * each step is checked again against the one form it was built as, so the problem has a place.
 */
function stepIssues(document: RoutineInput): z.core.$ZodIssue[] {
	return document.levels.flatMap((level, l) =>
		level.steps.flatMap((step, s) => {
			const schema = 'education' in step ? educationStep : exerciseStep;
			const result = z.safeParse(schema, step, { error: plainMessage });
			return result.success ? [] : result.error.issues.map((i) => ({ ...i, path: ['levels', l, 'steps', s, ...i.path] }));
		})
	);
}

/**
 * `catalog`, the install's media catalogue, adds the media checks the routine files get: an
 * imported exercise naming a clip this install lacks is then a problem beside that exercise.
 */
export function buildProgramme(draft: Draft, id = DRAFT_ROUTINE_ID, catalog?: MediaCatalog): Built {
	const document = toDocument(draft, id);
	const problems = limitProblems(draft);
	const parsed = z.safeParse(routineSchema, document, { error: plainMessage });
	if (!parsed.success) {
		const seen = new Set(problems.map((p) => p.field));
		const shown = new Set<string>();
		for (const issue of [...parsed.error.issues.filter((i) => !isStepUnion(i)), ...stepIssues(document)]) {
			const field = draftField(issue.path, draft);
			// A field the bounds already explained needs no second, vaguer message.
			if (seen.has(field) || shown.has(`${field}\n${issue.message}`)) continue;
			shown.add(`${field}\n${issue.message}`);
			problems.push({ field, message: issue.message });
		}
	}
	if (parsed.success && parsed.data.startingLevel.level > parsed.data.levels.length) {
		problems.push({ field: 'startingLevel', message: `The starting level must be one of 1 to ${parsed.data.levels.length}` });
	}
	if (parsed.success && catalog) {
		for (const p of mediaProblems(parsed.data, catalog)) problems.push({ field: mediaField(p.path, draft, parsed.data), message: p.message });
	}
	return { document, routine: parsed.success && problems.length === 0 ? parsed.data : null, problems };
}

/**
 * A media problem's place: an exercise's clip, picture or cue sound, and a phase's part of the
 * clip, belong to the exercise's first use; a talk's picture to the talk; the programme's cue
 * sounds to the programme.
 */
function mediaField(path: readonly (string | number)[], draft: Draft, routine: Routine): string {
	const [head, a, b, c] = path;
	const first = (kind: DraftItem['kind'], id: string | undefined) => {
		const i = draft.items.findIndex((item) => item.kind === kind && (item.kind === 'exercise' ? item.exercise.id : item.block.id) === id);
		return i < 0 ? 'programme' : `items.${i}`;
	};
	if (head === 'exercises' && typeof a === 'number') return first('exercise', routine.exercises[a]?.id);
	if (head === 'education' && typeof a === 'number') return first('education', routine.education[a]?.id);
	if (head === 'levels' && typeof a === 'number' && b === 'steps' && typeof c === 'number') {
		const i = levelItems(draft, a)[c];
		return i === undefined ? 'programme' : `items.${i}`;
	}
	return 'programme';
}
