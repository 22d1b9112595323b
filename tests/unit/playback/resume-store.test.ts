/** A reload can carry on at the step where the session was, and only when that is still right. */
import { describe, expect, it } from 'vitest';
import {
	parseResumePoint,
	RESUME_MAX_AGE_MS,
	ResumeRecorder,
	resumeKey,
	ResumeStore,
	type PageHideSource,
	type ResumePoint,
	type ResumeStorage
} from '../../../src/lib/playback/resume-store';
import { harness, play, runToEnd, type Harness } from './harness';
import { buildTimeline, sampleTimeline } from './timeline-builder';

class FakeStorage implements ResumeStorage {
	readonly map = new Map<string, string>();
	writes = 0;
	broken = false;

	getItem(key: string): string | null {
		if (this.broken) throw new DOMException('denied', 'SecurityError');
		return this.map.get(key) ?? null;
	}
	setItem(key: string, value: string): void {
		if (this.broken) throw new DOMException('full', 'QuotaExceededError');
		this.writes++;
		this.map.set(key, value);
	}
	removeItem(key: string): void {
		if (this.broken) throw new DOMException('denied', 'SecurityError');
		this.map.delete(key);
	}
}

class FakeWindow implements PageHideSource {
	readonly listeners = new Set<() => void>();
	addEventListener(_type: 'pagehide', listener: () => void): void {
		this.listeners.add(listener);
	}
	removeEventListener(_type: 'pagehide', listener: () => void): void {
		this.listeners.delete(listener);
	}
	hide(): void {
		for (const l of [...this.listeners]) l();
	}
}

const WALL_ORIGIN = 1_750_000_000_000;
const KEY = resumeKey('test-routine', 1);

/** Engine and wall clock move together, as they do in a browser. */
function rig() {
	const h = harness();
	const storage = new FakeStorage();
	const store = new ResumeStore(storage);
	const page = new FakeWindow();
	const wall = { ms: WALL_ORIGIN };
	const recorder = new ResumeRecorder(h.engine, { store, now: () => wall.ms, page });
	const advance = (ms: number, stepMs = 100) => {
		for (let left = ms; left > 0; left -= stepMs) {
			const d = Math.min(stepMs, left);
			h.clock.advance(d);
			wall.ms += d;
			h.engine.tick();
			recorder.tick();
		}
	};
	const saved = (): ResumePoint | null => {
		const raw = storage.map.get(KEY);
		return raw === undefined ? null : parseResumePoint(raw);
	};
	return { ...h, storage, store, page, wall, recorder, advance, saved };
}

function point(over: Partial<Record<keyof ResumePoint, unknown>> = {}): string {
	return JSON.stringify({
		version: 1,
		routineId: 'test-routine',
		level: 1,
		timelineDurationMs: 107_000,
		positionMs: 72_000,
		stepIndex: 2,
		savedAt: WALL_ORIGIN,
		...over
	});
}

describe('ResumeRecorder: when it saves', () => {
	it('saves nothing before the start, then at once when the session starts', () => {
		const r = rig();
		r.recorder.tick();
		r.recorder.saveNow();
		expect(r.storage.writes).toBe(0);
		r.engine.start();
		expect(r.saved()).toEqual({
			version: 1,
			routineId: 'test-routine',
			level: 1,
			timelineDurationMs: 107_000,
			positionMs: 0,
			stepIndex: 0,
			savedAt: WALL_ORIGIN
		});
	});

	it('saves at most once every 2 s while playing', () => {
		const r = rig();
		r.engine.start(6000);
		expect(r.storage.writes).toBe(1);
		r.advance(9900, 16);
		// 0 (start), then 2, 4, 6 and 8 s: not once per tick.
		expect(r.storage.writes).toBe(5);
		expect(r.saved()?.positionMs).toBe(6000 + 8000);
		expect(r.saved()?.savedAt).toBe(WALL_ORIGIN + 8000);
	});

	it('saves at once on pause and on a step change, however recent the last save', () => {
		const r = rig();
		r.engine.start(10_000);
		r.advance(500);
		r.engine.pause();
		expect(r.storage.writes).toBe(2);
		expect(r.saved()).toMatchObject({ positionMs: 10_500, stepIndex: 0 });
		r.engine.next();
		expect(r.storage.writes).toBe(3);
		expect(r.saved()).toMatchObject({ positionMs: 50_000, stepIndex: 1 });
	});

	it('saves when the session plays into the next step', () => {
		const r = rig();
		r.engine.start(49_000);
		r.advance(1000, 1000);
		expect(r.saved()).toMatchObject({ stepIndex: 1, positionMs: 50_000 });
	});

	it('does not save while paused, even when ticked', () => {
		const r = rig();
		r.engine.start(10_000);
		r.engine.pause();
		const writes = r.storage.writes;
		r.advance(10_000);
		expect(r.storage.writes).toBe(writes);
	});

	it('saves on pagehide and stops listening on destroy', () => {
		const r = rig();
		r.engine.start(20_000);
		r.advance(700);
		const writes = r.storage.writes;
		r.page.hide();
		expect(r.storage.writes).toBe(writes + 1);
		expect(r.saved()?.positionMs).toBe(20_700);
		r.recorder.destroy();
		expect(r.page.listeners.size).toBe(0);
	});

	it('saves a running session on destroy, and nothing after', () => {
		const r = rig();
		r.engine.start(20_000);
		r.advance(300);
		r.recorder.destroy();
		expect(r.saved()?.positionMs).toBe(20_300);
		const writes = r.storage.writes;
		r.engine.next();
		r.engine.pause();
		expect(r.storage.writes).toBe(writes);
	});

	it('clears the saved place when the session is stopped', () => {
		const r = rig();
		r.engine.start(20_000);
		expect(r.storage.map.has(KEY)).toBe(true);
		r.engine.stop();
		expect(r.storage.map.has(KEY)).toBe(false);
		r.recorder.saveNow();
		expect(r.storage.map.has(KEY)).toBe(false);
	});

	it('clears the saved place when the session finishes', () => {
		const r = rig();
		r.engine.start(100_000);
		expect(r.storage.map.has(KEY)).toBe(true);
		runToEnd(r);
		expect(r.engine.state).toBe('finished');
		expect(r.storage.map.has(KEY)).toBe(false);
	});

	it('survives storage that throws', () => {
		const r = rig();
		r.storage.broken = true;
		expect(() => {
			r.engine.start();
			r.advance(5000);
			r.engine.pause();
			r.engine.stop();
		}).not.toThrow();
		expect(r.store.load('test-routine', 1, sampleTimeline(), WALL_ORIGIN)).toBeNull();
	});
});

describe('ResumeStore.load: what it offers', () => {
	it('offers the start of the saved step, where a new engine then starts', () => {
		const r = rig();
		r.engine.start(60_000);
		r.advance(12_000);
		r.engine.pause();
		expect(r.saved()).toMatchObject({ positionMs: 72_000, stepIndex: 2 });

		const timeline = sampleTimeline();
		const offer = new ResumeStore(r.storage).load('test-routine', 1, timeline, r.wall.ms + 60_000);
		expect(offer).toMatchObject({ stepIndex: 2, positionMs: 72_000, resumeMs: 65_000, stepTitle: 'Pelvic tilt' });

		const next: Harness = harness(timeline);
		next.engine.start(offer?.resumeMs);
		expect(next.engine.position).toBe(65_000);
		expect(next.engine.step.title).toBe('Pelvic tilt');
		expect(next.engine.state).toBe('playing');
	});

	it('offers a place saved after time was added to a hold, in the authored timeline', () => {
		const r = rig();
		r.engine.start(100_000);
		r.engine.adjustHold(10_000);
		expect(r.engine.timeline.durationMs).toBe(117_000);
		r.advance(10_000);
		r.engine.pause();
		// 15 s into a step that is 12 s as authored: mapped into it, so it is not "finished".
		expect(r.saved()).toMatchObject({ stepIndex: 3, timelineDurationMs: 107_000, positionMs: 106_999 });
		const offer = r.store.load('test-routine', 1, sampleTimeline(), r.wall.ms);
		expect(offer?.resumeMs).toBe(95_000);
	});

	it('accepts an entry just younger than the limit and rejects one just older, removing it', () => {
		const storage = new FakeStorage();
		const store = new ResumeStore(storage);
		storage.map.set(KEY, point());
		expect(store.load('test-routine', 1, sampleTimeline(), WALL_ORIGIN + RESUME_MAX_AGE_MS)).not.toBeNull();
		expect(store.load('test-routine', 1, sampleTimeline(), WALL_ORIGIN + RESUME_MAX_AGE_MS + 1)).toBeNull();
		expect(storage.map.has(KEY)).toBe(false);
	});

	it('honours a custom maximum age', () => {
		const storage = new FakeStorage();
		storage.map.set(KEY, point());
		const store = new ResumeStore(storage, { maxAgeMs: 60_000 });
		expect(store.load('test-routine', 1, sampleTimeline(), WALL_ORIGIN + 60_001)).toBeNull();
	});

	it('rejects an entry from far in the future but tolerates a small clock step back', () => {
		const storage = new FakeStorage();
		const store = new ResumeStore(storage);
		storage.map.set(KEY, point({ savedAt: WALL_ORIGIN + 5000 }));
		expect(store.load('test-routine', 1, sampleTimeline(), WALL_ORIGIN)).not.toBeNull();
		storage.map.set(KEY, point({ savedAt: WALL_ORIGIN + 24 * 3600_000 }));
		expect(store.load('test-routine', 1, sampleTimeline(), WALL_ORIGIN)).toBeNull();
	});

	const rejected: [string, string][] = [
		['not JSON', '{"version":1,'],
		['JSON but not an object', '42'],
		['null', 'null'],
		['another version', point({ version: 2 })],
		['no version', point({ version: undefined })],
		['another routine', point({ routineId: 'other-routine' })],
		['another level', point({ level: 2 })],
		['content changed (duration differs)', point({ timelineDurationMs: 100_000 })],
		['finished', point({ positionMs: 107_000, stepIndex: 3 })],
		['step out of range', point({ stepIndex: 9 })],
		['step does not contain the position', point({ stepIndex: 0 })],
		['negative position', point({ positionMs: -5 })],
		['fractional step', point({ stepIndex: 1.5 })],
		['position as a string', point({ positionMs: '72000' })],
		['no savedAt', point({ savedAt: undefined })]
	];
	for (const [name, raw] of rejected) {
		it(`rejects and removes an entry: ${name}`, () => {
			const storage = new FakeStorage();
			storage.map.set(KEY, raw);
			expect(new ResumeStore(storage).load('test-routine', 1, sampleTimeline(), WALL_ORIGIN + 1000)).toBeNull();
			expect(storage.map.has(KEY)).toBe(false);
		});
	}

	it('accepts the same entry when it is valid (the control for the cases above)', () => {
		const storage = new FakeStorage();
		storage.map.set(KEY, point());
		const offer = new ResumeStore(storage).load('test-routine', 1, sampleTimeline(), WALL_ORIGIN + 1000);
		expect(offer).toMatchObject({ resumeMs: 65_000, stepIndex: 2, stepTitle: 'Pelvic tilt' });
		expect(storage.map.has(KEY)).toBe(true);
	});

	it('rejects a timeline whose length changed with the content', () => {
		const storage = new FakeStorage();
		storage.map.set(KEY, point());
		const longer = buildTimeline([{ title: 'One', segments: [{ kind: 'work', ms: 200_000 }] }]);
		expect(new ResumeStore(storage).load('test-routine', 1, longer, WALL_ORIGIN)).toBeNull();
	});

	it('keeps routines and levels apart', () => {
		const storage = new FakeStorage();
		storage.map.set(resumeKey('test-routine', 2), point({ level: 2 }));
		const store = new ResumeStore(storage);
		expect(store.load('test-routine', 1, sampleTimeline(), WALL_ORIGIN)).toBeNull();
		expect(storage.map.has(resumeKey('test-routine', 2))).toBe(true);
		expect(resumeKey('a', 1)).not.toBe(resumeKey('a', 2));
		expect(resumeKey('a', 1)).not.toBe(resumeKey('b', 1));
	});

	it('does nothing without storage', () => {
		const store = new ResumeStore(null);
		const h = harness();
		const recorder = new ResumeRecorder(h.engine, { store, now: () => WALL_ORIGIN });
		h.engine.start();
		play(h, 3000);
		recorder.tick();
		h.engine.pause();
		expect(store.load('test-routine', 1, sampleTimeline(), WALL_ORIGIN)).toBeNull();
		recorder.destroy();
	});
});
