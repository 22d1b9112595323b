import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { findRoutine, getLibrary, reloadLibrary, timelineFor } from '$lib/server/content';

const shipped = readFileSync(path.resolve('src/content/routines/desk-break.yaml'), 'utf8');
const asClinic = (title: string) => shipped.replace('id: desk-break', 'id: clinic-desk').replace('title: Desk break', `title: ${title}`);

describe('the library with LIMBER_CONTENT_DIR', () => {
	let dir: string;
	beforeAll(() => {
		dir = mkdtempSync(path.join(tmpdir(), 'limber-clinic-reload-'));
		mkdirSync(path.join(dir, 'routines'));
		vi.stubEnv('LIMBER_CONTENT_DIR', dir);
		vi.spyOn(console, 'log').mockImplementation(() => undefined);
	});
	afterAll(() => {
		vi.unstubAllEnvs();
		vi.restoreAllMocks();
		reloadLibrary();
		rmSync(dir, { recursive: true, force: true });
	});

	it('adds a clinic routine, reports a broken one, and reads the folder again on reload', () => {
		writeFileSync(path.join(dir, 'routines', 'clinic-desk.yaml'), asClinic('Clinic desk'));
		writeFileSync(path.join(dir, 'routines', 'broken.yaml'), 'id: [');
		const first = reloadLibrary();
		expect(first.routines.get('clinic-desk')?.title).toBe('Clinic desk');
		expect(first.routines.has('desk-break')).toBe(true);
		expect(first.clinic?.loaded).toEqual([path.join(dir, 'routines', 'clinic-desk.yaml')]);
		expect(first.clinic?.problems.map((p) => p.file)).toContain(path.join(dir, 'routines', 'broken.yaml'));
		expect(console.log).toHaveBeenCalledWith(expect.stringMatching(new RegExp(`^${dir}/routines/broken\\.yaml:1:\\d+: `)));
		const before = timelineFor(findRoutine('clinic-desk')!, 1);

		writeFileSync(path.join(dir, 'routines', 'clinic-desk.yaml'), asClinic('Clinic desk, new').replace(/\bhold: (\d+)/, (_m, n: string) => `hold: ${Number(n) + 5}`));
		rmSync(path.join(dir, 'routines', 'broken.yaml'));
		const second = reloadLibrary();
		expect(getLibrary()).toBe(second);
		expect(second.routines.get('clinic-desk')?.title).toBe('Clinic desk, new');
		expect(second.clinic?.problems).toEqual([]);
		const after = timelineFor(findRoutine('clinic-desk')!, 1);
		expect(after).not.toBe(before);
	});
});
