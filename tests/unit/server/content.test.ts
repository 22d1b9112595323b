import { isHttpError } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { getLibrary, mediaFor, routineAndLevel, timelineFor, wakeChimeFiles } from '$lib/server/content';

function statusOf(run: () => unknown): number | undefined {
	try {
		run();
	} catch (e) {
		if (isHttpError(e)) return e.status;
		throw e;
	}
	return undefined;
}

describe('routineAndLevel', () => {
	const url = (q: string) => new URL(`http://localhost/play/morning-mobility${q}`);

	it('takes the starting level when none is asked for', () => {
		const { routine, level } = routineAndLevel('morning-mobility', url(''));
		expect(level).toBe(routine.startingLevel.level);
	});

	it('takes the asked level', () => {
		expect(routineAndLevel('morning-mobility', url('?level=2')).level).toBe(2);
	});

	it.each(['?level=0', '?level=99', '?level=1.5', '?level=two', '?level='])('answers 404 for %s', (q) => {
		expect(statusOf(() => routineAndLevel('morning-mobility', url(q)))).toBe(404);
	});

	it('answers 404 for an unknown routine', () => {
		expect(statusOf(() => routineAndLevel('no-such-routine', url('')))).toBe(404);
	});
});

describe('mediaFor', () => {
	it('carries exactly the clips and sounds the timeline uses', () => {
		const routine = getLibrary().routines.get('morning-mobility');
		if (!routine) throw new Error('morning-mobility is shipped');
		const timeline = timelineFor(routine, 1);
		const { videos, sounds } = mediaFor(timeline);
		const clips = new Set(timeline.segments.flatMap((s) => (s.video ? [s.video.clip] : [])));
		const cueSounds = new Set(timeline.cues.flatMap((c) => (c.sound ? [c.sound] : [])));
		expect(new Set(Object.keys(videos))).toEqual(clips);
		expect(new Set(Object.keys(sounds))).toEqual(cueSounds);
		expect(Object.keys(videos).length).toBeLessThan(Object.keys(getLibrary().catalog.videos).length);
	});
});

describe('wakeChimeFiles', () => {
	it('names the committed chime, WebM/Opus first and M4A/AAC for Safari', () => {
		// Each with its content hash (media-urls.ts), so a regenerated chime gets a new URL.
		expect(wakeChimeFiles()).toEqual([
			expect.stringMatching(/^sounds\/wake-chime\.webm\?v=[0-9a-f]{12}$/),
			expect.stringMatching(/^sounds\/wake-chime\.m4a\?v=[0-9a-f]{12}$/)
		]);
	});
});
