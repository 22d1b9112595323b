import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '$lib/playback/clock';
import { SessionEngine } from '$lib/playback/engine';
import { PlayerSession, viewRequests, type SessionRequests } from '$lib/playback/player-session.svelte';
import type { SessionEnd } from '$lib/playback/session-end';
import type { VisibilityTimers } from '$lib/playback/controls-visibility.svelte';
import { sampleTimeline } from './timeline-builder';

const noTimers: VisibilityTimers = { set: () => 0, clear: () => undefined };

function setup(options: { voiceOn?: boolean } = {}) {
	const clock = new ManualClock(1000);
	const engine = new SessionEngine(sampleTimeline(), clock);
	const ends: SessionEnd[] = [];
	let starts = 0;
	const session = new PlayerSession(engine, {
		onstart: () => starts++,
		onend: (e) => ends.push(e),
		voiceOn: () => options.voiceOn ?? false,
		timers: noTimers
	});
	session.setRequests(viewRequests(session.view));
	const advance = (ms: number) => {
		clock.advance(ms);
		session.tick();
		flushSync();
	};
	return { clock, engine, session, ends, starts: () => starts, advance };
}

describe('PlayerSession', () => {
	it('ticks its followers in the written order: source, view, follow, record', () => {
		const { session, engine } = setup();
		const order: string[] = [];
		session.add('record', { tick: () => order.push(`record@${session.view.positionMs}`) });
		session.add('follow', { tick: () => order.push('follow') });
		session.add('source', { tick: () => order.push(`source@${session.view.positionMs}`) });
		engine.start();
		order.length = 0;
		session.tick();
		// The source runs before the view has read the clock; the recorder after.
		expect(order.map((o) => o.split('@')[0])).toEqual(['source', 'follow', 'record']);
	});

	it('destroys followers last added first, once', () => {
		const { session } = setup();
		const gone: string[] = [];
		session.add('follow', { destroy: () => gone.push('a') });
		session.onDestroy(() => gone.push('b'));
		session.add('record', { destroy: () => gone.push('c') });
		session.destroy();
		session.destroy();
		expect(gone).toEqual(['c', 'b', 'a']);
	});

	it('runs the audio unlock inside the press that starts or resumes, not on pause', () => {
		const { session } = setup();
		let unlocks = 0;
		session.beforePlay(() => unlocks++);
		session.dispatch('toggle');
		expect(session.state).toBe('count-in');
		expect(unlocks).toBe(1);
		session.dispatch('toggle');
		expect(session.state).toBe('paused');
		expect(unlocks).toBe(1);
		session.dispatch('toggle');
		expect(unlocks).toBe(2);
	});

	it('End pauses at once and offers help first; help stops and is reported once closed', () => {
		const { session, ends, advance } = setup();
		session.dispatch('toggle');
		advance(6000);
		session.dispatch('end');
		flushSync();
		expect(session.state).toBe('paused');
		expect(session.sheet).toBe('end');
		session.dispatch('get-help');
		flushSync();
		expect(session.state).toBe('stopped');
		expect(session.helpOpen).toBe(true);
		expect(session.sheet).toBeNull();
		// Not reported while the guidance is on screen.
		expect(ends).toEqual([]);
		session.helpClosed();
		expect(ends).toHaveLength(1);
		expect(ends[0]).toMatchObject({ outcome: 'help', playedMs: 6000 });
	});

	it('resume from the End sheet carries on; End session stops and reports', () => {
		const { session, ends } = setup();
		session.dispatch('toggle');
		flushSync();
		session.dispatch('end');
		session.dispatch('resume');
		expect(session.sheet).toBeNull();
		expect(session.state).toBe('count-in');
		session.dispatch('end');
		session.dispatch('end-session');
		flushSync();
		expect(session.state).toBe('stopped');
		expect(ends.map((e) => e.outcome)).toEqual(['stopped']);
	});

	it('a finished session reports how many steps were done', () => {
		const { session, ends, advance, starts } = setup();
		session.dispatch('toggle');
		flushSync();
		expect(starts()).toBe(1);
		advance(200_000);
		expect(session.state).toBe('finished');
		expect(ends).toHaveLength(1);
		expect(ends[0]).toMatchObject({ outcome: 'finished', stepsDone: 4, stepCount: 4 });
	});

	it('holds the end back while asked (the track playing out its closing words)', () => {
		const { session, ends, advance } = setup();
		session.setEndHeld(true);
		session.dispatch('toggle');
		flushSync();
		advance(200_000);
		expect(session.state).toBe('finished');
		expect(ends).toEqual([]);
		session.setEndHeld(false);
		flushSync();
		expect(ends.map((e) => e.outcome)).toEqual(['finished']);
	});

	it('skip ends a get ready at once, and does nothing in a hold', () => {
		const { session, advance } = setup();
		session.dispatch('toggle');
		advance(1000);
		expect(session.readout.part).toBe('get-ready');
		session.dispatch('skip');
		flushSync();
		expect(session.view.positionMs).toBe(5000);
		expect(session.readout.part).toBe('exercise');
		session.dispatch('skip');
		expect(session.view.positionMs).toBe(5000);
	});

	it('±10 s changes the hold and says so to screen readers', () => {
		const { session, advance } = setup();
		session.dispatch('toggle');
		advance(7000);
		expect(session.canAddTime).toBe(true);
		const before = session.view.remainingInSegmentMs;
		session.dispatch('add-time');
		flushSync();
		expect(session.view.remainingInSegmentMs).toBe(before + 10_000);
		expect(session.announcement).toBe(`10 seconds added, ${Math.ceil((before + 10_000) / 1000)} seconds left`);
	});

	it('a track session has no ±10 s', () => {
		const { session, advance } = setup();
		const { addTime: _dropped, ...fixed } = viewRequests(session.view);
		session.setRequests(fixed as SessionRequests);
		session.dispatch('toggle');
		advance(7000);
		expect(session.canAddTime).toBe(false);
		const before = session.view.remainingInSegmentMs;
		session.dispatch('add-time');
		expect(session.view.remainingInSegmentMs).toBe(before);
	});

	it('announces phase changes only when the voice is not already saying them, and always pause', () => {
		const quiet = setup({ voiceOn: false });
		quiet.session.dispatch('toggle');
		quiet.advance(6000);
		expect(quiet.session.announcement).toBe('Knee to chest, Hold');
		quiet.session.dispatch('toggle');
		flushSync();
		expect(quiet.session.announcement).toBe('Paused');

		const spoken = setup({ voiceOn: true });
		spoken.session.dispatch('toggle');
		spoken.advance(6000);
		expect(spoken.session.announcement).toBe('');
		spoken.session.dispatch('toggle');
		flushSync();
		expect(spoken.session.announcement).toBe('Paused');
	});

	it('escape closes an open sheet first, and otherwise pauses', () => {
		const { session } = setup();
		session.dispatch('toggle');
		session.dispatch('more');
		session.dispatch('escape');
		expect(session.sheet).toBeNull();
		expect(session.state).toBe('count-in');
		session.dispatch('escape');
		expect(session.state).toBe('paused');
	});

	it('controls may hide only while an exercise runs', () => {
		const { session, advance } = setup();
		const hides: number[] = [];
		const timers: VisibilityTimers = { set: (_run, ms) => hides.push(ms), clear: () => undefined };
		const s2 = new PlayerSession(session.engine, { timers });
		s2.setRequests(viewRequests(s2.view));
		s2.dispatch('toggle');
		flushSync();
		expect(hides).toEqual([]);
		advance(6000);
		s2.tick();
		flushSync();
		expect(hides.length).toBeGreaterThan(0);
		s2.destroy();
	});

	it('offers a saved place only before the session starts, and starting from it clears it', () => {
		const { session } = setup();
		let unlocks = 0;
		session.beforePlay(() => unlocks++);
		const offer = { version: 1, routineId: 'r', level: 1, timelineDurationMs: 1, positionMs: 30_000, stepIndex: 1, savedAt: 0, resumeMs: 30_000, stepTitle: 'Two' } as const;
		session.setOffer(offer);
		expect(session.offer).toEqual(offer);
		session.startFrom(offer.resumeMs);
		expect(unlocks).toBe(1);
		expect(session.offer).toBeNull();
		expect(session.view.positionMs).toBe(30_000);
	});
});
