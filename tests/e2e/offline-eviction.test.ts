/**
 * The browser removes a download (storage pressure): after a real download, the media cache
 * is cleared through the DevTools protocol (`Storage.clearDataForOrigin`, what an eviction
 * does to the Cache API), then the whole origin's quota-managed storage (caches, IndexedDB,
 * the service worker), as Chromium evicts an origin. Each time the app must say in plain
 * words that the browser removed the download, show nothing as ready, and download it again.
 *
 * One test, in steps, because each step needs the device state of the one before it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, expect, test, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { cachedMedia, download, swReady } from './offline-helpers';
import { completeScreening } from './screened';
import { BuiltServer } from './server/built-server';

const ROUTINE = 'breathing-relaxation';
const TITLE = 'Breathing relaxation';
const ID = `${ROUTINE}@1`;

/** The download records in the app's IndexedDB database, by id. */
function records(page: Page): Promise<string[]> {
	return page.evaluate(
		() =>
			new Promise<string[]>((resolve, reject) => {
				const open = indexedDB.open('limber-offline');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					if (!db.objectStoreNames.contains('downloads')) {
						db.close();
						resolve([]);
						return;
					}
					const all = db.transaction('downloads').objectStore('downloads').getAllKeys();
					all.onsuccess = () => {
						db.close();
						resolve(all.result.map(String));
					};
					all.onerror = () => reject(all.error);
				};
			})
	);
}

async function evict(cdp: CDPSession, origin: string, storageTypes: string): Promise<void> {
	await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes });
}

let server: BuiltServer | null = null;
let context: BrowserContext | null = null;
const profile = mkdtempSync(path.join(tmpdir(), 'limber-e2e-eviction-'));

test.afterAll(async () => {
	await context?.close();
	await server?.dispose();
	rmSync(profile, { recursive: true, force: true });
});

test('the browser removes a download: Limber says so in plain words, shows nothing as ready, and downloads it again', async () => {
	test.setTimeout(240_000);
	server = await BuiltServer.start();
	const base = server.url;
	context = await chromium.launchPersistentContext(profile, {
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
		baseURL: base,
		serviceWorkers: 'allow',
		viewport: { width: 1280, height: 800 }
	});
	const page = context.pages()[0] ?? (await context.newPage());
	const cdp = await context.newCDPSession(page);
	const item = page.locator(`[data-download="${ID}"]`);
	const box = page.locator('[data-testid="level-download"][data-level="1"]');
	let files: Record<string, number> = {};

	await test.step('a real download, ready offline', async () => {
		await page.goto('/');
		await swReady(page);
		await completeScreening(page);
		await download(page, ROUTINE, 1);
		files = await cachedMedia(page);
		expect(Object.keys(files).length).toBeGreaterThan(0);
		await page.goto('/downloads');
		await expect(item).toContainText('Ready offline');
	});

	await test.step('the browser clears the media cache', async () => {
		await evict(cdp, base, 'cache_storage');
		expect(await cachedMedia(page)).toEqual({});
	});

	await test.step('/downloads says the browser removed it, not that it is ready, and offers it again', async () => {
		await page.goto('/downloads');
		await expect(item).toContainText('The browser removed this download to free space');
		await expect(item).not.toContainText('Ready offline');
		await expect(item.getByRole('button', { name: /^Download again/ })).toBeVisible();
		// The app's rule: the record stays (so the page can name what was lost) until it is downloaded again or removed.
		expect(await records(page)).toEqual([ID]);
		await expectNoAxeViolations(page);
	});

	await test.step('the home page does not mark it ready offline', async () => {
		await page.goto('/');
		const card = page.locator(`[data-routine="${ROUTINE}"]`);
		await expect(card).toBeVisible();
		await expect(card.getByTestId('offline-ready')).toHaveCount(0);
	});

	await test.step('the routine page says so and downloads it again, whole, playable with no network', async () => {
		await page.goto(`/routines/${ROUTINE}`);
		await expect(box).toContainText('The browser removed this download to free space');
		await expect(box.getByTestId('download-ready')).toHaveCount(0);
		const again = box.getByTestId('download-button');
		await expect(again).toContainText(/^Download again/);
		await expectNoAxeViolations(page);
		await again.click();
		await expect(box.getByTestId('download-ready')).toBeVisible({ timeout: 60_000 });
		expect(await cachedMedia(page)).toEqual(files);
		expect(await records(page)).toEqual([ID]);
		// "Ready" means it opens with no network: the worker had to fill its cleared shell and pages again.
		await context?.setOffline(true);
		await page.goto(`/play/${ROUTINE}?level=1`);
		await expect(page.getByTestId('session-state')).toHaveText('Ready');
		await page.goto('/downloads');
		await expect(item).toContainText('Ready offline');
		await context?.setOffline(false);
	});

	await test.step('the browser evicts the whole origin (caches, IndexedDB, service worker): the pages still say what went', async () => {
		await evict(cdp, base, 'cache_storage,indexeddb,service_workers');
		await page.goto('/downloads');
		const notice = page.getByTestId('evicted');
		await expect(notice).toContainText(`The browser removed a download to free space on this device: ${TITLE}`);
		await expect(page.getByTestId('download-list')).toHaveCount(0);
		expect(await records(page)).toEqual([]);
		await expectNoAxeViolations(page);
		await page.goto(`/routines/${ROUTINE}`);
		await expect(box).toContainText('The browser removed this download to free space');
		await expect(box.getByTestId('download-ready')).toHaveCount(0);
		await expect(box.getByTestId('download-button')).toContainText(/^Download again/);
		// Once downloaded again, the notice has done its work.
		await swReady(page);
		await box.getByTestId('download-button').click();
		await expect(box.getByTestId('download-ready')).toBeVisible({ timeout: 60_000 });
		expect(await cachedMedia(page)).toEqual(files);
		await page.goto('/downloads');
		await expect(page.getByTestId('evicted')).toHaveCount(0);
		await expect(item).toContainText('Ready offline');
	});
});
