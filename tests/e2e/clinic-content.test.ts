/**
 * A clinic's own routine files (LIMBER_CONTENT_DIR) on a server of its own: the good
 * routine is in the catalogue and plays; the broken file is reported at start with its
 * line and column, and on /teach; the folder's media is served under /media and nothing
 * else in (or above) the folder is.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { completeScreening } from './screened';
import { BuiltServer, REPO } from './server/built-server';

test.describe.configure({ mode: 'serial' });

let dir: string;
let server: BuiltServer;
let brokenLine = 0;

const shipped = readFileSync(path.join(REPO, 'src/content/routines/desk-break.yaml'), 'utf8');

function replaceOnce(text: string, from: string, to: string): string {
	if (text.split(from).length !== 2) throw new Error(`"${from}" must occur once`);
	return text.replace(from, to);
}

/** A raw GET, so `..` reaches the server as sent (fetch would tidy it away). */
function rawGet(base: string, pathname: string): Promise<{ status: number; body: string }> {
	return new Promise((resolve, reject) => {
		const req = request(`${base}${pathname}`, (res) => {
			let body = '';
			res.on('data', (c: Buffer) => (body += c.toString()));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
		});
		req.on('error', reject);
		req.end();
	});
}

test.beforeAll(async () => {
	test.setTimeout(120_000);
	dir = mkdtempSync(path.join(tmpdir(), 'limber-clinic-content-'));
	mkdirSync(path.join(dir, 'routines'));
	mkdirSync(path.join(dir, 'media'));
	const good = replaceOnce(replaceOnce(shipped, 'id: desk-break', 'id: clinic-desk-reset'), 'title: Desk break', 'title: Clinic desk reset');
	writeFileSync(path.join(dir, 'routines', 'clinic-desk-reset.yaml'), good);
	const broken = replaceOnce(replaceOnce(shipped, 'id: desk-break', 'id: clinic-broken'), 'sessionsPerWeek: 5', 'sessionsPerWeek: lots');
	brokenLine = broken.split('\n').findIndex((line) => line.includes('sessionsPerWeek: lots')) + 1;
	writeFileSync(path.join(dir, 'routines', 'clinic-broken.yaml'), broken);
	writeFileSync(path.join(dir, 'media', 'clinic-note.txt'), 'from the clinic');
	server = await BuiltServer.start({ env: { LIMBER_CONTENT_DIR: dir } });
});

test.afterAll(async () => {
	await server?.dispose();
	rmSync(dir, { recursive: true, force: true });
});

test('a clinic routine loads beside the shipped ones, and a broken file is reported with its line', async ({ browser }) => {
	test.setTimeout(120_000);
	const brokenFile = path.join(dir, 'routines', 'clinic-broken.yaml');
	expect(server.log).toMatch(new RegExp(`${brokenFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${brokenLine}:\\d+: `));
	expect(server.log).toContain('1 file(s) loaded');

	const context = await browser.newContext({ baseURL: server.url });
	const page = await context.newPage();
	await page.goto('/');
	await expect(page.getByRole('link', { name: /Clinic desk reset/ }).first()).toBeVisible();
	await expect(page.getByText('clinic-broken')).toHaveCount(0);

	await completeScreening(page);
	await page.goto('/routines/clinic-desk-reset');
	await expect(page.getByRole('heading', { name: 'Clinic desk reset', level: 1 })).toBeVisible();
	await page.getByRole('button', { name: 'Start' }).click();
	await expect(page).toHaveURL(/\/play\/clinic-desk-reset\?level=1/);
	await expect(page.getByTestId('session-state')).toHaveText('Ready');
	await page.getByRole('button', { name: 'Start' }).click();
	await expect(page.getByTestId('session-state')).toHaveText('Playing', { timeout: 10_000 });
	expect((await page.request.get('/routines/clinic-broken')).status()).toBe(404);

	// A signed-in clinician sees the problem on /teach (the first account on this server).
	await page.goto('/teach/signup');
	await page.getByLabel('Email').fill('clinic@clinic.example');
	await page.getByLabel('Password', { exact: true }).fill('calm lumbar walks daily');
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page).toHaveURL(/\/teach\/?$/, { timeout: 30_000 });
	await expect(page.getByTestId('content-problems')).toContainText(`${brokenFile}:${brokenLine}:`);
	await expectNoAxeViolations(page);
	await context.close();
});

test("the folder's media is served under /media, and nothing outside media/", async () => {
	expect(await rawGet(server.url, '/media/clinic-note.txt')).toEqual({ status: 200, body: 'from the clinic' });
	for (const pathname of ['/media/../routines/clinic-desk-reset.yaml', '/media/..%2froutines%2fclinic-desk-reset.yaml', '/media/missing.txt']) {
		const answer = await rawGet(server.url, pathname);
		expect(answer.status, pathname).toBe(404);
		expect(answer.body, pathname).not.toContain('clinic-desk-reset');
	}
});

test('SIGHUP reads the folder again without a restart', async () => {
	const added = replaceOnce(replaceOnce(shipped, 'id: desk-break', 'id: clinic-added'), 'title: Desk break', 'title: Clinic added later');
	writeFileSync(path.join(dir, 'routines', 'clinic-added.yaml'), added);
	rmSync(path.join(dir, 'routines', 'clinic-broken.yaml'));
	expect((await fetch(`${server.url}/routines/clinic-added`)).status).toBe(404);
	process.kill(server.pid, 'SIGHUP');
	await expect.poll(async () => (await fetch(`${server.url}/routines/clinic-added`)).status, { timeout: 15_000 }).toBe(200);
	expect(server.running).toBe(true);
	expect(server.log).toContain('SIGHUP: reading LIMBER_CONTENT_DIR again');
	expect(server.log).toContain('2 file(s) loaded, 0 problem(s)');
	expect((await fetch(`${server.url}/routines/clinic-desk-reset`)).status).toBe(200);
});
