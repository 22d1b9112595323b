/** Lock-screen and media-key controls drive the engine, and what they show follows it. */
import { describe, expect, it, vi } from 'vitest';
import {
	MediaSessionBridge,
	type MediaSessionBridgeOptions,
	type MediaSessionPort,
	type SessionMetadata
} from '../../../src/lib/media/media-session';
import { harness, play, runToEnd } from '../playback/harness';

type Handler = (details: MediaSessionActionDetails) => void;

class FakeMediaSession implements MediaSessionPort {
	metadata: SessionMetadata | null = null;
	playbackState: MediaSessionPlaybackState = 'none';
	readonly handlers = new Map<MediaSessionAction, Handler | null>();
	/** Every setPositionState call; undefined means "cleared". */
	readonly positions: (MediaPositionState | undefined)[] = [];

	constructor(private readonly unsupported: readonly MediaSessionAction[] = []) {}

	setActionHandler(action: MediaSessionAction, handler: Handler | null): void {
		if (this.unsupported.includes(action)) throw new TypeError(`${action} is not supported`);
		this.handlers.set(action, handler);
	}

	setPositionState(state?: MediaPositionState): void {
		if (state && (state.position ?? 0) > (state.duration ?? 0)) throw new TypeError('position past duration');
		this.positions.push(state);
	}

	press(action: MediaSessionAction, details: Partial<MediaSessionActionDetails> = {}): void {
		const handler = this.handlers.get(action);
		if (!handler) throw new Error(`no handler for ${action}`);
		handler({ action, ...details });
	}

	get lastPosition(): MediaPositionState | undefined {
		return this.positions.at(-1);
	}
}

function rig(options: Partial<MediaSessionBridgeOptions> = {}, session = new FakeMediaSession()) {
	const h = harness();
	const bridge = new MediaSessionBridge(h.engine, {
		session,
		artwork: ['/icons/limber-512.png'],
		createMetadata: (m) => m,
		...options
	});
	return { ...h, session, bridge };
}

describe('metadata', () => {
	it('names the step, the app and the routine with its level, with the artwork', () => {
		const { session } = rig();
		expect(session.metadata).toEqual({
			title: 'Knee to chest',
			artist: 'Limber',
			album: 'Test routine · Level 1: Gentle',
			artwork: [{ src: '/icons/limber-512.png' }]
		});
		expect(session.playbackState).toBe('none');
	});

	it('follows the step as the session plays into it and when skipping', () => {
		const { engine, session, clock } = rig();
		engine.start();
		play({ engine, clock, events: [] }, 50_500);
		expect(session.metadata?.title).toBe('Rest');
		session.press('nexttrack');
		expect(session.metadata?.title).toBe('Pelvic tilt');
	});
});

describe('actions drive the engine', () => {
	it('play starts a ready session after the beforePlay hook, then pause and play pause and resume', () => {
		const seen: string[] = [];
		const { engine, session, clock } = rig({ beforePlay: () => seen.push(engine.state) });
		session.press('play');
		expect(seen).toEqual(['ready']);
		expect(engine.state).toBe('count-in');
		expect(session.playbackState).toBe('playing');

		clock.advance(8000);
		engine.tick();
		session.press('pause');
		expect(engine.state).toBe('paused');
		expect(session.playbackState).toBe('paused');
		expect(session.lastPosition).toEqual({ duration: 107, playbackRate: 1, position: 8 });

		clock.advance(60_000);
		session.press('play');
		expect(engine.state).toBe('playing');
		expect(engine.position).toBe(8000);
		expect(session.playbackState).toBe('playing');
	});

	it('next and previous track skip steps; previous restarts a step after 3 s', () => {
		const { engine, session, clock } = rig();
		engine.start(10_000);
		session.press('nexttrack');
		expect(engine.position).toBe(50_000);
		expect(session.lastPosition?.position).toBe(50);
		clock.advance(4000);
		session.press('previoustrack');
		expect(engine.position).toBe(50_000);
		session.press('previoustrack');
		expect(engine.position).toBe(0);
		expect(session.lastPosition?.position).toBe(0);
	});

	it('seekto moves to the given second and the position state says so', () => {
		const { engine, session } = rig();
		engine.start();
		session.press('seekto', { seekTime: 72.5 });
		expect(engine.position).toBe(72_500);
		expect(engine.snapshot().stepIndex).toBe(2);
		expect(session.lastPosition).toEqual({ duration: 107, playbackRate: 1, position: 72.5 });
	});

	it('seek backward and forward move 10 s by default, or the offset the system gives', () => {
		const { engine, session } = rig();
		engine.start(60_000);
		session.press('seekbackward');
		expect(engine.position).toBe(50_000);
		expect(session.lastPosition?.position).toBe(50);
		session.press('seekforward');
		expect(engine.position).toBe(60_000);
		session.press('seekforward', { seekOffset: 5 });
		expect(engine.position).toBe(65_000);
		expect(session.lastPosition?.position).toBe(65);
	});

	it('honours a custom default seek offset', () => {
		const { engine, session } = rig({ defaultSeekOffsetS: 30 });
		engine.start(60_000);
		session.press('seekbackward');
		expect(engine.position).toBe(30_000);
	});

	it('clamps the reported position to the session, never past the duration or below 0', () => {
		const { engine, session } = rig();
		engine.start(3000);
		engine.pause();
		session.press('seekbackward');
		expect(session.lastPosition?.position).toBe(0);
		session.press('seekto', { seekTime: 105 });
		session.press('seekforward');
		expect(engine.position).toBe(107_000);
		expect(session.lastPosition).toEqual({ duration: 107, playbackRate: 1, position: 107 });
		session.press('seekto', { seekTime: 9999 });
		for (const p of session.positions) {
			if (p) expect(p.position).toBeLessThanOrEqual(p.duration ?? 0);
		}
	});

	it('stop ends the session and clears the position state', () => {
		const { engine, session } = rig();
		engine.start(20_000);
		session.press('stop');
		expect(engine.state).toBe('stopped');
		expect(session.playbackState).toBe('none');
		expect(session.positions.at(-1)).toBeUndefined();
	});

	it('ignores seeking before the session starts', () => {
		const { engine, session } = rig();
		session.press('seekto', { seekTime: 30 });
		session.press('seekforward');
		expect(engine.state).toBe('ready');
		expect(engine.position).toBe(0);
	});
});

describe('position state', () => {
	it('follows a seek made elsewhere (keyboard, class instructor) within the same step', () => {
		const { engine, session, clock } = rig();
		engine.start(6000);
		clock.advance(1000);
		engine.seek(20_000);
		expect(engine.snapshot().stepIndex).toBe(0);
		expect(session.lastPosition).toEqual({ duration: 107, playbackRate: 1, position: 20 });
	});

	it('reports the lengthened duration after +10 s', () => {
		const { engine, session } = rig();
		engine.start(10_000);
		engine.adjustHold(10_000);
		expect(session.lastPosition).toEqual({ duration: 117, playbackRate: 1, position: 10 });
	});

	it('is not updated on every tick inside a step, only on changes', () => {
		const { engine, session, clock } = rig();
		engine.start(6000);
		const before = session.positions.length;
		play({ engine, clock, events: [] }, 18_000, 16);
		expect(session.positions.length).toBe(before);
		engine.pause();
		expect(session.positions.length).toBe(before + 1);
		expect(session.lastPosition?.position).toBe(24);
	});

	it('shows a stall as playing (pause still offered) and clears at the end', () => {
		const { engine, session, clock } = rig();
		engine.start(30_000);
		engine.setBuffering(true);
		expect(session.playbackState).toBe('playing');
		session.press('pause');
		expect(engine.state).toBe('paused');
		engine.setBuffering(false);
		engine.resume();
		runToEnd({ engine, clock, events: [] });
		expect(engine.state).toBe('finished');
		expect(session.playbackState).toBe('none');
		expect(session.positions.at(-1)).toBeUndefined();
	});
});

describe('browser differences', () => {
	it('does nothing without a media session', () => {
		const h = harness();
		const bridge = new MediaSessionBridge(h.engine, { session: undefined });
		expect(h.engine.start()).toBe(true);
		expect(h.engine.pause()).toBe(true);
		bridge.destroy();
	});

	it('keeps the supported actions when some throw, and works without setPositionState', () => {
		const session = new FakeMediaSession(['seekto', 'stop']);
		const bare: MediaSessionPort = {
			get metadata() {
				return session.metadata;
			},
			set metadata(m) {
				session.metadata = m;
			},
			get playbackState() {
				return session.playbackState;
			},
			set playbackState(s) {
				session.playbackState = s;
			},
			setActionHandler: (a, h) => session.setActionHandler(a, h)
		};
		const h = harness();
		const bridge = new MediaSessionBridge(h.engine, { session: bare, createMetadata: (m) => m });
		expect(session.handlers.has('seekto')).toBe(false);
		session.press('play');
		expect(h.engine.state).toBe('count-in');
		session.press('pause');
		expect(session.playbackState).toBe('paused');
		expect(() => bridge.destroy()).not.toThrow();
	});

	it('writes no metadata where MediaMetadata is missing rather than a plain object browsers reject', () => {
		const session = new FakeMediaSession();
		const h = harness();
		new MediaSessionBridge(h.engine, { session });
		expect(session.metadata).toBeNull();
		expect(session.handlers.get('play')).toBeTypeOf('function');
	});
});

describe('destroy', () => {
	it('removes every handler and stops following the engine', () => {
		const { engine, session, bridge } = rig();
		engine.start();
		bridge.destroy();
		for (const action of ['play', 'pause', 'previoustrack', 'nexttrack', 'seekto', 'seekbackward', 'seekforward', 'stop'] as const) {
			expect(session.handlers.get(action)).toBeNull();
		}
		expect(session.metadata).toBeNull();
		expect(session.playbackState).toBe('none');
		const calls = session.positions.length;
		const spy = vi.spyOn(session, 'setPositionState');
		engine.pause();
		engine.next();
		expect(spy).not.toHaveBeenCalled();
		expect(session.positions.length).toBe(calls);
		expect(session.playbackState).toBe('none');
		expect(session.metadata).toBeNull();
	});
});
