import { describe, expect, it } from 'vitest';
import type { RoutineMedia } from '../../../src/lib/offline/media-list';
import { pickFiles, totalBytes } from '../../../src/lib/offline/pick-files';

const WEBM_V = 'video/webm';
const MP4_V = 'video/mp4';
const OPUS = 'audio/webm; codecs=opus';
const AAC = 'audio/mp4; codecs=mp4a.40.2';

const list: RoutineMedia = {
	routineId: 'r',
	title: 'R',
	bytes: { 'v/a.webm?v=1': 100, 'v/a.mp4?v=2': 120, 'v/a.webp?v=3': 10, 's/b.webm?v=4': 5, 's/b.m4a?v=5': 6 },
	levels: [
		{
			level: 1,
			name: 'One',
			version: 'x',
			items: [
				{ role: 'clip', choices: [{ path: 'v/a.webm?v=1', type: WEBM_V }, { path: 'v/a.mp4?v=2', type: MP4_V }] },
				{ role: 'poster', choices: [{ path: 'v/a.webp?v=3', type: null }] },
				{ role: 'sound', choices: [{ path: 's/b.webm?v=4', type: OPUS }, { path: 's/b.m4a?v=5', type: AAC }] },
				// The same sound for another cue: kept once.
				{ role: 'voice', choices: [{ path: 's/b.webm?v=4', type: OPUS }, { path: 's/b.m4a?v=5', type: AAC }] }
			]
		}
	]
};

describe('pickFiles', () => {
	it('takes the first format the browser plays, each file once, with its size', () => {
		const files = pickFiles(list, 1, () => true);
		expect(files).toEqual([
			{ url: '/media/v/a.webm?v=1', bytes: 100 },
			{ url: '/media/v/a.webp?v=3', bytes: 10 },
			{ url: '/media/s/b.webm?v=4', bytes: 5 }
		]);
		expect(totalBytes(files)).toBe(115);
	});

	it('takes MP4 and AAC where WebM does not play (Safari)', () => {
		const safari = (type: string) => type === MP4_V || type === AAC;
		expect(pickFiles(list, 1, safari).map((f) => f.url)).toEqual(['/media/v/a.mp4?v=2', '/media/v/a.webp?v=3', '/media/s/b.m4a?v=5']);
	});

	it('falls back to the first file when the browser claims to play none, as the players do', () => {
		expect(pickFiles(list, 1, () => false).map((f) => f.url)).toEqual(['/media/v/a.webm?v=1', '/media/v/a.webp?v=3', '/media/s/b.webm?v=4']);
	});

	it('has nothing for a level the list does not have', () => {
		expect(pickFiles(list, 2, () => true)).toEqual([]);
	});
});
