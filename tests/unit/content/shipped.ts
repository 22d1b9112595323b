/** The shipped content and media, read from disk the way the generator reads them. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { mediaCatalog, routine, type MediaCatalog, type Routine } from '../../../src/lib/routine/schema';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const MEDIA = `${ROOT}static/media/`;
export const REGENERATE = 'run `npm run media` to regenerate the media (needs ffmpeg, sox and espeak-ng)';

export function shippedRoutines(): Routine[] {
	const dir = `${ROOT}src/content/routines/`;
	return readdirSync(dir)
		.filter((f) => f.endsWith('.yaml'))
		.sort()
		.map((f) => routine.parse(parse(readFileSync(dir + f, 'utf8'))));
}

export function shippedCatalog(): MediaCatalog {
	return mediaCatalog.parse(parse(readFileSync(`${ROOT}src/content/media.yaml`, 'utf8')));
}
