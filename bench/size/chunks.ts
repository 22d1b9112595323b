/**
 * Which built chunks are the heavy media libraries. The Vite manifest names the chunk each
 * package was put in; a marker string backs it up in case a library is split differently
 * (or the manifest is missing).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../lib/server';

export type Library = 'video.js' | 'howler';

const MANIFEST = path.join(ROOT, '.svelte-kit', 'output', 'client', '.vite', 'manifest.json');

const PACKAGE_DIR: Readonly<Record<Library, string>> = {
	'video.js': 'node_modules/video.js/',
	howler: 'node_modules/howler/'
};

/** Strings only the library's own code contains. */
const MARKERS: Readonly<Record<Library, string>> = {
	'video.js': 'VIDEOJS_NO_DYNAMIC_STYLE',
	howler: 'HowlerGlobal'
};

interface ManifestEntry {
	readonly file: string;
	readonly src?: string;
}

/** Built file path (`_app/immutable/…`) → the library it holds (null: app code), from the manifest. */
export function manifestChunks(): Map<string, Library | null> {
	const out = new Map<string, Library | null>();
	if (!existsSync(MANIFEST)) return out;
	const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<string, ManifestEntry>;
	for (const entry of Object.values(manifest)) {
		const lib = (Object.keys(PACKAGE_DIR) as Library[]).find((l) => entry.src?.startsWith(PACKAGE_DIR[l]));
		if (lib || !out.has(entry.file)) out.set(entry.file, lib ?? null);
	}
	return out;
}

/** The manifest's word for a file it lists; the marker strings for any other (workers, a missing manifest). */
export function libraryOf(urlPath: string, body: string, manifest: ReadonlyMap<string, Library | null>): Library | null {
	const file = urlPath.replace(/^\//, '');
	const known = manifest.get(file);
	if (known !== undefined) return known;
	return (Object.keys(MARKERS) as Library[]).find((l) => body.includes(MARKERS[l])) ?? null;
}
