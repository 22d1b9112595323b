import { describe, expect, it } from 'vitest';
import { ManualClock, OffsetClock } from '../../../src/lib/playback/clock';
import { SessionEngine } from '../../../src/lib/playback/engine';
import { harness, play } from './harness';
import { sampleTimeline } from './timeline-builder';

describe('SessionEngine: the position comes from the clock', () => {
	it('is clock minus anchor while running, with or without ticks', () => {
		const h = harness();
		h.engine.start(2000);
		h.clock.advance(1234);
		expect(h.engine.position).toBe(3234);
		h.clock.advance(0.5);
		expect(h.engine.position).toBe(3234.5);
	});

	it('stays at 0 in ready whatever the clock does', () => {
		const h = harness();
		h.clock.advance(50_000);
		expect(h.engine.position).toBe(0);
	});

	it('is frozen while paused and continues from the same place on resume', () => {
		const h = harness();
		h.engine.start();
		play(h, 12_345, 15);
		h.engine.pause();
		h.clock.advance(3_600_000);
		h.engine.tick();
		expect(h.engine.position).toBe(12_345);
		h.engine.resume();
		expect(h.engine.position).toBe(12_345);
		h.clock.advance(655);
		expect(h.engine.position).toBe(13_000);
	});

	it('is frozen while buffering and continues from the same place when it clears', () => {
		const h = harness();
		h.engine.start(20_000);
		h.clock.advance(700);
		h.engine.setBuffering(true);
		h.clock.advance(3_600_000);
		h.engine.tick();
		expect(h.engine.position).toBe(20_700);
		h.engine.setBuffering(false);
		h.clock.advance(300);
		expect(h.engine.position).toBe(21_000);
	});

	it('clamps to [0, duration] even between ticks and when the clock steps back', () => {
		const h = harness();
		h.engine.start(100_000);
		h.clock.advance(60_000);
		expect(h.engine.position).toBe(107_000);
		const g = harness();
		g.engine.start(1000);
		g.clock.advance(-5000);
		expect(g.engine.position).toBe(0);
	});

	it('never accumulates tick deltas: one late tick and many small ones agree with the clock', () => {
		const a = harness();
		const b = harness();
		a.engine.start();
		b.engine.start();
		play(a, 40_000, 1);
		b.clock.advance(40_000);
		b.engine.tick();
		expect(a.engine.position).toBe(40_000);
		expect(b.engine.position).toBe(40_000);
		expect(a.engine.segment.index).toBe(b.engine.segment.index);
	});

	it('follows an OffsetClock when the offset is corrected (class mode)', () => {
		const base = new ManualClock(5000);
		const clock = new OffsetClock(base, 0);
		const engine = new SessionEngine(sampleTimeline(), clock, { waitForBuffering: false });
		engine.start(10_000);
		clock.offsetMs = 250;
		expect(engine.position).toBe(10_250);
	});

	it('pause, resume, seek and skip re-anchor: the position continues from where they put it', () => {
		const h = harness();
		h.engine.start();
		h.clock.advance(8000);
		h.engine.seek(40_000);
		h.clock.advance(1000);
		expect(h.engine.position).toBe(41_000);
		h.engine.next();
		h.clock.advance(500);
		expect(h.engine.position).toBe(50_500);
		h.engine.pause();
		h.engine.seek(70_000);
		h.clock.advance(9999);
		expect(h.engine.position).toBe(70_000);
		h.engine.resume();
		h.clock.advance(1);
		expect(h.engine.position).toBe(70_001);
	});

	it('snapshot is plain data that survives JSON and describes the position', () => {
		const h = harness();
		expect(h.engine.snapshot()).toEqual({ state: 'ready', positionMs: 0, stepIndex: 0, segmentIndex: 0 });
		h.engine.start();
		play(h, 52_000, 1000);
		h.engine.pause();
		const snap = h.engine.snapshot();
		expect(snap).toEqual({ state: 'paused', positionMs: 52_000, stepIndex: 1, segmentIndex: 4 });
		expect(JSON.parse(JSON.stringify(snap))).toEqual(snap);
		// A fresh engine restarted from the snapshot lands in the same place.
		const again = harness();
		again.engine.start(snap.positionMs);
		const s2 = again.engine.snapshot();
		expect([s2.stepIndex, s2.segmentIndex, s2.positionMs]).toEqual([1, 4, 52_000]);
	});

	it('snapshot reports the step at the position even before a tick reports it', () => {
		const h = harness();
		h.engine.start(49_000);
		h.clock.advance(2000);
		expect(h.engine.step.index).toBe(0); // not yet reported
		expect(h.engine.snapshot().stepIndex).toBe(1);
	});
});
