import { describe, expect, it } from 'vitest';
import { cueIds, harness, keys, type Harness } from './harness';
import { fortyFiveMinuteTimeline, seededRandom } from './timeline-builder';

const timeline = fortyFiveMinuteTimeline();

function run(nextStep: () => number): Harness {
	const h = harness(timeline);
	h.engine.start();
	while (h.engine.state !== 'finished') {
		h.clock.advance(nextStep());
		h.engine.tick();
	}
	return h;
}

describe('SessionEngine: tick granularity does not change what is reported', () => {
	it('a 45-minute session in 1 ms ticks and in random ticks of up to 2 s report the same ordered events', () => {
		expect(timeline.durationMs).toBe(45 * 60 * 1000);

		const fine = run(() => 1);
		const rand = seededRandom(20_240_601);
		const coarse = run(() => Math.floor(rand() * 2001));

		const fineKeys = keys(fine.events);
		// Every segment, step and cue once, plus ready>count-in, count-in>playing and finished.
		expect(fineKeys.length).toBe(timeline.segments.length + timeline.steps.length + timeline.cues.length + 3);
		expect(keys(coarse.events)).toEqual(fineKeys);
		expect(cueIds(fine.events)).toEqual(timeline.cues.map((c) => c.id));
		expect(fineKeys.at(-1)).toBe(`state playing>finished @${timeline.durationMs}`);
		// Every 1 ms tick lands on each cue's own millisecond; the first tick comes 1 ms after start.
		expect(fine.events.every((e) => e.type !== 'cue' || e.lateMs === (e.atMs === 0 ? 1 : 0))).toBe(true);
	}, 30_000);

	it('fractional, zero and backward clock steps do not disturb the order either', () => {
		const reference = keys(run(() => 1000).events);
		const rand = seededRandom(7);
		let t = 0;
		const jittery = run(() => {
			t++;
			if (t % 97 === 0) return -250; // a clock that briefly steps back
			return rand() < 0.2 ? 0 : rand() * 1500;
		});
		expect(keys(jittery.events)).toEqual(reference);
	});
});
