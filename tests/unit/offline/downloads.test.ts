import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openOfflineDb } from '../../../src/lib/offline/download-db';
import { Downloads, type DownloadsDeps } from '../../../src/lib/offline/downloads.svelte';
import type { RoutineMedia } from '../../../src/lib/offline/media-list';
import { FakeCacheStorage, ORIGIN } from './fake-caches';

const OPUS = 'audio/webm; codecs=opus';
const file = (path: string) => ({ path, type: OPUS });

/** Two levels that share a sound; level 2 has a file of its own. */
function list(version = 'v1', voice = 'voice/hello.webm?v=aaaaaa'): RoutineMedia {
	return {
		routineId: 'desk-break',
		title: 'Desk break',
		bytes: { 'sounds/tick.webm?v=111111': 4, [voice]: 3, 'voice/more.webm?v=222222': 5 },
		levels: [
			{ level: 1, name: 'Short', version, items: [{ role: 'sound', choices: [file('sounds/tick.webm?v=111111')] }, { role: 'voice', choices: [file(voice)] }] },
			{ level: 2, name: 'Long', version: 'v2', items: [{ role: 'sound', choices: [file('sounds/tick.webm?v=111111')] }, { role: 'voice', choices: [file('voice/more.webm?v=222222')] }] }
		]
	};
}

interface Fixture {
	downloads: Downloads;
	readonly caches: FakeCacheStorage;
	readonly fetched: string[];
	readonly ledger: Map<string, string>;
	fail: (url: string) => boolean;
	persistAsked: number;
}

function fixture(extra: Partial<DownloadsDeps> = {}): Fixture {
	const caches = new FakeCacheStorage();
	void caches.open('limber-pages-build1');
	const ledger = new Map<string, string>();
	const f: Fixture = {
		caches,
		fetched: [],
		ledger,
		fail: () => false,
		persistAsked: 0,
		downloads: null as unknown as Downloads
	};
	const deps: DownloadsDeps = {
		caches: caches as unknown as CacheStorage,
		openDb: openOfflineDb,
		fetch: (async (input: RequestInfo | URL) => {
			const url = String(input);
			f.fetched.push(url);
			if (f.fail(url)) throw new TypeError('Failed to fetch');
			if (url.startsWith('/media/')) {
				const size = Number(/(\d)\.webm/.exec(url)?.[1] ?? 0) || { tick: 4, hello: 3, more: 5 }[/\/(\w+)\.webm/.exec(url)?.[1] ?? ''] || 1;
				return new Response(new Uint8Array(size), { status: 200, headers: { 'content-type': 'audio/webm' } });
			}
			return new Response('<html></html>', { status: 200, headers: { 'content-type': 'text/html' } });
		}) as typeof fetch,
		storage: {
			persist: async () => {
				f.persistAsked++;
				return true;
			},
			persisted: async () => false,
			estimate: async () => ({ usage: 1000, quota: 5000 })
		},
		ledger: { getItem: (k) => ledger.get(k) ?? null, setItem: (k, v) => void ledger.set(k, v) },
		canPlay: () => true,
		origin: ORIGIN,
		now: () => new Date('2026-12-01T10:00:00.000Z'),
		wait: async () => undefined,
		...extra
	};
	f.downloads = new Downloads(deps);
	return f;
}

async function clearDb(): Promise<void> {
	const db = await openOfflineDb();
	const tx = db.transaction('downloads', 'readwrite');
	tx.objectStore('downloads').clear();
	await new Promise((r) => (tx.oncomplete = r));
	db.close();
}

describe('Downloads', () => {
	it('downloads a level: its files, its pages, then its record, and asks the browser to keep them', async () => {
		await clearDb();
		const f = fixture();
		await f.downloads.download(list(), 1);
		expect(f.caches.paths('limber-media')).toEqual(['/media/sounds/tick.webm?v=111111', '/media/voice/hello.webm?v=aaaaaa']);
		expect(f.caches.paths('limber-pages-build1')).toEqual([
			'/play/desk-break/__data.json?level=1',
			'/play/desk-break?level=1',
			'/routines/desk-break',
			'/routines/desk-break/__data.json'
		]);
		expect(f.downloads.isReady('desk-break', 1)).toBe(true);
		expect(f.downloads.record('desk-break@1')?.bytes).toBe(7);
		expect(f.downloads.job('desk-break@1')).toBeNull();
		expect(f.persistAsked).toBe(1);
		expect(f.downloads.persisted).toBe(true);
		// A new page load finds it again.
		const again = fixture();
		again.caches.caches.set('limber-media', f.caches.caches.get('limber-media') as never);
		await again.downloads.load();
		expect(again.downloads.isReady('desk-break', 1)).toBe(true);
	});

	it('fetches a shared file once, and removing one download keeps what the other needs', async () => {
		await clearDb();
		const f = fixture();
		await f.downloads.download(list(), 1);
		await f.downloads.download(list(), 2);
		expect(f.fetched.filter((u) => u.includes('tick'))).toHaveLength(1);
		expect(f.downloads.totalBytes).toBe(12);
		await f.downloads.remove('desk-break@1');
		expect(f.caches.paths('limber-media')).toEqual(['/media/sounds/tick.webm?v=111111', '/media/voice/more.webm?v=222222']);
		expect(f.downloads.isReady('desk-break', 1)).toBe(false);
		expect(f.downloads.isReady('desk-break', 2)).toBe(true);
		// The removed level's player pages go; the routine page stays for level 2.
		expect(f.caches.paths('limber-pages-build1')).toEqual(expect.arrayContaining(['/routines/desk-break', '/play/desk-break?level=2']));
		expect(f.caches.paths('limber-pages-build1')).not.toContain('/play/desk-break?level=1');
	});

	it('shows nothing as ready when a file fails after its retries, and says so in plain words', async () => {
		await clearDb();
		const f = fixture();
		f.fail = (url) => url.includes('hello');
		await f.downloads.download(list(), 1);
		expect(f.fetched.filter((u) => u.includes('hello'))).toHaveLength(3);
		expect(f.downloads.isReady('desk-break', 1)).toBe(false);
		expect(f.downloads.record('desk-break@1')).toBeNull();
		const job = f.downloads.job('desk-break@1');
		expect(job?.phase === 'failed' && job.message).toMatch(/connection was lost/);
		// What it did fetch is not left behind with no download to need it.
		expect(f.caches.paths('limber-media')).toEqual([]);
		f.fail = () => false;
		await f.downloads.download(list(), 1);
		expect(f.downloads.isReady('desk-break', 1)).toBe(true);
	});

	it('can be cancelled, leaving no record and no files', async () => {
		await clearDb();
		const f = fixture();
		const slow = f.downloads.download(list(), 1);
		f.downloads.cancel('desk-break@1');
		await slow;
		expect(f.downloads.record('desk-break@1')).toBeNull();
		expect(f.downloads.job('desk-break@1')).toBeNull();
		expect(f.caches.paths('limber-media')).toEqual([]);
	});

	it('brings a download up to date with only the changed file, and drops the old one', async () => {
		await clearDb();
		const f = fixture();
		await f.downloads.download(list(), 1);
		f.fetched.length = 0;
		const changed = list('v1-new', 'voice/hello.webm?v=bbbbbb');
		await f.downloads.update(changed);
		expect(f.fetched.filter((u) => u.startsWith('/media/'))).toEqual(['/media/voice/hello.webm?v=bbbbbb']);
		expect(f.caches.paths('limber-media')).toEqual(['/media/sounds/tick.webm?v=111111', '/media/voice/hello.webm?v=bbbbbb']);
		expect(f.downloads.record('desk-break@1')?.version).toBe('v1-new');
	});

	it('says when the browser has removed downloads or part of one', async () => {
		await clearDb();
		const f = fixture();
		await f.downloads.download(list(), 1);
		await f.downloads.download(list(), 2);
		// The browser evicts level 1's record (and everything with it), and one of level 2's files.
		const db = await openOfflineDb();
		const tx = db.transaction('downloads', 'readwrite');
		tx.objectStore('downloads').delete('desk-break@1');
		await new Promise((r) => (tx.oncomplete = r));
		db.close();
		await f.caches.caches.get('limber-media')?.delete('/media/voice/more.webm?v=222222');
		const later = fixture();
		for (const [k, v] of f.ledger) later.ledger.set(k, v);
		later.caches.caches.set('limber-media', f.caches.caches.get('limber-media') as never);
		await later.downloads.load();
		expect(later.downloads.evicted.map((e) => e.id)).toEqual(['desk-break@1']);
		expect(later.downloads.isIncomplete('desk-break@2')).toBe(true);
		expect(later.downloads.isReady('desk-break', 2)).toBe(false);
		later.downloads.dismissEvicted();
		expect(later.downloads.evicted).toEqual([]);
	});

	it('says whether the browser removed all of a download or part of it, and keeps its record', async () => {
		await clearDb();
		const f = fixture();
		await f.downloads.download(list(), 1);
		await f.downloads.download(list(), 2);
		expect(f.downloads.removed('desk-break@1')).toBeNull();
		// The browser clears the media cache; one of level 2's own files is back (a partial eviction).
		await f.caches.delete('limber-media');
		await (await f.caches.open('limber-media')).put('/media/voice/more.webm?v=222222', new Response('x'));
		const later = fixture();
		later.caches.caches.set('limber-media', f.caches.caches.get('limber-media') as never);
		await later.downloads.load();
		expect(later.downloads.removed('desk-break@1')).toBe('all');
		expect(later.downloads.removed('desk-break@2')).toBe('part');
		expect(later.downloads.isReady('desk-break', 1)).toBe(false);
		expect(later.downloads.readyRoutines().size).toBe(0);
		// The records stay, so the pages can say what to download again.
		expect(later.downloads.records.map((r) => r.id)).toEqual(['desk-break@1', 'desk-break@2']);
	});

	it('after the browser cleared every cache, the service worker\'s too, asks it to set up again and downloads again', async () => {
		await clearDb();
		const f = fixture();
		await f.downloads.download(list(), 1);
		const ledger = new Map(f.ledger);
		let askedToSetUp = 0;
		const later = fixture({
			setUpAgain: async () => {
				askedToSetUp++;
				await later.caches.open('limber-pages-build2');
				return true;
			}
		});
		for (const [k, v] of ledger) later.ledger.set(k, v);
		await later.caches.delete('limber-pages-build1');
		await later.downloads.load();
		// Loading found the worker's caches gone and asked once, so the app opens offline again.
		expect(askedToSetUp).toBe(1);
		expect(later.downloads.removed('desk-break@1')).toBe('all');
		await later.caches.delete('limber-pages-build2');
		await later.downloads.download(list(), 1);
		expect(askedToSetUp).toBe(2);
		expect(later.downloads.job('desk-break@1')).toBeNull();
		expect(later.downloads.isReady('desk-break', 1)).toBe(true);
		expect(later.downloads.removed('desk-break@1')).toBeNull();
		expect(later.caches.paths('limber-pages-build2')).toContain('/play/desk-break?level=1');
	});

	it('a download the browser evicted, record and all, is named until it is downloaded again', async () => {
		await clearDb();
		const f = fixture();
		await f.downloads.download(list(), 1);
		await clearDb();
		const later = fixture();
		for (const [k, v] of f.ledger) later.ledger.set(k, v);
		await later.downloads.load();
		expect(later.downloads.evicted.map((e) => e.id)).toEqual(['desk-break@1']);
		expect(later.downloads.removed('desk-break@1')).toBe('all');
		await later.downloads.download(list(), 1);
		expect(later.downloads.evicted).toEqual([]);
		expect(later.downloads.removed('desk-break@1')).toBeNull();
		// And a page opened afterwards does not name it either.
		const next = fixture();
		for (const [k, v] of later.ledger) next.ledger.set(k, v);
		next.caches.caches.set('limber-media', later.caches.caches.get('limber-media') as never);
		await next.downloads.load();
		expect(next.downloads.evicted).toEqual([]);
	});

	it('refuses to call a download ready before the service worker has installed', async () => {
		await clearDb();
		const f = fixture();
		await f.caches.delete('limber-pages-build1');
		await f.downloads.download(list(), 1);
		const job = f.downloads.job('desk-break@1');
		expect(job?.phase === 'failed' && job.message).toMatch(/Reload the page/);
		expect(f.downloads.record('desk-break@1')).toBeNull();
	});
});
