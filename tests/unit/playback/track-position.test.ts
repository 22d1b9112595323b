import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/lib/playback/clock';
import { SessionEngine } from '../../../src/lib/playback/engine';
import { nextStepStart, placeAt, previousStepStart } from '../../../src/lib/playback/track-position';
import { sampleTimeline } from './timeline-builder';

const t = sampleTimeline();

describe('placeAt', () => {
	it('names the step and segment under the position, with what is left of the step', () => {
		for (const step of t.steps) {
			const mid = Math.floor((step.startMs + step.endMs) / 2);
			const place = placeAt(t, mid);
			expect(place.step.index).toBe(step.index);
			expect(place.segment.startMs <= mid && mid < place.segment.endMs).toBe(true);
			expect(place.stepRemainingMs).toBe(step.endMs - mid);
		}
	});

	it('clamps positions before the start and past the end', () => {
		expect(placeAt(t, -500).step.index).toBe(0);
		expect(placeAt(t, t.durationMs + 10_000).step.index).toBe(t.steps.length - 1);
		expect(placeAt(t, Number.NaN).step.index).toBe(0);
	});
});

describe('next and previous from a position', () => {
	it('goes to the next step start, and nowhere from the last step', () => {
		expect(nextStepStart(t, 1000)).toBe(t.steps[1]?.startMs);
		expect(nextStepStart(t, t.durationMs - 1)).toBeNull();
	});

	it('restarts the step after 3 s, otherwise goes back one', () => {
		const s2 = t.steps[2];
		if (!s2) throw new Error('sample has steps');
		expect(previousStepStart(t, s2.startMs + 4000)).toBe(s2.startMs);
		expect(previousStepStart(t, s2.startMs + 1000)).toBe(t.steps[1]?.startMs);
		expect(previousStepStart(t, 500)).toBe(0);
	});

	it('lands where the engine’s own next and previous land, at any position', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: t.durationMs - 1 }), fc.boolean(), (pos, forward) => {
				const clock = new ManualClock();
				const engine = new SessionEngine(t, clock);
				engine.start(pos);
				engine.pause();
				const expected = forward ? nextStepStart(t, pos) : previousStepStart(t, pos);
				const moved = forward ? engine.next() : engine.previous();
				if (expected === null) expect(moved).toBe(false);
				else expect(engine.position).toBe(expected);
			})
		);
	});
});
