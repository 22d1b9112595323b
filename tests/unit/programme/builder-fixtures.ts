/** A library from the shipped routines, and a small programme built from it, for the builder tests. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { mediaCatalog, routine, type MediaCatalog } from '../../../src/lib/routine/schema';
import { builderLibrary, type LibraryEducation, type LibraryExercise } from '../../../src/lib/programme/library';
import { addEducation, addExercise, addLevel, setText, type EditResult } from '../../../src/lib/programme/edit';
import { emptyDraft, type Draft } from '../../../src/lib/programme/draft';

/** Read from the working folder rather than import.meta.url, which jsdom's suites cannot turn into a path. */
export const CONTENT = path.resolve('src/content');

export function shippedRoutines() {
	const dir = path.join(CONTENT, 'routines');
	return readdirSync(dir)
		.filter((f) => f.endsWith('.yaml'))
		.sort()
		.map((f) => routine.parse(parse(readFileSync(path.join(dir, f), 'utf8'))));
}

export const library = builderLibrary(shippedRoutines());

export function catalog(): MediaCatalog {
	return mediaCatalog.parse(parse(readFileSync(path.join(CONTENT, 'media.yaml'), 'utf8')));
}

export function exercise(id: string): LibraryExercise {
	const found = library.exercises.find((e) => e.exercise.id === id);
	if (!found) throw new Error(`no exercise ${id} in the library`);
	return found;
}

export function talk(id: string): LibraryEducation {
	const found = library.education.find((e) => e.block.id === id);
	if (!found) throw new Error(`no education block ${id} in the library`);
	return found;
}

export function ok(result: EditResult): Draft {
	if (!result.ok) throw new Error(`edit refused: ${result.message}`);
	return result.draft;
}

/** Four exercises (one sided, one with phases), one talk, two levels. */
export function fourExerciseDraft(): Draft {
	let d = setText(emptyDraft(), 'title', 'Back care after work');
	for (const id of ['seated-pelvic-tilt', 'seated-trunk-rotation', 'standing-back-bend', 'seated-hamstring-stretch']) {
		d = ok(addExercise(d, exercise(id)));
	}
	d = ok(addEducation(d, talk('hurt-not-harm')));
	return ok(addLevel(d));
}
