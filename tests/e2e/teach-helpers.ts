/** An instructor as the UI makes one: an account, a class, a live lesson. */
import { randomUUID } from 'node:crypto';
import { expect, type Page } from '@playwright/test';

/** Signs a new instructor up through the form; ends on /teach, signed in. */
export async function signUpInstructor(page: Page, label = 'instructor'): Promise<void> {
	await page.goto('/teach/signup');
	await page.getByLabel('Email').fill(`${label}-${randomUUID()}@example.org`);
	await page.getByLabel('Password', { exact: true }).fill('calm lumbar walks daily');
	await page.getByRole('button', { name: 'Create account' }).click();
	// scrypt is deliberately slow, and this machine's two cores are shared.
	await expect(page).toHaveURL(/\/teach\/?$/, { timeout: 30_000 });
}

/** From /teach: creates a class and opens the first lesson's console; returns its join code. */
export async function openConsole(page: Page): Promise<string> {
	await page.getByRole('button', { name: 'Create class' }).click();
	await expect(page).toHaveURL(/\/teach\/classes\//);
	await page.getByRole('button', { name: 'Start live lesson' }).first().click();
	await expect(page).toHaveURL(/\/teach\/live\/[A-Z0-9]{6}$/);
	// Connected: the console knows the lesson's state before it is asked to change it.
	await expect(page.getByTestId('console-status')).toContainText('Not started');
	return new URL(page.url()).pathname.split('/').pop() ?? '';
}
