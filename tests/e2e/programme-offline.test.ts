/**
 * A clinician's programme and a clinic's own routine (LIMBER_CONTENT_DIR, with its own
 * media.yaml clip) downloaded for offline use, played with no network and no server, a new
 * programme version brought up to date fetching only its new files, and the programme
 * withdrawn: the download says so and the history stays.
 *
 * One test in steps on a server of its own (so it can be stopped for real), with the patient
 * in Chromium with service workers allowed in a persistent profile, as offline.test.ts does.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, expect, test, type BrowserContext, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { playToEnd } from './offline-helpers';
import { addExercise, saveProgramme } from './programme-helpers';
import { completeScreening } from './screened';
import { BuiltServer, REPO } from './server/built-server';
import { signUpInstructor } from './teach-helpers';

const CLINIC_ROUTINE = 'clinic-desk-care';
const TITLE = 'Desk care from your physio';

function replaceOnce(text: string, from: string, to: string): string {
	if (text.split(from).length !== 2) throw new Error(`"${from}" must occur once`);
	return text.replace(from, to);
}

/** A clinic folder: desk break as a clinic routine whose pelvic tilt shows the clinic's own clip. */
function clinicFolder(): string {
	const dir = mkdtempSync(path.join(tmpdir(), 'limber-e2e-clinic-offline-'));
	mkdirSync(path.join(dir, 'routines'));
	mkdirSync(path.join(dir, 'media', 'clinic'), { recursive: true });
	const shipped = readFileSync(path.join(REPO, 'src/content/routines/desk-break.yaml'), 'utf8');
	let routine = replaceOnce(shipped, 'id: desk-break', `id: ${CLINIC_ROUTINE}`);
	routine = replaceOnce(routine, 'title: Desk break', 'title: Clinic desk care');
	routine = replaceOnce(routine, 'media: { video: seated-pelvic-tilt }', 'media: { video: clinic-pelvic-tilt }');
	writeFileSync(path.join(dir, 'routines', `${CLINIC_ROUTINE}.yaml`), routine);
	const catalog = readFileSync(path.join(REPO, 'src/content/media.yaml'), 'utf8').split('\n');
	const start = catalog.indexOf('  seated-pelvic-tilt:');
	const end = catalog.findIndex((line, i) => i > start && /^ {2}\S/.test(line));
	const clip = catalog
		.slice(start, end)
		.join('\n')
		.replace('  seated-pelvic-tilt:', '  clinic-pelvic-tilt:')
		.replaceAll('video/seated-pelvic-tilt.', 'clinic/pelvic-tilt.');
	writeFileSync(path.join(dir, 'media.yaml'), `sounds: {}\nimages: {}\nvideos:\n${clip}\n`);
	for (const ext of ['webm', 'mp4', 'webp']) {
		copyFileSync(path.join(REPO, 'static/media/video', `seated-pelvic-tilt.${ext}`), path.join(dir, 'media', 'clinic', `pelvic-tilt.${ext}`));
	}
	return dir;
}

async function swReady(page: Page): Promise<void> {
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller) {
			await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
		}
	});
}

function cachedMedia(page: Page): Promise<string[]> {
	return page.evaluate(async () => {
		const cache = await caches.open('limber-media');
		return (await cache.keys()).map((r) => new URL(r.url).pathname + new URL(r.url).search).sort();
	});
}

function savedPages(page: Page): Promise<string[]> {
	return page.evaluate(async () => {
		const out: string[] = [];
		for (const name of await caches.keys()) {
			if (!name.startsWith('limber-pages-')) continue;
			for (const r of await (await caches.open(name)).keys()) out.push(new URL(r.url).pathname + new URL(r.url).search);
		}
		return out;
	});
}

/** The download records on the device (limber-offline), by id. */
function records(page: Page): Promise<Record<string, { version: string; withdrawn?: boolean; files: unknown[] }>> {
	return page.evaluate(
		() =>
			new Promise((resolve, reject) => {
				const open = indexedDB.open('limber-offline');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const all = open.result.transaction('downloads').objectStore('downloads').getAll();
					all.onsuccess = () => {
						open.result.close();
						resolve(Object.fromEntries((all.result as { id: string }[]).map((r) => [r.id, r])) as never);
					};
				};
			})
	);
}

/** The level's clips as this Chromium keeps them (WebM, listed first), from the media list. */
async function listedClips(page: Page, listUrl: string, level: number): Promise<string[]> {
	const list = (await (await page.request.get(listUrl)).json()) as { levels: { level: number; items: { role: string; choices: { path: string }[] }[] }[] };
	const items = list.levels.find((l) => l.level === level)?.items ?? [];
	return items.filter((i) => i.role === 'clip').map((i) => `/media/${i.choices[0]?.path ?? ''}`);
}

const pathOf = (url: string) => new URL(url).pathname + new URL(url).search;

async function downloadLevel(page: Page, at: string, level: number): Promise<void> {
	await page.goto(at);
	const box = page.locator(`[data-testid="level-download"][data-level="${level}"]`);
	const button = box.getByTestId('download-button');
	await expect(button).toContainText(/\(\d/);
	await button.click();
	await expect(box.getByTestId('download-ready')).toBeVisible({ timeout: 60_000 });
}

const videoState = (page: Page) =>
	page.evaluate(() => {
		const videos = [...document.querySelectorAll('video')];
		const v = videos.find((x) => !x.paused) ?? videos[0];
		return v ? { frames: v.getVideoPlaybackQuality().totalVideoFrames, src: v.currentSrc } : null;
	});

/** From a play page: starts and waits, through the first step's count-in, for its clip to play. */
async function playFirstClip(page: Page): Promise<string> {
	await expect(page.getByTestId('session-state')).toHaveText('Ready', { timeout: 20_000 });
	await page.getByRole('button', { name: 'Start', exact: true }).click();
	await expect(page.getByTestId('session-state')).toHaveText('Playing', { timeout: 20_000 });
	await expect.poll(async () => (await videoState(page))?.frames ?? 0, { timeout: 30_000 }).toBeGreaterThan(5);
	await expect(page.getByText(/Step 1 of/)).toBeVisible();
	return (await videoState(page))?.src ?? '';
}

async function playToCheckIn(page: Page): Promise<void> {
	await playToEnd(page);
	const form = page.getByTestId('after-check-in');
	await form.getByRole('radio', { name: '2', exact: true }).check();
	await form.getByRole('radio', { name: 'About right' }).check();
	const legs = form.getByRole('group', { name: /new or spreading pain/ });
	if (await legs.isVisible()) await legs.getByRole('radio', { name: 'No' }).check();
	await form.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByTestId('check-in-saved')).toContainText('saved on this device');
}

let dir = '';
let server: BuiltServer | null = null;
let patientContext: BrowserContext | null = null;
const profile = mkdtempSync(path.join(tmpdir(), 'limber-e2e-programme-profile-'));

test.afterAll(async () => {
	await patientContext?.close();
	await server?.dispose();
	rmSync(profile, { recursive: true, force: true });
	if (dir) rmSync(dir, { recursive: true, force: true });
});

test("a clinician's programme and a clinic routine with its own clip play offline; a new version updates; withdrawn says so", async ({ browser }) => {
	test.setTimeout(600_000);
	dir = clinicFolder();
	const srv = await BuiltServer.start({ env: { LIMBER_CONTENT_DIR: dir } });
	server = srv;
	expect(srv.log).toContain('2 file(s) loaded, 0 problem(s)');

	const clinicianContext = await browser.newContext({ baseURL: srv.url });
	const clinician = await clinicianContext.newPage();
	await signUpInstructor(clinician, 'clinician');
	const { url: builderUrl, shareLink } = await saveProgramme(clinician, TITLE, ['Seated pelvic tilt', 'Seated trunk rotation']);
	const shareId = shareLink.split('/').pop() ?? '';
	const programmeId = `programme-${Buffer.from(shareId, 'base64url').toString('hex')}`;
	let programmeClips: string[] = [];

	patientContext = await chromium.launchPersistentContext(profile, {
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--autoplay-policy=no-user-gesture-required', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
		baseURL: srv.url,
		serviceWorkers: 'allow',
		viewport: { width: 1280, height: 800 }
	});
	const ctx = patientContext;
	await ctx.addInitScript(() => {
		const key = 'limber.stage.v1';
		if (!localStorage.getItem(key)) localStorage.setItem(key, JSON.stringify({ keepControls: true }));
	});
	const patient = ctx.pages()[0] ?? (await ctx.newPage());
	const mediaResponses: { url: string; status: number; fromServiceWorker: boolean }[] = [];
	patient.on('response', (res) => {
		if (new URL(res.url()).pathname.startsWith('/media/')) mediaResponses.push({ url: res.url(), status: res.status(), fromServiceWorker: res.fromServiceWorker() });
	});

	await test.step('the patient downloads level 1 of the programme and of the clinic routine', async () => {
		await patient.goto('/');
		await swReady(patient);
		await completeScreening(patient);
		await downloadLevel(patient, shareLink, 1);
		await expectNoAxeViolations(patient);
		await downloadLevel(patient, `/routines/${CLINIC_ROUTINE}`, 1);
		const cached = await cachedMedia(patient);
		const clinicClip = cached.find((u) => u.startsWith('/media/clinic/pelvic-tilt.'));
		// The clinic's own clip, versioned by its content like a shipped one, and served to be kept for good.
		expect(clinicClip).toMatch(/^\/media\/clinic\/pelvic-tilt\.webm\?v=[0-9a-f]{12}$/);
		const served = await patient.request.get(`${srv.url}${clinicClip}`);
		expect(served.status()).toBe(200);
		expect(served.headers()['cache-control']).toContain('immutable');
		programmeClips = await listedClips(patient, `${srv.url}${shareLink}/offline.json`, 1);
		expect(programmeClips.length).toBeGreaterThanOrEqual(2);
		for (const clip of programmeClips) expect(cached, clip).toContain(clip);
		expect(await savedPages(patient)).toEqual(expect.arrayContaining([shareLink, `${shareLink}/play?level=1`, `${shareLink}/play/__data.json?level=1`]));

		await patient.goto('/downloads');
		const programmeRow = patient.locator(`[data-download="${programmeId}@1"]`);
		await expect(programmeRow.getByRole('link', { name: TITLE })).toHaveAttribute('href', shareLink);
		await expect(programmeRow).toContainText('From your clinician');
		await expect(programmeRow).toContainText('Ready offline');
		const clinicRow = patient.locator(`[data-download="${CLINIC_ROUTINE}@1"]`);
		await expect(clinicRow.getByRole('link', { name: 'Clinic desk care' })).toHaveAttribute('href', `/routines/${CLINIC_ROUTINE}`);
		await expect(clinicRow).toContainText('Ready offline');
		await expectNoAxeViolations(patient);
	});

	await test.step('with no network and no server, the programme plays from the device to its check-in', async () => {
		await ctx.setOffline(true);
		await srv.signal('SIGTERM');
		await patient.goto('/');
		await expect(patient.getByTestId('clinician-programme').getByTestId('offline-ready')).toBeVisible();
		await patient.getByRole('link', { name: TITLE }).click();
		await expect(patient.getByRole('heading', { name: TITLE, level: 1 })).toBeVisible();
		mediaResponses.length = 0;
		await patient.getByRole('button', { name: 'Start', exact: true }).click();
		await expect(patient).toHaveURL(new RegExp(`/p/${shareId}/play\\?level=1$`));
		const src = await playFirstClip(patient);
		expect(programmeClips).toContain(pathOf(src));
		expect(mediaResponses.length).toBeGreaterThan(3);
		for (const e of mediaResponses) expect(e, e.url).toMatchObject({ fromServiceWorker: true });
		await expect(patient.getByText('could not be loaded')).toHaveCount(0);
		await playToCheckIn(patient);
		await patient.goto('/history');
		await expect(patient.getByTestId('sessions-table')).toContainText(TITLE);
	});

	await test.step("offline, the clinic routine plays the clinic's own clip from the device", async () => {
		mediaResponses.length = 0;
		await patient.goto(`/play/${CLINIC_ROUTINE}?level=1`);
		const src = await playFirstClip(patient);
		expect(src).toMatch(/\/media\/clinic\/pelvic-tilt\.webm\?v=[0-9a-f]{12}$/);
		const clip = mediaResponses.filter((e) => e.url.includes('/media/clinic/'));
		expect(clip.length).toBeGreaterThan(0);
		for (const e of clip) expect(e, e.url).toMatchObject({ fromServiceWorker: true });
		await patient.getByRole('button', { name: 'Pause' }).click();
	});

	await test.step("a new version of the programme updates the download, fetching only the new files", async () => {
		await ctx.setOffline(false);
		await srv.restart();
		await clinician.goto(builderUrl);
		// A clip neither the programme nor the clinic routine's download has yet.
		await addExercise(clinician, "Child's pose");
		await clinician.getByRole('button', { name: 'Save programme' }).click();
		await expect(clinician.getByTestId('saved')).toContainText('version 2');

		const before = new Set(await cachedMedia(patient));
		const versionBefore = (await records(patient))[`${programmeId}@1`]?.version;
		mediaResponses.length = 0;
		await patient.goto('/downloads');
		await expect.poll(async () => (await records(patient))[`${programmeId}@1`]?.version, { timeout: 60_000 }).not.toBe(versionBefore);
		// What the page fetched while it updated the download.
		const requested = mediaResponses.map((e) => pathOf(e.url));
		expect(requested.length).toBeGreaterThan(0);
		for (const u of requested) expect(before.has(u), `${u} was on the device already`).toBe(false);
		const newClips = await listedClips(patient, `${srv.url}${shareLink}/offline.json`, 1);
		expect(newClips.length).toBe(programmeClips.length + 1);
		const after = await cachedMedia(patient);
		for (const clip of newClips) expect(after, clip).toContain(clip);
		const added = newClips.filter((c) => !programmeClips.includes(c));
		expect(added.length).toBe(1);
		expect(requested).toEqual(expect.arrayContaining(added));

		// Offline again, the programme's saved page is the new version's.
		await ctx.setOffline(true);
		await srv.signal('SIGTERM');
		await patient.goto(shareLink);
		await expect(patient.locator('table.dosage').first()).toContainText("Child's pose");
		await patient.goto(`${shareLink}/play?level=1`);
		await expect(patient.getByTestId('session-state')).toHaveText('Ready', { timeout: 20_000 });
	});

	await test.step('withdrawn: the download says so, nothing of it plays, the history stays', async () => {
		await ctx.setOffline(false);
		await srv.restart();
		await clinician.goto(builderUrl);
		await clinician.getByRole('button', { name: 'Withdraw this programme' }).click();
		await expect(clinician.getByTestId('withdrawn')).toBeVisible();

		await patient.goto('/downloads');
		const row = patient.locator(`[data-download="${programmeId}@1"]`);
		await expect(row.getByTestId('download-withdrawn')).toContainText('Your clinician has withdrawn this programme');
		await expect(row).not.toContainText('Ready offline');
		await expect(patient.locator(`[data-download="${CLINIC_ROUTINE}@1"]`)).toContainText('Ready offline');
		await expect.poll(async () => (await savedPages(patient)).filter((p) => p.startsWith(shareLink))).toEqual([]);
		expect((await records(patient))[`${programmeId}@1`]).toMatchObject({ withdrawn: true, files: [] });
		await expectNoAxeViolations(patient);
		await patient.goto('/history');
		await expect(patient.getByTestId('sessions-table')).toContainText(TITLE);
	});
	await clinicianContext.close();
});
