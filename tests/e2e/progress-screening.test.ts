import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';

// Whole journeys across several pages, each loading the player, on a shared 2-core machine.
test.slow();

test('first use: the safety check comes before the player, and a clear answer lets the session start', async ({ page }) => {
	await page.goto('/play/desk-break?level=1');
	const screen = page.getByTestId('red-flag-screen');
	await expect(screen).toBeVisible();
	await expect(page.getByTestId('session-state')).toHaveCount(0);
	await expectNoAxeViolations(page);
	await screen.getByRole('button', { name: 'None of these apply: continue' }).click();
	await expect(page.getByTestId('session-state')).toHaveText('Ready');
	// Answered once: it is not asked again on the next visit.
	await page.reload();
	await expect(page.getByTestId('session-state')).toHaveText('Ready');
	await expect(page.getByTestId('red-flag-screen')).toHaveCount(0);
});

test('a see-a-doctor answer pauses the programme until the person confirms they were cleared', async ({ page }) => {
	await page.goto('/screening');
	await expectNoAxeViolations(page);
	await page.getByRole('checkbox', { name: 'You have had cancer' }).check();
	await page.getByRole('button', { name: 'Continue', exact: true }).click();
	const hold = page.getByTestId('safety-hold');
	await expect(hold).toHaveAttribute('data-state', 'see-doctor');
	await expect(hold.getByRole('heading', { name: 'Your programme is paused' })).toBeVisible();
	await expectNoAxeViolations(page);

	await page.goto('/play/desk-break?level=1');
	await expect(page.getByTestId('safety-hold')).toBeVisible();
	await expect(page.getByTestId('session-state')).toHaveCount(0);
	await page.goto('/routines/desk-break');
	await expect(page.getByText('Your programme is paused for safety.')).toBeVisible();

	await page.goto('/play/desk-break?level=1');
	const button = page.getByRole('button', { name: 'Continue my programme' });
	await expect(button).toBeDisabled();
	await page.getByRole('checkbox', { name: /has checked me and said I can exercise/ }).check();
	await button.click();
	await expect(page.getByTestId('session-state')).toHaveText('Ready');
});

test('an emergency answer says what to do now and no routine starts', async ({ page }) => {
	await page.goto('/screening');
	await page.getByRole('checkbox', { name: /Numbness or a changed feeling around your bottom/ }).check();
	await page.getByRole('checkbox', { name: 'You have a fever', exact: false }).check();
	await page.getByRole('button', { name: 'Continue', exact: true }).click();
	const hold = page.getByTestId('safety-hold');
	await expect(hold).toHaveAttribute('data-state', 'emergency');
	await expect(hold.getByRole('heading', { name: 'Get urgent medical help now' })).toBeVisible();
	await expect(hold).toContainText('emergency department');
	await expectNoAxeViolations(page);
	for (const id of ['desk-break', 'progressive-muscle-relaxation']) {
		await page.goto(`/play/${id}?level=1`);
		await expect(page.getByTestId('safety-hold')).toHaveAttribute('data-state', 'emergency');
		await expect(page.getByRole('button', { name: 'Start', exact: true })).toHaveCount(0);
	}
});
