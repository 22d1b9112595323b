import { describe, expect, it } from 'vitest';
import { describeError, newErrorId } from '$lib/server/error-report';

describe('describeError', () => {
	it('names the kind, the code and where it was thrown, never the message', () => {
		const error = Object.assign(new Error('Failed query: insert into participants values (?)\nparams: Ana Lopes,ana@example.org'), {
			code: 'SQLITE_CONSTRAINT'
		});
		error.stack = `Error: Failed query ...\n    at join (file:///srv/limber/src/lib/server/classroom/live.ts:120:9)\n    at async POST (file:///srv/limber/src/routes/api/live/[code]/join/+server.ts:14:18)`;
		const line = describeError(error);
		expect(line).toBe('Error [SQLITE_CONSTRAINT] at src/lib/server/classroom/live.ts:120:9');
		expect(line).not.toContain('Ana');
		expect(line).not.toContain('example.org');
	});

	it('falls back to the file name for frames outside src/, and follows a cause one level', () => {
		const error = new TypeError('Unexpected token a in "alice@example.org"', { cause: Object.assign(new Error('x'), { code: 'ECONNRESET' }) });
		error.stack = 'TypeError: ...\n    at Object.parse (/srv/limber/build/server/chunks/index.js:544:19)';
		expect(describeError(error)).toBe('TypeError at index.js:544:19; cause: Error [ECONNRESET]');
	});

	it('describes things thrown that are not errors by their type only', () => {
		expect(describeError('alice@example.org')).toBe('non-error thrown (string)');
		expect(describeError({ name: 'Ana' })).toBe('non-error thrown (object)');
	});
});

describe('newErrorId', () => {
	it('is ten hex digits, different each time', () => {
		const ids = new Set(Array.from({ length: 200 }, newErrorId));
		expect(ids.size).toBe(200);
		for (const id of ids) expect(id).toMatch(/^[0-9a-f]{10}$/);
	});
});
