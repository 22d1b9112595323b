import { describe, expect, it } from 'vitest';
import { MediaSessionBridge, type MediaSessionPort, type SessionMetadata } from '../../../src/lib/media/media-session';
import { TrackClock } from '../../../src/lib/media/track-clock';
import { PLAY_OUT_GRACE_MS, TRACK_BLOCKED_FAULT, TrackSession, type TrackElement, type TrackEventType } from '../../../src/lib/media/track-session';
import { SessionEngine } from '../../../src/lib/playback/engine';
import { sampleTimeline } from '../playback/timeline-builder';

/** An <audio> element stand-in: time moves only when the test plays it forward. */
class FakeTrack implements TrackElement {
	currentTime = 0;
	duration = Number.NaN;
	paused = true;
	ended = false;
	blockNextPlay = false;
	readonly #listeners = new Map<TrackEventType, Set<() => void>>();

	play(): Promise<void> {
		if (this.blockNextPlay) {
			this.blockNextPlay = false;
			const err = new Error('blocked');
			err.name = 'NotAllowedError';
			return Promise.reject(err);
		}
		this.paused = false;
		this.emit('play');
		this.emit('playing');
		return Promise.resolve();
	}
	pause(): void {
		if (this.paused) return;
		this.paused = true;
		this.emit('pause');
	}
	/** The audio plays on by `ms`, up to its end, where it pauses and ends as an element does. */
	advance(ms: number): void {
		if (this.paused) return;
		this.currentTime += ms / 1000;
		if (!(this.currentTime >= this.duration)) return;
		this.currentTime = this.duration;
		this.paused = true;
		this.ended = true;
		this.emit('pause');
		this.emit('ended');
	}
	/** Something outside the app moves the track (the system seek bar). */
	seekFromOutside(ms: number): void {
		this.currentTime = ms / 1000;
		this.emit('seeking');
	}
	emit(type: TrackEventType): void {
		for (const l of [...(this.#listeners.get(type) ?? [])]) l();
	}
	addEventListener(type: TrackEventType, l: () => void): void {
		const set = this.#listeners.get(type) ?? new Set();
		set.add(l);
		this.#listeners.set(type, set);
	}
	removeEventListener(type: TrackEventType, l: () => void): void {
		this.#listeners.get(type)?.delete(l);
	}
	listenerCount(): number {
		return [...this.#listeners.values()].reduce((n, s) => n + s.size, 0);
	}
}

function setup() {
	const timeline = sampleTimeline();
	const clock = new TrackClock();
	const el = new FakeTrack();
	clock.attach(el);
	const engine = new SessionEngine(timeline, clock);
	const faults: (string | null)[] = [];
	const wall = { ms: 0 };
	const session = new TrackSession(engine, el, { onFault: (m) => faults.push(m), now: () => wall.ms });
	return { timeline, el, engine, session, faults, wall };
}

/** The closing words and bell after the timeline's end, then the track's silent tail (as the generator makes it). */
const AFTER_END_MS = 4300;

/** Starts a session whose track runs AFTER_END_MS past the timeline, and plays it to the timeline's end. */
function atTimelineEnd() {
	const t = setup();
	t.el.duration = (t.timeline.durationMs + AFTER_END_MS) / 1000;
	t.session.start();
	const play = (ms: number) => {
		t.el.advance(ms);
		t.wall.ms += ms;
		t.session.sync();
		t.engine.tick();
	};
	play(t.timeline.durationMs);
	// As in the player: the tick after the one that finished the engine syncs first.
	t.session.sync();
	return { ...t, play };
}

describe('TrackSession', () => {
	it('derives the session position and step from the track position alone', () => {
		const { el, engine, session, timeline } = setup();
		session.start();
		expect(engine.state).toBe('count-in');
		el.advance(12_345);
		engine.tick();
		expect(engine.position).toBe(12_345);
		const step1 = timeline.steps[1];
		if (!step1) throw new Error('sample has steps');
		el.advance(step1.startMs + 100 - 12_345);
		engine.tick();
		expect(engine.step.index).toBe(1);
	});

	it('starts from a resume point', () => {
		const { el, engine, session } = setup();
		session.start(40_000);
		expect(el.currentTime).toBe(40);
		expect(engine.position).toBe(40_000);
		expect(engine.state).toBe('playing');
	});

	it('pauses when the system pauses the audio (a call) and carries on from the same place', () => {
		const { el, engine, session } = setup();
		session.start();
		el.advance(20_000);
		el.pause();
		expect(engine.state).toBe('paused');
		expect(engine.position).toBe(20_000);
		session.play();
		expect(el.paused).toBe(false);
		expect(engine.state).toBe('playing');
		el.advance(1000);
		expect(engine.position).toBe(21_000);
	});

	it('follows a seek it did not make, while playing or paused', () => {
		const { el, engine, session } = setup();
		session.start();
		el.advance(1000);
		el.seekFromOutside(60_000);
		expect(engine.position).toBe(60_000);
		session.pause();
		el.seekFromOutside(30_000);
		expect(engine.position).toBe(30_000);
		session.play();
		el.advance(500);
		expect(engine.position).toBe(30_500);
	});

	it('notices a jump back even when its tick reads the track before the "seeking" event', () => {
		const { el, engine, session, timeline } = setup();
		const step2 = timeline.steps[2];
		if (!step2) throw new Error('sample has steps');
		session.start(step2.startMs + 1000);
		session.sync();
		engine.tick();
		expect(engine.step.index).toBe(2);
		el.currentTime = 1;
		session.sync();
		engine.tick();
		expect(engine.step.index).toBe(0);
		expect(engine.position).toBe(1000);
	});

	it('moves track and session together on next, previous and seek', () => {
		const { el, engine, session, timeline } = setup();
		session.start();
		el.advance(2000);
		session.next();
		expect(el.currentTime * 1000).toBe(timeline.steps[1]?.startMs);
		expect(engine.position).toBe(timeline.steps[1]?.startMs);
		session.previous();
		expect(engine.position).toBe(0);
		session.seek(50_000);
		expect(el.currentTime).toBe(50);
		expect(engine.position).toBe(50_000);
		session.seek(Number.POSITIVE_INFINITY);
		expect(engine.position).toBe(50_000);
	});

	it('holds the session while the track stalls', () => {
		const { el, engine, session } = setup();
		session.start();
		el.advance(3000);
		el.emit('waiting');
		expect(engine.state).toBe('buffering');
		el.emit('playing');
		expect(engine.state).not.toBe('buffering');
		el.advance(1000);
		expect(engine.position).toBe(4000);
	});

	it('says so when the browser blocks the sound, and the session does not start', async () => {
		const { el, engine, session, faults } = setup();
		el.blockNextPlay = true;
		session.start();
		await Promise.resolve();
		await Promise.resolve();
		expect(faults.at(-1)).toBe(TRACK_BLOCKED_FAULT);
		expect(engine.state).toBe('ready');
	});

	it('is not over for the listener at the timeline\'s end: the track plays the last cue out first', () => {
		const { el, engine, session, timeline, play } = atTimelineEnd();
		const last = timeline.cues.at(-1);
		expect(last?.kind).toBe('session-end');
		expect(last?.atMs).toBe(timeline.durationMs);
		expect(engine.state).toBe('finished');
		expect(session.playedOut).toBe(false);
		play(AFTER_END_MS - 100);
		expect(el.paused).toBe(false);
		expect(session.playedOut).toBe(false);
		play(100);
		expect(el.ended).toBe(true);
		session.sync();
		expect(session.playedOut).toBe(true);
	});

	it('knows the track has played out from its "ended" event, before the next tick', () => {
		const { el, session, play } = atTimelineEnd();
		el.advance(AFTER_END_MS);
		expect(session.playedOut).toBe(true);
		play(0);
		expect(session.playedOut).toBe(true);
	});

	it('counts a pause after the end (the lock screen, a call) as played out: nothing more will play', () => {
		const { el, session } = atTimelineEnd();
		el.pause();
		session.sync();
		expect(session.playedOut).toBe(true);
	});

	it('gives up waiting for a track stalled after the end once its rest and the grace have passed', () => {
		const { session, wall } = atTimelineEnd();
		wall.ms += AFTER_END_MS + PLAY_OUT_GRACE_MS - 1;
		session.sync();
		expect(session.playedOut).toBe(false);
		wall.ms += 1;
		session.sync();
		expect(session.playedOut).toBe(true);
	});

	it('is never played out while the session is under way or was stopped', () => {
		const { el, engine, session, wall } = setup();
		el.duration = 200;
		session.start();
		el.advance(10_000);
		wall.ms += 60_000;
		session.sync();
		expect(session.playedOut).toBe(false);
		session.stop();
		expect(engine.state).toBe('stopped');
		session.sync();
		expect(session.playedOut).toBe(false);
	});

	it('stops both, and lets go of the element when destroyed', () => {
		const { el, engine, session } = setup();
		session.start();
		session.stop();
		expect(engine.state).toBe('stopped');
		expect(el.paused).toBe(true);
		session.destroy();
		expect(el.listenerCount()).toBe(0);
	});

	it('takes the lock screen’s requests through the track', () => {
		const { el, engine, session } = setup();
		const handlers = new Map<string, (d: MediaSessionActionDetails) => void>();
		const port: MediaSessionPort = {
			metadata: null,
			playbackState: 'none',
			setActionHandler: (action, h) => {
				if (h) handlers.set(action, h);
				else handlers.delete(action);
			}
		};
		const bridge = new MediaSessionBridge(engine, { session: port, controls: session, createMetadata: (m: SessionMetadata) => m });
		const press = (action: MediaSessionAction, details: Partial<MediaSessionActionDetails> = {}) =>
			handlers.get(action)?.({ action, ...details });
		press('play');
		expect(el.paused).toBe(false);
		press('seekto', { seekTime: 42 });
		expect(el.currentTime).toBe(42);
		expect(engine.position).toBe(42_000);
		press('seekforward');
		expect(el.currentTime).toBe(52);
		press('pause');
		expect(el.paused).toBe(true);
		expect(port.playbackState).toBe('paused');
		bridge.destroy();
	});
});
