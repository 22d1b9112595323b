/**
 * Which pages are saved for offline use, and the key a page is saved under. SvelteKit asks
 * for a page's data at `PATH/__data.json` with bookkeeping parameters of its own; the saved
 * copy is the full data (all of the page's loads), found whatever those parameters say.
 */

/** Opened from the home screen with no network: the app's pages that need no download. */
export const SHELL_PAGES: readonly string[] = ['/', '/__data.json', '/history', '/history/__data.json', '/screening', '/downloads'];

/** The page served for a navigation that is neither online nor saved (static/offline.html). */
export const OFFLINE_PAGE = '/offline.html';

/**
 * A shipped or clinic routine lives at /routines/ID and plays at /play/ID; a clinician's
 * programme (its share id given) lives at /p/SHARE and plays at /p/SHARE/play, under a
 * routine id of its own.
 */
export function routinePage(routineId: string, shareId?: string): string {
	return shareId === undefined ? `/routines/${encodeURIComponent(routineId)}` : `/p/${encodeURIComponent(shareId)}`;
}

function playPage(routineId: string, shareId?: string): string {
	return shareId === undefined ? `/play/${encodeURIComponent(routineId)}` : `/p/${encodeURIComponent(shareId)}/play`;
}

/** The routine's (or programme's) page and the player of one level, each with its data. */
export function downloadPages(routineId: string, level: number, shareId?: string): string[] {
	const home = routinePage(routineId, shareId);
	const play = playPage(routineId, shareId);
	return [home, `${home}/__data.json`, `${play}?level=${level}`, `${play}/__data.json?level=${level}`];
}

/**
 * Where a routine's media list is: made at build time for shipped routines, by the server
 * for a clinic's routines and for a programme (whose versions change without a build).
 */
export function mediaListUrl(routineId: string, shareId?: string): string {
	return `${routinePage(routineId, shareId)}/offline.json`;
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
