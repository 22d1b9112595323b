/**
 * A Vite plugin that gives the server a table of every file in static/media: its content
 * hash and size, as the virtual module `virtual:limber/media-files`. It is read once per
 * build (and once per dev-server start), so the server needs no static/ folder beside it
 * at run time (adapter-node copies static/ into build/client).
 *
 * The hash versions media URLs (`?v=`): another build with a changed file gives it another
 * URL, so browsers and the offline cache never keep a stale copy under the current name.
 */
import path from 'node:path';
import type { Plugin } from 'vite';
import { readMediaFiles } from '../../src/lib/server/media-table.js';

export { HASH_LENGTH, readMediaFiles, type MediaFileTable } from '../../src/lib/server/media-table.js';

export const MEDIA_FILES_MODULE = 'virtual:limber/media-files';
const RESOLVED = `\0${MEDIA_FILES_MODULE}`;

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
