/**
 * What the builder page needs from the server: the library's exercises and talks (with their
 * pictures), the media catalogue the preview checks imported media against, and the save that
 * checks a sent draft exactly as the preview did.
 */
import { builderLibrary, type BuilderLibrary } from '$lib/programme/library';
import { readDraft, type Draft } from '$lib/programme/draft';
import { buildProgramme, DRAFT_ROUTINE_ID, type FieldProblem } from '$lib/programme/to-routine';
import { educationStill, exerciseStill } from '$lib/routine/stills';
import type { MediaCatalog, Routine } from '$lib/routine/schema';
import { getLibrary } from '../content';

export interface BuilderPageLibrary {
	readonly library: BuilderLibrary;
	readonly stills: Record<string, string | null>;
	readonly catalog: MediaCatalog;
}

// Per library object: a reload of LIMBER_CONTENT_DIR swaps the library whole, and gets its own.
let cached: { from: ReturnType<typeof getLibrary>; page: BuilderPageLibrary } | undefined;

export function builderPageLibrary(): BuilderPageLibrary {
	const from = getLibrary();
	if (cached?.from === from) return cached.page;
	const { routines, catalog } = from;
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
	cached = { from, page: { library, stills, catalog } };
	return cached.page;
}

/** The exercises the library plays on each side: a saved programme may play one of them once, and the builder still offers sides. */
export function sidedExerciseIds(library: BuilderLibrary): Set<string> {
	return new Set(library.exercises.filter((e) => e.exercise.sided).map((e) => e.exercise.id));
}

export type SentDraft =
	| { readonly ok: true; readonly draft: Draft; readonly routine: Routine }
	| { readonly ok: false; readonly message: string; readonly problems: readonly FieldProblem[] };

/** The draft sent in the form's `draft` field, checked by the same build the preview runs, media included. */
export function sentDraft(form: FormData): SentDraft {
	const draft = readDraft(String(form.get('draft') ?? ''));
	if (!draft) return { ok: false, message: 'The programme arrived damaged, so nothing was saved. Your draft is still on this device.', problems: [] };
	const built = buildProgramme(draft, DRAFT_ROUTINE_ID, getLibrary().catalog);
	if (!built.routine) {
		const n = built.problems.length;
		return { ok: false, message: `Not saved: ${n} problem${n === 1 ? '' : 's'} to fix first (shown beside each field and in the preview).`, problems: built.problems };
	}
	return { ok: true, draft, routine: built.routine };
}
