import { describe, expect, it } from 'vitest';
import { ManualClock, OffsetClock, performanceClock } from '../../../src/lib/playback/clock';

describe('clocks', () => {
	it('ManualClock moves only when told, by set and by advance', () => {
		const c = new ManualClock(500);
		expect(c.now()).toBe(500);
		c.advance(250);
		expect(c.now()).toBe(750);
		c.set(10);
		expect(c.now()).toBe(10);
		expect(new ManualClock().now()).toBe(0);
	});

	it('ManualClock refuses non-finite times, which would poison every position', () => {
		const c = new ManualClock();
		expect(() => c.advance(Number.NaN)).toThrow(RangeError);
		expect(() => c.set(Number.POSITIVE_INFINITY)).toThrow(RangeError);
		expect(c.now()).toBe(0);
	});

	it('performanceClock follows performance.now()', () => {
		const before = performance.now();
		const t = performanceClock.now();
		expect(t).toBeGreaterThanOrEqual(before);
		expect(t).toBeLessThanOrEqual(performance.now());
	});

	it('OffsetClock adds a mutable offset to its base', () => {
		const base = new ManualClock(1000);
		const c = new OffsetClock(base, 200);
		expect(c.now()).toBe(1200);
		base.advance(50);
		expect(c.now()).toBe(1250);
		c.offsetMs = -300;
		expect(c.offsetMs).toBe(-300);
		expect(c.now()).toBe(750);
		expect(new OffsetClock(base).now()).toBe(1050);
		expect(() => {
			c.offsetMs = Number.NaN;
		}).toThrow(RangeError);
	});
});
