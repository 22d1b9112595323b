/**
 * Content file text → validated, typed data, with every problem placed at its line and
 * column. Pure (no fs), so the CLI, the tests and the server (via import.meta.glob) share it.
 */
import * as z from 'zod';
import { plainMessage } from './issue-text';
import { compareProblems, pathText, type FieldPath, type Problem } from './problems';
import { course, mediaCatalog, routine, type Course, type MediaCatalog, type Routine } from './schema';
import { schemaProblems } from './schema-issues';
import type { Locate } from './yaml-locate';
import { readYaml } from './yaml-source';

export interface ContentFile {
	/** How the file is named in problems, e.g. `src/content/routines/cat-camel.yaml`. */
	readonly file: string;
	readonly text: string;
}

export interface Parsed<T> {
	readonly file: string;
	/** Present when the data passed the schema (problems may still hold YAML-level ones such as a duplicate key). */
	readonly value?: T;
	readonly problems: Problem[];
	/** Finds a field in the source, so cross-file checks can place their problems too. */
	readonly locate: Locate;
	/** The data before validation, so other checks can tell what an invalid file meant (its id). */
	readonly data?: unknown;
}

/** A Problem at a field of a parsed file. */
export function problemAt(
	source: { readonly file: string; readonly locate: Locate },
	path: FieldPath,
	message: string,
	target: 'key' | 'value' = 'value'
): Problem {
	const at = source.locate(path, target);
	return { file: source.file, line: at.line, column: at.column, message, path: pathText(path) };
}

export function parseWith<S extends z.core.$ZodType>(schema: S, { file, text }: ContentFile): Parsed<z.output<S>> {
	const source = readYaml(file, text);
	const { locate } = source;
	if (source.data === undefined) return { file, problems: source.problems, locate };
	const result = z.safeParse(schema, source.data, { reportInput: true, error: plainMessage });
	const problems = [...source.problems];
	if (!result.success) {
		const place = (path: FieldPath, message: string, target?: 'key' | 'value') => problemAt({ file, locate }, path, message, target);
		problems.push(...schemaProblems(schema, result.error.issues, source.data, place));
	}
	problems.sort(compareProblems);
	return { file, value: result.success ? result.data : undefined, problems, locate, data: source.data };
}

export const parseRoutine = (f: ContentFile): Parsed<Routine> => parseWith(routine, f);
export const parseCourse = (f: ContentFile): Parsed<Course> => parseWith(course, f);
export const parseMediaCatalog = (f: ContentFile): Parsed<MediaCatalog> => parseWith(mediaCatalog, f);
