/**
 * The parts a clinician builds a programme from: every exercise and every education block of
 * the shipped routines, each with the dose its own routine starts with and the safety text of
 * that routine. Pure, so the builder page, the tests and the import share one view of it.
 */
import type { Category } from '../routine/categories';
import type { EducationBlock, Exercise, Phase, Reference, Routine } from '../routine/schema';
import { isEducationStep, isExerciseStep } from '../routine/schema';
import { doseOfStep, type Dose } from './draft';

/** One level's dose of one exercise, as the builder edits it (declared with the draft). */
export type { Dose };

export interface SourceSafety {
	readonly notes: readonly string[];
	readonly stopRules: readonly string[];
}

export interface LibraryExercise {
	readonly exercise: Exercise;
	/** The named parts of one repetition in its routine (empty for a held exercise). */
	readonly phases: readonly Phase[];
	readonly dose: Dose;
	readonly intensity: string | null;
	readonly routineId: string;
	readonly routineTitle: string;
	readonly category: Category;
	readonly safety: SourceSafety;
	readonly references: readonly Reference[];
}

export interface LibraryEducation {
	readonly block: EducationBlock;
	readonly seconds: number;
	readonly routineId: string;
	readonly routineTitle: string;
}

export interface BuilderLibrary {
	readonly exercises: readonly LibraryExercise[];
	readonly education: readonly LibraryEducation[];
}

function firstUse<T>(routine: Routine, pick: (step: Routine['levels'][number]['steps'][number]) => T | undefined): T | undefined {
	for (const level of routine.levels) {
		for (const step of level.steps) {
			const found = pick(step);
			if (found !== undefined) return found;
		}
	}
	return undefined;
}

/**
 * Exercises keyed by id, the first routine (in the order given) winning: an id shared by two
 * routines names the same exercise, and a programme's exercise ids must be unique.
 * Exercises no level plays, and education no level plays, are left out: they have no dose.
 */
export function builderLibrary(routines: readonly Routine[]): BuilderLibrary {
	const exercises = new Map<string, LibraryExercise>();
	const education = new Map<string, LibraryEducation>();
	for (const routine of routines) {
		const safety = { notes: routine.safety.notes, stopRules: routine.safety.stopRules };
		for (const exercise of routine.exercises) {
			if (exercises.has(exercise.id)) continue;
			const step = firstUse(routine, (s) => (isExerciseStep(s) && s.exercise === exercise.id ? s : undefined));
			if (!step) continue;
			exercises.set(exercise.id, {
				exercise,
				phases: step.phases ?? [],
				dose: doseOfStep(step),
				intensity: step.intensity ?? null,
				routineId: routine.id,
				routineTitle: routine.title,
				category: routine.category,
				safety,
				references: routine.references
			});
		}
		for (const block of routine.education) {
			if (education.has(block.id)) continue;
			const seconds = firstUse(routine, (s) => (isEducationStep(s) && s.education === block.id ? s.seconds : undefined));
			if (seconds === undefined) continue;
			education.set(block.id, { block, seconds, routineId: routine.id, routineTitle: routine.title });
		}
	}
	return { exercises: [...exercises.values()], education: [...education.values()] };
}
