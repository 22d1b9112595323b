import { flushSync } from 'svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import { SleepControl } from '../../../src/lib/media/sleep-control.svelte';
import {
	DEFAULT_SLEEP,
	SLEEP_STORAGE_KEY,
	SleepSettings,
	parseSleepTimer,
	readSleepChoices,
	type SleepStorage
} from '../../../src/lib/media/sleep-settings.svelte';
import type { EngineState } from '../../../src/lib/playback/events';

beforeEach(() => localStorage.clear());

describe('SleepSettings', () => {
	it('starts with no timer and "let me drift off" on a new device', () => {
		const s = new SleepSettings();
		expect({ timer: s.timer, end: s.end }).toEqual(DEFAULT_SLEEP);
		expect(DEFAULT_SLEEP).toEqual({ timer: 'off', end: 'drift' });
	});

	it('is remembered on the device', () => {
		const a = new SleepSettings();
		a.setTimer(30);
		a.setEnd('chime');
		const b = new SleepSettings();
		expect([b.timer, b.end]).toEqual([30, 'chime']);
		expect(JSON.parse(localStorage.getItem(SLEEP_STORAGE_KEY) ?? '')).toEqual({ timer: 30, end: 'chime' });
	});

	it('ignores what is not a choice', () => {
		const s = new SleepSettings();
		s.setTimer(15);
		s.setTimer('soon');
		s.setEnd('alarm');
		expect([s.timer, s.end]).toEqual(['off', 'drift']);
	});

	it('cancelling turns the timer off, here and next time', () => {
		const s = new SleepSettings();
		s.setTimer('end');
		s.cancelTimer();
		expect(s.timer).toBe('off');
		expect(new SleepSettings().timer).toBe('off');
	});

	it.each([
		['not JSON', '{ oops'],
		['an array', '[10]'],
		['null', 'null'],
		['wrong types', '{"timer":"15","end":3}']
	])('falls back to the defaults for a stored value that is %s', (_name, stored) => {
		localStorage.setItem(SLEEP_STORAGE_KEY, stored);
		expect(readSleepChoices(localStorage)).toEqual(DEFAULT_SLEEP);
	});

	it('keeps each valid field of a partly broken value', () => {
		localStorage.setItem(SLEEP_STORAGE_KEY, '{"timer":45,"end":"alarm"}');
		expect(readSleepChoices(localStorage)).toEqual({ timer: 45, end: 'drift' });
	});

	it('still works when storage throws (private mode, full)', () => {
		const broken: SleepStorage = {
			getItem: () => {
				throw new Error('blocked');
			},
			setItem: () => {
				throw new Error('full');
			}
		};
		const s = new SleepSettings(broken);
		s.setTimer(10);
		expect(s.timer).toBe(10);
	});

	it('reads a <select> value', () => {
		expect(parseSleepTimer('off')).toBe('off');
		expect(parseSleepTimer('20')).toBe(20);
		expect(parseSleepTimer('end')).toBe('end');
		expect(parseSleepTimer('15')).toBeNull();
		expect(parseSleepTimer('')).toBeNull();
	});

	it('is reactive', () => {
		const s = new SleepSettings(null);
		let seen: unknown = null;
		const stop = $effect.root(() => {
			$effect(() => {
				seen = s.timer;
			});
		});
		flushSync();
		s.setTimer(45);
		flushSync();
		expect(seen).toBe(45);
		stop();
	});
});

describe('SleepControl', () => {
	it('shows whole seconds and a minute-by-minute announcement, and follows a new choice', () => {
		const settings = new SleepSettings(null);
		settings.setTimer(10);
		let now = 0;
		const control = new SleepControl(settings, { now: () => now });
		let state: EngineState = 'playing';
		const session = { get state() { return state; }, position: 0, timeline: { durationMs: 3_600_000 } };
		control.tick(session);
		now = 61_500;
		control.tick(session);
		expect(control.remainingS).toBe(539);
		expect(control.announcement).toBe('9 minutes left on the sleep timer.');
		now = 600_000 - 10_000;
		control.tick(session);
		expect(control.fading).toBe(true);
		now = 600_000;
		expect(control.tick(session).pause).toBe(true);
		state = 'paused';
		settings.cancelTimer();
		control.tick(session);
		expect(control.remainingS).toBeNull();
		expect(control.announcement).toBe('');
	});
});
