import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { importText, openSession, playToEnd, seedFile } from './progress-helpers';
import { completeScreening } from './screened';

// Whole journeys across several pages, each loading the player, on a shared 2-core machine.
test.slow();

const seeded = seedFile([
	{ routineId: 'desk-break', level: 1, daysAgo: 9, before: 5, after: 3 },
	{ routineId: 'desk-break', level: 1, daysAgo: 6, before: 4, after: 4, effort: 'too-easy' },
	{ routineId: 'morning-mobility', level: 2, daysAgo: 2, before: 3, after: 2 }
]);

test('export, then import into a fresh browser gives the same history', async ({ page, browser }) => {
	await importText(page, seeded);
	await expect(page.getByTestId('backup-message')).toContainText('Imported 4 new records');
	await expect(page.getByTestId('session-total')).toHaveText('3 sessions');
	const table = await page.getByTestId('sessions-table').innerText();
	const routines = await page.getByTestId('routine-progress').allInnerTexts();

	const download = page.waitForEvent('download');
	await page.getByTestId('export').click();
	const file = await download;
	expect(file.suggestedFilename()).toMatch(/^limber-progress-\d{4}-\d{2}-\d{2}\.json$/);
	const text = await readFile((await file.path()) as string, 'utf8');

	const fresh = await browser.newContext();
	const other = await fresh.newPage();
	await other.goto('/history');
	await expect(other.getByTestId('session-total')).toHaveText('0 sessions');
	await importText(other, text, file.suggestedFilename());
	await expect(other.getByTestId('backup-message')).toContainText('Imported 4 new records');
	await expect(other.getByTestId('session-total')).toHaveText('3 sessions');
	expect(await other.getByTestId('sessions-table').innerText()).toBe(table);
	expect(await other.getByTestId('routine-progress').allInnerTexts()).toEqual(routines);

	// The same file again adds nothing.
	await importText(other, text, file.suggestedFilename());
	await expect(other.getByTestId('backup-message')).toContainText('Nothing new');
	await expect(other.getByTestId('session-total')).toHaveText('3 sessions');
	// The imported screening carries over: the player opens without asking again.
	await other.goto('/play/desk-break?level=1');
	await expect(other.getByTestId('session-state')).toHaveText('Ready');
	await fresh.close();
});

test('a corrupt or foreign file is refused with a message and changes nothing', async ({ page }) => {
	await importText(page, seeded);
	await expect(page.getByTestId('session-total')).toHaveText('3 sessions');
	const cases: [string, RegExp][] = [
		['{"format": "limber-progress", "sessions": [', /not readable JSON/],
		['{"name": "some-other-app", "items": []}', /not a Limber progress export/],
		[seeded.replace('"pain":5', '"pain":15'), /damaged/]
	];
	for (const [text, message] of cases) {
		await importText(page, text, 'backup.json');
		await expect(page.getByTestId('backup-message')).toHaveText(message);
		await expect(page.getByTestId('backup-message')).toContainText('Nothing was changed.');
		await expect(page.getByTestId('session-total')).toHaveText('3 sessions');
	}
	await expectNoAxeViolations(page);
});

test('two tabs finishing sessions at once both keep their records, and an open history tab sees them', async ({ context }) => {
	const history = await context.newPage();
	await completeScreening(history);
	await history.goto('/history');
	await expect(history.getByTestId('session-total')).toHaveText('0 sessions');

	// Two sessions end one after the other (each already saved once as it ends)...
	const [a, b] = [await context.newPage(), await context.newPage()];
	for (const [p, id] of [[a, 'desk-break'], [b, 'morning-mobility']] as const) {
		await openSession(p, id);
		await playToEnd(p);
	}
	// ...then both check-ins are saved at the same moment.
	await Promise.all(
		[a, b].map(async (p) => {
			await p.getByTestId('after-check-in').getByRole('radio', { name: '1', exact: true }).check();
		})
	);
	await Promise.all([a, b].map((p) => p.getByTestId('after-check-in').getByRole('button', { name: 'Save' }).click()));
	await Promise.all([a, b].map((p) => expect(p.getByTestId('check-in-saved')).toBeVisible()));

	// No reload: the open history tab is told about both writes.
	await expect(history.getByTestId('session-total')).toHaveText('2 sessions');
	const rows = history.getByTestId('sessions-table');
	await expect(rows).toContainText('Desk break');
	await expect(rows).toContainText('Morning mobility');
	await expect(rows).not.toContainText('Check-in skipped');
});
