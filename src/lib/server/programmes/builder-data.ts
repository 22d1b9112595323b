/**
 * What the builder page needs from the server: the library's exercises and talks (with their
 * pictures), and the save that checks a sent draft exactly as the preview did.
 */
import { builderLibrary, type BuilderLibrary } from '$lib/programme/library';
import { readDraft, type Draft } from '$lib/programme/draft';
import { buildProgramme, type FieldProblem } from '$lib/programme/to-routine';
import { educationStill, exerciseStill } from '$lib/routine/stills';
import type { Routine } from '$lib/routine/schema';
import { checkReferences } from '$lib/routine/references';
import { getLibrary } from '../content';


let cached: { library: BuilderLibrary; stills: Record<string, string | null> } | undefined;

export function builderPageLibrary(): { library: BuilderLibrary; stills: Record<string, string | null> } {
	if (cached) return cached;
	const { routines, catalog } = getLibrary();
	const library = builderLibrary([...routines.values()]);
	const stills: Record<string, string | null> = {};
	for (const e of library.exercises) {
		const file = exerciseStill(e.exercise, catalog);
		stills[`e:${e.exercise.id}`] = file ? `/media/${file}` : null;
	}
	for (const t of library.education) {
		const file = educationStill(t.block, catalog);
		stills[`t:${t.block.id}`] = file ? `/media/${file}` : null;
	}
	cached = { library, stills };
	return cached;
}

export type SentDraft =
	| { readonly ok: true; readonly draft: Draft; readonly routine: Routine }
	| { readonly ok: false; readonly message: string; readonly problems: readonly FieldProblem[] };

/** The draft sent in the form's `draft` field, checked by the same build the preview runs. */
export function sentDraft(form: FormData): SentDraft {
	const draft = readDraft(String(form.get('draft') ?? ''));
	if (!draft) return { ok: false, message: 'The programme arrived damaged, so nothing was saved. Your draft is still on this device.', problems: [] };
	const built = buildProgramme(draft);
	if (!built.routine) {
		return { ok: false, message: `Not saved: ${built.problems.length} problem${built.problems.length === 1 ? '' : 's'} to fix first (shown beside each field).`, problems: built.problems };
	}
	const missing = mediaProblems(built.routine);
	if (missing.length > 0) return { ok: false, message: `Not saved: ${missing.join('; ')}.`, problems: [] };
	return { ok: true, draft, routine: built.routine };
}

/**
 * Exercises copied from the library name media this install has; an imported file may name
 * clips or sounds it lacks, which would leave the player without a picture or cue.
 */
function mediaProblems(routine: Routine): string[] {
	const { catalog } = getLibrary();
	// A document from the builder has no source lines: every problem is placed on the whole programme.
	const at = () => ({ line: 1, column: 1, found: false });
	const problems = checkReferences(
		{ routines: [{ file: 'programme', value: routine, locate: at }], courses: [], catalog: { file: 'media.yaml', value: catalog, locate: at } },
		() => true
	);
	return problems.filter((p) => p.file === 'programme').map((p) => p.message);
}
