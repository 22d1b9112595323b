import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLINIC_FILE_MAX_BYTES, readClinicFiles } from '$lib/server/clinic-content/read-dir';

describe('readClinicFiles', () => {
	let dir: string;
	beforeEach(() => {
		dir = mkdtempSync(path.join(tmpdir(), 'limber-clinic-'));
	});
	afterEach(() => rmSync(dir, { recursive: true, force: true }));

	it('reads routines/ and courses/ YAML files, in name order, and nothing else', () => {
		mkdirSync(path.join(dir, 'routines'));
		mkdirSync(path.join(dir, 'courses'));
		mkdirSync(path.join(dir, 'media'));
		writeFileSync(path.join(dir, 'routines', 'b.yaml'), 'id: b');
		writeFileSync(path.join(dir, 'routines', 'a.yml'), 'id: a');
		writeFileSync(path.join(dir, 'routines', 'notes.txt'), 'x');
		writeFileSync(path.join(dir, 'routines', '.hidden.yaml'), 'x');
		writeFileSync(path.join(dir, 'courses', 'c.yaml'), 'id: c');
		writeFileSync(path.join(dir, 'media', 'x.yaml'), 'x');
		const read = readClinicFiles(dir);
		expect(read.problems).toEqual([]);
		expect(read.files.map((f) => path.relative(dir, f.file))).toEqual(['routines/a.yml', 'routines/b.yaml', 'courses/c.yaml']);
		expect(read.files[1]?.text).toBe('id: b');
	});

	it('reports a missing folder, and a file too large to be a routine, without throwing', () => {
		expect(readClinicFiles(path.join(dir, 'nope')).problems[0]?.message).toContain('cannot be read (ENOENT)');
		mkdirSync(path.join(dir, 'routines'));
		writeFileSync(path.join(dir, 'routines', 'big.yaml'), 'x'.repeat(CLINIC_FILE_MAX_BYTES + 1));
		const read = readClinicFiles(dir);
		expect(read.files).toEqual([]);
		expect(read.problems).toMatchObject([{ file: path.join(dir, 'routines', 'big.yaml'), line: 1, column: 1 }]);
	});
});
