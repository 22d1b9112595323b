import { describe, expect, it } from 'vitest';
import { cacheKeyPath, missingFiles, orphanedKeys } from '../../../src/lib/offline/orphans';

const files = (...urls: string[]) => ({ files: urls.map((url) => ({ url, bytes: 1 })) });
const key = (path: string) => `http://127.0.0.1:3000${path}`;

describe('orphanedKeys', () => {
	const level1 = files('/media/a.webm?v=1', '/media/shared.webm?v=2');
	const level2 = files('/media/b.webm?v=3', '/media/shared.webm?v=2');

	it('keeps a file while any download needs it', () => {
		const cached = ['/media/a.webm?v=1', '/media/b.webm?v=3', '/media/shared.webm?v=2'].map(key);
		expect(orphanedKeys(cached, [level1, level2])).toEqual([]);
		// Level 2 removed: its own file goes, the shared one stays for level 1.
		expect(orphanedKeys(cached, [level1])).toEqual([key('/media/b.webm?v=3')]);
		expect(orphanedKeys(cached, [])).toEqual(cached);
	});

	it('drops an old version of a file when the download now needs the new one', () => {
		const cached = [key('/media/a.webm?v=0'), key('/media/a.webm?v=1'), key('/media/shared.webm?v=2')];
		expect(orphanedKeys(cached, [level1])).toEqual([key('/media/a.webm?v=0')]);
	});

	it('leaves alone the files of a download under way', () => {
		const cached = [key('/media/new.webm?v=9')];
		expect(orphanedKeys(cached, [], ['/media/new.webm?v=9'])).toEqual([]);
		expect(orphanedKeys(cached, [])).toEqual(cached);
	});
});

describe('missingFiles', () => {
	it('is what is planned and not cached: an update fetches only the new files', () => {
		const planned = [
			{ url: '/media/a.webm?v=1', bytes: 10 },
			{ url: '/media/c.webm?v=5', bytes: 20 }
		];
		expect(missingFiles(planned, [key('/media/a.webm?v=1'), key('/media/c.webm?v=4')])).toEqual([{ url: '/media/c.webm?v=5', bytes: 20 }]);
	});
});

describe('cacheKeyPath', () => {
	it('compares by path and query', () => {
		expect(cacheKeyPath('http://h:1/media/x.webm?v=1')).toBe('/media/x.webm?v=1');
		expect(cacheKeyPath('/media/x.webm?v=1')).toBe('/media/x.webm?v=1');
	});
});
