import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { expectControlsReachable, expectNoSidewaysScroll, saveScreen } from './fit';
import { importText, seedFile } from './progress-helpers';

/**
 * Every page that is not a session stage (those have their own layout suite) fits a small
 * phone: nothing scrolls sideways at 320, 360 or 390 px, every control can be scrolled to
 * and tapped, and axe finds nothing. 640 × 400 is a 1280 × 800 laptop at 200 % zoom.
 * One browser context per viewport walks every page, as a person would, and leaves a
 * full-page screenshot of each in reports/screens/pages/VIEWPORT/.
 */

interface Viewport {
	readonly label: string;
	readonly width: number;
	readonly height: number;
	readonly axe: boolean;
}

const VIEWPORTS: readonly Viewport[] = [
	{ label: '320', width: 320, height: 640, axe: true },
	{ label: '360', width: 360, height: 740, axe: false },
	{ label: '390', width: 390, height: 844, axe: false },
	{ label: 'zoom-200', width: 640, height: 400, axe: true }
];

// From the content folder, so a routine added later is covered without editing this file.
const ROUTINES = readdirSync('src/content/routines')
	.filter((f) => f.endsWith('.yaml'))
	.map((f) => f.replace(/\.yaml$/, ''))
	.sort();

/**
 * Checks the page as it is now and keeps its picture. axe runs at the narrowest width and
 * at 200 % zoom only: what it checks (names, roles, contrast) does not change between 320
 * and 390 px, and each scan costs a second or two on this machine.
 */
async function check(page: Page, viewport: Viewport, name: string): Promise<void> {
	await expectNoSidewaysScroll(page);
	await expectControlsReachable(page);
	if (viewport.axe) await expectNoAxeViolations(page);
	await saveScreen(page, `pages/${viewport.label}`, name);
}

async function visit(page: Page, viewport: Viewport, url: string, name: string): Promise<void> {
	const response = await page.goto(url);
	expect(response?.status(), url).toBeLessThan(400);
	await check(page, viewport, name);
}

for (const viewport of VIEWPORTS) {
	test.describe(`at ${viewport.width} × ${viewport.height}`, () => {
		test.use({ viewport: { width: viewport.width, height: viewport.height } });

		test('every page fits the width and every control can be reached', async ({ page }) => {
			// About forty pages, each scanned by axe and photographed, on two shared cores.
			test.setTimeout(600_000);

			// A new device: the safety questions first, then their answer.
			await visit(page, viewport, '/screening', 'screening-questions');
			await page.getByRole('button', { name: 'None of these apply: continue' }).click();
			await expect(page.getByTestId('safety-clear')).toBeVisible();
			await check(page, viewport, 'screening-clear');

			await visit(page, viewport, '/', 'home');
			for (const id of ROUTINES) {
				await page.goto(`/routines/${id}`);
				// The suggested level has loaded from the device: its reason is often the widest line.
				await expect(page.getByTestId('recommendation-reason')).toBeVisible();
				await check(page, viewport, `routine-${id}`);
				await visit(page, viewport, `/routines/${id}/handout`, `handout-${id}`);
				await visit(page, viewport, `/routines/${id}/script`, `script-${id}`);
			}
			const missing = await page.goto('/routines/no-such-routine');
			expect(missing?.status()).toBe(404);
			await check(page, viewport, 'not-found');

			await visit(page, viewport, '/history', 'history-empty');
			await importText(
				page,
				seedFile([
					{ routineId: 'morning-mobility', level: 1, daysAgo: 20, before: 6, after: 4 },
					{ routineId: 'morning-mobility', level: 2, daysAgo: 12, before: 5, after: 3, effort: 'too-hard' },
					{ routineId: 'progressive-muscle-relaxation', level: 1, daysAgo: 5, before: 4, after: 2 },
					{ routineId: 'back-school-lesson-1', level: 1, daysAgo: 1, before: 3, after: 3, outcome: 'stopped', playedMin: 4 }
				])
			);
			await expect(page.getByRole('table').first()).toBeVisible();
			await page.getByText('Pain scores as a table').click();
			await expect(page.getByTestId('pain-table')).toBeVisible();
			await check(page, viewport, 'history-with-data');

			await visit(page, viewport, '/join', 'join');
			await page.getByTestId('join-code').fill('QQQQQQ');
			await page.getByTestId('join-name').fill('Dana');
			await page.getByRole('button', { name: 'Join' }).click();
			await expect(page.getByTestId('join-error')).toBeVisible();
			await check(page, viewport, 'join-refused');

			await visit(page, viewport, '/teach/signin', 'teach-signin');
			await visit(page, viewport, '/teach/signup', 'teach-signup');
			await page.getByLabel('Email').fill(`fit-${viewport.label}-${randomUUID()}@example.org`);
			await page.getByLabel('Password', { exact: true }).fill('calm lumbar walks daily');
			await page.getByRole('button', { name: 'Create account' }).click();
			// scrypt is deliberately slow, and this machine's two cores are shared.
			await expect(page).toHaveURL(/\/teach\/?$/, { timeout: 30_000 });
			await check(page, viewport, 'teach-no-classes');
			await page.getByRole('button', { name: 'Create class' }).click();
			await expect(page).toHaveURL(/\/teach\/classes\//);
			await check(page, viewport, 'teach-class');
			const classUrl = page.url();
			await page.getByRole('button', { name: 'Start live lesson' }).first().click();
			await expect(page).toHaveURL(/\/teach\/live\/[A-Z0-9]{6}$/);
			await expect(page.getByTestId('console-status')).toContainText('Not started');
			await check(page, viewport, 'teach-console');
			await visit(page, viewport, classUrl, 'teach-class-live');
			await visit(page, viewport, '/teach', 'teach-classes');
		});
	});
}
