/** fast-check generators of hand-built timelines for the playback property tests. */
import fc from 'fast-check';
import type { CueAnchor, Timeline } from '../../../src/lib/routine/timeline';
import { buildTimeline, type SegmentSpec, type StepSpec } from './timeline-builder';

const anchorArb: fc.Arbitrary<CueAnchor> = fc.oneof(
	fc.integer({ min: 0, max: 40_000 }).map((ms): CueAnchor => ({ from: 'start', ms })),
	fc.integer({ min: 0, max: 40_000 }).map((ms): CueAnchor => ({ from: 'end', ms })),
	fc.constant<CueAnchor>({ from: 'middle' })
);

const segmentArb: fc.Arbitrary<SegmentSpec> = fc.record({
	kind: fc.constantFrom('count-in', 'work', 'rest', 'switch', 'education'),
	ms: fc.integer({ min: 1, max: 60_000 }),
	adjustable: fc.boolean(),
	cues: fc.array(
		fc.record({ kind: fc.constantFrom('prompt', 'countdown', 'halfway', 'step-end'), anchor: anchorArb }),
		{ maxLength: 6 }
	)
});

export const timelineArb: fc.Arbitrary<Timeline> = fc
	.array(
		fc.record({ title: fc.constant('Step'), segments: fc.array(segmentArb, { minLength: 1, maxLength: 5 }) }),
		{ minLength: 1, maxLength: 5 }
	)
	.map((steps: StepSpec[]) => buildTimeline(steps));
