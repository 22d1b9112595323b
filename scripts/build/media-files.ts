/**
 * A Vite plugin that gives the server a table of every file in static/media: its content
 * hash and size, as the virtual module `virtual:limber/media-files`. It is read once per
 * build (and once per dev-server start), so the server needs no static/ folder beside it
 * at run time (adapter-node copies static/ into build/client).
 *
 * The hash versions media URLs (`?v=`): another build with a changed file gives it another
 * URL, so browsers and the offline cache never keep a stale copy under the current name.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

export const MEDIA_FILES_MODULE = 'virtual:limber/media-files';
const RESOLVED = `\0${MEDIA_FILES_MODULE}`;

/** Hex digits of SHA-256 kept: 48 bits, far beyond a collision among a few thousand files. */
export const HASH_LENGTH = 12;

/** path under static/media (forward slashes) → [content hash, bytes] */
export type MediaFileTable = Record<string, readonly [string, number]>;

function walk(dir: string, base: string, out: MediaFileTable): void {
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		const rel = base ? `${base}/${entry.name}` : entry.name;
		if (entry.isDirectory()) walk(full, rel, out);
		else if (entry.isFile() && !entry.name.startsWith('.')) {
			const data = readFileSync(full);
			out[rel] = [createHash('sha256').update(data).digest('hex').slice(0, HASH_LENGTH), statSync(full).size];
		}
	}
}

/** Every file under `mediaDir`, sorted by path so the module is the same for the same files. */
export function readMediaFiles(mediaDir: string): MediaFileTable {
	const out: MediaFileTable = {};
	try {
		walk(mediaDir, '', out);
	} catch (err) {
		if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
	}
	return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function mediaFiles(mediaDir = path.resolve('static/media')): Plugin {
	return {
		name: 'limber-media-files',
		resolveId(id) {
			return id === MEDIA_FILES_MODULE ? RESOLVED : null;
		},
		load(id) {
			if (id !== RESOLVED) return null;
			return `export default ${JSON.stringify(readMediaFiles(mediaDir))};`;
		}
	};
}
