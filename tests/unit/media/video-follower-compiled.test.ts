/**
 * The follower on compiled routines: whatever the dosage (sets, reps, sides, phases,
 * rests), a session with video plays the same cues as one without, shows each segment's
 * clip, and stays within the 40 ms drift target when the element plays smoothly.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from '../../../src/lib/routine/compile';
import type { Routine } from '../../../src/lib/routine/schema';
import { segmentIndexAt } from '../../../src/lib/routine/timeline';
import { cueIds } from '../playback/harness';
import { routineArb } from '../routine/arbitraries';
import { rig } from './video-fixtures';

/** Give every exercise one of the fixture clips, with in/out points or the whole clip. */
const clipsArb = fc.array(
	fc.constantFrom(
		{ video: 'knee', in: 1, out: 4 },
		{ video: 'cat' },
		{ video: 'bridge', in: 0.5 },
		{ video: 'knee', in: 2 }
	),
	{ minLength: 4, maxLength: 4 }
);

function withClips(routine: Routine, clips: readonly { video: string; in?: number; out?: number }[]): Routine {
	return { ...routine, exercises: routine.exercises.map((ex, i) => ({ ...ex, media: clips[i % clips.length] })) };
}

describe('VideoFollower on compiled routines', () => {
	it('keeps cues, clips and drift right for any dosage', () => {
		fc.assert(
			fc.property(routineArb, clipsArb, (routine, clips) => {
				const timeline = compile(withClips(routine, clips), 1);
				fc.pre(timeline.durationMs <= 8 * 60_000 && timeline.segments.some((s) => s.video !== null));
				const plain = rig({ timeline: compile(routine, 1) });
				plain.engine.start();
				plain.frames(timeline.durationMs + 1000);

				const r = rig({ timeline });
				const wrongClip: string[] = [];
				r.surface.onFrame(() => {
					const seg = r.engine.timeline.segments[segmentIndexAt(r.engine.timeline, r.engine.position)];
					if (seg?.video && seg.video.clip !== r.surface.clip) wrongClip.push(`${r.engine.position}`);
				});
				r.engine.start();
				r.frames(timeline.durationMs + 1000);
				expect(r.engine.state).toBe('finished');
				expect(cueIds(r.events)).toEqual(cueIds(plain.events));
				expect(r.surface.loads.length).toBeGreaterThan(0);
				expect(wrongClip).toEqual([]);
				for (const d of r.follower.driftSamples()) expect(Math.abs(d)).toBeLessThan(40);
			}),
			{ numRuns: 25 }
		);
	});
});
