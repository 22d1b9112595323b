/**
 * A start lead: the session clock starts a little after the press, so the first cues can
 * be scheduled ahead. The count-in's bell and words were started 39–46 ms after their due
 * time in every bench:sync run before (a `when` already in the past), because the clock
 * started at the press and the first tick could only find them due.
 */
import { describe, expect, it } from 'vitest';
import { CueScheduler } from '../../../src/lib/media/cue-scheduler';
import { ManualClock } from '../../../src/lib/playback/clock';
import { SessionEngine, START_LEAD_MS } from '../../../src/lib/playback/engine';
import type { CueEvent } from '../../../src/lib/playback/events';
import { FakeAudioPort } from '../media/fake-audio-port';
import { fullVolume, soundsFor, withSounds } from '../media/scheduler-harness';
import { sampleTimeline } from './timeline-builder';

function lead(leadMs = 120) {
	const clock = new ManualClock(10_000);
	const engine = new SessionEngine(sampleTimeline(), clock, { startLeadMs: leadMs });
	const cues: CueEvent[] = [];
	engine.on('cue', (e) => cues.push(e));
	return { clock, engine, cues };
}

describe('SessionEngine start lead', () => {
	it('is running at once but holds the position at the start until the lead has passed', () => {
		const { clock, engine, cues } = lead(120);
		engine.start();
		expect(engine.state).toBe('count-in');
		clock.advance(100);
		engine.tick();
		expect(engine.position).toBe(0);
		expect(engine.clockPosition).toBe(-20);
		expect(cues).toEqual([]);
		clock.advance(20);
		engine.tick();
		expect(engine.position).toBe(0);
		expect(cues.map((c) => c.cue.kind)).toEqual(['count-in']);
		expect(cues[0]?.lateMs).toBe(0);
		clock.advance(1000);
		expect(engine.position).toBe(1000);
	});

	it('offers the cues at the start as upcoming during the lead', () => {
		const { clock, engine } = lead(120);
		engine.start();
		clock.advance(25);
		expect(engine.upcomingCues(300).map((c) => c.atMs)).toContain(0);
	});

	it('applies to a resume point and to a resume, and a pause within the lead stays at the start position', () => {
		const { clock, engine } = lead(120);
		engine.start(30_000);
		clock.advance(50);
		expect(engine.position).toBe(30_000);
		engine.pause();
		expect(engine.position).toBe(30_000);
		engine.resume();
		clock.advance(100);
		expect(engine.position).toBe(30_000);
		clock.advance(520);
		expect(engine.position).toBe(30_500);
	});

	it('is over after a seek: the position follows the clock at once', () => {
		const { clock, engine } = lead(120);
		engine.start();
		clock.advance(10);
		engine.seek(40_000);
		clock.advance(10);
		expect(engine.position).toBe(40_010);
		expect(engine.clockPosition).toBe(40_010);
	});

	it('takes a lead given at the start over its own (a class device: the time to the room\'s start instant)', () => {
		const clock = new ManualClock(0);
		const engine = new SessionEngine(sampleTimeline(), clock);
		expect(engine.start(0, 80)).toBe(true);
		clock.advance(50);
		expect(engine.position).toBe(0);
		expect(engine.clockPosition).toBe(-30);
		clock.advance(130);
		expect(engine.position).toBe(100);
		const refused = new SessionEngine(sampleTimeline(), clock);
		expect(refused.start(0, Number.NaN)).toBe(false);
		expect(refused.state).toBe('ready');
	});

	it('is off by default (a class or track session runs on a clock the engine does not own)', () => {
		const clock = new ManualClock(0);
		const engine = new SessionEngine(sampleTimeline(), clock);
		engine.start();
		clock.advance(10);
		expect(engine.position).toBe(10);
	});
});

describe('the first cues with a start lead', () => {
	it('are scheduled ahead at their due time, like every later cue', () => {
		const clock = new ManualClock(50_000);
		const timeline = withSounds(sampleTimeline(), 'beep');
		const engine = new SessionEngine(timeline, clock, { startLeadMs: START_LEAD_MS });
		const port = new FakeAudioPort(clock);
		const scheduler = new CueScheduler(engine, port, { voices: { version: 1, voices: {} }, sounds: soundsFor(timeline), gains: fullVolume });
		const records: { cueId: string; dueAudioSec: number; scheduledAudioSec: number | null; reason?: string; atSec: number }[] = [];
		scheduler.on('schedule', (r) => records.push({ ...r, atSec: port.now() }));
		engine.start();
		for (let i = 0; i < 20; i++) {
			clock.advance(25);
			engine.tick();
			scheduler.tick();
		}
		const first = records.find((r) => r.cueId === timeline.cues[0]?.id);
		expect(first).toBeDefined();
		expect(first?.reason).toBe('clear');
		// Due a lead after the press, and placed there before it came.
		expect(first?.dueAudioSec).toBeCloseTo((50_000 + START_LEAD_MS) / 1000, 9);
		expect(first?.scheduledAudioSec).toBeCloseTo(first?.dueAudioSec as number, 9);
		expect(first?.atSec).toBeLessThan(first?.dueAudioSec as number);
	});

	it('are scheduled ahead with a lead given at the start, never at a time already past', () => {
		const clock = new ManualClock(7_000);
		const timeline = withSounds(sampleTimeline(), 'beep');
		const engine = new SessionEngine(timeline, clock);
		const port = new FakeAudioPort(clock);
		const scheduler = new CueScheduler(engine, port, { voices: { version: 1, voices: {} }, sounds: soundsFor(timeline), gains: fullVolume });
		const records: { cueId: string; dueAudioSec: number; scheduledAudioSec: number | null; atSec: number }[] = [];
		scheduler.on('schedule', (r) => records.push({ ...r, atSec: port.now() }));
		engine.start(0, 60);
		for (let i = 0; i < 12; i++) {
			scheduler.tick();
			clock.advance(25);
			engine.tick();
		}
		const first = records.find((r) => r.cueId === timeline.cues[0]?.id);
		expect(first?.dueAudioSec).toBeCloseTo(7.06, 9);
		expect(first?.scheduledAudioSec).toBeCloseTo(7.06, 9);
		expect(first?.scheduledAudioSec as number).toBeGreaterThan(first?.atSec as number);
	});
});
