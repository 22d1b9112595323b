import { expect, test } from './screened';
import { expectNoAxeViolations } from './axe';
import { importText, openSession, painBefore, playToEnd, seedFile, start } from './progress-helpers';

// Whole journeys across several pages, each loading the player, on a shared 2-core machine.
test.slow();

test('a session followed by a check-in shows in the history', async ({ page }) => {
	await openSession(page, 'desk-break');
	await painBefore(page, 4);
	await playToEnd(page);
	const form = page.getByTestId('after-check-in');
	await expectNoAxeViolations(page);
	await form.getByRole('radio', { name: '2', exact: true }).check();
	await form.getByRole('radio', { name: 'About right' }).check();
	await form.getByRole('group', { name: /new or spreading pain/ }).getByRole('radio', { name: 'No' }).check();
	await form.getByLabel('Note for yourself (optional)').fill('Hips felt looser');
	await form.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByTestId('check-in-saved')).toContainText('Session and check-in saved on this device.');

	await page.getByRole('link', { name: 'Your history' }).click();
	await expect(page.getByTestId('session-total')).toHaveText('1 session');
	const row = page.getByTestId('sessions-table').getByRole('row').nth(1);
	await expect(row).toContainText('Desk break');
	await expect(row).toContainText('Finished');
	await expect(row).toContainText('4 → 2');
	await expect(row).toContainText('About right');
	await expect(row).toContainText('Hips felt looser');
	await expect(page.getByTestId('routine-progress')).toContainText('1 of 5 sessions done at level 1 with pain steady');
	await page.getByText('Pain scores as a table').click();
	await expect(page.getByTestId('pain-table')).toContainText('Desk break');
	await expectNoAxeViolations(page);
});

test('a skipped check-in is kept as skipped', async ({ page }) => {
	await openSession(page, 'desk-break');
	await playToEnd(page);
	await page.getByTestId('after-check-in').getByRole('button', { name: 'Skip' }).click();
	await expect(page.getByTestId('check-in-saved')).toContainText('saved without a check-in');
	await page.goto('/history');
	const row = page.getByTestId('sessions-table').getByRole('row').nth(1);
	await expect(row).toContainText('– → –');
	await expect(row).toContainText('Check-in skipped');
});

test('new leg symptoms at the check-in stop the programme with the get-help guidance', async ({ page }) => {
	await openSession(page, 'desk-break');
	await playToEnd(page);
	const form = page.getByTestId('after-check-in');
	await form.getByRole('group', { name: /new or spreading pain/ }).getByRole('radio', { name: 'Yes' }).check();
	await form.getByRole('button', { name: 'Save' }).click();
	const dialog = page.getByTestId('help-dialog');
	await expect(dialog).toBeVisible();
	await expect(dialog).toContainText('emergency');
	await dialog.getByRole('button', { name: 'Close' }).click();
	await expect(page.getByTestId('safety-hold')).toContainText('new or spreading symptoms in your leg');
	await page.goto('/play/desk-break?level=1');
	await expect(page.getByTestId('safety-hold')).toBeVisible();
	await page.goto('/history');
	await expect(page.getByTestId('sessions-table')).toContainText('Stopped: leg symptoms');
});

test("the player's stop-and-get-help ends the session with the same guidance, then the check-in", async ({ page }) => {
	await openSession(page, 'desk-break');
	await start(page);
	// Help is two presses away: End (which pauses), then "Stop and get help".
	await page.getByTestId('end-button').click();
	await page.getByTestId('get-help').click();
	const dialog = page.getByTestId('help-dialog');
	await expect(dialog).toBeVisible();
	await dialog.getByRole('button', { name: 'Close' }).click();
	await expect(page.getByRole('heading', { name: 'Session stopped' })).toBeVisible();
	await page.getByTestId('after-check-in').getByRole('button', { name: 'Skip' }).click();
	await page.goto('/history');
	await expect(page.getByTestId('sessions-table')).toContainText('Stopped: get help');
});

test('the suggested level moves up after enough steady sessions, and the person can choose another', async ({ page }) => {
	// Four steady sessions at level 1 from an earlier device; desk break asks for five.
	await importText(page, seedFile([4, 3, 2, 1].map((daysAgo) => ({ routineId: 'desk-break', level: 1, daysAgo, before: 3, after: 3 }))));
	await expect(page.getByTestId('backup-message')).toContainText('Imported 5 new records');

	await page.goto('/routines/desk-break');
	await expect(page.getByTestId('recommendation')).toContainText('Suggested: level 1');
	await expect(page.getByTestId('recommendation-reason')).toHaveText('4 of 5 sessions done at level 1 with pain steady: stay at level 1.');
	await expect(page.getByLabel('Level', { exact: true })).toHaveValue('1');

	await openSession(page, 'desk-break', 1);
	await painBefore(page, 3);
	await playToEnd(page);
	const form = page.getByTestId('after-check-in');
	await form.getByRole('radio', { name: '3', exact: true }).check();
	await form.getByRole('radio', { name: 'About right' }).check();
	await form.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByTestId('check-in-saved')).toBeVisible();

	await page.goto('/routines/desk-break');
	await expect(page.getByTestId('recommendation')).toContainText('Suggested: level 2');
	await expect(page.getByTestId('recommendation-reason')).toHaveText('5 of 5 sessions done at level 1 with pain steady: try level 2.');
	await expect(page.getByLabel('Level', { exact: true })).toHaveValue('2');
	await expectNoAxeViolations(page);

	// The person picks level 3 instead: it is recorded, and the rule counts from there.
	await page.getByLabel('Level', { exact: true }).selectOption('3');
	await page.getByRole('button', { name: 'Start', exact: true }).click();
	await expect(page).toHaveURL(/\/play\/desk-break\?level=3/);
	await page.goto('/routines/desk-break');
	await expect(page.getByTestId('recommendation-reason')).toHaveText(/^You chose level 3 yourself\. 0 of 5 sessions done at level 3/);
	await expect(page.getByLabel('Level', { exact: true })).toHaveValue('3');
});

test('graded activity: baseline sessions first, then a quota level with its reason', async ({ page }) => {
	await page.goto('/routines/graded-activity');
	await expect(page.getByTestId('recommendation-reason')).toContainText('Baseline session 1 of 3');
	await expect(page.getByLabel('Level', { exact: true })).toHaveValue('6');
	await importText(
		page,
		seedFile([9, 8, 7].map((daysAgo) => ({ routineId: 'graded-activity', level: 6, daysAgo, before: 4, after: 5, outcome: 'stopped', playedMin: 10 })))
	);
	await expect(page.getByTestId('backup-message')).toContainText('Imported');
	await page.goto('/routines/graded-activity');
	// 70% of a 10-minute baseline is 7 minutes: two rounds (about 6.4 min) fit.
	await expect(page.getByTestId('recommendation-reason')).toContainText("Your baseline average is 10 min. Today's quota is 70% of it, 7 min: level 2");
	await expect(page.getByLabel('Level', { exact: true })).toHaveValue('2');
});

test('a relaxation session asks how relaxed the person got', async ({ page }) => {
	await openSession(page, 'progressive-muscle-relaxation');
	await playToEnd(page);
	const form = page.getByTestId('after-check-in');
	await expect(form.getByRole('group', { name: 'How did the effort feel?' })).toHaveCount(0);
	await form.getByRole('radio', { name: 'Fully relaxed' }).check();
	await form.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByTestId('check-in-saved')).toBeVisible();
	await page.goto('/history');
	await expect(page.getByTestId('sessions-table')).toContainText('Fully relaxed');
	await expect(page.getByTestId('routine-progress')).toContainText('1 of 2 sessions at stage 1');
});
