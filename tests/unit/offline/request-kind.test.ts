import { describe, expect, it } from 'vitest';
import { isOutdatedCache, MEDIA_CACHE, pagesCache, shellCache } from '../../../src/lib/offline/cache-names';
import { downloadPages, mediaListUrl, pageKey, routinePage } from '../../../src/lib/offline/page-urls';
import { requestKind, shellFiles } from '../../../src/lib/offline/request-kind';

const ORIGIN = 'http://127.0.0.1:3000';
const shell = new Set(['/_app/immutable/entry/start.js', '/voice-manifest.json']);
const kind = (path: string, init: { method?: string; mode?: RequestMode } = {}) =>
	requestKind({ method: init.method ?? 'GET', mode: init.mode ?? 'cors' }, new URL(path, ORIGIN), ORIGIN, shell);

describe('requestKind', () => {
	it('routes by URL, so howler’s XHR (no destination, no Range) reaches the media cache too', () => {
		expect(kind('/media/sounds/tick.webm?v=1')).toBe('media');
		expect(kind('/media/video/a.webm?v=1', { mode: 'no-cors' })).toBe('media');
		expect(kind('/_app/immutable/entry/start.js')).toBe('shell');
		expect(kind('/voice-manifest.json')).toBe('shell');
		expect(kind('/play/x/__data.json?level=1&x-sveltekit-invalidated=01')).toBe('data');
		expect(kind('/play/x?level=1', { mode: 'navigate' })).toBe('page');
	});

	it('leaves the API, other methods and other origins to the browser', () => {
		expect(kind('/api/time')).toBe('pass');
		expect(kind('/media/a.webm', { method: 'POST' })).toBe('pass');
		expect(requestKind({ method: 'GET', mode: 'cors' }, new URL('https://elsewhere.test/media/a.webm'), ORIGIN, shell)).toBe('pass');
	});
});

describe('shellFiles', () => {
	it('takes the build and static files but never the media folder or the editors’ schemas', () => {
		const files = shellFiles(['/_app/a.js'], ['/favicon.svg', '/media/video/a.webm', '/schema/routine.schema.json', '/offline.html'], ['/voice-manifest.json']);
		expect(files).toEqual(['/_app/a.js', '/favicon.svg', '/offline.html', '/voice-manifest.json']);
	});
});

describe('cache names', () => {
	it('lets an update delete only Limber’s shell and pages caches of other builds', () => {
		expect(isOutdatedCache(shellCache('1'), '2')).toBe(true);
		expect(isOutdatedCache(pagesCache('1'), '2')).toBe(true);
		expect(isOutdatedCache(shellCache('2'), '2')).toBe(false);
		expect(isOutdatedCache(pagesCache('2'), '2')).toBe(false);
		// Downloads survive every version; a cache that is not Limber's is not touched.
		expect(isOutdatedCache(MEDIA_CACHE, '2')).toBe(false);
		expect(isOutdatedCache('someone-elses-cache', '2')).toBe(false);
	});
});

describe('page keys', () => {
	it('drop SvelteKit’s own parameters and keep the level', () => {
		expect(pageKey(new URL('/play/x/__data.json?level=2&x-sveltekit-invalidated=01', ORIGIN))).toBe('/play/x/__data.json?level=2');
		expect(pageKey(new URL('/__data.json?x-sveltekit-trailing-slash=1&x-sveltekit-invalidated=1', ORIGIN))).toBe('/__data.json');
	});

	it('name a download’s routine page and player, each with its data', () => {
		expect(downloadPages('desk-break', 3)).toEqual([
			'/routines/desk-break',
			'/routines/desk-break/__data.json',
			'/play/desk-break?level=3',
			'/play/desk-break/__data.json?level=3'
		]);
	});

	it("name a programme's own page and player, under its share id", () => {
		const share = 'AbCdEfGhIjKlMnOpQrStUv';
		expect(downloadPages('programme-0a1b', 2, share)).toEqual([`/p/${share}`, `/p/${share}/__data.json`, `/p/${share}/play?level=2`, `/p/${share}/play/__data.json?level=2`]);
		expect(routinePage('programme-0a1b', share)).toBe(`/p/${share}`);
		expect(mediaListUrl('programme-0a1b', share)).toBe(`/p/${share}/offline.json`);
		expect(mediaListUrl('desk-break')).toBe('/routines/desk-break/offline.json');
	});
});
