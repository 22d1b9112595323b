/**
 * Media paths as the pages receive them: relative to /media/, with the file's content hash
 * as a query (`video/clip.webm?v=3f2a…`, see src/lib/server/media-urls.ts). Anything that
 * reads a path's format must look past that query.
 */

/** The query parameter that carries a media file's content hash. */
export const VERSION_PARAM = 'v';

/** The path without its query or fragment. */
export function withoutQuery(path: string): string {
	const cut = path.search(/[?#]/);
	return cut === -1 ? path : path.slice(0, cut);
}

/** The file extension, lower case, without the dot ('' for none): `a/b.WebM?v=1` → `webm`. */
export function extensionOf(path: string): string {
	const bare = withoutQuery(path);
	const dot = bare.lastIndexOf('.');
	return dot === -1 || dot < bare.lastIndexOf('/') ? '' : bare.slice(dot + 1).toLowerCase();
}

/** Relative, under static/media, no way out of it; with or without its `?v=` content hash. */
const RELATIVE_MEDIA_PATH = /^[a-z0-9][a-z0-9/_.-]*\.[a-z0-9]+(?:\?v=[0-9a-f]{6,64})?$/i;

export function isRelativeMediaPath(path: unknown): path is string {
	return typeof path === 'string' && RELATIVE_MEDIA_PATH.test(path) && !path.split('/').includes('..');
}
