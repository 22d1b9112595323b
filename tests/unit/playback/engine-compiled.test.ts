import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from '../../../src/lib/routine/compile';
import { routineArb } from '../routine/arbitraries';
import { cueIds, harness, keys, type Harness } from './harness';
import { seededRandom } from './timeline-builder';

function run(h: Harness, step: () => number): Harness {
	h.engine.start();
	while (h.engine.state !== 'finished') {
		h.clock.advance(step());
		h.engine.tick();
	}
	return h;
}

describe('SessionEngine on compiled routines', () => {
	it('plays every compiled cue once, in order, the same for 1 ms and random ticks', () => {
		fc.assert(
			fc.property(routineArb, fc.integer(), (routine, seed) => {
				const t = compile(routine, 1);
				const fine = run(harness(t), () => 1);
				const rand = seededRandom(seed);
				const coarse = run(harness(t), () => Math.floor(rand() * 2001));
				expect(keys(coarse.events)).toEqual(keys(fine.events));
				expect(cueIds(fine.events)).toEqual(t.cues.map((c) => c.id));
			}),
			{ numRuns: 40 }
		);
	});
});
