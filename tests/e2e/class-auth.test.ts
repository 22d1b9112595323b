import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';

const PASSWORD = 'a long test password';
const uniqueEmail = (label: string) => `${label}-${randomUUID().slice(0, 8)}@clinic.example`;

async function signUp(page: Page, email: string): Promise<void> {
	await page.goto('/teach/signup');
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill(PASSWORD);
	await page.getByRole('button', { name: 'Create account' }).click();
	await page.waitForURL(/\/teach$/);
}

async function signInAttempt(page: Page, email: string, password: string): Promise<void> {
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
}

test('the sign-up page and the class list pass axe', async ({ page }) => {
	await page.goto('/teach/signup');
	await expectNoAxeViolations(page);
	await signUp(page, uniqueEmail('axe'));
	await expect(page.getByRole('heading', { name: 'Your classes' })).toBeVisible();
	await expect(page.getByText('You have no classes yet.')).toBeVisible();
	await expectNoAxeViolations(page);
});

test('an instructor creates a class from the course and starts a live lesson that shows its join code', async ({ page }) => {
	await signUp(page, uniqueEmail('start'));
	await page.getByLabel('Course').selectOption({ label: 'Back school (4 lessons)' });
	await page.getByLabel(/Class name/).fill('Tuesday evening group');
	await page.getByRole('button', { name: 'Create class' }).click();
	await page.waitForURL(/\/teach\/classes\/[\w-]+$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Tuesday evening group' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 2 })).toHaveCount(4);
	await expect(page.getByTestId('attendance-1')).toHaveText('0 people');
	await expectNoAxeViolations(page);

	await page.getByRole('button', { name: 'Start live lesson' }).first().click();
	await page.waitForURL(/\/teach\/live\/[ACDEFGHJKMNPQRTUVWXY34679]{6}$/);
	const code = page.url().split('/').at(-1) ?? '';
	await expect(page.getByText(code).first()).toBeVisible();

	// Back on the class page the lesson is live with that code instead of startable again.
	await page.goBack();
	await page.reload();
	await expect(page.getByText(`Live now with code ${code}`)).toBeVisible();
	await expect(page.getByRole('button', { name: 'Start live lesson' })).toHaveCount(3);
});

test('a wrong password is refused with a clear message and the email stays typed', async ({ page }) => {
	const email = uniqueEmail('wrong');
	await signUp(page, email);
	await page.getByRole('button', { name: 'Sign out' }).click();
	await page.waitForURL(/\/teach\/signin$/);
	await expectNoAxeViolations(page);

	await signInAttempt(page, email, 'not the password');
	const alert = page.getByRole('alert');
	await expect(alert).toHaveText('That email and password do not match an account. Check both and try again.');
	await expect(page.getByLabel('Email')).toHaveValue(email);
	await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
	await expectNoAxeViolations(page);

	await page.getByLabel('Password').fill(PASSWORD);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await page.waitForURL(/\/teach$/);
});

test('repeated failed sign-ins are stopped with a message saying when to try again', async ({ page }) => {
	const email = uniqueEmail('limit');
	await signUp(page, email);
	await page.getByRole('button', { name: 'Sign out' }).click();
	await page.waitForURL(/\/teach\/signin$/);
	for (let i = 0; i < 5; i += 1) {
		await signInAttempt(page, email, `wrong guess ${i}`);
		await expect(page.getByRole('alert')).toContainText('do not match');
	}
	// Even the right password waits now: the limit is about the account, not the guess.
	await signInAttempt(page, email, PASSWORD);
	await expect(page.getByRole('alert')).toHaveText(/^Too many failed sign-ins\. .*try again in 15 minutes\.$/);
	await expect(page.getByLabel('Email')).toHaveValue(email);
	await expect(page).toHaveURL(/\/teach\/signin$/);
});

test('class pages need a signed-in instructor', async ({ page }) => {
	await page.goto('/teach');
	await expect(page).toHaveURL(/\/teach\/signin\?next=%2Fteach$/);
	await expect(page.getByRole('heading', { name: 'Sign in to teach' })).toBeVisible();
});

test('the live endpoints refuse what they must, with messages a person can read', async ({ page, request }) => {
	await signUp(page, uniqueEmail('api'));
	await page.getByRole('button', { name: 'Create class' }).click();
	await page.waitForURL(/\/teach\/classes\/[\w-]+$/);
	await page.getByRole('button', { name: 'Start live lesson' }).first().click();
	await page.waitForURL(/\/teach\/live\/\w{6}$/);
	const code = page.url().split('/').at(-1) ?? '';

	// The instructor's own session may command; the answer is the new state.
	const started = await page.request.post(`/api/live/${code}/command`, { data: { type: 'start' } });
	expect(started.status()).toBe(200);
	expect(await started.json()).toMatchObject({ code, status: 'playing', seq: 1 });

	// A participant (a separate cookie jar) joins but cannot control the lesson.
	const joined = await request.post(`/api/live/${code.toLowerCase()}/join`, { data: { name: '  Ana  ' } });
	expect(joined.status()).toBe(200);
	expect(await joined.json()).toMatchObject({ participantId: expect.any(String), name: 'Ana' });
	const refused = await request.post(`/api/live/${code}/command`, { data: { type: 'pause' } });
	expect(refused.status()).toBe(403);
	expect(await refused.json()).toEqual({ message: "Only this lesson's instructor can control it" });

	const wrong = await request.post('/api/live/AAAAAA/join', { data: { name: 'Bo' } });
	expect(wrong.status()).toBe(404);
	expect((await wrong.json()).message).toContain('Check the code on the projector');

	const time = await request.get('/api/time');
	expect(time.headers()['cache-control']).toBe('no-store');
	expect(Math.abs(((await time.json()) as { serverMs: number }).serverMs - Date.now())).toBeLessThan(60_000);

	// Once ended, the code stops working for joining and for commands.
	expect((await page.request.post(`/api/live/${code}/command`, { data: { type: 'end' } })).status()).toBe(200);
	const late = await request.post(`/api/live/${code}/join`, { data: { name: 'Cy' } });
	expect(late.status()).toBe(404);
	expect((await late.json()).message).toBe('This lesson has ended, so its code no longer works');
	expect((await page.request.post(`/api/live/${code}/command`, { data: { type: 'resume' } })).status()).toBe(410);
});
