import { readdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { expectControlsReachable, expectNoSidewaysScroll, saveScreen } from './fit';
import { importText, seedFile } from './progress-helpers';
import { test as screenedTest } from './screened';
import { signUpInstructor } from './teach-helpers';

/**
 * Every page that is not a session stage (those have their own layout suite) fits a small
 * phone: nothing scrolls sideways at 320, 360 or 390 px, every control can be scrolled to
 * and tapped, and axe finds nothing. 640 × 400 is a 1280 × 800 laptop at 200 % zoom.
 * Per viewport, one browser context walks the routine pages and another the rest, as a
 * person would, leaving a screenshot of each in reports/screens/pages/VIEWPORT/ (the whole
 * page at 320 px, the first screen elsewhere).
 *
 * Kept lean for CI: axe runs at 320 px on every page and at 200 % zoom on the app's own
 * pages (forms and controls), not again at 360 and 390 px, where what it checks (names,
 * roles, contrast) is the same; the width and reach checks run everywhere.
 */

interface Viewport {
	readonly label: string;
	readonly width: number;
	readonly height: number;
	/** Scan with axe: 'all' pages, only the 'app' pages (not the routine pages), or none. */
	readonly axe: 'all' | 'app' | 'none';
	readonly fullPage: boolean;
}

const VIEWPORTS: readonly Viewport[] = [
	{ label: '320', width: 320, height: 640, axe: 'all', fullPage: true },
	{ label: '360', width: 360, height: 740, axe: 'none', fullPage: false },
	{ label: '390', width: 390, height: 844, axe: 'none', fullPage: false },
	{ label: 'zoom-200', width: 640, height: 400, axe: 'app', fullPage: false }
];

// From the content folder, so a routine added later is covered without editing this file.
const ROUTINES = readdirSync('src/content/routines')
	.filter((f) => f.endsWith('.yaml'))
	.map((f) => f.replace(/\.yaml$/, ''))
	.sort();

type Kind = 'app' | 'routine';

/** Checks the page as it is now and keeps its picture. */
async function check(page: Page, viewport: Viewport, kind: Kind, name: string): Promise<void> {
	await expectNoSidewaysScroll(page);
	await expectControlsReachable(page);
	if (viewport.axe === 'all' || viewport.axe === kind) await expectNoAxeViolations(page);
	await saveScreen(page, `pages/${viewport.label}`, name, viewport.fullPage);
}

async function visit(page: Page, viewport: Viewport, kind: Kind, url: string, name: string): Promise<void> {
	const response = await page.goto(url);
	expect(response?.status(), url).toBeLessThan(400);
	await check(page, viewport, kind, name);
}

for (const viewport of VIEWPORTS) {
	test.describe(`at ${viewport.width} × ${viewport.height}`, () => {
		test.use({ viewport: { width: viewport.width, height: viewport.height } });

		screenedTest('every routine page, handout and script fits the width', async ({ page }) => {
			// Thirty-odd long pages, scanned and photographed, on two shared cores.
			screenedTest.setTimeout(600_000);
			for (const id of ROUTINES) {
				await page.goto(`/routines/${id}`);
				// The suggested level has loaded from the device: its reason is often the widest line.
				await expect(page.getByTestId('recommendation-reason')).toBeVisible();
				await check(page, viewport, 'routine', `routine-${id}`);
				await visit(page, viewport, 'routine', `/routines/${id}/handout`, `handout-${id}`);
				await visit(page, viewport, 'routine', `/routines/${id}/script`, `script-${id}`);
			}
		});

		test('the safety check, the home page, history, joining and teaching fit the width', async ({ page }) => {
			test.setTimeout(600_000);
			const checkNow = (name: string) => check(page, viewport, 'app', name);
			const open = (url: string, name: string) => visit(page, viewport, 'app', url, name);

			// A new device: the safety questions first, then their answer.
			await open('/screening', 'screening-questions');
			await page.getByRole('button', { name: 'None of these apply: continue' }).click();
			await expect(page.getByTestId('safety-clear')).toBeVisible();
			await checkNow('screening-clear');

			await open('/', 'home');
			const missing = await page.goto('/routines/no-such-routine');
			expect(missing?.status()).toBe(404);
			await checkNow('not-found');

			await open('/history', 'history-empty');
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
			await checkNow('history-with-data');

			await open('/join', 'join');
			await page.getByTestId('join-code').fill('QQQQQQ');
			await page.getByTestId('join-name').fill('Dana');
			await page.getByRole('button', { name: 'Join' }).click();
			await expect(page.getByTestId('join-error')).toBeVisible();
			await checkNow('join-refused');

			await open('/teach/signin', 'teach-signin');
			await open('/teach/signup', 'teach-signup');
			await signUpInstructor(page, `fit-${viewport.label}`);
			await checkNow('teach-no-classes');
			await page.getByRole('button', { name: 'Create class' }).click();
			await expect(page).toHaveURL(/\/teach\/classes\//);
			await checkNow('teach-class');
			const classUrl = page.url();
			await page.getByRole('button', { name: 'Start live lesson' }).first().click();
			await expect(page).toHaveURL(/\/teach\/live\/[A-Z0-9]{6}$/);
			await expect(page.getByTestId('console-status')).toContainText('Not started');
			await checkNow('teach-console');
			await open(classUrl, 'teach-class-live');
			await open('/teach', 'teach-classes');
		});
	});
}
