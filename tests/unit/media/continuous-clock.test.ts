import { describe, expect, it } from 'vitest';
import { ContinuousClock, ManualClock } from '../../../src/lib/playback/clock';
import { SessionEngine } from '../../../src/lib/playback/engine';
import { sampleTimeline } from '../playback/timeline-builder';

describe('ContinuousClock', () => {
	it('follows its base', () => {
		const perf = new ManualClock(1000);
		const c = new ContinuousClock(perf);
		expect(c.now()).toBe(1000);
		perf.advance(250);
		expect(c.now()).toBe(1250);
		expect(c.base).toBe(perf);
	});

	it('switching to a base with a very different origin does not jump, then moves with the new base only', () => {
		const perf = new ManualClock(987_654);
		const audio = new ManualClock(3_210); // an AudioContext's time starts near 0
		const c = new ContinuousClock(perf);
		perf.advance(100);
		const before = c.now();
		c.setBase(audio);
		expect(c.now()).toBe(before);
		perf.advance(5000);
		expect(c.now()).toBe(before);
		audio.advance(40);
		expect(c.now()).toBe(before + 40);
	});

	it('switching back (audio suspended) does not jump either, and time lost while frozen is not invented', () => {
		const perf = new ManualClock(50_000);
		const audio = new ManualClock(0);
		const c = new ContinuousClock(perf);
		c.setBase(audio);
		audio.advance(2000);
		const atSuspend = c.now();
		perf.advance(7000); // audio frozen meanwhile, and we have not switched yet
		expect(c.now()).toBe(atSuspend);
		c.setBase(perf);
		expect(c.now()).toBe(atSuspend);
		perf.advance(10);
		expect(c.now()).toBe(atSuspend + 10);
	});

	it('setting the same base again changes nothing', () => {
		const perf = new ManualClock(10);
		const c = new ContinuousClock(perf);
		c.setBase(perf);
		expect(c.now()).toBe(10);
	});

	it('refuses a base that reads a non-finite time and keeps the old one', () => {
		const perf = new ManualClock(10);
		const c = new ContinuousClock(perf);
		expect(() => c.setBase({ now: () => Number.NaN })).toThrow(RangeError);
		expect(c.base).toBe(perf);
		expect(c.now()).toBe(10);
	});

	it('a session on it keeps its position across switches', () => {
		const perf = new ManualClock(400_000);
		const audio = new ManualClock(0);
		const c = new ContinuousClock(perf);
		const engine = new SessionEngine(sampleTimeline(), c);
		engine.start();
		perf.advance(1500);
		expect(engine.position).toBe(1500);
		c.setBase(audio);
		expect(engine.position).toBe(1500);
		audio.advance(500);
		expect(engine.position).toBe(2000);
		c.setBase(perf);
		perf.advance(250);
		expect(engine.position).toBe(2250);
	});
});
