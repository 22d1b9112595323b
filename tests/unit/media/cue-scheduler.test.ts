import { describe, expect, it } from 'vitest';
import { CueScheduler, cueMedia, HIDDEN_LOOKAHEAD_MS, LATE_DROP_MS, LOOKAHEAD_MS, STALE_MS } from '../../../src/lib/media/cue-scheduler';
import { silentAudioPort } from '../../../src/lib/media/audio-port';
import { ManualClock } from '../../../src/lib/playback/clock';
import { SessionEngine } from '../../../src/lib/playback/engine';
import { VOICE_RULES } from '../../../src/lib/media/voice-queue';
import type { AudioChannel } from '../../../src/lib/media/audio-port';
import type { Cue, Timeline } from '../../../src/lib/routine/timeline';
import { buildTimeline, countdown, cue, fromStart, sampleTimeline, seededRandom } from '../playback/timeline-builder';
import { FakeAudioPort } from './fake-audio-port';
import {
	fullVolume,
	manifest,
	ORIGIN_MS,
	recordsFor,
	schedulerHarness,
	soundsFor,
	vkey,
	withSounds,
	type SchedulerHarness
} from './scheduler-harness';

const sec = (clockMs: number) => clockMs / 1000;
const cueOf = (t: Timeline, kind: Cue['kind'], atMs?: number): Cue => {
	const c = t.cues.find((x) => x.kind === kind && (atMs === undefined || x.atMs === atMs));
	if (!c) throw new Error(`no ${kind} cue${atMs === undefined ? '' : ` at ${atMs}`}`);
	return c;
};
/** Tick in `stepMs` steps until the position reaches `posMs`. */
function runTo(h: SchedulerHarness, posMs: number, stepMs = 50): void {
	while (h.engine.position < posMs && h.engine.state !== 'finished') h.step(Math.min(stepMs, posMs - h.engine.position));
}
const heardFor = (h: SchedulerHarness, key: string, channel: AudioChannel = 'sounds') =>
	h.port.heard(channel).filter((p) => p.key === key);

describe('CueScheduler: on time, exactly once', () => {
	it('asks the port to realign what it placed on every tick while audio works (underruns move the audio clock)', () => {
		const h = schedulerHarness(withSounds(sampleTimeline(), 'beep'));
		h.engine.start();
		// The start itself places the first cues (see the next test), realigning once.
		const atStart = h.port.realignCalls;
		for (let i = 0; i < 10; i++) h.step(25);
		expect(h.port.realignCalls - atStart).toBe(10);
	});

	it('schedules every cue once, at the audio time of its position, across irregular ticks', () => {
		const t = withSounds(sampleTimeline(), 'beep');
		for (const seed of [1, 2, 3]) {
			const h = schedulerHarness(t);
			h.engine.start();
			h.scheduler.tick();
			const rand = seededRandom(seed);
			while (h.engine.state !== 'finished') h.step(1 + Math.floor(rand() * 100));

			for (const c of t.cues) {
				const rs = recordsFor(h.records, c.id);
				expect(rs, `${c.id} ${c.kind}@${c.atMs}`).toHaveLength(1);
				const r = rs[0];
				expect(r?.dropped).toBeUndefined();
				expect(r?.dueAudioSec).toBeCloseTo(sec(ORIGIN_MS + c.atMs), 9);
				// The cue at the very start cannot be seen ahead (the engine offers only later ones).
				if (c.atMs > 0) expect(r?.scheduledAudioSec).toBeCloseTo(sec(ORIGIN_MS + c.atMs), 9);
			}
			const heard = h.port.heard('sounds');
			expect(heard).toHaveLength(t.cues.length);
			const expected = t.cues.filter((c) => c.atMs > 0).map((c) => sec(ORIGIN_MS + c.atMs));
			const got = heard.map((p) => p.whenSec).filter((w) => w > sec(ORIGIN_MS) + 0.2);
			expect(got.length).toBe(expected.length);
			got.forEach((w, i) => expect(w).toBeCloseTo(expected[i] ?? Number.NaN, 9));
			expect(h.visuals).toEqual([]);
		}
	});

	it('places the first cues inside the Start press, a start lead ahead, before any tick: the page may be busy for the next one', () => {
		const t = withSounds(sampleTimeline(), 'beep');
		const countIn = cueOf(t, 'count-in');
		for (const usable of [true, false]) {
			const clock = new ManualClock(ORIGIN_MS);
			const engine = new SessionEngine(t, clock, { startLeadMs: 120 });
			const port = new FakeAudioPort(clock);
			port.usable = usable;
			const scheduler = new CueScheduler(engine, port, { voices: { version: 1, voices: {} }, sounds: soundsFor(t), gains: fullVolume });
			const records: { cueId: string; scheduledAudioSec: number | null }[] = [];
			scheduler.on('schedule', (r) => records.push(r));
			engine.start();
			if (usable) {
				// Handed to the audio clock at the press, 120 ms ahead, not a tick later.
				const placed = records.filter((r) => r.cueId === countIn.id);
				expect(placed).toHaveLength(1);
				expect(placed[0]?.scheduledAudioSec).toBeCloseTo(sec(ORIGIN_MS + 120), 9);
				expect(port.plays).toHaveLength(1);
				expect(port.plays[0]?.whenSec).toBeCloseTo(sec(ORIGIN_MS + 120), 9);
			} else {
				// Audio still unlocking: nothing given up as unavailable at the press; the ticks place it.
				expect(records).toEqual([]);
				port.usable = true;
				clock.advance(30);
				engine.tick();
				scheduler.tick();
				expect(port.plays).toHaveLength(1);
				expect(port.plays[0]?.whenSec).toBeCloseTo(sec(ORIGIN_MS + 120), 9);
			}
			// Resumed after a pause: placed at the resume as well.
			clock.advance(2000);
			engine.tick();
			scheduler.tick();
			engine.pause();
			const breathe = cueOf(t, 'breathe');
			engine.seek(breathe.atMs - 50);
			const before = port.plays.length;
			engine.resume();
			// The breathe cue (sound) is placed at the resume, 50 ms plus the lead ahead.
			const due = sec(clock.now() + 50 + 120);
			expect(port.plays.slice(before).some((p) => Math.abs(p.whenSec - due) < 1e-9), 'the breathe cue placed at the resume').toBe(true);
			scheduler.destroy();
		}
	});

	it('schedules ahead: a cue is handed to the audio clock before its time, within the lookahead', () => {
		const t = withSounds(sampleTimeline(), 'beep');
		const h = schedulerHarness(t);
		const halfway = cueOf(t, 'halfway');
		h.engine.start();
		runTo(h, halfway.atMs - LOOKAHEAD_MS - 80, 25);
		expect(recordsFor(h.records, halfway.id)).toHaveLength(0);
		h.step(25);
		h.step(25);
		h.step(25);
		expect(h.engine.position).toBe(halfway.atMs - LOOKAHEAD_MS - 5);
		expect(recordsFor(h.records, halfway.id)).toHaveLength(0);
		h.step(25);
		expect(recordsFor(h.records, halfway.id)).toHaveLength(1);
		expect(recordsFor(h.records, halfway.id)[0]?.scheduledAudioSec).toBeCloseTo(h.port.now() + (LOOKAHEAD_MS - 20) / 1000, 9);
	});

	it('looks further ahead while the page is hidden, so a second without ticks makes no cue late', () => {
		const t = withSounds(sampleTimeline(), 'beep');
		let hidden = false;
		const h = schedulerHarness(t, { isHidden: () => hidden });
		const halfway = cueOf(t, 'halfway');
		h.engine.start();
		runTo(h, halfway.atMs - HIDDEN_LOOKAHEAD_MS - 100, 25);
		hidden = true;
		h.step(200);
		const [record] = recordsFor(h.records, halfway.id);
		expect(record?.reason).toBe('clear');
		expect(record?.scheduledAudioSec).toBeCloseTo(h.port.now() + (HIDDEN_LOOKAHEAD_MS - 100) / 1000, 9);
		// The renderer then starves for a second: the sound is already on the audio clock.
		h.step(1000);
		h.step(1000);
		expect(h.engine.position).toBeGreaterThan(halfway.atMs);
		expect(recordsFor(h.records, halfway.id)).toHaveLength(1);
		expect(h.port.heard('sounds').filter((p) => p.whenSec === record?.scheduledAudioSec)).toHaveLength(1);
	});

	it('visible, the same starved second makes the cue late', () => {
		const t = withSounds(sampleTimeline(), 'beep');
		const h = schedulerHarness(t, { isHidden: () => false });
		const halfway = cueOf(t, 'halfway');
		h.engine.start();
		runTo(h, halfway.atMs - HIDDEN_LOOKAHEAD_MS - 100, 25);
		h.step(200);
		expect(recordsFor(h.records, halfway.id)).toHaveLength(0);
		h.step(1000);
		h.step(1000);
		expect(recordsFor(h.records, halfway.id)[0]?.reason).toBe('late');
	});
});

describe('CueScheduler: cancelling and rescheduling', () => {
	const t = withSounds(sampleTimeline(), 'beep');
	const stepStart = cueOf(t, 'step-start', 5000);

	it('pause cancels what was scheduled ahead; after resume it sounds once at its new time', () => {
		const h = schedulerHarness(t);
		h.engine.start();
		runTo(h, 4950);
		const first = heardFor(h, 'sound:beep').find((p) => Math.abs(p.whenSec - sec(ORIGIN_MS + 5000)) < 1e-9);
		expect(first).toBeDefined();
		h.engine.pause();
		expect(h.cancels).toEqual([{ cause: 'paused', cueIds: [stepStart.id] }]);
		expect(first?.stoppedAtSec).toBeLessThan(first?.whenSec ?? 0);

		h.clock.advance(10_000);
		h.engine.tick();
		h.scheduler.tick();
		expect(recordsFor(h.records, stepStart.id)).toHaveLength(1);
		h.engine.resume();
		runTo(h, 5200);
		const rs = recordsFor(h.records, stepStart.id);
		expect(rs).toHaveLength(2);
		expect(rs[1]?.scheduledAudioSec).toBeCloseTo(sec(ORIGIN_MS + 15_000), 9);
		const sounding = heardFor(h, 'sound:beep').filter((p) => Math.abs(p.whenSec - sec(ORIGIN_MS + 15_000)) < 1e-9);
		expect(sounding).toHaveLength(1);
		expect(heardFor(h, 'sound:beep').filter((p) => p.whenSec > sec(ORIGIN_MS + 4900) && p.whenSec < sec(ORIGIN_MS + 15_100))).toHaveLength(1);
	});

	it('buffering cancels, and the cue is rescheduled when the media recovers', () => {
		const h = schedulerHarness(t);
		h.engine.start();
		runTo(h, 4950);
		h.engine.setBuffering(true);
		expect(h.cancels.map((c) => c.cause)).toEqual(['buffering']);
		h.clock.advance(3000);
		h.engine.setBuffering(false);
		runTo(h, 5100);
		const rs = recordsFor(h.records, stepStart.id);
		expect(rs.map((r) => r.scheduledAudioSec)).toEqual([sec(ORIGIN_MS + 5000), sec(ORIGIN_MS + 8000)]);
	});

	it('skipping to the next step cancels the old step’s pending cues and schedules the new step’s at their new times', () => {
		const h = schedulerHarness(t);
		h.engine.start();
		runTo(h, 4950);
		const jumpAt = h.clock.now();
		h.engine.next();
		expect(h.cancels).toEqual([{ cause: 'seek', cueIds: [stepStart.id] }]);
		expect(heardFor(h, 'sound:beep').some((p) => Math.abs(p.whenSec - sec(ORIGIN_MS + 5000)) < 1e-9)).toBe(false);

		const rest = cueOf(t, 'rest');
		const nextUp = cueOf(t, 'next-up');
		runTo(h, nextUp.atMs + 100);
		// The cue where a jump lands is played at once, as a (slightly) late one.
		expect(recordsFor(h.records, rest.id)[0]?.reason).toBe('late');
		expect(recordsFor(h.records, rest.id)[0]?.scheduledAudioSec).toBeCloseTo(sec(jumpAt + 50), 9);
		expect(recordsFor(h.records, nextUp.id)[0]?.scheduledAudioSec).toBeCloseTo(sec(jumpAt + nextUp.atMs - rest.atMs), 9);
	});

	it('a backward seek re-arms cues already played: they sound again at their new times', () => {
		const h = schedulerHarness(t);
		h.engine.start();
		runTo(h, 27_000);
		const seekAt = h.clock.now();
		h.engine.seek(4000);
		runTo(h, 6000);
		const rs = recordsFor(h.records, stepStart.id);
		expect(rs.map((r) => r.scheduledAudioSec)).toEqual([sec(ORIGIN_MS + 5000), sec(seekAt + 1000)]);
		expect(heardFor(h, 'sound:beep').filter((p) => p.whenSec === sec(seekAt + 1000))).toHaveLength(1);
	});

	it('+10 s cancels the pending countdown and schedules it 10 s later', () => {
		const h = schedulerHarness(t);
		const three = cueOf(t, 'countdown', 22_000);
		h.engine.start();
		runTo(h, 21_950);
		expect(recordsFor(h.records, three.id)).toHaveLength(1);
		const at = h.clock.now();
		expect(h.engine.adjustHold(10_000)).toBe(true);
		expect(h.cancels).toEqual([{ cause: 'timeline', cueIds: [three.id] }]);
		runTo(h, 32_100);
		const rs = recordsFor(h.records, three.id);
		expect(rs.map((r) => r.scheduledAudioSec)).toEqual([sec(ORIGIN_MS + 22_000), sec(at + 32_000 - 21_950)]);
		expect(heardFor(h, 'sound:beep').filter((p) => Math.abs(p.whenSec - sec(ORIGIN_MS + 22_000)) < 1e-9)).toHaveLength(0);
	});

	it('−10 s cancels a pending cue that the change moves into the past: it never sounds', () => {
		const h = schedulerHarness(t);
		const halfway = cueOf(t, 'halfway', 15_000);
		h.engine.start();
		runTo(h, 14_950);
		expect(recordsFor(h.records, halfway.id)).toHaveLength(1);
		const play = h.port.plays.at(-1);
		expect(play?.whenSec).toBeCloseTo(sec(ORIGIN_MS + 15_000), 9);
		h.engine.adjustHold(-10_000);
		expect(h.cancels[0]?.cueIds).toContain(halfway.id);
		expect(play?.stoppedAtSec).toBeLessThan(play?.whenSec ?? 0);
		runTo(h, 20_000);
		expect(recordsFor(h.records, halfway.id)).toHaveLength(1);
	});

	it('stop silences everything, including sounds already started', () => {
		const h = schedulerHarness(t);
		h.engine.start();
		runTo(h, 4950);
		h.engine.stop();
		expect(h.port.stopAllCalls).toContain('sounds');
		expect(h.port.heard('sounds').every((p) => p.stoppedAtSec !== null)).toBe(true);
	});
});

describe('CueScheduler: speech', () => {
	// One 10 s hold, then a 5 s switch.
	const t = buildTimeline(
		[
			{
				title: 'Hold',
				segments: [
					{
						kind: 'work',
						ms: 10_000,
						cues: [
							cue('step-start', fromStart(0), 'Hold.'),
							cue('breathe', fromStart(500), 'Breathe.'),
							cue('halfway', fromStart(5000), 'Halfway there.'),
							cue('prompt', fromStart(5300), 'Relax your shoulders.'),
							...countdown()
						]
					},
					{ kind: 'switch', ms: 5000, cues: [cue('switch-sides', fromStart(0), 'Switch sides.')] }
				]
			}
		],
		{ sessionEndCue: false }
	);
	const voices = manifest({
		'Hold.': 1000,
		'Breathe.': 800,
		'Halfway there.': 8000,
		'Relax your shoulders.': 500,
		'Switch sides.': 1000,
		'3': 300
	});
	const voiceRecord = (h: SchedulerHarness, kind: Cue['kind']) => recordsFor(h.records, cueOf(t, kind).id, 'voice');

	function played(): SchedulerHarness {
		const h = schedulerHarness(withSounds(t, { countdown: 'tick' }), { voices });
		h.engine.start();
		while (h.engine.state !== 'finished') h.step(25);
		return h;
	}

	it('queues speech behind speech when the delay is small', () => {
		const h = played();
		const [breathe] = voiceRecord(h, 'breathe');
		expect(breathe?.reason).toBe('queued');
		// "Hold." is at the start, so it plays on the first tick (25 ms), and lasts 1 s.
		expect(breathe?.scheduledAudioSec).toBeCloseTo(sec(ORIGIN_MS + 25) + 1 + VOICE_RULES.gapSec, 9);
		expect(breathe?.dueAudioSec).toBeCloseTo(sec(ORIGIN_MS + 500), 9);
	});

	it('drops a low-priority cue that would wait too long', () => {
		const h = played();
		expect(voiceRecord(h, 'prompt')).toEqual([expect.objectContaining({ dropped: true, reason: 'voice-busy', scheduledAudioSec: null })]);
		expect(h.port.plays.filter((p) => p.key === vkey('Relax your shoulders.'))).toHaveLength(0);
	});

	it('a high-priority cue fades out the speech in front instead of waiting or being dropped', () => {
		const h = played();
		const halfway = h.port.plays.find((p) => p.key === vkey('Halfway there.'));
		const switchAt = sec(ORIGIN_MS + 10_000);
		expect(halfway?.stoppedAtSec).toBeCloseTo(switchAt, 9);
		// Scheduled a lookahead before the switch, so the whole fade fits before it.
		expect(halfway?.fadeSec).toBeCloseTo(VOICE_RULES.fadeSec, 9);
		expect(voiceRecord(h, 'switch-sides')).toEqual([expect.objectContaining({ scheduledAudioSec: switchAt, reason: 'interrupts' })]);
	});

	it('no two utterances that are heard overlap', () => {
		const h = played();
		const spans = h.port
			.heard('voice')
			.map((p) => {
				const text = Object.entries(voices.voices).find(([, v]) => `voice:${v.files[0]}` === p.key)?.[1];
				const end = p.whenSec + (text?.durationMs ?? 0) / 1000;
				return [p.whenSec, Math.min(end, p.stoppedAtSec ?? end)] as const;
			})
			.sort((a, b) => a[0] - b[0]);
		for (let i = 1; i < spans.length; i++) expect(spans[i]?.[0]).toBeGreaterThanOrEqual(spans[i - 1]?.[1] ?? 0);
	});

	it('the countdown is only its beep, even when its text has a recording', () => {
		const h = played();
		for (const c of t.cues.filter((x) => x.kind === 'countdown')) {
			expect(recordsFor(h.records, c.id, 'voice')).toEqual([]);
			expect(recordsFor(h.records, c.id, 'sound')).toHaveLength(1);
		}
		expect(h.port.plays.some((p) => p.key === vkey('3'))).toBe(false);
	});

	it('pause silences the sounding voice with a short fade; resume does not repeat it', () => {
		const h = schedulerHarness(t, { voices });
		h.engine.start();
		runTo(h, 300, 25);
		const hold = h.port.plays.find((p) => p.key === vkey('Hold.'));
		expect(hold?.stoppedAtSec).toBeNull();
		const now = h.port.now();
		h.engine.pause();
		expect(hold?.stoppedAtSec).toBeGreaterThan(now);
		expect(hold?.stoppedAtSec).toBeLessThanOrEqual(now + 0.05);
		expect(hold?.fadeSec).toBeGreaterThan(0);
		h.engine.resume();
		runTo(h, 400, 25);
		expect(h.port.plays.filter((p) => p.key === vkey('Hold.'))).toHaveLength(1);
	});

	it('a seek cancels speech still queued (not yet started) but lets sounding speech finish', () => {
		const h = schedulerHarness(t, { voices });
		h.engine.start();
		runTo(h, 600, 25);
		const hold = h.port.plays.find((p) => p.key === vkey('Hold.'));
		const breathe = h.port.plays.find((p) => p.key === vkey('Breathe.'));
		expect(breathe && breathe.whenSec > h.port.now()).toBe(true);
		h.engine.seek(3000);
		expect(hold?.stoppedAtSec).toBeNull();
		expect(breathe?.stoppedAtSec).toBeLessThanOrEqual(breathe?.whenSec ?? 0);
	});

	it('the last words are not cut when the session finishes', () => {
		const end = buildTimeline([{ title: 'Hold', segments: [{ kind: 'work', ms: 3000, cues: [cue('step-end', { from: 'end', ms: 0 }, 'Done.')] }] }]);
		const h = schedulerHarness(end, { voices: manifest({ 'Done.': 600, 'Well done.': 2000 }) });
		h.engine.start();
		while (h.engine.state !== 'finished') h.step(25);
		const last = h.port.plays.find((p) => p.key === vkey('Well done.'));
		expect(last?.whenSec).toBeCloseTo(sec(ORIGIN_MS + 3000) + 0.6 + VOICE_RULES.gapSec, 9);
		expect(last?.stoppedAtSec).toBeNull();
	});
});

describe('CueScheduler: when audio fails', () => {
	const t = withSounds(sampleTimeline(), { countdown: 'tick', 'step-start': 'start' });

	it('a sound that cannot play becomes a visual cue when the cue falls due, and the session goes on', () => {
		const h = schedulerHarness(t);
		h.port.failing.add('sound:tick');
		h.engine.start();
		const three = cueOf(t, 'countdown', 2000);
		runTo(h, 1950);
		expect(recordsFor(h.records, three.id)).toEqual([expect.objectContaining({ dropped: true, reason: 'unavailable' })]);
		expect(h.visuals).toEqual([]);
		runTo(h, 2000);
		expect(h.visuals).toEqual([{ cueId: three.id, kind: 'countdown', atMs: 2000, sound: 'tick' }]);
		while (h.engine.state !== 'finished') h.step(40);
		const countdowns = t.cues.filter((c) => c.kind === 'countdown');
		expect(h.visuals.map((v) => v.cueId)).toEqual(countdowns.map((c) => c.id));
		// The sounds that do work still play.
		expect(h.port.heard('sounds').filter((p) => p.key === 'sound:start')).toHaveLength(t.cues.filter((c) => c.kind === 'step-start').length);
	});

	it('with audio unusable every sounding cue flashes instead', () => {
		const h = schedulerHarness(t);
		h.port.usable = false;
		h.engine.start();
		while (h.engine.state !== 'finished') h.step(70);
		expect(h.port.plays).toEqual([]);
		// Nothing was placed on an audio clock, so nothing is realigned to it.
		expect(h.port.realignCalls).toBe(0);
		expect(h.visuals.map((v) => v.cueId)).toEqual(t.cues.filter((c) => c.sound !== null).map((c) => c.id));
	});

	it('on the silent port (howler failed to load) beeps still become visual cues', () => {
		const clock = new ManualClock(0);
		const engine = new SessionEngine(t, clock);
		const scheduler = new CueScheduler(engine, silentAudioPort, { voices: manifest({}), sounds: soundsFor(t), gains: fullVolume });
		const visuals: string[] = [];
		scheduler.on('visualCue', (v) => visuals.push(v.cueId));
		engine.start();
		while (engine.state !== 'finished') {
			clock.advance(30);
			engine.tick();
			scheduler.tick();
		}
		expect(visuals).toEqual(t.cues.filter((c) => c.sound !== null).map((c) => c.id));
	});

	it('a sound id missing from the catalogue is reported as missing and flashes', () => {
		const h = schedulerHarness(t, { sounds: { start: { files: ['sounds/start.webm'] } } });
		h.engine.start();
		runTo(h, 2100);
		const three = cueOf(t, 'countdown', 2000);
		expect(recordsFor(h.records, three.id)[0]?.reason).toBe('missing');
		expect(h.visuals.map((v) => v.cueId)).toEqual([three.id]);
	});

	it('losing audio mid-session cancels what was scheduled on it; later cues flash', () => {
		const h = schedulerHarness(t);
		h.engine.start();
		runTo(h, 1950);
		const three = cueOf(t, 'countdown', 2000);
		const pending = h.port.plays.find((p) => p.key === 'sound:tick');
		expect(pending).toBeDefined();
		h.port.usable = false;
		h.step(25);
		expect(h.cancels).toEqual([{ cause: 'audio-lost', cueIds: [three.id] }]);
		expect(pending?.stoppedAtSec).not.toBeNull();
		runTo(h, 3100);
		expect(h.visuals.map((v) => v.atMs)).toEqual([2000, 3000]);
	});
});

describe('CueScheduler: late cues', () => {
	const t = buildTimeline(
		[
			{
				title: 'Hold',
				segments: [
					{
						kind: 'work',
						ms: 20_000,
						cues: [
							cue('halfway', fromStart(1000), 'Halfway there.'),
							cue('phase', fromStart(6000), 'Tense.'),
							cue('breathe', fromStart(10_000), 'Breathe.'),
							cue('switch-sides', fromStart(15_000), 'Switch.')
						]
					}
				]
			}
		],
		{ sessionEndCue: false }
	);
	const withBeeps = withSounds(t, 'beep');
	const voices = manifest({ 'Halfway there.': 500, 'Tense.': 500, 'Breathe.': 500, 'Switch.': 500 });

	function lateBy(atMs: number, lateMs: number): SchedulerHarness {
		const h = schedulerHarness(withBeeps, { voices });
		h.engine.start();
		// The tick before is a lookahead and more away; the next comes `lateMs` after the cue.
		runTo(h, atMs - LOOKAHEAD_MS - 80);
		h.step(LOOKAHEAD_MS + 80 + lateMs);
		return h;
	}

	it('a low-priority cue more than 250 ms late is dropped, sound and voice', () => {
		const h = lateBy(1000, LATE_DROP_MS + 150);
		const id = cueOf(t, 'halfway').id;
		expect(h.records.filter((r) => r.cueId === id)).toEqual([
			expect.objectContaining({ part: 'sound', dropped: true, reason: 'late' }),
			expect.objectContaining({ part: 'voice', dropped: true, reason: 'late' })
		]);
		expect(h.port.plays).toEqual([]);
		expect(h.visuals).toEqual([]);
	});

	it('a low-priority cue a little late still plays at once', () => {
		const h = lateBy(10_000, LATE_DROP_MS - 50);
		const [sound, voice] = h.records.filter((r) => r.cueId === cueOf(t, 'breathe').id);
		expect(sound).toMatchObject({ reason: 'late', scheduledAudioSec: h.port.now() });
		expect(sound?.dueAudioSec).toBeCloseTo(h.port.now() - (LATE_DROP_MS - 50) / 1000, 9);
		expect(voice).toMatchObject({ scheduledAudioSec: h.port.now() });
	});

	it('a high-priority cue is played at once even when well past 250 ms late', () => {
		const h = lateBy(6000, 900);
		const [sound, voice] = h.records.filter((r) => r.cueId === cueOf(t, 'phase').id);
		expect(sound).toMatchObject({ reason: 'late', scheduledAudioSec: h.port.now() });
		expect(sound?.dueAudioSec).toBeCloseTo(sec(ORIGIN_MS + 6000), 9);
		expect(voice?.scheduledAudioSec).toBe(h.port.now());
		expect(h.port.heard().filter((p) => p.whenSec === h.port.now()).map((p) => p.channel)).toEqual(['sounds', 'voice']);
	});

	it('anything later than the stale limit is dropped, even high priority', () => {
		const h = lateBy(15_000, STALE_MS + 500);
		expect(h.records.filter((r) => r.cueId === cueOf(t, 'switch-sides').id)).toEqual([
			expect.objectContaining({ part: 'sound', dropped: true, reason: 'stale' }),
			expect.objectContaining({ part: 'voice', dropped: true, reason: 'stale' })
		]);
	});
});

describe('CueScheduler: volumes and media list', () => {
	it('applies the settings’ channel gains, and again only when they change', () => {
		const levels: Record<AudioChannel, number> = { voice: 1, sounds: 0.5, ambience: 0.2 };
		const h = schedulerHarness(sampleTimeline(), { gains: { gainFor: (c) => levels[c] } });
		expect(h.port.gainCalls).toEqual([
			['voice', 1],
			['sounds', 0.5],
			['ambience', 0.2]
		]);
		h.scheduler.tick();
		expect(h.port.gainCalls).toHaveLength(3);
		levels.sounds = 0;
		h.scheduler.tick();
		expect(h.port.gainCalls.slice(3)).toEqual([['sounds', 0]]);
	});

	it('cueMedia lists every buffer a timeline needs once, and no voice for the countdown', () => {
		const t = withSounds(sampleTimeline(), { countdown: 'tick', 'step-start': 'start', 'switch-sides': 'nope' });
		const voices = manifest({ 'step-start': 900, '3': 300, halfway: 700 });
		const media = cueMedia(t, { tick: { files: ['sounds/tick.webm', 'sounds/tick.m4a'] }, start: { files: ['sounds/start.webm'] } }, voices);
		expect(media).toEqual([
			{ key: 'sound:tick', files: ['sounds/tick.webm', 'sounds/tick.m4a'] },
			{ key: 'sound:start', files: ['sounds/start.webm'] },
			{ key: vkey('step-start'), files: ['voice/step-start.webm', 'voice/step-start.m4a'] },
			{ key: vkey('halfway'), files: ['voice/halfway.webm', 'voice/halfway.m4a'] }
		]);
	});

	it('destroy stops listening and silences what it started', () => {
		const t = withSounds(sampleTimeline(), 'beep');
		const h = schedulerHarness(t);
		h.engine.start();
		runTo(h, 4950);
		h.scheduler.destroy();
		expect(h.cancels.map((c) => c.cause)).toEqual(['destroy']);
		const before = h.records.length;
		runTo(h, 20_000);
		expect(h.records.length).toBe(before);
	});
});
