import { describe, expect, it } from 'vitest';
import { media, mediaUrls, useClinicMediaFiles } from '../../../src/lib/server/media-urls';
import type { MediaCatalog } from '../../../src/lib/routine/schema';

const table = { 'video/a.webm': ['aaaaaaaaaaaa', 100], 'video/a.webp': ['bbbbbbbbbbbb', 10], 'sounds/t.webm': ['cccccccccccc', 5] } as const;

describe('mediaUrls', () => {
	const urls = mediaUrls(table);

	it('puts the content hash in the query', () => {
		expect(urls.versioned('video/a.webm')).toBe('video/a.webm?v=aaaaaaaaaaaa');
		expect(urls.versioned('video/a.webm?v=old')).toBe('video/a.webm?v=aaaaaaaaaaaa');
		expect(urls.bytes('video/a.webm?v=whatever')).toBe(100);
	});

	it('leaves a file it does not know as it is', () => {
		expect(urls.versioned('video/missing.webm')).toBe('video/missing.webm');
		expect(urls.bytes('video/missing.webm')).toBeNull();
	});

	it('gives a changed file a new URL', () => {
		const changed = mediaUrls({ ...table, 'video/a.webm': ['dddddddddddd', 100] });
		expect(changed.versioned('video/a.webm')).not.toBe(urls.versioned('video/a.webm'));
	});

	it('versions every path of a catalogue, posters and images too', () => {
		const catalog: MediaCatalog = {
			sounds: { tick: { files: ['sounds/t.webm'] } },
			videos: { a: { files: ['video/a.webm'], poster: 'video/a.webp', duration: 6 } },
			images: {}
		};
		const out = urls.catalog(catalog);
		expect(out.sounds.tick?.files).toEqual(['sounds/t.webm?v=cccccccccccc']);
		expect(out.videos.a?.files).toEqual(['video/a.webm?v=aaaaaaaaaaaa']);
		expect(out.videos.a?.poster).toBe('video/a.webp?v=bbbbbbbbbbbb');
		expect(urls.catalog(catalog)).toBe(out);
	});
});

describe('the build’s media table', () => {
	it('hashes the files in static/media', () => {
		expect(media.versioned('sounds/tick.webm')).toMatch(/^sounds\/tick\.webm\?v=[0-9a-f]{12}$/);
		expect(media.bytes('sounds/tick.webm')).toBeGreaterThan(100);
	});

	it("versions a clinic's media files too, a shipped file of the same path winning, and forgets them on a reload", () => {
		const shippedTick = media.versioned('sounds/tick.webm');
		useClinicMediaFiles({ 'clinic/knee.webm': ['abcdefabcdef', 42], 'sounds/tick.webm': ['000000000000', 1] });
		try {
			expect(media.versioned('clinic/knee.webm')).toBe('clinic/knee.webm?v=abcdefabcdef');
			expect(media.bytes('clinic/knee.webm')).toBe(42);
			expect(media.versioned('sounds/tick.webm')).toBe(shippedTick);
			const catalog: MediaCatalog = { sounds: {}, videos: { k: { files: ['clinic/knee.webm'], duration: 3 } }, images: {} };
			expect(media.catalog(catalog).videos.k?.files).toEqual(['clinic/knee.webm?v=abcdefabcdef']);
			useClinicMediaFiles({ 'clinic/knee.webm': ['fedcbafedcba', 43] });
			expect(media.versioned('clinic/knee.webm')).toBe('clinic/knee.webm?v=fedcbafedcba');
			expect(media.catalog(catalog).videos.k?.files).toEqual(['clinic/knee.webm?v=fedcbafedcba']);
		} finally {
			useClinicMediaFiles({});
		}
		expect(media.versioned('clinic/knee.webm')).toBe('clinic/knee.webm');
	});
});
