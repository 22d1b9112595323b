/** The screen stays on while a session runs, and the lock comes back after the page was hidden. */
import { describe, expect, it } from 'vitest';
import {
	WakeLockKeeper,
	type VisibilitySource,
	type WakeLockLike,
	type WakeLockSentinelLike,
	type WakeLockStatus
} from '../../../src/lib/media/wake-lock';
import { harness, runToEnd } from '../playback/harness';

class FakeSentinel implements WakeLockSentinelLike {
	released = false;
	releaseCalls = 0;
	readonly #listeners: (() => void)[] = [];

	addEventListener(_type: 'release', listener: () => void): void {
		this.#listeners.push(listener);
	}

	async release(): Promise<void> {
		this.releaseCalls++;
		this.#drop();
	}

	/** What the browser does when the page is hidden. */
	browserRelease(): void {
		this.#drop();
	}

	#drop(): void {
		if (this.released) return;
		this.released = true;
		for (const l of this.#listeners) l();
	}
}

interface Pending {
	resolve(s: FakeSentinel): void;
	reject(e: unknown): void;
}

class FakeWakeLock implements WakeLockLike {
	readonly sentinels: FakeSentinel[] = [];
	readonly pending: Pending[] = [];
	requests = 0;
	/** Answer requests at once (true) or leave them for the test to settle (false). */
	auto = true;
	deny: unknown = null;

	request(type: 'screen'): Promise<FakeSentinel> {
		expect(type).toBe('screen');
		this.requests++;
		return new Promise<FakeSentinel>((resolve, reject) => {
			const settle: Pending = {
				resolve: (s) => {
					this.sentinels.push(s);
					resolve(s);
				},
				reject
			};
			if (!this.auto) this.pending.push(settle);
			else if (this.deny) reject(this.deny);
			else settle.resolve(new FakeSentinel());
		});
	}

	get held(): number {
		return this.sentinels.filter((s) => !s.released).length;
	}
}

class FakeDocument implements VisibilitySource {
	visibilityState: DocumentVisibilityState = 'visible';
	readonly listeners = new Set<() => void>();

	addEventListener(_type: 'visibilitychange', listener: () => void): void {
		this.listeners.add(listener);
	}

	removeEventListener(_type: 'visibilitychange', listener: () => void): void {
		this.listeners.delete(listener);
	}

	set(state: DocumentVisibilityState): void {
		this.visibilityState = state;
		for (const l of [...this.listeners]) l();
	}
}

/** Let request promises and their handlers run. */
const settle = () => new Promise<void>((r) => setTimeout(r, 0));

function rig() {
	const h = harness();
	const wakeLock = new FakeWakeLock();
	const doc = new FakeDocument();
	const statuses: WakeLockStatus[] = [];
	const keeper = new WakeLockKeeper(h.engine, {
		wakeLock,
		visibility: doc,
		onStatusChange: (s) => statuses.push(s)
	});
	return { ...h, wakeLock, doc, keeper, statuses };
}

/** The browser hides the page: it drops the lock. */
function hide(r: ReturnType<typeof rig>): void {
	r.doc.set('hidden');
	for (const s of r.wakeLock.sentinels) s.browserRelease();
}

describe('WakeLockKeeper', () => {
	it('asks for nothing before the session starts, then holds the screen lock once it runs', async () => {
		const r = rig();
		await settle();
		expect(r.wakeLock.requests).toBe(0);
		expect(r.keeper.status).toBe('released');
		r.engine.start();
		await settle();
		expect(r.wakeLock.requests).toBe(1);
		expect(r.wakeLock.held).toBe(1);
		expect(r.keeper.status).toBe('held');
		expect(r.statuses).toEqual(['held']);
	});

	it('releases on pause and takes a new lock on resume', async () => {
		const r = rig();
		r.engine.start();
		await settle();
		r.engine.pause();
		expect(r.wakeLock.sentinels[0]?.releaseCalls).toBe(1);
		expect(r.wakeLock.held).toBe(0);
		expect(r.keeper.status).toBe('released');
		r.engine.resume();
		await settle();
		expect(r.wakeLock.requests).toBe(2);
		expect(r.wakeLock.held).toBe(1);
		expect(r.keeper.status).toBe('held');
	});

	it('re-acquires when the page becomes visible again while the session runs', async () => {
		const r = rig();
		r.engine.start();
		await settle();
		hide(r);
		expect(r.keeper.status).toBe('released');
		await settle();
		expect(r.wakeLock.requests).toBe(1);
		r.doc.set('visible');
		await settle();
		expect(r.wakeLock.requests).toBe(2);
		expect(r.wakeLock.held).toBe(1);
		expect(r.keeper.status).toBe('held');
	});

	it('does not re-acquire on becoming visible while paused, nor hold a lock it still has twice', async () => {
		const r = rig();
		r.engine.start();
		await settle();
		r.doc.set('visible');
		await settle();
		expect(r.wakeLock.requests).toBe(1);
		hide(r);
		r.engine.pause();
		r.doc.set('visible');
		await settle();
		expect(r.wakeLock.requests).toBe(1);
		expect(r.keeper.status).toBe('released');
	});

	it('waits for the page to be visible before asking (a hidden page is refused)', async () => {
		const r = rig();
		r.doc.set('hidden');
		r.engine.start();
		await settle();
		expect(r.wakeLock.requests).toBe(0);
		r.doc.set('visible');
		await settle();
		expect(r.wakeLock.requests).toBe(1);
		expect(r.keeper.status).toBe('held');
	});

	it('sends no second request while one is pending', async () => {
		const r = rig();
		r.wakeLock.auto = false;
		r.engine.start();
		r.doc.set('visible');
		r.engine.next();
		r.doc.set('visible');
		expect(r.wakeLock.requests).toBe(1);
		r.wakeLock.pending[0]?.resolve(new FakeSentinel());
		await settle();
		expect(r.keeper.status).toBe('held');
		r.doc.set('visible');
		expect(r.wakeLock.requests).toBe(1);
	});

	it('hands back a lock granted after the session was paused', async () => {
		const r = rig();
		r.wakeLock.auto = false;
		r.engine.start();
		r.engine.pause();
		const late = new FakeSentinel();
		r.wakeLock.pending[0]?.resolve(late);
		await settle();
		expect(late.released).toBe(true);
		expect(r.keeper.status).toBe('released');
	});

	it('keeps a lock granted after a pause and a resume, without asking again', async () => {
		const r = rig();
		r.wakeLock.auto = false;
		r.engine.start();
		r.engine.pause();
		r.engine.resume();
		expect(r.wakeLock.requests).toBe(1);
		const granted = new FakeSentinel();
		r.wakeLock.pending[0]?.resolve(granted);
		await settle();
		expect(granted.released).toBe(false);
		expect(r.keeper.status).toBe('held');
	});

	it('reports a refusal as denied without disturbing the session, and tries again when visible', async () => {
		const r = rig();
		r.wakeLock.deny = new DOMException('battery saver', 'NotAllowedError');
		r.engine.start();
		await settle();
		expect(r.keeper.status).toBe('denied');
		expect(r.engine.state).toBe('count-in');
		r.wakeLock.deny = null;
		r.doc.set('hidden');
		r.doc.set('visible');
		await settle();
		expect(r.wakeLock.requests).toBe(2);
		expect(r.keeper.status).toBe('held');
	});

	it('reports other failures as unsupported, and a missing API as unsupported from the start', async () => {
		const r = rig();
		r.wakeLock.deny = new TypeError('unknown wake lock type');
		r.engine.start();
		await settle();
		expect(r.keeper.status).toBe('unsupported');

		const h = harness();
		const keeper = new WakeLockKeeper(h.engine, { wakeLock: undefined });
		h.engine.start();
		h.engine.pause();
		expect(keeper.status).toBe('unsupported');
		keeper.destroy();
	});

	it('swallows a request that throws synchronously', async () => {
		const h = harness();
		const keeper = new WakeLockKeeper(h.engine, {
			wakeLock: {
				request: () => {
					throw new DOMException('no', 'NotAllowedError');
				}
			}
		});
		expect(() => h.engine.start()).not.toThrow();
		await settle();
		expect(keeper.status).toBe('denied');
	});

	it('keeps the lock through a stall, and releases it on stop and at the end', async () => {
		const r = rig();
		r.engine.start(30_000);
		await settle();
		r.engine.setBuffering(true);
		expect(r.keeper.status).toBe('held');
		r.engine.setBuffering(false);
		r.engine.stop();
		expect(r.wakeLock.held).toBe(0);
		expect(r.keeper.status).toBe('released');

		const f = rig();
		f.engine.start(100_000);
		await settle();
		expect(f.wakeLock.held).toBe(1);
		runToEnd(f);
		expect(f.engine.state).toBe('finished');
		expect(f.wakeLock.held).toBe(0);
	});

	it('holds a lock at once when attached to a session already running', async () => {
		const h = harness();
		h.engine.start();
		const wakeLock = new FakeWakeLock();
		const keeper = new WakeLockKeeper(h.engine, { wakeLock });
		await settle();
		expect(keeper.status).toBe('held');
	});

	it('releases and stops listening on destroy', async () => {
		const r = rig();
		r.engine.start();
		await settle();
		r.keeper.destroy();
		expect(r.wakeLock.held).toBe(0);
		expect(r.doc.listeners.size).toBe(0);
		r.engine.pause();
		r.engine.resume();
		await settle();
		expect(r.wakeLock.requests).toBe(1);
	});

	it('hands back a lock granted after destroy', async () => {
		const r = rig();
		r.wakeLock.auto = false;
		r.engine.start();
		r.keeper.destroy();
		const late = new FakeSentinel();
		r.wakeLock.pending[0]?.resolve(late);
		await settle();
		expect(late.released).toBe(true);
	});
});
