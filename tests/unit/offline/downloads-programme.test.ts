/**
 * A clinician's programme downloaded like a routine (its pages under /p/SHARE), brought up
 * to date by a new version, and marked withdrawn when its clinician withdraws it.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openOfflineDb } from '../../../src/lib/offline/download-db';
import { Downloads } from '../../../src/lib/offline/downloads.svelte';
import type { RoutineMedia } from '../../../src/lib/offline/media-list';
import { WITHDRAWN } from '../../../src/lib/offline/media-list-client';
import { FakeCacheStorage, ORIGIN } from './fake-caches';

const SHARE = 'AbCdEfGhIjKlMnOpQrStUv';
const ROUTINE = 'programme-01ab';
const OPUS = 'audio/webm; codecs=opus';

function programme(version: string, voice: string): RoutineMedia {
	return {
		routineId: ROUTINE,
		shareId: SHARE,
		title: 'Back care after work',
		bytes: { 'sounds/tick.webm?v=111111': 4, [voice]: 3 },
		levels: [
			{
				level: 1,
				name: 'Level 1',
				version,
				items: [
					{ role: 'sound', choices: [{ path: 'sounds/tick.webm?v=111111', type: OPUS }] },
					{ role: 'voice', choices: [{ path: voice, type: OPUS }] }
				]
			}
		]
	};
}

function fixture() {
	const caches = new FakeCacheStorage();
	void caches.open('limber-pages-build1');
	const fetched: string[] = [];
	const downloads = new Downloads({
		caches: caches as unknown as CacheStorage,
		openDb: openOfflineDb,
		fetch: (async (input: RequestInfo | URL) => {
			const url = String(input);
			fetched.push(url);
			if (url.startsWith('/media/')) return new Response(new Uint8Array(url.includes('tick') ? 4 : 3), { status: 200 });
			return new Response('<html></html>', { status: 200, headers: { 'content-type': 'text/html' } });
		}) as typeof fetch,
		storage: null,
		ledger: null,
		canPlay: () => true,
		origin: ORIGIN,
		now: () => new Date('2026-12-01T10:00:00.000Z'),
		wait: async () => undefined
	});
	return { caches, fetched, downloads };
}

describe('Downloads of a programme', () => {
	it("saves the programme's own page and player with their data, and keeps the share id", async () => {
		const f = fixture();
		await f.downloads.download(programme('v1', 'voice/a.webm?v=aaaaaa'), 1);
		expect(f.caches.paths('limber-pages-build1')).toEqual([
			`/p/${SHARE}`,
			`/p/${SHARE}/__data.json`,
			`/p/${SHARE}/play/__data.json?level=1`,
			`/p/${SHARE}/play?level=1`
		]);
		expect(f.downloads.record(`${ROUTINE}@1`)?.shareId).toBe(SHARE);
		expect(f.downloads.isReady(ROUTINE, 1)).toBe(true);
		// Read back on the next page load, with its share id.
		const again = fixture();
		await again.downloads.load();
		expect(again.downloads.record(`${ROUTINE}@1`)?.shareId).toBe(SHARE);
	});

	it('a new version fetches only the changed file and saves the pages again', async () => {
		const f = fixture();
		await f.downloads.download(programme('v1', 'voice/a.webm?v=aaaaaa'), 1);
		f.fetched.length = 0;
		await f.downloads.update(programme('v2', 'voice/b.webm?v=bbbbbb'));
		expect(f.fetched.filter((u) => u.startsWith('/media/'))).toEqual(['/media/voice/b.webm?v=bbbbbb']);
		expect(f.fetched.filter((u) => u.includes(`/p/${SHARE}`))).toHaveLength(4);
		expect(f.caches.paths('limber-media')).toEqual(['/media/sounds/tick.webm?v=111111', '/media/voice/b.webm?v=bbbbbb']);
		expect(f.downloads.record(`${ROUTINE}@1`)?.version).toBe('v2');
	});

	it('withdrawn: the files and pages go, the record stays marked, and nothing says ready', async () => {
		const f = fixture();
		await f.downloads.download(programme('v1', 'voice/a.webm?v=aaaaaa'), 1);
		await f.downloads.withdraw(SHARE);
		expect(f.caches.paths('limber-media')).toEqual([]);
		expect(f.caches.paths('limber-pages-build1')).toEqual([]);
		expect(f.downloads.record(`${ROUTINE}@1`)).toMatchObject({ withdrawn: true, files: [], bytes: 0, title: 'Back care after work' });
		expect(f.downloads.isReady(ROUTINE, 1)).toBe(false);
		expect(f.downloads.isIncomplete(`${ROUTINE}@1`)).toBe(false);
		expect(f.downloads.readyRoutines().has(ROUTINE)).toBe(false);
		expect(f.downloads.totalBytes).toBe(0);
		// Kept so on the next page load, and an update never revives it.
		const again = fixture();
		await again.downloads.load();
		expect(again.downloads.record(`${ROUTINE}@1`)?.withdrawn).toBe(true);
		await again.downloads.update(programme('v3', 'voice/c.webm?v=cccccc'));
		expect(again.fetched).toEqual([]);
		// The person removes it when they have read it.
		await again.downloads.remove(`${ROUTINE}@1`);
		expect(again.downloads.records).toEqual([]);
	});

	it('apply: a media list answer brings downloads up to date, downloads a removed level again, marks a withdrawal, and no answer changes nothing', async () => {
		const f = fixture();
		await f.downloads.download(programme('v1', 'voice/a.webm?v=aaaaaa'), 1);
		// No answer (offline, a server fault): left as it is.
		f.fetched.length = 0;
		await f.downloads.apply(null, SHARE);
		expect(f.fetched).toEqual([]);
		expect(f.downloads.record(`${ROUTINE}@1`)?.version).toBe('v1');
		// A new version: brought up to date like update().
		await f.downloads.apply(programme('v2', 'voice/b.webm?v=bbbbbb'), SHARE);
		expect(f.downloads.record(`${ROUTINE}@1`)?.version).toBe('v2');
		// The browser removed the files: with its level, downloaded again.
		await f.caches.delete('limber-media');
		f.fetched.length = 0;
		await f.downloads.apply(programme('v2', 'voice/b.webm?v=bbbbbb'), SHARE, 1);
		expect(f.fetched.filter((u) => u.startsWith('/media/')).sort()).toEqual(['/media/sounds/tick.webm?v=111111', '/media/voice/b.webm?v=bbbbbb']);
		// Withdrawn: marked, files gone.
		await f.downloads.apply(WITHDRAWN, SHARE);
		expect(f.downloads.record(`${ROUTINE}@1`)?.withdrawn).toBe(true);
		expect(f.caches.paths('limber-media')).toEqual([]);
	});
});
