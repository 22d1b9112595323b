/**
 * How the service worker treats a request, by what it is for:
 * - `media`: /media/ files. From the downloads cache when there, else the network; never
 *   stored on the way (only a download stores media).
 * - `shell`: this build's JavaScript, CSS, icons and prerendered files. Cache first.
 * - `page` / `data`: a page or its `__data.json`. Network first, then the saved copy.
 * - `pass`: everything else (the API, other methods, other origins), left to the browser.
 * howler fetches Web Audio sounds with XHR (an empty `request.destination`, no Range), so
 * the URL decides, never the destination.
 */
import { isDataRequest } from './page-urls';

export type RequestKind = 'media' | 'shell' | 'page' | 'data' | 'pass';

export function requestKind(
	request: Pick<Request, 'method' | 'mode'>,
	url: URL,
	origin: string,
	shell: ReadonlySet<string>
): RequestKind {
	if (request.method !== 'GET' || url.origin !== origin) return 'pass';
	if (url.pathname.startsWith('/media/')) return 'media';
	if (shell.has(url.pathname)) return 'shell';
	if (isDataRequest(url)) return 'data';
	if (request.mode === 'navigate') return 'page';
	return 'pass';
}

/** The build's files that make the app shell: all but the media and the editors' schemas. */
export function shellFiles(build: readonly string[], files: readonly string[], prerendered: readonly string[]): string[] {
	const staticFiles = files.filter((f) => !f.startsWith('/media/') && !f.startsWith('/schema/'));
	return [...new Set([...build, ...staticFiles, ...prerendered])];
}
