/**
 * Every exercise the player shows has a clip, and every clip in the catalogue is there
 * and small. Audio-first routines (progressive muscle relaxation) are played with the
 * screen off and need none.
 */
import { existsSync, openSync, readSync, closeSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MEDIA, REGENERATE, shippedCatalog, shippedRoutines } from './shipped';

const MAX_BYTES = 1024 * 1024;
const catalog = shippedCatalog();
const routines = shippedRoutines();

function head(file: string, n: number): Buffer {
	const fd = openSync(file, 'r');
	try {
		const b = Buffer.alloc(n);
		readSync(fd, b, 0, n, 0);
		return b;
	} finally {
		closeSync(fd);
	}
}

/** The file really is what its name says (not empty, not a stray pointer file). */
function looksLike(file: string): boolean {
	const b = head(file, 12);
	if (file.endsWith('.webm')) return b.readUInt32BE(0) === 0x1a45dfa3;
	if (file.endsWith('.mp4')) return b.toString('latin1', 4, 8) === 'ftyp';
	if (file.endsWith('.webp')) return b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP';
	if (file.endsWith('.jpg')) return b[0] === 0xff && b[1] === 0xd8;
	return true;
}

describe('exercise clips', () => {
	it('covers at least one routine that is not audio-first', () => {
		expect(routines.filter((r) => !r.audioFirst).length).toBeGreaterThan(0);
	});

	for (const r of routines.filter((r) => !r.audioFirst)) {
		it(`names a catalogued video for every exercise of ${r.id}`, () => {
			const problems = r.exercises.flatMap((e) => {
				const id = e.media?.video;
				if (!id) return [`${e.id}: no media.video`];
				if (!Object.hasOwn(catalog.videos, id)) return [`${e.id}: video "${id}" is not in src/content/media.yaml`];
				return [];
			});
			expect(problems, REGENERATE).toEqual([]);
		});
	}

	for (const [id, video] of Object.entries(catalog.videos)) {
		it(`${id}: files and poster exist, are small and have a duration`, () => {
			expect(video.duration, `${id}: duration`).toBeGreaterThan(0);
			expect(video.poster, `${id}: needs a poster (shown when the video fails); ${REGENERATE}`).toBeDefined();
			expect(video.files.map((f) => f.split('.').pop()), `${id}: WebM first, MP4 second`).toEqual(['webm', 'mp4']);
			for (const f of [...video.files, video.poster ?? '']) {
				const abs = MEDIA + f;
				expect(existsSync(abs), `static/media/${f} is missing; ${REGENERATE}`).toBe(true);
				const size = statSync(abs).size;
				expect(size, `static/media/${f} is empty`).toBeGreaterThan(0);
				expect(size, `static/media/${f} is ${size} bytes; clips must stay under 1 MB`).toBeLessThan(MAX_BYTES);
				expect(looksLike(abs), `static/media/${f} is not a ${f.split('.').pop()} file; ${REGENERATE}`).toBe(true);
			}
		});
	}
});
