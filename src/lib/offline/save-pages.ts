/**
 * Saves pages (HTML or `__data.json`) into a build's pages cache, fetched fresh from the
 * server. The downloader saves a routine's pages with its media; the service worker of a
 * new build saves every download's pages again, since a page names its build's scripts.
 */
import { pageKey } from './page-urls';

export async function savePages(cache: Cache, paths: readonly string[], base: string, fetchImpl: typeof fetch = fetch): Promise<void> {
	for (const path of paths) {
		const url = new URL(path, base);
		const res = await fetchImpl(url.href, { credentials: 'same-origin', cache: 'no-store', headers: { accept: acceptFor(url) } });
		if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
		await cache.put(pageKey(url), res);
	}
}

function acceptFor(url: URL): string {
	return url.pathname.endsWith('.json') ? 'application/json' : 'text/html';
}
