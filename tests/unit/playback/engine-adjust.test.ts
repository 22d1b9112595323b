import { describe, expect, it } from 'vitest';
import { cueEvents, harness, keys, play, runToEnd } from './harness';

const cueTimes = (events: Parameters<typeof cueEvents>[0]) => cueEvents(events).map((e) => `${e.cue.id}@${e.atMs}`);

describe('SessionEngine.adjustHold', () => {
	it('+10 s moves the countdown, halfway and end, and shifts every later step and cue', () => {
		const h = harness();
		h.engine.start(7000);
		h.engine.tick();
		expect(h.engine.adjustHold(10_000)).toBe(true);
		expect(keys(h.events).at(-1)).toBe('timeline 1 10000 @7000');
		expect(h.engine.timeline.durationMs).toBe(117_000);
		expect(h.engine.segment.endMs).toBe(35_000);
		expect(h.engine.timeline.steps.map((s) => s.startMs)).toEqual([0, 60_000, 75_000, 105_000]);
		runToEnd(h, 100);
		expect(cueTimes(h.events)).toEqual([
			'c5@13000',
			'c6@13000',
			'c7@20000',
			'c8@32000',
			'c9@33000',
			'c10@34000',
			'c11@35000',
			'c12@35000',
			'c13@40000',
			...h.engine.timeline.cues.slice(14).map((c) => `${c.id}@${c.atMs}`)
		]);
		expect(cueTimes(h.events).at(-1)).toBe('c35@117000');
		expect(keys(h.events).filter((k) => k.startsWith('step '))).toEqual(['step 0 @7000', 'step 1 @60000', 'step 2 @75000', 'step 3 @105000']);
	});

	it('−10 s pulls them in, interleaving re-placed cues with unmoved ones in stable order', () => {
		const h = harness();
		h.engine.start(7000);
		expect(h.engine.adjustHold(-10_000)).toBe(true);
		play(h, 8000, 100);
		expect(cueTimes(h.events)).toEqual([
			'c7@10000',
			'c8@12000',
			'c5@13000',
			'c6@13000',
			'c9@13000',
			'c10@14000',
			'c11@15000',
			'c12@15000'
		]);
	});

	it('cannot end the segment before now: the step ends at once and the passed countdown is not played', () => {
		const h = harness();
		h.engine.start();
		play(h, 20_000, 100);
		const n = h.events.length;
		expect(h.engine.adjustHold(-10_000)).toBe(true);
		expect(h.engine.segment.endMs).toBe(20_000);
		expect(keys(h.events).at(-1)).toBe('timeline 1 -5000 @20000');
		h.engine.tick();
		expect(keys(h.events.slice(n + 1))).toEqual(['cue 11 c11 @20000', 'segment 2 @20000', 'cue 12 c12 @20000']);
		runToEnd(h);
		const ids = cueEvents(h.events).map((e) => e.cue.id);
		expect(ids).not.toContain('c8');
		expect(new Set(ids).size).toBe(ids.length);
		expect(h.engine.timeline.durationMs).toBe(102_000);
	});

	it('flushes before adjusting: cues already passed stay done, cues moved ahead are re-armed', () => {
		const h = harness();
		h.engine.start();
		play(h, 20_000, 100);
		h.clock.advance(4500); // 22, 23 and 24 s pass without a tick
		h.engine.adjustHold(10_000);
		expect(keys(h.events).slice(-4)).toEqual([
			'cue 8 c8 @22000',
			'cue 9 c9 @23000',
			'cue 10 c10 @24000',
			'timeline 1 10000 @24500'
		]);
		play(h, 11_000, 100);
		// Halfway (15 s → 20 s) stays behind; the countdown counts down again to the new end.
		expect(cueTimes(h.events).filter((s) => /^c(7|8|9|10|11)@/.test(s))).toEqual([
			'c7@15000',
			'c8@22000',
			'c9@23000',
			'c10@24000',
			'c8@32000',
			'c9@33000',
			'c10@34000',
			'c11@35000'
		]);
	});

	it('re-arms a cue whose anchor moves it ahead of the position (halfway after +10 s)', () => {
		const h = harness();
		h.engine.start(16_000);
		h.engine.seek(14_000);
		play(h, 2000);
		expect(cueTimes(h.events)).toEqual(['c7@15000']);
		h.engine.adjustHold(10_000);
		play(h, 5000);
		expect(cueTimes(h.events)).toEqual(['c7@15000', 'c7@20000']);
	});

	it('a cue moved exactly onto the position plays; ones already played there do not repeat', () => {
		const h = harness();
		h.engine.start(12_000);
		play(h, 1000);
		expect(cueTimes(h.events)).toEqual(['c5@13000', 'c6@13000']);
		h.engine.adjustHold(-10_000); // the "2" moves from 23 s onto 13 s
		h.engine.tick();
		expect(cueTimes(h.events)).toEqual(['c5@13000', 'c6@13000', 'c9@13000']);
		play(h, 2000);
		expect(cueTimes(h.events)).toEqual(['c5@13000', 'c6@13000', 'c9@13000', 'c10@14000', 'c11@15000', 'c12@15000']);
	});

	it('is ignored on count-in, switch and phase segments, and leaves the timeline as it was', () => {
		for (const at of [1000, 26_000, 66_000]) {
			const h = harness();
			h.engine.start(at);
			h.engine.tick();
			const before = h.engine.timeline;
			const n = h.events.length;
			expect(h.engine.adjustHold(10_000)).toBe(false);
			expect(h.engine.adjustHold(-10_000)).toBe(false);
			expect(h.engine.timeline).toBe(before);
			expect(h.events.length).toBe(n);
		}
	});

	it('works while paused without moving the position, and on the rest and education segments', () => {
		const h = harness();
		h.engine.start(10_000);
		h.engine.pause();
		expect(h.engine.adjustHold(10_000)).toBe(true);
		expect([h.engine.state, h.engine.position, h.engine.segment.endMs]).toEqual(['paused', 10_000, 35_000]);
		h.engine.seek(62_000);
		expect(h.engine.adjustHold(10_000)).toBe(true);
		expect(h.engine.segment).toMatchObject({ kind: 'rest', endMs: 85_000 });
	});

	it('shortening the last segment to now still plays the final cue and finishes there', () => {
		const h = harness();
		h.engine.start(100_000);
		h.engine.tick();
		expect(h.engine.adjustHold(-10_000)).toBe(true);
		expect(h.engine.timeline.durationMs).toBe(100_000);
		h.engine.tick();
		expect(keys(h.events).slice(-2)).toEqual(['cue 35 c35 @100000', 'state playing>finished @100000']);
	});

	it('a change fully clamped away is ignored', () => {
		const h = harness();
		h.engine.start();
		play(h, 20_000, 100);
		h.engine.adjustHold(-10_000);
		h.engine.pause(); // segment 1 now ends at 20 s, where the position is
		h.engine.seek(20_000 - 1);
		expect(h.engine.adjustHold(-10_000)).toBe(true); // ends at 19.999 s
		expect(h.engine.adjustHold(-10_000)).toBe(false);
	});

	it('upcomingCues reflects the adjusted timeline at once', () => {
		const h = harness();
		h.engine.start(20_000);
		expect(h.engine.upcomingCues(2000).map((c) => c.atMs)).toEqual([22_000]);
		h.engine.adjustHold(10_000);
		expect(h.engine.upcomingCues(2000).map((c) => c.atMs)).toEqual([]);
		expect(h.engine.upcomingCues(12_000).map((c) => c.atMs)).toEqual([32_000]);
	});
});
