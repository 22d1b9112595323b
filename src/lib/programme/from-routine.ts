/**
 * An imported routine document becomes a draft the builder can edit. The builder plays every
 * item at every level in one order, so a routine whose levels list different exercises (or
 * free rests) is refused with a message saying so, rather than imported half.
 */
import type { Routine } from '../routine/schema';
import { isEducationStep, isExerciseStep } from '../routine/schema';
import type { Draft, DraftItem } from './draft';
import { LIMITS } from './limits';
import { ruleDescription, toDocument } from './to-routine';

export type FromRoutine = { readonly ok: true; readonly draft: Draft } | { readonly ok: false; readonly message: string };

export function draftFromRoutine(routine: Routine): FromRoutine {
	if (routine.levels.length > LIMITS.maxLevels) return { ok: false, message: `A programme has at most ${LIMITS.maxLevels} levels; this file has ${routine.levels.length}.` };
	const [first, ...others] = routine.levels;
	if (!first) return { ok: false, message: 'The file has no levels.' };
	if (first.steps.length > LIMITS.items) return { ok: false, message: `A programme holds at most ${LIMITS.items} exercises and talks; this file has ${first.steps.length}.` };
	const key = (s: Routine['levels'][number]['steps'][number]) => (isExerciseStep(s) ? `e:${s.exercise}` : isEducationStep(s) ? `t:${s.education}` : 'rest');
	const order = first.steps.map(key);
	if (order.includes('rest')) return { ok: false, message: 'The builder has no free rests between exercises; use a rest after an exercise instead.' };
	if (new Set(order).size !== order.length) return { ok: false, message: 'The builder lists each exercise once; this file repeats one.' };
	for (const level of others) {
		if (level.steps.map(key).join() !== order.join()) {
			return { ok: false, message: `Every level must list the same exercises in the same order to be edited here; "${level.name}" differs.` };
		}
	}
	const items: DraftItem[] = first.steps.map((step, i) => {
		if (isEducationStep(step)) {
			const block = routine.education.find((b) => b.id === step.education);
			if (!block) throw new Error(`education ${step.education} is not in the file`);
			return { kind: 'education', block, seconds: step.seconds, routineId: routine.id };
		}
		if (!isExerciseStep(step)) throw new Error('free rests were refused above');
		const exercise = routine.exercises.find((e) => e.id === step.exercise);
		if (!exercise) throw new Error(`exercise ${step.exercise} is not in the file`);
		return {
			kind: 'exercise',
			exercise,
			phases: step.phases ?? [],
			intensity: step.intensity ?? '',
			note: step.note ?? '',
			routineId: routine.id,
			doses: routine.levels.map((level) => {
				const s = level.steps[i];
				if (!s || !isExerciseStep(s)) throw new Error('levels were checked to match');
				return {
					sets: s.sets,
					reps: s.reps,
					hold: s.hold ?? null,
					phaseSeconds: (s.phases ?? []).map((p) => p.seconds),
					restBetweenReps: s.restBetweenReps,
					restBetweenSets: s.restBetweenSets,
					restAfter: s.restAfter,
					switchRest: s.switchRest
				};
			})
		};
	});
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
	return {
		ok: true,
		draft: {
			...draft,
			note: routine.summary === toDocument(unwritten).summary ? '' : draft.note,
			progression: { ...draft.progression, description: p.description === ruleDescription(unwritten.progression) ? '' : p.description }
		}
	};
}
