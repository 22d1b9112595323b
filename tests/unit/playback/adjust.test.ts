import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adjustSegment } from '../../../src/lib/playback/adjust';
import type { Cue, Timeline } from '../../../src/lib/routine/timeline';
import { timelineArb } from './arbitraries';
import { buildTimeline, sampleTimeline } from './timeline-builder';

const atOf = (t: Timeline, id: string): number | undefined => t.cues.find((c) => c.id === id)?.atMs;

function deepFreeze<T>(value: T): T {
	if (value && typeof value === 'object' && !Object.isFrozen(value)) {
		Object.freeze(value);
		for (const v of Object.values(value)) deepFreeze(v);
	}
	return value;
}

describe('adjustSegment: examples on the sample timeline', () => {
	const t = deepFreeze(sampleTimeline());

	it('lengthens a hold: its end-anchored and middle cues move, start-anchored ones stay, everything after shifts', () => {
		const a = adjustSegment(t, 1, 10_000, 0);
		expect(a.segments[1]).toMatchObject({ startMs: 5000, endMs: 35_000 });
		expect(a.durationMs).toBe(117_000);
		expect(atOf(a, 'c4')).toBe(5000); // step-start, from start
		expect(atOf(a, 'c5')).toBe(13_000); // breathe at start + 8 s
		expect(atOf(a, 'c7')).toBe(20_000); // halfway: new middle
		expect([atOf(a, 'c8'), atOf(a, 'c9'), atOf(a, 'c10')]).toEqual([32_000, 33_000, 34_000]);
		expect(atOf(a, 'c11')).toBe(35_000); // step-end
		expect(atOf(a, 'c12')).toBe(35_000); // next segment's cue shifted
		expect(atOf(a, 'c35')).toBe(117_000);
		expect(a.segments[2]).toMatchObject({ startMs: 35_000, endMs: 40_000 });
		expect(a.steps[0]).toMatchObject({ startMs: 0, endMs: 60_000 });
		expect(a.steps[1]).toMatchObject({ startMs: 60_000, endMs: 75_000 });
		// Earlier parts are untouched, by identity.
		expect(a.segments[0]).toBe(t.segments[0]);
		expect(a.cues[0]).toBe(t.cues[0]);
	});

	it('shortens a hold and drops cues that no longer fit', () => {
		const a = adjustSegment(t, 1, -18_000, 0); // 20 s → 2 s
		expect(a.segments[1]).toMatchObject({ startMs: 5000, endMs: 7000 });
		const own = a.cues.filter((c) => c.segmentIndex === 1).map((c) => `${c.id}@${c.atMs}`);
		// breathe/prompt at +8 s and the "3" (end − 3 s) fall outside; "2" lands on the start.
		expect(own).toEqual(['c4@5000', 'c9@5000', 'c7@6000', 'c10@6000', 'c11@7000']);
		expect(a.cues.length).toBe(t.cues.length - 3);
	});

	it('keeps ties in their previous order (stable) after re-placing', () => {
		const a = adjustSegment(t, 1, -18_000, 0);
		const ids = a.cues.map((c) => c.id);
		expect(ids.indexOf('c4')).toBeLessThan(ids.indexOf('c9'));
		expect(ids.indexOf('c7')).toBeLessThan(ids.indexOf('c10'));
		expect(ids.indexOf('c11')).toBeLessThan(ids.indexOf('c12'));
	});

	it('never lasts less than 1 s nor ends before minEndMs', () => {
		expect(adjustSegment(t, 1, -60_000, 0).segments[1]?.endMs).toBe(6000);
		expect(adjustSegment(t, 1, -10_000, 21_000).segments[1]?.endMs).toBe(21_000);
		expect(adjustSegment(t, 1, 10_000, 40_000).segments[1]?.endMs).toBe(40_000);
	});

	it('returns the same timeline when nothing can change', () => {
		expect(adjustSegment(t, 0, 10_000, 0)).toBe(t); // count-in
		expect(adjustSegment(t, 2, 10_000, 0)).toBe(t); // switch
		expect(adjustSegment(t, 5, 10_000, 0)).toBe(t); // phase of a rep
		expect(adjustSegment(t, 99, 10_000, 0)).toBe(t);
		expect(adjustSegment(t, 1, 0, 0)).toBe(t);
		expect(adjustSegment(t, 1, -10_000, 25_000)).toBe(t); // already ends at the floor
		expect(adjustSegment(t, 1, Number.NaN, 0)).toBe(t);
	});

	it('does not stretch a segment already shorter than 1 s when shortening it', () => {
		const tiny = buildTimeline([{ title: 'x', segments: [{ kind: 'rest', ms: 400, adjustable: true }] }]);
		expect(adjustSegment(tiny, 0, -10_000, 0)).toBe(tiny);
		expect(adjustSegment(tiny, 0, 10_000, 0).durationMs).toBe(10_400);
	});
});

function checkWellFormed(t: Timeline): void {
	let cursor = 0;
	for (const [i, s] of t.segments.entries()) {
		expect(s.index).toBe(i);
		expect(s.startMs).toBe(cursor);
		expect(s.endMs).toBeGreaterThanOrEqual(s.startMs);
		cursor = s.endMs;
	}
	expect(t.durationMs).toBe(cursor);
	for (const st of t.steps) {
		expect(st.endMs).toBe(t.segments[st.lastSegment]?.endMs);
		expect(st.startMs).toBe(t.segments[st.firstSegment]?.startMs);
	}
	for (let i = 1; i < t.cues.length; i++) {
		expect((t.cues[i] as Cue).atMs).toBeGreaterThanOrEqual((t.cues[i - 1] as Cue).atMs);
	}
	for (const c of t.cues) {
		const seg = t.segments[c.segmentIndex];
		expect(seg).toBeDefined();
		expect(c.atMs).toBeGreaterThanOrEqual(seg?.startMs ?? Number.NaN);
		expect(c.atMs).toBeLessThanOrEqual(seg?.endMs ?? Number.NaN);
	}
}

describe('adjustSegment: properties', () => {
	const input = fc
		.tuple(timelineArb, fc.nat(), fc.integer({ min: -70_000, max: 70_000 }), fc.integer({ min: -10_000, max: 400_000 }))
		.map(([t, i, delta, minEnd]) => ({ t, index: i % t.segments.length, delta, minEnd }));

	it('keeps segments contiguous, durations adding up, steps matching, cues sorted and inside their segments', () => {
		fc.assert(
			fc.property(input, ({ t, index, delta, minEnd }) => {
				const a = adjustSegment(t, index, delta, minEnd);
				checkWellFormed(a);
				const shift = a.durationMs - t.durationMs;
				const oldSeg = t.segments[index];
				const newSeg = a.segments[index];
				expect(newSeg?.endMs).toBe((oldSeg?.endMs ?? 0) + shift);
				if (!oldSeg?.adjustable) expect(a).toBe(t);
			})
		);
	});

	it('applies exactly the clamped change: at least 1 s long (or as long as before), not before minEnd, in the asked direction', () => {
		fc.assert(
			fc.property(input, ({ t, index, delta, minEnd }) => {
				const seg = t.segments[index];
				if (!seg?.adjustable) return;
				const len = seg.endMs - seg.startMs;
				const a = adjustSegment(t, index, delta, minEnd);
				const end = a.segments[index]?.endMs ?? Number.NaN;
				const want = Math.max(seg.endMs + delta, minEnd, seg.startMs + Math.min(len, 1000));
				expect(end).toBe(delta < 0 ? Math.min(want, seg.endMs) : Math.max(want, seg.endMs));
			})
		);
	});

	it('moves the cues of other segments rigidly and keeps the survivors of the adjusted one', () => {
		fc.assert(
			fc.property(input, ({ t, index, delta, minEnd }) => {
				const a = adjustSegment(t, index, delta, minEnd);
				const shift = a.durationMs - t.durationMs;
				const byId = new Map(a.cues.map((c) => [c.id, c]));
				for (const c of t.cues) {
					const moved = byId.get(c.id);
					if (c.segmentIndex < index) expect(moved?.atMs).toBe(c.atMs);
					else if (c.segmentIndex > index) expect(moved?.atMs).toBe(c.atMs + shift);
				}
				expect(new Set(a.cues.map((c) => c.id)).size).toBe(a.cues.length);
			})
		);
	});
});
