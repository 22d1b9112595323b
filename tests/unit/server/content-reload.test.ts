import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHash } from 'node:crypto';
import { findRoutine, getLibrary, mediaFor, reloadLibrary, timelineFor } from '$lib/server/content';
import { routineMedia } from '$lib/server/offline-media';

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

	it("merges the clinic's media.yaml, and versions its files by content so they can be kept for good", () => {
		const catalog = readFileSync(path.resolve('src/content/media.yaml'), 'utf8').split('\n');
		const start = catalog.indexOf('  seated-pelvic-tilt:');
		const end = catalog.findIndex((line, i) => i > start && /^ {2}\S/.test(line));
		const clip = catalog
			.slice(start, end)
			.join('\n')
			.replace('  seated-pelvic-tilt:', '  clinic-pelvic-tilt:')
			.replaceAll('video/seated-pelvic-tilt.', 'clinic/pelvic-tilt.');
		writeFileSync(path.join(dir, 'media.yaml'), `sounds: {}\nimages: {}\nvideos:\n${clip}\n`);
		mkdirSync(path.join(dir, 'media', 'clinic'), { recursive: true });
		for (const ext of ['webm', 'mp4', 'webp']) writeFileSync(path.join(dir, 'media', 'clinic', `pelvic-tilt.${ext}`), `clinic ${ext}`);
		writeFileSync(path.join(dir, 'routines', 'clinic-desk.yaml'), asClinic('Clinic desk').replace('media: { video: seated-pelvic-tilt }', 'media: { video: clinic-pelvic-tilt }'));
		const library = reloadLibrary();
		expect(library.clinic?.problems).toEqual([]);
		expect(library.clinic?.loaded).toContain(path.join(dir, 'media.yaml'));
		const routine = findRoutine('clinic-desk')!;
		const hash = createHash('sha256').update('clinic webm').digest('hex').slice(0, 12);
		expect(mediaFor(timelineFor(routine, 1)).videos['clinic-pelvic-tilt']?.files[0]).toBe(`clinic/pelvic-tilt.webm?v=${hash}`);
		// The offline media list of the clinic routine names the clinic's clip, with its size.
		const list = routineMedia(routine);
		const paths = list.levels[0]?.items.flatMap((item) => item.choices.map((c) => c.path)) ?? [];
		expect(paths).toContain(`clinic/pelvic-tilt.webm?v=${hash}`);
		expect(list.bytes[`clinic/pelvic-tilt.webm?v=${hash}`]).toBe('clinic webm'.length);

		// A changed file gets another version on reload.
		writeFileSync(path.join(dir, 'media', 'clinic', 'pelvic-tilt.webm'), 'clinic webm, recut');
		reloadLibrary();
		expect(mediaFor(timelineFor(findRoutine('clinic-desk')!, 1)).videos['clinic-pelvic-tilt']?.files[0]).not.toContain(hash);
	});
});
