/**
 * How long a browser (and any cache between) may keep a static file. Only names that
 * change whenever their bytes change may be kept for a year without asking again; the
 * rest are revalidated on every use, which costs a 304 thanks to their ETag, so a file
 * replaced on a running install (a clinic's own clip, a redeploy) reaches every device
 * the next time it is asked for.
 */

/** A year, the longest max-age caches honour, with no revalidation while it lasts. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Keep it, but ask (If-None-Match) before every use. */
export const REVALIDATE = 'no-cache';

/** Vite's output: every name under here carries a hash of its content. */
const HASHED_ASSETS = '/_app/immutable/';
const MEDIA = '/media/';

/**
 * `pathname` is the decoded path of the request, `search` its query string (with or
 * without the leading `?`). Media asked for with a content version (`?v=<hash>`, put
 * there by the pages that link them) are immutable too: a changed file gets a new `v`.
 */
export function cacheControlFor(pathname: string, search: string): string {
	if (pathname.startsWith(HASHED_ASSETS)) return IMMUTABLE;
	if (pathname.startsWith(MEDIA) && hasVersion(search)) return IMMUTABLE;
	return REVALIDATE;
}

function hasVersion(search: string): boolean {
	const version = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search).get('v');
	return version !== null && version.length > 0;
}
