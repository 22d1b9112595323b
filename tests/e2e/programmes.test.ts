/**
 * A clinician's home programme from build to hand-over: built from the library with a live
 * preview (one exercise only in level 2), saved, opened by a patient on a fresh device through
 * its share link, played to a check-in; the patient moves to level 2, the clinician saves a new
 * version (the stretch again at the end), and the patient keeps their level and history;
 * withdrawn; a stranger cannot change it; its YAML export validates.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { painBefore, playToEnd } from './progress-helpers';
import { signUpInstructor } from './teach-helpers';

// A build of a programme, a whole session and two more accounts on a shared 2-core machine.
test.slow();

async function addExercise(page: Page, name: string): Promise<void> {
	await page.getByLabel('Search exercises').fill(name);
	await page.getByRole('button', { name: `Add ${name}`, exact: true }).first().click();
}

test('a clinician builds a programme, a patient plays it from the link, the clinician withdraws it', async ({ page, browser, baseURL }) => {
	await signUpInstructor(page, 'clinician');
	await page.goto('/teach/programmes');
	await expect(page.getByRole('heading', { name: 'Your home programmes' })).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByRole('link', { name: 'New programme' }).click();

	await page.getByLabel('Title').fill('Back care after work');
	for (const name of ['Seated pelvic tilt', 'Seated trunk rotation', 'Standing back-bend', 'Seated hamstring stretch']) {
		await addExercise(page, name);
	}
	await page.getByRole('button', { name: 'Add talk Pain does not mean damage' }).click();
	await page.getByRole('button', { name: 'Add a level' }).click();
	await expect(page.getByTestId('programme-item')).toHaveCount(5);
	// The back-bend plays only at level 2: its level 1 dose is hidden, and level 1's table leaves it out.
	const bend = page.getByTestId('programme-item').nth(2);
	await bend.getByRole('group', { name: 'Levels with Standing back-bend' }).getByRole('checkbox', { name: /Level 1/ }).uncheck();
	await expect(page.locator('#sets-2-0')).toHaveCount(0);
	await expect(page.locator('#sets-2-1')).toBeVisible();
	const table = (level: number) => page.locator(`table.dosage[data-level="${level}"]`);
	await expect(table(1)).not.toContainText('Standing back-bend');
	await expect(table(2)).toContainText('Standing back-bend');
	// Level 2 holds the trunk rotation longer too, so its preview is longer than level 1's.
	await page.locator('#hold-1-1').fill('40');
	const durations = page.getByTestId('preview-durations');
	await expect(durations.locator('li')).toHaveCount(2);
	const level1 = (await durations.locator('li[data-level="1"] strong').textContent()) ?? '';
	const level2 = (await durations.locator('li[data-level="2"] strong').textContent()) ?? '';
	expect(level1).toMatch(/min/);
	expect(level2).not.toBe(level1);

	// A problem shows beside its field and blocks nothing typed.
	await page.locator('#sets-0-0').fill('0');
	await expect(page.getByTestId('field-problem').first()).toContainText('at least 1');
	await page.locator('#sets-0-0').fill('1');
	await expect(page.getByTestId('field-problem')).toHaveCount(0);
	await expectNoAxeViolations(page);

	// Nothing typed is lost: not on a reload (the draft is on the device), nor on a refused save.
	await page.reload();
	await expect(page.getByTestId('programme-item')).toHaveCount(5);
	await expect(page.locator('#hold-1-1')).toHaveValue('40');
	await expect(page.locator('#sets-2-0')).toHaveCount(0);
	await page.getByLabel('Title').fill('');
	await page.getByRole('button', { name: 'Save programme' }).click();
	await expect(page.getByTestId('save-refused')).toContainText('Not saved');
	await expect(page).toHaveURL(/\/teach\/programmes\/new$/);
	await expect(page.getByTestId('programme-item')).toHaveCount(5);
	await page.getByLabel('Title').fill('Back care after work');

	await page.getByRole('button', { name: 'Save programme' }).click();
	await expect(page).toHaveURL(/\/teach\/programmes\/[A-Za-z0-9_-]{22}$/);
	const shareLink = (await page.getByTestId('share-link').getAttribute('href')) ?? '';
	expect(shareLink).toMatch(/\/p\/[A-Za-z0-9_-]{22}$/);
	await expect(page.getByTestId('share-qr').locator('svg[role="img"]')).toBeVisible();
	const programmeUrl = page.url();
	const id = programmeUrl.split('/').pop() ?? '';

	// The export is a routine file `npm run validate` accepts.
	const exported = await page.request.get(`/teach/programmes/${id}/export.yaml`);
	expect(exported.status()).toBe(200);
	const exportedYaml = await exported.text();
	const dir = mkdtempSync(path.join(tmpdir(), 'limber-export-'));
	try {
		mkdirSync(path.join(dir, 'routines'));
		const file = path.join(dir, 'routines', /filename="([^"]+)"/.exec(exported.headers()['content-disposition'] ?? '')?.[1] ?? 'x.yaml');
		writeFileSync(file, exportedYaml);
		execFileSync('npx', ['tsx', 'scripts/validate.ts', file], { stdio: 'pipe' });
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}

	// The handout carries the link's QR code, drawn in the page itself.
	await page.getByTestId('programme-handout').click();
	await expect(page.getByRole('heading', { name: 'Back care after work' })).toBeVisible();
	await expect(page.getByRole('img', { name: `QR code for ${new URL(shareLink, baseURL).href}` })).toBeVisible();
	await page.goto(programmeUrl);

	// Another clinician may not edit or withdraw it.
	const strangerContext = await browser.newContext();
	const stranger = await strangerContext.newPage();
	await signUpInstructor(stranger, 'stranger');
	expect((await stranger.request.get(`/teach/programmes/${id}`)).status()).toBe(403);
	const origin = { origin: baseURL ?? '' };
	expect((await stranger.request.post(`/teach/programmes/${id}?/withdraw`, { form: { x: '1' }, headers: origin })).status()).toBe(403);
	expect((await stranger.request.post(`/teach/programmes/${id}?/save`, { form: { draft: '{}' }, headers: origin })).status()).toBe(403);
	await strangerContext.close();

	// The patient: a fresh device with no account.
	const patientContext = await browser.newContext();
	const patient = await patientContext.newPage();
	// Share ids are not guessable: a made-up one (or junk) is simply not there.
	expect((await patient.request.get('/p/AAAAAAAAAAAAAAAAAAAAAA')).status()).toBe(404);
	expect((await patient.request.get('/p/1')).status()).toBe(404);
	await patient.goto(shareLink);
	await expect(patient.getByRole('heading', { name: 'Back care after work' })).toBeVisible();
	await expect(patient.locator('table.dosage caption').first()).toContainText(`about ${level1}`);
	await expect(patient.getByTestId('recommendation')).toContainText('Suggested: level 1');
	await expectNoAxeViolations(patient);
	await patient.getByRole('button', { name: 'Start', exact: true }).click();
	await expect(patient).toHaveURL(/\/p\/[A-Za-z0-9_-]{22}\/play\?level=1$/);
	// ?bench exposes the engine so the session can be played to its end at once.
	await patient.goto(`${patient.url()}&bench`);
	await expect(patient.getByTestId('red-flag-screen')).toBeVisible();
	await patient.getByRole('button', { name: 'None of these apply: continue' }).click();
	await patient.waitForFunction(() => 'media' in ((window as unknown as { __limber?: object }).__limber ?? {}));
	await expect(patient.getByTestId('session-state')).toHaveText('Ready');
	await painBefore(patient, 3);
	await playToEnd(patient);
	const form = patient.getByTestId('after-check-in');
	await form.getByRole('radio', { name: '2', exact: true }).check();
	await form.getByRole('radio', { name: 'About right' }).check();
	await form.getByRole('group', { name: /new or spreading pain/ }).getByRole('radio', { name: 'No' }).check();
	await form.getByRole('button', { name: 'Save' }).click();
	await expect(patient.getByTestId('check-in-saved')).toContainText('saved on this device');
	await patient.getByRole('link', { name: 'Your history' }).click();
	const row = patient.getByTestId('sessions-table').getByRole('row').nth(1);
	await expect(row).toContainText('Back care after work');
	await expect(row).toContainText('3 → 2');
	await expect(patient.getByTestId('routine-progress')).toContainText('level 1');
	await patient.goto('/');
	await expect(patient.getByTestId('clinician-programme')).toContainText('Back care after work');

	// The patient moves up to level 2 themselves (the choice is kept on the device).
	await patient.goto(shareLink);
	await patient.getByLabel('Level', { exact: true }).selectOption('2');
	await patient.getByRole('button', { name: 'Start', exact: true }).click();
	await expect(patient).toHaveURL(/\/play\?level=2$/);
	await patient.goto(shareLink);
	await expect(patient.getByTestId('recommendation')).toContainText('Suggested: level 2');

	// The clinician saves a new version: the hamstring stretch again at the end, under its own key.
	await page.goto(programmeUrl);
	await addExercise(page, 'Seated hamstring stretch');
	await expect(page.getByTestId('programme-item')).toHaveCount(6);
	await expect(page.getByRole('button', { name: 'Remove Seated hamstring stretch (use 2 of 2)' })).toBeVisible();
	await expect(table(2).getByRole('row', { name: /Seated hamstring stretch/ })).toHaveCount(2);
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Save programme' }).click();
	await expect(page.getByTestId('saved')).toContainText('Saved as version 2');
	await expect(page.getByTestId('programme-item')).toHaveCount(6);

	// The patient keeps their level and their history, and sees the new version.
	await patient.goto(shareLink);
	await expect(patient.getByTestId('recommendation')).toContainText('Suggested: level 2');
	await expect(patient.locator('table.dosage[data-level="2"]').getByRole('row', { name: /Seated hamstring stretch/ })).toHaveCount(2);
	await patient.goto('/history');
	await expect(patient.getByTestId('sessions-table').getByRole('row').nth(1)).toContainText('3 → 2');
	await expect(patient.getByTestId('routine-progress')).toContainText('Now at level 2 of 2. 1 session done.');

	// Withdrawn: the link says so; this device keeps its history.
	await page.getByRole('button', { name: 'Withdraw this programme' }).click();
	await expect(page.getByTestId('withdrawn')).toBeVisible();
	await patient.goto(shareLink);
	const notice = patient.getByTestId('programme-withdrawn');
	await expect(notice).toContainText('Your clinician has withdrawn this programme');
	await expect(notice.getByRole('link', { name: 'see your history' })).toBeVisible();
	await expectNoAxeViolations(patient);
	await patient.goto('/');
	await expect(patient.getByTestId('clinician-programme')).toContainText('withdrawn');
	await patient.goto('/history');
	await expect(patient.getByTestId('sessions-table')).toContainText('Back care after work');
	await patientContext.close();

	// The export imported into a new programme on an install that lacks one of its clips: the
	// levels come back as they were, and the missing clip shows beside its exercise before any save.
	const lacking = exportedYaml.replace(/^(\s+video: )[a-z0-9-]+$/m, '$1clinic-only-clip');
	expect(lacking).not.toBe(exportedYaml);
	await page.goto('/teach/programmes/new');
	await page.locator('#import').setInputFiles({ name: 'back-care.yaml', mimeType: 'text/yaml', buffer: Buffer.from(lacking) });
	await expect(page.getByTestId('import-message')).toContainText('Imported "Back care after work"');
	await expect(page.getByTestId('programme-item')).toHaveCount(5);
	await expect(page.locator('#sets-2-0')).toHaveCount(0);
	await expect(page.getByTestId('preview-problems')).toContainText('no video "clinic-only-clip" in the media catalogue');
	await expect(page.getByTestId('programme-item').getByTestId('field-problem')).toContainText('clinic-only-clip');
	await expectNoAxeViolations(page);
});
