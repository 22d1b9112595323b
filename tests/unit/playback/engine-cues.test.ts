import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../../src/lib/playback/events';
import { cueEvents, cueIds, harness, keys, play, playbackKeys, runToEnd } from './harness';
import { sampleTimeline } from './timeline-builder';

const allIds = sampleTimeline().cues.map((c) => c.id);

function uninterrupted(stepMs = 100): EngineEvent[] {
	const h = harness();
	h.engine.start();
	runToEnd(h, stepMs);
	return h.events;
}

describe('SessionEngine: cues, segments and steps in one pass', () => {
	it('emits every cue once, in timeline order, and every segment and step once', () => {
		const events = uninterrupted();
		expect(cueIds(events)).toEqual(allIds);
		expect(events.filter((e) => e.type === 'segment').map((e) => e.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
		expect(events.filter((e) => e.type === 'step').map((e) => e.index)).toEqual([0, 1, 2, 3]);
	});

	it('orders ties: a segment’s own cue, then the boundary, then the next segment’s cues, then the state', () => {
		const k = keys(uninterrupted());
		const at = (s: string) => k.indexOf(s);
		expect(at('cue 5 c5 @13000')).toBe(at('cue 6 c6 @13000') - 1); // authored order at one ms
		expect(k.slice(at('cue 11 c11 @25000'), at('cue 11 c11 @25000') + 3)).toEqual([
			'cue 11 c11 @25000',
			'segment 2 @25000',
			'cue 12 c12 @25000'
		]);
		expect(k.slice(at('cue 20 c20 @50000'), at('cue 20 c20 @50000') + 4)).toEqual([
			'cue 20 c20 @50000',
			'segment 4 @50000',
			'step 1 @50000',
			'cue 21 c21 @50000'
		]);
	});

	it('ends with the final cue at the very end, then finished; the position clamps to the duration', () => {
		const h = harness();
		h.engine.start();
		runToEnd(h, 700);
		expect(keys(h.events).slice(-2)).toEqual(['cue 35 c35 @107000', 'state playing>finished @107000']);
		expect(h.engine.position).toBe(107_000);
		h.clock.advance(10_000);
		expect(h.engine.position).toBe(107_000);
		h.engine.tick();
		expect(h.events.length).toBe(uninterrupted().length);
	});

	it('carries the scheduled time and how late the tick was', () => {
		const h = harness();
		h.engine.start(12_000);
		h.clock.advance(1700);
		h.engine.tick();
		expect(cueEvents(h.events).map((e) => [e.cue.id, e.atMs, e.lateMs])).toEqual([
			['c5', 13_000, 700],
			['c6', 13_000, 700]
		]);
	});

	it('reports every boundary crossed by one long tick, each at its own time', () => {
		const h = harness();
		h.engine.start();
		h.clock.advance(60_000);
		h.engine.tick();
		const bounds = keys(h.events.filter((e) => e.type === 'segment' || e.type === 'step' || e.type === 'state'));
		expect(bounds).toEqual([
			'segment 0 @0',
			'step 0 @0',
			'state ready>count-in @0',
			'segment 1 @5000',
			'state count-in>playing @5000',
			'segment 2 @25000',
			'segment 3 @30000',
			'segment 4 @50000',
			'step 1 @50000'
		]);
		expect(cueIds(h.events)).toEqual(allIds.slice(0, 23));
	});

	it('pause/resume gives the same cue, segment and step sequence as an uninterrupted run', () => {
		const h = harness();
		h.engine.start();
		for (const at of [3000, 4000, 13_000, 25_000, 49_999, 65_000, 95_000]) {
			play(h, at - h.engine.position, 333);
			h.engine.pause();
			h.clock.advance(90_000);
			h.engine.tick();
			h.engine.resume();
		}
		runToEnd(h, 333);
		expect(playbackKeys(h.events)).toEqual(keys(uninterrupted()));
	});

	it('buffering gives the same sequence, including a pause during buffering', () => {
		const h = harness();
		h.engine.start();
		play(h, 7000, 250);
		h.engine.setBuffering(true);
		h.clock.advance(20_000);
		h.engine.setBuffering(false);
		play(h, 20_000, 250);
		h.engine.setBuffering(true);
		h.engine.pause();
		h.clock.advance(5000);
		h.engine.setBuffering(false);
		h.clock.advance(5000);
		h.engine.tick();
		h.engine.resume();
		runToEnd(h, 250);
		expect(playbackKeys(h.events)).toEqual(keys(uninterrupted()));
	});

	it('a pause does not lose the cues that fell due just before it', () => {
		const h = harness();
		h.engine.start(12_000);
		h.clock.advance(3500); // 13 s and 15 s passed, no tick
		h.engine.pause();
		expect(cueIds(h.events)).toEqual(['c5', 'c6', 'c7']);
		h.engine.resume();
		h.engine.tick();
		expect(cueIds(h.events)).toEqual(['c5', 'c6', 'c7']);
	});
});

describe('SessionEngine: seeking and skipping', () => {
	it('seek forward skips the cues in between and announces seek, segment and step', () => {
		const h = harness();
		h.engine.start();
		play(h, 6000, 100);
		const n = h.events.length;
		expect(h.engine.seek(41_000)).toBe(true);
		expect(keys(h.events.slice(n))).toEqual(['seek 6000>41000 seek', 'segment 3 @41000', 'step 0 @41000']);
		expect(h.events[n + 1]).toMatchObject({ jump: 'seek' });
		runToEnd(h);
		const ids = cueIds(h.events);
		expect(ids.slice(0, 5)).toEqual(['c0', 'c1', 'c2', 'c3', 'c4']);
		expect(ids.slice(5)).toEqual(allIds.slice(17));
	});

	it('seek back re-arms the cues after the new position, including one exactly at it', () => {
		const h = harness();
		h.engine.start();
		play(h, 16_000, 100);
		h.engine.seek(13_000);
		play(h, 3000, 100);
		expect(cueIds(h.events)).toEqual([...allIds.slice(0, 8), 'c5', 'c6', 'c7']);
	});

	it('seek to the end finishes on the next tick with the final cue', () => {
		const h = harness();
		h.engine.start(10_000);
		h.engine.seek(500_000);
		expect(h.engine.position).toBe(107_000);
		h.engine.tick();
		expect(cueIds(h.events)).toEqual(['c35']);
		expect(h.engine.state).toBe('finished');
	});

	it('a seek while paused stays paused and plays the cue at the new position after resume', () => {
		const h = harness();
		h.engine.start(10_000);
		h.engine.pause();
		h.engine.seek(30_000);
		h.engine.tick();
		expect(h.engine.state).toBe('paused');
		expect(cueIds(h.events)).toEqual([]);
		h.engine.resume();
		h.engine.tick();
		expect(cueIds(h.events)).toEqual(['c13']);
	});

	it('next lands on the start of the next step, from anywhere in the current one', () => {
		const h = harness();
		h.engine.start();
		play(h, 2000);
		expect(h.engine.next()).toBe(true);
		expect(h.engine.position).toBe(50_000);
		expect(h.engine.step.index).toBe(1);
		expect(h.engine.state).toBe('playing');
		h.engine.tick();
		expect(cueIds(h.events).slice(-1)).toEqual(['c21']); // step-end of step 0 is not played
		h.engine.next();
		expect(h.engine.position).toBe(65_000);
		expect(keys(h.events).slice(-3)).toEqual(['seek 50000>65000 next', 'segment 5 @65000', 'step 2 @65000']);
	});

	it('previous goes to the start of the current step when more than 3 s in, else to the previous step', () => {
		const h = harness();
		h.engine.start(68_000); // 3 s into step 2
		expect(h.engine.previous()).toBe(true);
		expect(h.engine.position).toBe(50_000); // exactly 3 s: not "more than"
		h.clock.advance(3001);
		expect(h.engine.previous()).toBe(true);
		expect(h.engine.position).toBe(50_000); // restart of step 1
		expect(h.engine.step.index).toBe(1);
		h.clock.advance(1000);
		h.engine.previous();
		expect(h.engine.position).toBe(0);
		expect(h.engine.state).toBe('count-in');
		h.engine.previous();
		expect(h.engine.position).toBe(0); // nothing before step 0: restart it
	});

	it('skips while paused move the frozen position and stay paused', () => {
		const h = harness();
		h.engine.start(20_000);
		h.engine.pause();
		h.engine.next();
		expect([h.engine.state, h.engine.position]).toEqual(['paused', 50_000]);
		h.engine.previous();
		expect(h.engine.position).toBe(0);
		h.engine.seekToStep(3);
		expect(h.engine.position).toBe(95_000);
		expect(h.engine.step.index).toBe(3);
	});

	it('seekToStep lands on the step start and plays its first cues', () => {
		const h = harness();
		h.engine.start();
		h.engine.tick();
		h.engine.seekToStep(2);
		expect(h.engine.position).toBe(65_000);
		h.engine.tick();
		expect(cueIds(h.events)).toEqual(['c0', 'c26']);
		expect(h.events.find((e) => e.type === 'seek')).toMatchObject({ cause: 'step' });
	});
});

describe('SessionEngine: upcoming cues for the scheduler', () => {
	it('returns not-yet-emitted cues in (position, position + window]', () => {
		const h = harness();
		h.engine.start(12_000);
		expect(h.engine.upcomingCues(1000).map((c) => c.id)).toEqual(['c5', 'c6']);
		expect(h.engine.upcomingCues(999).map((c) => c.id)).toEqual([]);
		h.clock.advance(1000);
		// Due now: the next tick emits them, so they are not "upcoming".
		expect(h.engine.upcomingCues(2000).map((c) => c.id)).toEqual(['c7']);
		h.engine.tick();
		expect(h.engine.upcomingCues(2000).map((c) => c.id)).toEqual(['c7']);
	});

	it('is empty when the session is not running', () => {
		const h = harness();
		expect(h.engine.upcomingCues(10_000)).toEqual([]);
		h.engine.start(12_000);
		h.engine.pause();
		expect(h.engine.upcomingCues(10_000)).toEqual([]);
	});
});

describe('SessionEngine: listeners', () => {
	it('typed subscriptions receive only their type, and unsubscribe stops them', () => {
		const h = harness();
		const steps: number[] = [];
		const off = h.engine.on('step', (e) => steps.push(e.step.index));
		h.engine.start();
		play(h, 60_000, 500);
		off();
		runToEnd(h);
		expect(steps).toEqual([0, 1]);
	});

	it('a request from inside a listener is queued behind the events already due', () => {
		const h = harness();
		h.engine.on('step', (e) => {
			if (e.index === 1) h.engine.pause();
		});
		h.engine.start(45_000);
		h.clock.advance(10_000); // passes 50 s (step 1) and 55 s (next-up) in one tick
		h.engine.tick();
		expect(keys(h.events).slice(-4)).toEqual(['step 1 @50000', 'cue 21 c21 @50000', 'cue 22 c22 @55000', 'state playing>paused @55000']);
		h.engine.resume();
		runToEnd(h);
		expect(cueIds(h.events)).toEqual(allIds.slice(17));
	});

	it('a throwing listener neither stops the others nor duplicates or loses events', () => {
		const h = harness();
		const seen: string[] = [];
		h.engine.on('cue', () => {
			throw new Error('follower bug');
		});
		h.engine.on('cue', (e) => seen.push(e.cue.id));
		h.engine.start(12_000);
		h.clock.advance(4000);
		expect(() => h.engine.tick()).toThrow('follower bug');
		expect(seen).toEqual(['c5', 'c6', 'c7']);
		h.engine.tick();
		expect(seen).toEqual(['c5', 'c6', 'c7']);
	});
});
