/**
 * Installable and offline, end to end: the built server on a port of its own (so the test
 * can stop it), Chromium with service workers allowed in a persistent profile (an
 * incognito-like context is never installable), and the network cut for real
 * (`setOffline(true)` and the server stopped). Then a second build of the app plays the
 * part of a new version, whose service worker must keep the downloads.
 *
 * One test, in steps, because each step needs the device state of the one before it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, expect, test, type BrowserContext, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { buildAgain, PROJECT_ROOT, startBuiltServer, type BuiltServer } from './built-server';
import { cachedMedia, download, playToEnd, swReady } from './offline-helpers';
import { completeScreening } from './screened';

const PORT = 4817;
const BASE = `http://127.0.0.1:${PORT}`;
const STRETCH = 'morning-mobility';
const RELAX = 'breathing-relaxation';
const NOT_DOWNLOADED = 'desk-break';
const NEXT_BUILD = path.join(PROJECT_ROOT, '.svelte-kit', 'e2e-next-build');

interface MediaList {
	readonly bytes: Record<string, number>;
	readonly levels: readonly { level: number; items: readonly { role: string; choices: readonly { path: string }[] }[] }[];
}

/** What this browser should keep for a level, worked out here from the media list. */
async function expectedFiles(page: Page, routine: string, level: number): Promise<Map<string, number>> {
	const list = (await (await page.request.get(`${BASE}/routines/${routine}/offline.json`)).json()) as MediaList;
	const entry = list.levels.find((l) => l.level === level);
	if (!entry) throw new Error(`${routine} has no level ${level}`);
	const choose = (role: string, choices: readonly string[]) =>
		page.evaluate(
			([r, c]) => {
				if (r === 'poster') return c[0];
				const kind = r === 'clip' ? 'video' : 'audio';
				const el = document.createElement(kind);
				const mime = (f: string) => {
					const ext = f.split('?')[0]?.split('.').pop() ?? '';
					if (kind === 'video') return ext === 'webm' ? 'video/webm' : 'video/mp4';
					return ext === 'webm' ? 'audio/webm; codecs=opus' : 'audio/mp4; codecs=mp4a.40.2';
				};
				return c.find((f) => el.canPlayType(mime(f)) !== '') ?? c[0];
			},
			[role, choices] as const
		);
	const out = new Map<string, number>();
	for (const item of entry.items) {
		const file = await choose(
			item.role,
			item.choices.map((c) => c.path)
		);
		if (file) out.set(`/media/${file}`, list.bytes[file] ?? -1);
	}
	return out;
}

const videoState = (page: Page) =>
	page.evaluate(() => {
		const videos = [...document.querySelectorAll('video')];
		const v = videos.find((x) => !x.paused) ?? videos[0];
		return v
			? { t: v.currentTime, frames: v.getVideoPlaybackQuality().totalVideoFrames, cors: v.crossOrigin, src: v.currentSrc }
			: null;
	});

// What the test started, for the cleanup after it (which also runs when the test times out).
let server: BuiltServer | null = null;
let context: BrowserContext | null = null;
let nextBuild: Promise<void> | null = null;
const profile = mkdtempSync(path.join(tmpdir(), 'limber-e2e-profile-'));

test.afterAll(async () => {
	await context?.close();
	await server?.stop();
	await nextBuild?.catch(() => undefined);
	rmSync(profile, { recursive: true, force: true });
	rmSync(NEXT_BUILD, { recursive: true, force: true });
});

test('installable; downloaded routines play with no network; a new version keeps the downloads', async () => {
	test.setTimeout(480_000);
	rmSync(NEXT_BUILD, { recursive: true, force: true });
	// Built meanwhile: it takes a minute or two on a busy machine.
	nextBuild = buildAgain(NEXT_BUILD);
	nextBuild.catch(() => undefined);
	server = await startBuiltServer('build', PORT);
	{
		context = await chromium.launchPersistentContext(profile, {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: ['--autoplay-policy=no-user-gesture-required', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
			baseURL: BASE,
			serviceWorkers: 'allow',
			viewport: { width: 1280, height: 800 }
		});
		const ctx = context;
		// The stage hides its controls after a few seconds of no touch; the person's own
		// setting keeps them shown, so the steps below can press them at any moment.
		await ctx.addInitScript(() => {
			const key = 'limber.stage.v1';
			if (!localStorage.getItem(key)) localStorage.setItem(key, JSON.stringify({ keepControls: true }));
		});
		const page = ctx.pages()[0] ?? (await ctx.newPage());
		// Every media response the page gets; offline, all of them must come from the service worker.
		const mediaResponses: { url: string; status: number; fromServiceWorker: boolean }[] = [];
		page.on('response', (res) => {
			if (new URL(res.url()).pathname.startsWith('/media/')) {
				mediaResponses.push({ url: res.url(), status: res.status(), fromServiceWorker: res.fromServiceWorker() });
			}
		});

		await test.step('Chromium accepts the app as installable', async () => {
			await page.goto('/');
			await swReady(page);
			const cdp = await ctx.newCDPSession(page);
			const manifest = await cdp.send('Page.getAppManifest');
			expect(manifest.url).toBe(`${BASE}/manifest.webmanifest`);
			expect(manifest.errors).toEqual([]);
			const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
			expect(installabilityErrors).toEqual([]);
			await completeScreening(page);
		});

		const expected = new Map<string, Map<string, number>>();
		await test.step('download a stretching routine (two levels) and a relaxation routine', async () => {
			for (const [routine, level] of [
				[STRETCH, 1],
				[RELAX, 1],
				[STRETCH, 2]
			] as const) {
				expected.set(`${routine}@${level}`, await expectedFiles(page, routine, level));
				await download(page, routine, level);
			}
			const cached = await cachedMedia(page);
			const all = new Map([...expected.values()].flatMap((m) => [...m]));
			// Exactly the files of the media lists, each whole, and no others.
			expect(Object.keys(cached).sort()).toEqual([...all.keys()].sort());
			for (const [url, bytes] of all) expect(cached[url], url).toBe(bytes);
			// The size offered before downloading is what was kept.
			await page.goto('/downloads');
			const total = [...all.values()].reduce((a, b) => a + b, 0);
			await expect(page.getByTestId('downloads-total')).toHaveText(`${(total / 1e6).toFixed(total < 1e7 ? 1 : 0)} MB`);
			await expect(page.getByTestId('download-list').getByRole('listitem')).toHaveCount(3);
			await expect(page.getByTestId('space-left')).toContainText(/\d/);
			await expectNoAxeViolations(page);
		});

		await test.step('with no network and no server, the app opens and marks what is ready', async () => {
			await ctx.setOffline(true);
			await server?.stop();
			server = null;
			await page.goto('/');
			await expect(page.getByTestId('offline-notice')).toBeVisible();
			await expect(page.locator(`[data-routine="${STRETCH}"]`).getByTestId('offline-ready')).toBeVisible();
			await expect(page.locator(`[data-routine="${RELAX}"]`).getByTestId('offline-ready')).toBeVisible();
			await expect(page.locator(`[data-routine="${NOT_DOWNLOADED}"]`).getByTestId('offline-needs')).toBeVisible();
			await expectNoAxeViolations(page);
		});

		await test.step('a routine that was not downloaded says so', async () => {
			await page.locator(`[data-routine="${NOT_DOWNLOADED}"]`).getByRole('link').click();
			await expect(page.getByText('This routine is not downloaded to this device, so it needs a connection.')).toBeVisible();
			// Opened directly (a bookmark), it says so too.
			await page.goto(`/play/${NOT_DOWNLOADED}?level=1`);
			await expect(page.getByTestId('offline-unavailable')).toBeVisible();
		});

		await test.step('the stretching routine plays offline: video, a seek, voice and sounds, the check-in', async () => {
			mediaResponses.length = 0;
			await page.goto('/');
			await page.locator(`[data-routine="${STRETCH}"]`).getByRole('link').click();
			await page.getByLabel('Level', { exact: true }).selectOption('1');
			await page.getByRole('button', { name: 'Start', exact: true }).click();
			await expect(page).toHaveURL(new RegExp(`/play/${STRETCH}\\?level=1$`));
			await expect(page.getByTestId('session-state')).toHaveText('Ready');
			await page.getByRole('button', { name: 'Start', exact: true }).click();
			await expect(page.getByTestId('session-state')).toHaveText('Playing', { timeout: 20_000 });
			// Past the count-in, on the first exercise's clip.
			await page.getByRole('button', { name: /^Next/ }).click();
			await expect.poll(async () => (await videoState(page))?.frames ?? 0, { timeout: 20_000 }).toBeGreaterThan(5);
			const a = await videoState(page);
			expect(a?.cors).toBe('anonymous');
			expect(a?.src).toMatch(/\/media\/video\/.+\.webm\?v=[0-9a-f]{12}$/);
			await expect.poll(async () => (await videoState(page))?.t ?? 0, { timeout: 10_000 }).toBeGreaterThan((a?.t ?? 0) + 0.5);
			// A seek inside the clip lands (a Range request answered with a 206 slice from the cache).
			await page.getByRole('button', { name: 'Pause' }).click();
			const landed = await page.evaluate(async () => {
				const v = [...document.querySelectorAll('video')].find((x) => x.readyState >= 2);
				if (!v) return null;
				const target = v.duration * 0.6;
				v.currentTime = target;
				await new Promise((r) => v.addEventListener('seeked', r, { once: true }));
				return { target, at: v.currentTime, ready: v.readyState };
			});
			expect(landed).not.toBeNull();
			expect(Math.abs((landed?.at ?? 0) - (landed?.target ?? -9))).toBeLessThan(0.1);
			expect(landed?.ready).toBeGreaterThanOrEqual(2);
			// Voice and cue sounds were fetched (fetch and XHR) through the service worker's cache.
			const audio = mediaResponses.filter((e) => /\/media\/(voice|sounds)\//.test(e.url));
			expect(audio.filter((e) => e.url.includes('/voice/')).length).toBeGreaterThan(5);
			expect(audio.filter((e) => e.url.includes('/sounds/')).length).toBeGreaterThan(1);
			for (const e of audio) expect(e, e.url).toMatchObject({ status: 200, fromServiceWorker: true });
			await expect(page.getByText('could not be loaded')).toHaveCount(0);
			await expect(page.getByText('Sound is not available')).toHaveCount(0);
			// To the end: step by step, then the last step shortened.
			await page.getByRole('button', { name: 'Resume' }).click();
			await playToEnd(page);
			const form = page.getByTestId('after-check-in');
			await form.getByRole('radio', { name: '2', exact: true }).check();
			await form.getByRole('button', { name: 'Save' }).click();
			await expect(page.getByTestId('check-in-saved')).toContainText('saved on this device');
			await page.goto('/history');
			await expect(page.getByTestId('sessions-table')).toContainText('Morning mobility');
		});

		await test.step('the relaxation track plays offline for 20 s', async () => {
			mediaResponses.length = 0;
			await page.goto(`/play/${RELAX}?level=1`);
			await page.getByRole('button', { name: 'Start', exact: true }).click();
			await expect(page.getByTestId('session-state')).toHaveText('Playing', { timeout: 20_000 });
			const track = () =>
				page.evaluate(() => {
					const a = document.querySelector('audio');
					return a ? { t: a.currentTime, cors: a.crossOrigin, src: a.currentSrc, paused: a.paused } : null;
				});
			const first = await track();
			expect(first?.cors).toBe('anonymous');
			expect(first?.src).toMatch(new RegExp(`/media/tracks/${RELAX}-1\\.webm\\?v=[0-9a-f]{12}$`));
			await page.waitForTimeout(20_000);
			const later = await track();
			expect(later?.paused).toBe(false);
			expect((later?.t ?? 0) - (first?.t ?? 0)).toBeGreaterThan(15);
			await page.getByRole('button', { name: 'Pause' }).click();
			// The track's <audio> asked for ranges (206 slices), howler's Web Audio ambience loop
			// was fetched whole by XHR: both answered by the service worker from the cache.
			const trackResponses = mediaResponses.filter((e) => e.url.includes(`/media/tracks/${RELAX}-1.`));
			expect(trackResponses.length).toBeGreaterThan(0);
			for (const e of trackResponses) expect(e, e.url).toMatchObject({ status: 206, fromServiceWorker: true });
			const bed = mediaResponses.filter((e) => e.url.includes('/media/tracks/ambience-'));
			expect(bed.length).toBeGreaterThan(0);
			for (const e of bed) expect(e, e.url).toMatchObject({ status: 200, fromServiceWorker: true });
		});

		await test.step('removing a download deletes its own files and keeps those another needs', async () => {
			await page.goto('/downloads');
			const item = page.locator(`[data-download="${STRETCH}@2"]`);
			await item.getByRole('button', { name: /^Remove/ }).click();
			await expect(item).toHaveCount(0);
			const keep = new Map([...(expected.get(`${STRETCH}@1`) ?? []), ...(expected.get(`${RELAX}@1`) ?? [])]);
			const onlyLevel2 = [...(expected.get(`${STRETCH}@2`)?.keys() ?? [])].filter((u) => !keep.has(u));
			const shared = [...(expected.get(`${STRETCH}@2`)?.keys() ?? [])].filter((u) => keep.has(u));
			expect(shared.length).toBeGreaterThan(10);
			// The list drops the download at once; its files are deleted just after.
			await expect.poll(async () => Object.keys(await cachedMedia(page)).sort(), { timeout: 10_000 }).toEqual([...keep.keys()].sort());
			const cached = await cachedMedia(page);
			for (const u of onlyLevel2) expect(cached[u], u).toBeUndefined();
		});

		await test.step('a new build waits while a session runs, then takes over and keeps the downloads', async () => {
			const before = await cachedMedia(page);
			const shellBefore = await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('limber-shell-')));
			expect(shellBefore).toHaveLength(1);
			await nextBuild;
			await ctx.setOffline(false);
			server = await startBuiltServer(NEXT_BUILD, PORT);
			await page.goto(`/play/${STRETCH}?level=1`);
			await page.getByRole('button', { name: 'Start', exact: true }).click();
			await expect(page.getByTestId('session-state')).toHaveText('Playing', { timeout: 20_000 });
			await page.evaluate(async () => {
				const reg = await navigator.serviceWorker.ready;
				await reg.update();
				const deadline = Date.now() + 60_000;
				while (!reg.waiting && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
			});
			expect(await page.evaluate(async () => Boolean((await navigator.serviceWorker.ready).waiting))).toBe(true);
			await expect(page.getByTestId('update-banner')).toHaveCount(0);
			await page.getByTestId('end-button').click();
			await page.getByTestId('end-sheet').getByRole('button', { name: 'End session' }).click();
			await page.goto('/');
			const banner = page.getByTestId('update-banner');
			await expect(banner).toContainText('A new version of Limber is ready');
			await banner.getByRole('button', { name: 'Reload to update' }).click();
			await expect(banner).toHaveCount(0);
			await expect
				.poll(() => page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('limber-shell-'))))
				.not.toEqual(shellBefore);
			expect(await cachedMedia(page)).toEqual(before);
			// And the new build plays the download offline: its own copy of the pages was saved.
			await ctx.setOffline(true);
			await server.stop();
			server = null;
			await page.goto(`/play/${STRETCH}?level=1`);
			await expect(page.getByTestId('session-state')).toHaveText('Ready');
			await page.goto('/downloads');
			await expect(page.locator(`[data-download="${STRETCH}@1"]`)).toContainText('Ready offline');
		});
	}
});
