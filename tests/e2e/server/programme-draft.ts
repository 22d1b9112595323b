/**
 * A programme draft the builder's save accepts, made here from the shipped routines with the
 * builder's own editing functions, so a test can save programmes over HTTP the way the
 * builder page's form does (`draft` = the draft as JSON).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { emptyDraft, type Draft } from '../../../src/lib/programme/draft';
import { addExercise, setText, type EditResult } from '../../../src/lib/programme/edit';
import { builderLibrary } from '../../../src/lib/programme/library';
import { routine } from '../../../src/lib/routine/schema';
import { REPO } from './built-server';

function ok(result: EditResult): Draft {
	if (!result.ok) throw new Error(`the builder refused the test's draft: ${result.message}`);
	return result.draft;
}

let library: ReturnType<typeof builderLibrary> | undefined;

/** Two library exercises under `title`. */
export function programmeDraft(title: string): Draft {
	// Read once: a burst makes dozens of drafts and must not stall on parsing YAML.
	library ??= builderLibrary(
		readdirSync(path.join(REPO, 'src', 'content', 'routines'))
			.filter((f) => f.endsWith('.yaml'))
			.map((f) => routine.parse(parse(readFileSync(path.join(REPO, 'src', 'content', 'routines', f), 'utf8'))))
	);
	let draft = setText(emptyDraft(), 'title', title);
	for (const id of ['seated-pelvic-tilt', 'seated-trunk-rotation']) {
		const found = library.exercises.find((e) => e.exercise.id === id);
		if (!found) throw new Error(`no exercise ${id} in the shipped routines`);
		draft = ok(addExercise(draft, found));
	}
	return draft;
}
