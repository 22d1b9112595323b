/**
 * The caches Limber's service worker and downloader share. The media cache's name never
 * changes between app versions, so downloads survive every update; the app shell and the
 * saved pages belong to one build each and are replaced with it. Nothing here touches
 * another cache: a name without these prefixes is not Limber's to delete.
 */

/** Downloaded media, keyed by their versioned URLs (`/media/…?v=hash`). */
export const MEDIA_CACHE = 'limber-media';

const SHELL_PREFIX = 'limber-shell-';
const PAGES_PREFIX = 'limber-pages-';

/** The built JavaScript, CSS, icons and prerendered files of one build. */
export function shellCache(version: string): string {
	return SHELL_PREFIX + version;
}

/** One build's saved pages: the app's own pages, and those of each downloaded routine. */
export function pagesCache(version: string): string {
	return PAGES_PREFIX + version;
}

/** Any build's pages cache. */
export function isPagesCache(name: string): boolean {
	return name.startsWith(PAGES_PREFIX);
}

/** A shell or pages cache of another build: the only caches an update deletes. */
export function isOutdatedCache(name: string, version: string): boolean {
	return (
		(name.startsWith(SHELL_PREFIX) && name !== shellCache(version)) ||
		(name.startsWith(PAGES_PREFIX) && name !== pagesCache(version))
	);
}
