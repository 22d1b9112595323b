import { describe, expect, it } from 'vitest';
import { cacheControlFor, IMMUTABLE, REVALIDATE } from '$lib/server/http/cache-policy';

describe('cacheControlFor', () => {
	it.each([
		['/_app/immutable/chunks/DLB9cI8S.js', ''],
		['/_app/immutable/assets/0.B2ohHrDl.css', '?x=1'],
		['/media/video/cat-cow.webm', '?v=3f9a1c'],
		['/media/sounds/bell.m4a', 'v=abc&other=1'],
		['/media/voice/a b.webm', '?other=1&v=9']
	])('keeps %s%s for a year', (pathname, search) => {
		expect(cacheControlFor(pathname, search)).toBe(IMMUTABLE);
	});

	it.each([
		// Media without a version may be replaced in place by a clinic: always revalidate.
		['/media/video/cat-cow.webm', ''],
		['/media/video/cat-cow.webm', '?v='],
		['/media/video/cat-cow.webm', '?version=3'],
		// version.json is how a running page learns of a new deploy.
		['/_app/version.json', '?v=1'],
		['/favicon.svg', '?v=1'],
		['/service-worker.js', ''],
		['/_app/immutable', '']
	])('revalidates %s%s', (pathname, search) => {
		expect(cacheControlFor(pathname, search)).toBe(REVALIDATE);
	});
});
