/**
 * Which pages are saved for offline use, and the key a page is saved under. SvelteKit asks
 * for a page's data at `PATH/__data.json` with bookkeeping parameters of its own; the saved
 * copy is the full data (all of the page's loads), found whatever those parameters say.
 */

/** Opened from the home screen with no network: the app's pages that need no download. */
export const SHELL_PAGES: readonly string[] = ['/', '/__data.json', '/history', '/history/__data.json', '/screening', '/downloads'];

/** The page served for a navigation that is neither online nor saved (static/offline.html). */
export const OFFLINE_PAGE = '/offline.html';

/** The routine page and the player of one level, each with its data. */
export function downloadPages(routineId: string, level: number): string[] {
	const id = encodeURIComponent(routineId);
	return [`/routines/${id}`, `/routines/${id}/__data.json`, `/play/${id}?level=${level}`, `/play/${id}/__data.json?level=${level}`];
}

const KIT_PARAMS = ['x-sveltekit-invalidated', 'x-sveltekit-trailing-slash'];

/** Path and query, without SvelteKit's own parameters: `/play/x/__data.json?level=1`. */
export function pageKey(url: URL): string {
	const params = new URLSearchParams(url.search);
	for (const p of KIT_PARAMS) params.delete(p);
	const query = params.toString();
	return url.pathname + (query ? `?${query}` : '');
}

export function isDataRequest(url: URL): boolean {
	return url.pathname.endsWith('/__data.json');
}
