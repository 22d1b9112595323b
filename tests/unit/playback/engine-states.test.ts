import { describe, expect, it } from 'vitest';
import { SessionEngine } from '../../../src/lib/playback/engine';
import { ManualClock } from '../../../src/lib/playback/clock';
import type { EngineState } from '../../../src/lib/playback/events';
import type { Timeline } from '../../../src/lib/routine/timeline';
import { harness, keys, play, runToEnd, type Harness } from './harness';
import { sampleTimeline } from './timeline-builder';

type Request = [name: string, send: (h: Harness) => boolean];

const requests: Request[] = [
	['start', (h) => h.engine.start()],
	['pause', (h) => h.engine.pause()],
	['resume', (h) => h.engine.resume()],
	['next', (h) => h.engine.next()],
	['previous', (h) => h.engine.previous()],
	['seek', (h) => h.engine.seek(30_000)],
	['seekToStep', (h) => h.engine.seekToStep(1)],
	['adjustHold', (h) => h.engine.adjustHold(10_000)],
	['setBuffering(true)', (h) => h.engine.setBuffering(true)],
	['setBuffering(false)', (h) => h.engine.setBuffering(false)],
	['stop', (h) => h.engine.stop()]
];

/** Which requests each state accepts, for a harness brought into that state at 10 s (a hold). */
const accepted: Record<EngineState, readonly string[]> = {
	ready: ['start', 'stop'],
	'count-in': ['pause', 'next', 'previous', 'seek', 'seekToStep', 'setBuffering(true)', 'stop'],
	playing: ['pause', 'next', 'previous', 'seek', 'seekToStep', 'adjustHold', 'setBuffering(true)', 'stop'],
	paused: ['resume', 'next', 'previous', 'seek', 'seekToStep', 'adjustHold', 'setBuffering(true)', 'stop'],
	buffering: ['pause', 'next', 'previous', 'seek', 'seekToStep', 'adjustHold', 'setBuffering(false)', 'stop'],
	finished: [],
	stopped: []
};

function inState(state: EngineState): Harness {
	const h = harness();
	if (state === 'ready') return h;
	h.engine.start(state === 'count-in' ? 0 : 10_000);
	h.engine.tick(); // report what is due at the start, so an ignored request has nothing to flush
	if (state === 'paused') h.engine.pause();
	if (state === 'buffering') h.engine.setBuffering(true);
	if (state === 'stopped') h.engine.stop();
	if (state === 'finished') runToEnd(h);
	expect(h.engine.state).toBe(state);
	return h;
}

describe('SessionEngine: which requests apply in which state', () => {
	for (const state of Object.keys(accepted) as EngineState[]) {
		for (const [name, send] of requests) {
			const ok = accepted[state].includes(name);
			it(`${state}: ${name} is ${ok ? 'accepted' : 'ignored'}`, () => {
				const h = inState(state);
				const before = h.events.length;
				const positionBefore = h.engine.position;
				const result = send(h);
				expect(result).toBe(ok);
				if (!ok) {
					expect(h.engine.state).toBe(state);
					expect(h.engine.position).toBe(positionBefore);
					expect(h.events.length).toBe(before);
				}
			});
		}
	}
});

describe('SessionEngine: transitions', () => {
	it('starts in ready at position 0 on the first segment and step', () => {
		const { engine } = harness();
		expect(engine.state).toBe('ready');
		expect(engine.position).toBe(0);
		expect(engine.segment.index).toBe(0);
		expect(engine.step.index).toBe(0);
	});

	it('start() goes to count-in inside a count-in segment and announces segment, step, state', () => {
		const h = harness();
		expect(h.engine.start()).toBe(true);
		expect(h.engine.state).toBe('count-in');
		expect(keys(h.events)).toEqual(['segment 0 @0', 'step 0 @0', 'state ready>count-in @0']);
		expect(h.events[0]).toMatchObject({ jump: 'start' });
	});

	it('start(fromMs) inside a hold goes straight to playing; past the end it clamps', () => {
		const h = harness();
		h.engine.start(31_000);
		expect(h.engine.state).toBe('playing');
		expect(h.engine.segment.index).toBe(3);
		expect(h.engine.position).toBe(31_000);
		const late = harness();
		late.engine.start(1e9);
		expect(late.engine.position).toBe(107_000);
		late.engine.tick();
		expect(late.engine.state).toBe('finished');
	});

	it('count-in turns into playing when the count-in ends, after the boundary and its cue', () => {
		const h = harness();
		h.engine.start();
		play(h, 5000, 1000);
		const tail = keys(h.events).slice(-4);
		expect(tail).toEqual(['cue 3 c3 @4000', 'segment 1 @5000', 'cue 4 c4 @5000', 'state count-in>playing @5000']);
		expect(h.engine.state).toBe('playing');
	});

	it('pause and resume return to the running state the position is in (count-in or playing)', () => {
		const h = harness();
		h.engine.start();
		play(h, 1000);
		expect(h.engine.pause()).toBe(true);
		expect(h.engine.state).toBe('paused');
		expect(h.engine.resume()).toBe(true);
		expect(h.engine.state).toBe('count-in');
		play(h, 6000);
		h.engine.pause();
		h.engine.resume();
		expect(h.engine.state).toBe('playing');
	});

	it('seeking back into the count-in while playing changes the state back to count-in', () => {
		const h = harness();
		h.engine.start(10_000);
		h.engine.seek(1000);
		expect(h.engine.state).toBe('count-in');
		expect(keys(h.events).slice(-4)).toEqual([
			'seek 10000>1000 seek',
			'segment 0 @1000',
			'step 0 @1000',
			'state playing>count-in @1000'
		]);
	});

	it('buffering returns to the prior running state, and a pause during it wins', () => {
		const h = harness();
		h.engine.start();
		expect(h.engine.setBuffering(true)).toBe(true);
		expect(h.engine.state).toBe('buffering');
		expect(h.engine.setBuffering(true)).toBe(false);
		expect(h.engine.setBuffering(false)).toBe(true);
		expect(h.engine.state).toBe('count-in');

		h.engine.seek(10_000);
		h.engine.setBuffering(true);
		expect(h.engine.pause()).toBe(true);
		expect(h.engine.setBuffering(false)).toBe(true);
		expect(h.engine.state).toBe('paused');
		expect(h.engine.resume()).toBe(true);
		expect(h.engine.state).toBe('playing');
	});

	it('a stall reported while paused makes resume wait in buffering', () => {
		const h = harness();
		h.engine.start(10_000);
		h.engine.pause();
		expect(h.engine.setBuffering(true)).toBe(true);
		expect(h.engine.state).toBe('paused');
		h.engine.resume();
		expect(h.engine.state).toBe('buffering');
		h.engine.setBuffering(false);
		expect(h.engine.state).toBe('playing');
	});

	it('with waitForBuffering false, setBuffering is ignored and the clock keeps running', () => {
		const h = harness(sampleTimeline(), { waitForBuffering: false });
		h.engine.start(10_000);
		expect(h.engine.setBuffering(true)).toBe(false);
		expect(h.engine.state).toBe('playing');
		h.clock.advance(2000);
		expect(h.engine.position).toBe(12_000);
		expect(h.engine.setBuffering(false)).toBe(false);
		h.engine.pause();
		expect(h.engine.setBuffering(true)).toBe(false);
		h.engine.resume();
		expect(h.engine.state).toBe('playing');
	});

	it('stop freezes the position and makes every later request and tick inert', () => {
		const h = harness();
		h.engine.start(10_000);
		h.clock.advance(1500);
		expect(h.engine.stop()).toBe(true);
		expect(h.engine.position).toBe(11_500);
		const n = h.events.length;
		h.clock.advance(60_000);
		h.engine.tick();
		expect(h.engine.position).toBe(11_500);
		expect(h.events.length).toBe(n);
		expect(keys(h.events).at(-1)).toBe('state playing>stopped @11500');
	});

	it('stop does not emit cues that fell due since the last tick', () => {
		const h = harness();
		h.engine.start(12_000);
		h.clock.advance(5000); // breathe, prompt and halfway are due but not yet reported
		h.engine.stop();
		expect(h.events.some((e) => e.type === 'cue')).toBe(false);
	});

	it('next on the last step is ignored rather than ending the session', () => {
		const h = harness();
		h.engine.start(100_000);
		expect(h.engine.next()).toBe(false);
		expect(h.engine.state).toBe('playing');
	});

	it('rejects nonsense arguments', () => {
		const h = harness();
		h.engine.start(10_000);
		expect(h.engine.seek(Number.NaN)).toBe(false);
		expect(h.engine.seekToStep(-1)).toBe(false);
		expect(h.engine.seekToStep(4)).toBe(false);
		expect(h.engine.seekToStep(1.5)).toBe(false);
		expect(h.engine.start(Number.NaN)).toBe(false);
		expect(h.engine.position).toBe(10_000);
	});

	it('refuses a timeline with nothing to play', () => {
		const empty: Timeline = { ...sampleTimeline(), segments: [], steps: [], cues: [], durationMs: 0 };
		expect(() => new SessionEngine(empty, new ManualClock())).toThrow(RangeError);
	});

	it('a request that arrives after the end passed but before the tick sees the end first', () => {
		const h = harness();
		h.engine.start(106_000);
		h.clock.advance(5000);
		expect(h.engine.pause()).toBe(false);
		expect(h.engine.state).toBe('finished');
		expect(keys(h.events).slice(-2)).toEqual(['cue 35 c35 @107000', 'state playing>finished @107000']);
	});
});
