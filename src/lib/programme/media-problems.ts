/**
 * The media checks a routine file gets (clips, pictures, sounds and clip parts named in the
 * install's media catalogue), run on a programme's document. An imported file may name media
 * this install lacks; the builder shows that beside the exercise, before the save.
 */
import { checkReferences } from '../routine/references';
import type { FieldPath } from '../routine/problems';
import type { MediaCatalog, Routine } from '../routine/schema';

export interface MediaProblem {
	readonly path: FieldPath;
	readonly message: string;
}

const FILE = 'programme';

export function mediaProblems(routine: Routine, catalog: MediaCatalog): MediaProblem[] {
	// A built document has no source lines. Only the cue sounds are never written by the
	// builder (they are the format's defaults), which picks the message for a default sound.
	const locate = (path: FieldPath) => ({ line: 1, column: 1, found: path[0] !== 'cues' });
	const problems = checkReferences(
		{ routines: [{ file: FILE, value: routine, locate }], courses: [], catalog: { file: 'media.yaml', value: catalog, locate } },
		() => true
	);
	return problems
		.filter((p) => p.file === FILE)
		.map((p) => ({ path: p.path === '' ? [] : p.path.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k)), message: p.message }));
}
