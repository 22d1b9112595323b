import { describe, expect, it } from 'vitest';
import { catalogClipResolver } from '../../../src/lib/media/video-surface';
import { mediaCatalog } from '../../../src/lib/routine/schema';

describe('catalogClipResolver', () => {
	const catalog = mediaCatalog.parse({
		sounds: {},
		videos: {
			'knee-to-chest': {
				files: ['video/knee-to-chest.webm', 'video/knee-to-chest.mp4'],
				poster: 'video/knee-to-chest.jpg',
				duration: 6.4
			},
			'no-poster': { files: ['video/no-poster.mp4'], duration: 2 }
		}
	});

	it('serves the catalogue files under /media/, in their order, with MIME types, poster and duration in ms', () => {
		const resolve = catalogClipResolver(catalog.videos);
		expect(resolve('knee-to-chest')).toEqual({
			id: 'knee-to-chest',
			sources: [
				{ src: '/media/video/knee-to-chest.webm', type: 'video/webm' },
				{ src: '/media/video/knee-to-chest.mp4', type: 'video/mp4' }
			],
			poster: '/media/video/knee-to-chest.jpg',
			durationMs: 6400
		});
		expect(resolve('no-poster')).toMatchObject({ poster: null, sources: [{ src: '/media/video/no-poster.mp4', type: 'video/mp4' }] });
	});

	it('takes another base URL, with or without its trailing slash', () => {
		expect(catalogClipResolver(catalog.videos, '/cdn')('no-poster')?.sources[0]?.src).toBe('/cdn/video/no-poster.mp4');
		expect(catalogClipResolver(catalog.videos, '/cdn/')('no-poster')?.sources[0]?.src).toBe('/cdn/video/no-poster.mp4');
	});

	it('is null for an id the catalogue does not have, including inherited names', () => {
		const resolve = catalogClipResolver(catalog.videos);
		expect(resolve('missing')).toBeNull();
		expect(resolve('constructor')).toBeNull();
		expect(resolve('toString')).toBeNull();
	});
});
