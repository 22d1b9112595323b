/**
 * The sharing rule of the media cache: a file stays while any download (or a download
 * under way) needs it, and goes when none does. Cache keys are full URLs; records hold
 * paths with their queries (`/media/voice/ab12.webm?v=…`), compared as such.
 */
import type { DownloadRecord } from './download-record';
import type { PlannedFile } from './pick-files';

/** `http://host/media/a.webm?v=1` → `/media/a.webm?v=1`; a path is kept as it is. */
export function cacheKeyPath(key: string): string {
	if (key.startsWith('/')) return key;
	const u = new URL(key);
	return u.pathname + u.search;
}

/** The cached files no download needs: the ones to delete. */
export function orphanedKeys(
	cachedKeys: Iterable<string>,
	records: readonly Pick<DownloadRecord, 'files'>[],
	inProgress: Iterable<string> = []
): string[] {
	const needed = new Set<string>(inProgress);
	for (const r of records) for (const f of r.files) needed.add(f.url);
	return [...cachedKeys].filter((k) => !needed.has(cacheKeyPath(k)));
}

/** The planned files not in the cache yet: all a download (or an update) has to fetch. */
export function missingFiles(planned: readonly PlannedFile[], cachedKeys: Iterable<string>): PlannedFile[] {
	const have = new Set<string>();
	for (const k of cachedKeys) have.add(cacheKeyPath(k));
	return planned.filter((f) => !have.has(f.url));
}
