/**
 * A problem found in a content file, placed where an author can jump to it. Every check
 * (YAML syntax, schema, cross-file references) reports in this one shape so the CLI,
 * the tests and the server print them alike.
 */
export interface Problem {
	readonly file: string;
	/** 1-based, as editors count. */
	readonly line: number;
	/** 1-based, in characters (not UTF-16 units), as editors count. */
	readonly column: number;
	readonly message: string;
	/** Dotted field path such as `levels.0.steps.2.hold`; empty for whole-file problems. */
	readonly path: string;
}

/** A field path as zod and the parsed data see it. */
export type FieldPath = readonly (string | number)[];

export function pathText(path: FieldPath): string {
	return path.join('.');
}

/** `FILE:LINE:COLUMN: message (at field.path)`: the form editors and CI annotate from. */
export function formatProblem(p: Problem): string {
	const at = p.path === '' ? '' : ` (at ${p.path})`;
	return `${p.file}:${p.line}:${p.column}: ${p.message}${at}`;
}

/** Stable reading order: by file, then position, then message. */
export function compareProblems(a: Problem, b: Problem): number {
	if (a.file !== b.file) return a.file < b.file ? -1 : 1;
	return a.line - b.line || a.column - b.column || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
}
