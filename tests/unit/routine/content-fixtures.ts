/** The hand-written content fixtures in tests/unit/fixtures/, and helpers to vary them. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

const read = (rel: string) => readFileSync(`${FIXTURES}${rel}`, 'utf8');

export const routineText = read('content/routines/fixture-stretch.yaml');
export const courseText = read('content/courses/fixture-course.yaml');
export const catalogText = read('content/media.yaml');

/** Replaces exactly one occurrence, so a fixture edit cannot silently miss. */
export function edit(text: string, from: string, to: string): string {
	const at = text.indexOf(from);
	if (at === -1 || text.indexOf(from, at + 1) !== -1) throw new Error(`fixture edit: "${from}" must occur exactly once`);
	return text.slice(0, at) + to + text.slice(at + from.length);
}

/** 1-based line and column of the first occurrence of `needle` (plus `offset` characters). */
export function positionOf(text: string, needle: string, offset = 0): { line: number; column: number } {
	const at = text.indexOf(needle);
	if (at === -1) throw new Error(`"${needle}" not in text`);
	const before = text.slice(0, at + offset).split('\n');
	return { line: before.length, column: (before[before.length - 1] ?? '').length + 1 };
}
