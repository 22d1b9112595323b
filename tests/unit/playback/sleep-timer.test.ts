import { describe, expect, it } from 'vitest';
import type { EngineState } from '../../../src/lib/playback/events';
import { fadeCurve } from '../../../src/lib/playback/fade';
import {
	SLEEP_FADE_MS,
	SleepTimer,
	sleepAnnouncement,
	type EndChoice,
	type SleepFrame,
	type SleepTimerChoice
} from '../../../src/lib/playback/sleep-timer';

const MIN = 60_000;
const DURATION = 40 * MIN;

/** A session driven by hand: wall time, state and position move as the test says. */
function drive(choice: SleepTimerChoice, end: EndChoice = 'drift') {
	const timer = new SleepTimer();
	let now = 1_000_000;
	let position = 0;
	let state: EngineState = 'ready';
	const at = (o: { choice?: SleepTimerChoice; end?: EndChoice } = {}): SleepFrame =>
		timer.update({ choice: o.choice ?? choice, end: o.end ?? end, nowMs: now, state, positionMs: position, durationMs: DURATION });
	return {
		at,
		set(s: EngineState) {
			state = s;
			return at();
		},
		/** Wall time (and, while running, the position) moves on by `ms`, ticking every `stepMs`. */
		run(ms: number, stepMs = 25): SleepFrame[] {
			const frames: SleepFrame[] = [];
			for (let t = 0; t < ms; ) {
				const step = Math.min(stepMs, ms - t);
				t += step;
				now += step;
				if (state === 'playing') position += step;
				frames.push(at());
			}
			return frames;
		},
		seek(ms: number) {
			position = ms;
		}
	};
}

describe('SleepTimer: off', () => {
	it('leaves the sound alone and never pauses or chimes', () => {
		const d = drive('off', 'chime');
		d.set('playing');
		const frames = [...d.run(50 * MIN, 1000), d.set('finished')];
		for (const f of frames) expect(f).toEqual({ gain: 1, remainingMs: null, fading: false, pause: false, chime: false });
	});
});

describe('SleepTimer: minutes', () => {
	it('shows its full length before the start, then counts playing time down', () => {
		const d = drive(10);
		expect(d.at().remainingMs).toBe(10 * MIN);
		d.set('playing');
		const frames = d.run(4 * MIN, 1000);
		expect(frames.at(-1)?.remainingMs).toBe(6 * MIN);
		expect(frames.every((f) => f.gain === 1 && !f.pause)).toBe(true);
	});

	it('waits while the person has paused', () => {
		const d = drive(10);
		d.set('playing');
		d.run(3 * MIN, 1000);
		d.set('paused');
		const paused = d.run(30 * MIN, 5000);
		expect(paused.every((f) => f.remainingMs === 7 * MIN && !f.pause)).toBe(true);
		d.set('playing');
		expect(d.run(MIN, 1000).at(-1)?.remainingMs).toBe(6 * MIN);
	});

	it('fades over the last 30 s, then pauses the session and starts counting afresh', () => {
		const d = drive(10);
		d.set('playing');
		d.run(10 * MIN - SLEEP_FADE_MS, 1000);
		const fade = d.run(SLEEP_FADE_MS, 25);
		const during = fade.slice(0, -1);
		expect(during.every((f) => f.fading && !f.pause)).toBe(true);
		// Halfway through the fade, a quarter of the gain is left; it only ever falls.
		expect(fade[Math.round(fade.length / 2) - 1]?.gain).toBeCloseTo(0.25, 2);
		for (let i = 1; i < during.length; i++) expect(during[i]!.gain).toBeLessThanOrEqual(during[i - 1]!.gain);
		const last = fade.at(-1)!;
		expect(last).toMatchObject({ pause: true, chime: false, gain: 1, remainingMs: 10 * MIN });
		// The player pauses the session: nothing more to do until the person carries on.
		const after = [d.set('paused'), ...d.run(5 * MIN, 1000)];
		expect(after.every((f) => !f.pause && !f.chime && f.gain === 1 && f.remainingMs === 10 * MIN)).toBe(true);
	});

	it('chimes when it runs out, once, if asked to bring the person back', () => {
		const d = drive(20, 'chime');
		d.set('playing');
		const frames = d.run(20 * MIN, 1000);
		expect(frames.filter((f) => f.chime)).toHaveLength(1);
		expect(frames.at(-1)).toMatchObject({ pause: true, chime: true });
	});

	it('fades by elapsed time, so a page ticking once a second fades the same as one ticking every 25 ms', () => {
		const fast = drive(10);
		const slow = drive(10);
		fast.set('playing');
		slow.set('playing');
		fast.run(10 * MIN - 20_000, 1000);
		slow.run(10 * MIN - 20_000, 1000);
		const f = fast.run(10_000, 25).at(-1)!;
		const s = slow.run(10_000, 1000).at(-1)!;
		expect(s.gain).toBe(f.gain);
		expect(s.gain).toBeCloseTo(fadeCurve(10_000 / SLEEP_FADE_MS));
	});

	it('pauses on the first tick after the deadline however late it comes (a throttled page)', () => {
		const d = drive(10);
		d.set('playing');
		d.run(9 * MIN, 1000);
		const late = d.run(3 * MIN, 3 * MIN);
		expect(late).toHaveLength(1);
		expect(late[0]).toMatchObject({ pause: true });
	});

	it('counts a stall (buffering) as playing time: the person has not paused', () => {
		const d = drive(10);
		d.set('playing');
		d.run(MIN, 1000);
		d.set('buffering');
		expect(d.run(MIN, 1000).at(-1)?.remainingMs).toBe(8 * MIN);
	});

	it('starts again from the full length when chosen again', () => {
		const d = drive(10);
		d.set('playing');
		d.run(8 * MIN, 1000);
		expect(d.at({ choice: 20 }).remainingMs).toBe(20 * MIN);
		expect(d.at({ choice: 10 }).remainingMs).toBe(10 * MIN);
	});

	it('does nothing once the session has ended by itself', () => {
		const d = drive(45, 'chime');
		d.set('playing');
		d.run(MIN, 1000);
		expect(d.set('finished')).toEqual({ gain: 1, remainingMs: null, fading: false, pause: false, chime: false });
		expect(d.set('stopped').pause).toBe(false);
	});
});

describe('SleepTimer: at the end of the session', () => {
	it('follows the session position, fades its last 30 s and keeps the end silent', () => {
		const d = drive('end');
		expect(d.at().remainingMs).toBe(DURATION);
		d.set('playing');
		d.seek(DURATION - 40_000);
		expect(d.at()).toMatchObject({ gain: 1, remainingMs: 40_000, fading: false });
		d.seek(DURATION - 15_000);
		expect(d.at()).toMatchObject({ fading: true, remainingMs: 15_000 });
		expect(d.at().gain).toBeCloseTo(0.25);
		d.seek(DURATION);
		const end = d.set('finished');
		expect(end).toMatchObject({ gain: 0, pause: false, chime: false });
		expect(d.set('finished').gain).toBe(0);
	});

	it('chimes once at the end when asked to bring the person back, and not when letting them sleep', () => {
		for (const [end, chimes] of [
			['chime', 1],
			['drift', 0]
		] as const) {
			const d = drive('end', end);
			d.set('playing');
			d.seek(DURATION - 1000);
			d.run(900, 25);
			const frames = [d.set('finished'), ...d.run(5000, 100)];
			expect(frames.filter((f) => f.chime)).toHaveLength(chimes);
			expect(frames.every((f) => !f.pause)).toBe(true);
		}
	});

	it('leaves a session stopped by the person alone', () => {
		const d = drive('end', 'chime');
		d.set('playing');
		d.seek(DURATION - 10_000);
		expect(d.set('stopped')).toMatchObject({ gain: 1, chime: false, pause: false });
	});
});

describe('sleepAnnouncement', () => {
	it('speaks in whole minutes, so it changes once a minute, and says when the fade begins', () => {
		const d = drive(10);
		d.set('playing');
		const said = d.run(10 * MIN - 1000, 1000).map((f) => sleepAnnouncement(f, 10));
		const changes = said.filter((s, i) => i > 0 && s !== said[i - 1]);
		expect(changes).toHaveLength(10);
		expect(said[0]).toBe('10 minutes left on the sleep timer.');
		expect(said).toContain('1 minute left on the sleep timer.');
		expect(said.at(-1)).toBe('Sleep timer: fading out.');
		expect(sleepAnnouncement({ remainingMs: 3 * MIN, fading: false }, 'end')).toBe('3 minutes until the end of the session.');
		expect(sleepAnnouncement({ remainingMs: null, fading: false }, 10)).toBe('');
	});
});
