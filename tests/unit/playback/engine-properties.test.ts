import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Timeline } from '../../../src/lib/routine/timeline';
import { timelineArb } from './arbitraries';
import { cueEvents, cueIds, harness, keys, playbackKeys, runToEnd, type Harness } from './harness';
import { sampleTimeline } from './timeline-builder';

type Action =
	| { readonly kind: 'advance'; readonly ms: number }
	| { readonly kind: 'tick' }
	| { readonly kind: 'pause' }
	| { readonly kind: 'resume' }
	| { readonly kind: 'buffer'; readonly on: boolean };

const actionArb: fc.Arbitrary<Action> = fc.oneof(
	{ weight: 6, arbitrary: fc.double({ min: 0, max: 3000, noNaN: true }).map((ms): Action => ({ kind: 'advance', ms })) },
	{ weight: 4, arbitrary: fc.constant<Action>({ kind: 'tick' }) },
	{ weight: 1, arbitrary: fc.constant<Action>({ kind: 'pause' }) },
	{ weight: 1, arbitrary: fc.constant<Action>({ kind: 'resume' }) },
	{ weight: 1, arbitrary: fc.boolean().map((on): Action => ({ kind: 'buffer', on })) }
);

function apply(h: Harness, a: Action): void {
	if (a.kind === 'advance') h.clock.advance(a.ms);
	else if (a.kind === 'tick') h.engine.tick();
	else if (a.kind === 'pause') h.engine.pause();
	else if (a.kind === 'resume') h.engine.resume();
	else h.engine.setBuffering(a.on);
}

/** Let go of every interruption and play to the end. */
function finish(h: Harness): void {
	h.engine.setBuffering(false);
	h.engine.resume();
	runToEnd(h, 400);
}

function reference(t: Timeline): string[] {
	const h = harness(t);
	h.engine.start();
	runToEnd(h, 1);
	return keys(h.events);
}

const timelines = fc.oneof(fc.constant(sampleTimeline()), timelineArb);

describe('SessionEngine: properties', () => {
	it('whatever the ticks, pauses and stalls, every cue is emitted once, in timeline order', () => {
		fc.assert(
			fc.property(timelines, fc.array(actionArb, { maxLength: 300 }), (t, actions) => {
				const h = harness(t);
				h.engine.start();
				for (const a of actions) apply(h, a);
				finish(h);
				expect(h.engine.state).toBe('finished');
				expect(cueIds(h.events)).toEqual(t.cues.map((c) => c.id));
				expect(playbackKeys(h.events)).toEqual(reference(t));
			}),
			{ numRuns: 150 }
		);
	});

	it('never moves the position while not running, whatever the clock does', () => {
		fc.assert(
			fc.property(timelines, fc.array(actionArb, { maxLength: 100 }), (t, actions) => {
				const h = harness(t);
				h.engine.start();
				for (const a of actions) {
					const frozen = ['paused', 'buffering'].includes(h.engine.state) ? h.engine.position : null;
					apply(h, a);
					if (frozen !== null && a.kind !== 'resume' && !(a.kind === 'buffer' && !a.on)) {
						expect(h.engine.position).toBe(frozen);
					}
				}
			}),
			{ numRuns: 100 }
		);
	});

	it('a seek emits the cues up to where it left and from where it landed, each once', () => {
		fc.assert(
			fc.property(
				timelines,
				fc.double({ min: 0, max: 1, noNaN: true }),
				fc.double({ min: 0, max: 1, noNaN: true }),
				fc.array(fc.integer({ min: 0, max: 2500 }), { minLength: 1, maxLength: 50 }),
				(t, seekAtFrac, targetFrac, steps) => {
					const h = harness(t);
					h.engine.start();
					const seekAt = Math.floor(seekAtFrac * (t.durationMs - 1));
					const target = Math.floor(targetFrac * t.durationMs);
					let i = 0;
					while (h.engine.position < seekAt) {
						h.clock.advance(Math.min(steps[i++ % steps.length] ?? 1, seekAt - h.engine.position) || 1);
						h.engine.tick();
					}
					const from = h.engine.position;
					expect(h.engine.seek(target)).toBe(true);
					runToEnd(h, 300);
					const expected = [
						...t.cues.filter((c) => c.atMs <= from),
						...t.cues.filter((c) => c.atMs >= target)
					].map((c) => c.id);
					expect(cueIds(h.events)).toEqual(expected);
				}
			),
			{ numRuns: 150 }
		);
	});

	it('with random ±10 s adjustments, cues never go back in time, unadjusted ones play once, the end is heard once', () => {
		const adjustArb = fc.array(
			fc.record({ afterMs: fc.integer({ min: 0, max: 20_000 }), delta: fc.constantFrom(10_000, -10_000) }),
			{ maxLength: 12 }
		);
		fc.assert(
			fc.property(timelines, adjustArb, (t, adjustments) => {
				const h = harness(t);
				h.engine.start();
				const adjusted = new Set<number>();
				for (const { afterMs, delta } of adjustments) {
					h.clock.advance(afterMs);
					h.engine.tick();
					const seg = h.engine.segment.index;
					if (h.engine.adjustHold(delta)) adjusted.add(seg);
				}
				runToEnd(h, 500);
				const cues = cueEvents(h.events);
				for (let i = 1; i < cues.length; i++) {
					expect(cues[i]?.atMs).toBeGreaterThanOrEqual(cues[i - 1]?.atMs ?? 0);
				}
				const final = h.engine.timeline;
				for (const c of t.cues) {
					if (adjusted.has(c.segmentIndex)) continue;
					expect(cues.filter((e) => e.cue.id === c.id).length).toBe(1);
				}
				const ends = cues.filter((e) => e.cue.kind === 'session-end');
				expect(ends.map((e) => e.atMs)).toEqual([final.durationMs]);
				expect(h.engine.position).toBe(final.durationMs);
				expect(final.segments.at(-1)?.endMs).toBe(final.durationMs);
			}),
			{ numRuns: 150 }
		);
	});
});
