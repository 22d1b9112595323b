/** A clinician's programme as the builder makes one (the same steps as programmes.test.ts). */
import { expect, type Page } from '@playwright/test';

export async function addExercise(page: Page, name: string): Promise<void> {
	await page.getByLabel('Search exercises').fill(name);
	await page.getByRole('button', { name: `Add ${name}`, exact: true }).first().click();
}

/** From a signed-in clinician: a new programme of these exercises, saved; returns its builder URL and share link. */
export async function saveProgramme(page: Page, title: string, exercises: readonly string[]): Promise<{ url: string; shareLink: string }> {
	await page.goto('/teach/programmes');
	await page.getByRole('link', { name: 'New programme' }).click();
	await page.getByLabel('Title').fill(title);
	for (const name of exercises) await addExercise(page, name);
	await expect(page.getByTestId('programme-item')).toHaveCount(exercises.length);
	await page.getByRole('button', { name: 'Save programme' }).click();
	await expect(page).toHaveURL(/\/teach\/programmes\/[A-Za-z0-9_-]{22}$/);
	const shareLink = (await page.getByTestId('share-link').getAttribute('href')) ?? '';
	expect(shareLink).toMatch(/\/p\/[A-Za-z0-9_-]{22}$/);
	return { url: page.url(), shareLink: new URL(shareLink, page.url()).pathname };
}
