import { describe, expect, it } from 'vitest';
import { stillFor } from '../../../src/lib/media/step-still';
import type { MediaCatalog } from '../../../src/lib/routine/schema';
import { CAT, KNEE, videoTimeline } from './video-fixtures';

const videos = {
	knee: { files: ['video/knee.webm'], duration: 8, poster: 'video/knee.webp' },
	cat: { files: ['video/cat.webm'], duration: 6 }
} as unknown as MediaCatalog['videos'];

describe('stillFor', () => {
	const t = videoTimeline();

	it('shows the segment\'s own clip poster', () => {
		expect(t.segments[1]?.video).toEqual(KNEE);
		expect(stillFor(t, 1, videos)).toBe('/media/video/knee.webp');
	});

	it('previews the next clip during a count-in without one', () => {
		expect(t.segments[0]?.video).toBeNull();
		expect(stillFor(t, 0, videos)).toBe('/media/video/knee.webp');
	});

	it('has nothing when the clip has no poster or nothing comes next', () => {
		// Rest (segment 4) previews cat, which has no poster.
		expect(t.segments[5]?.video).toEqual(CAT);
		expect(stillFor(t, 4, videos)).toBeNull();
		expect(stillFor(t, t.segments.length - 1, {} as MediaCatalog['videos'])).toBeNull();
	});

	it('shows no exercise pose during a talk: the stage has the talk\'s picture or title instead', () => {
		// The count-in previews the next clip; the same segment as a talk must not.
		const talk = { ...t, segments: t.segments.map((seg, i) => (i === 0 ? { ...seg, kind: 'education' as const } : seg)) };
		expect(stillFor(talk, 0, videos)).toBeNull();
	});
});
