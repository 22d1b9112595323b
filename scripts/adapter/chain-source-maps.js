// @ts-check
/**
 * adapter-node bundles SvelteKit's server output again with rollup, whose maps point at that
 * output (.svelte-kit/output/server/…), not at src/: rollup does not read its inputs' maps.
 * This rewrites each map under a folder so it points straight at the source files, which is
 * what a stack trace with source maps on then names (src/lib/server/error-report.ts).
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import remapping from '@jridgewell/remapping';

/** @param {string} dir */
export function chainSourceMaps(dir) {
	let chained = 0;
	for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile() || !entry.name.endsWith('.js.map')) continue;
		const mapFile = path.join(entry.parentPath, entry.name);
		const mapDir = path.dirname(mapFile);
		const map = JSON.parse(readFileSync(mapFile, 'utf8'));
		// Absolute sources, so the loader below finds each input's own map beside it.
		map.sources = map.sources.map((/** @type {string} */ s) => path.resolve(mapDir, map.sourceRoot ?? '', s));
		delete map.sourceRoot;
		const out = remapping(
			map,
			(file) => {
				const inputMap = `${file}.map`;
				return file.startsWith('/') && existsSync(inputMap) ? JSON.parse(readFileSync(inputMap, 'utf8')) : null;
			},
			{ excludeContent: true }
		);
		out.sources = out.sources.map((s) => (s === null ? s : path.relative(mapDir, s)));
		writeFileSync(mapFile, JSON.stringify(out));
		chained++;
	}
	return chained;
}
