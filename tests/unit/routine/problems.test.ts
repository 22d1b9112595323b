import { describe, expect, it } from 'vitest';
import { compareProblems, formatProblem, type Problem } from '../../../src/lib/routine/problems';

const p = (over: Partial<Problem>): Problem => ({ file: 'a.yaml', line: 1, column: 1, message: 'm', path: '', ...over });

describe('formatProblem', () => {
	it('prints FILE:LINE:COLUMN: message (at path)', () => {
		expect(formatProblem(p({ file: 'src/content/routines/x.yaml', line: 12, column: 9, message: 'unknown field "hodl"', path: 'levels.0.steps.2.hodl' }))).toBe(
			'src/content/routines/x.yaml:12:9: unknown field "hodl" (at levels.0.steps.2.hodl)'
		);
	});

	it('leaves out the path of a whole-file problem', () => {
		expect(formatProblem(p({ message: 'file is empty' }))).toBe('a.yaml:1:1: file is empty');
	});
});

describe('compareProblems', () => {
	it('orders by file, then line, then column', () => {
		const sorted = [p({ file: 'b.yaml' }), p({ line: 3 }), p({ line: 2, column: 5 }), p({ line: 2, column: 1 })].sort(compareProblems);
		expect(sorted.map((q) => `${q.file}:${q.line}:${q.column}`)).toEqual(['a.yaml:2:1', 'a.yaml:2:5', 'a.yaml:3:1', 'b.yaml:1:1']);
	});
});
