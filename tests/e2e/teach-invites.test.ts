/**
 * Who may be a clinician or instructor: on a server of its own with sign-up closed (the
 * default), the first account is the administrator, nobody else gets in without an invite,
 * an invite link works once, an expired one is refused, and the administrator removes an
 * account. The shared server runs with LIMBER_OPEN_SIGNUP=1 for the other tests.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { createClient } from '@libsql/client';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { BuiltServer } from './server/built-server';

test.describe.configure({ mode: 'serial' });

const PASSWORD = 'calm lumbar walks daily';
let server: BuiltServer;
const contexts: BrowserContext[] = [];

test.beforeAll(async () => {
	// An empty value is the default: sign-up closed.
	server = await BuiltServer.start({ env: { LIMBER_OPEN_SIGNUP: '' } });
});

test.afterAll(async () => {
	for (const c of contexts) await c.close().catch(() => undefined);
	await server?.dispose();
});

async function person(browser: Browser): Promise<Page> {
	const context = await browser.newContext({ baseURL: server.url });
	contexts.push(context);
	return context.newPage();
}

async function signUp(page: Page, email: string): Promise<void> {
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
	await page.getByRole('button', { name: 'Create account' }).click();
}

async function makeInvite(admin: Page): Promise<string> {
	await admin.goto('/teach/accounts');
	await admin.getByRole('button', { name: 'Make an invite link' }).click();
	const field = admin.getByTestId('invite-made').getByRole('textbox');
	await expect(field).toHaveValue(/\/teach\/signup\?invite=/);
	return field.inputValue();
}

/** Ends an invite's life by writing its expiry into the server's own database file. */
async function expire(link: string): Promise<void> {
	const token = new URL(link).searchParams.get('invite') ?? '';
	const client = createClient({ url: `file:${path.join(server.dataDir, 'limber.db')}` });
	try {
		await client.execute('PRAGMA busy_timeout = 5000');
		const result = await client.execute({
			sql: 'UPDATE invites SET expires_at = ? WHERE id = ?',
			args: [Date.now() - 1000, createHash('sha256').update(token).digest('hex')]
		});
		expect(result.rowsAffected).toBe(1);
	} finally {
		client.close();
	}
}

test('closed sign-up: administrator first, then single-use, expiring invites, and removing an account', async ({ browser }) => {
	test.setTimeout(180_000);
	const admin = await person(browser);
	await admin.goto('/teach/signup');
	await expect(admin.getByText('it will be the administrator')).toBeVisible();
	await signUp(admin, 'admin@clinic.example');
	await expect(admin).toHaveURL(/\/teach\/?$/, { timeout: 30_000 });
	await expect(admin.getByText('administrator)')).toBeVisible();
	await admin.getByRole('link', { name: 'Accounts and invites' }).click();
	await expect(admin.getByRole('heading', { name: 'Accounts and invites' })).toBeVisible();

	// A second person without an invite is told why, and how to get one.
	const stranger = await person(browser);
	await stranger.goto('/teach/signup');
	await expect(stranger.getByTestId('signup-refusal')).toContainText('made by invitation');
	await expect(stranger.getByLabel('Email')).toHaveCount(0);
	// Posting the form anyway is refused too.
	const posted = await stranger.request.post('/teach/signup', {
		headers: { origin: server.url },
		form: { email: 'stranger@clinic.example', password: PASSWORD }
	});
	expect(await posted.text()).toContain('made by invitation');

	const link = await makeInvite(admin);
	await expectNoAxeViolations(admin);

	const clinician = await person(browser);
	await clinician.goto(link);
	await expect(clinician.getByText('You have been invited')).toBeVisible();
	await signUp(clinician, 'clinician@clinic.example');
	await expect(clinician).toHaveURL(/\/teach\/?$/, { timeout: 30_000 });
	await expect(clinician.getByRole('link', { name: 'Accounts and invites' })).toHaveCount(0);
	expect((await clinician.request.get('/teach/accounts')).status()).toBe(403);

	// The same link again: used.
	await stranger.goto(link);
	await expect(stranger.getByTestId('signup-refusal')).toContainText('already been used');

	// An expired invite.
	const late = await makeInvite(admin);
	await expire(late);
	await stranger.goto(late);
	await expect(stranger.getByTestId('signup-refusal')).toContainText('expired');

	// An invite revoked while the person types: refused, and what they typed is still there.
	const revoked = await makeInvite(admin);
	await stranger.goto(revoked);
	await expect(stranger.getByText('You have been invited')).toBeVisible();
	await admin.goto('/teach/accounts');
	await admin.getByRole('button', { name: /^Revoke invite/ }).last().click();
	await expect(admin.getByRole('status').filter({ hasText: 'was revoked' })).toBeVisible();
	await signUp(stranger, 'typed@clinic.example');
	await expect(stranger.getByRole('alert')).toContainText('does not work');
	await expect(stranger.getByLabel('Email')).toHaveValue('typed@clinic.example');

	// The administrator removes the clinician, whose session ends with the account.
	await admin.goto('/teach/accounts');
	await expect(admin.getByRole('list', { name: 'Accounts' }).getByRole('listitem')).toHaveCount(2);
	await expect(admin.getByRole('button', { name: 'Remove admin@clinic.example' })).toHaveCount(0);
	admin.once('dialog', (dialog) => void dialog.accept());
	await admin.getByRole('button', { name: 'Remove clinician@clinic.example' }).click();
	await expect(admin.getByRole('status').filter({ hasText: 'clinician@clinic.example was removed' })).toBeVisible();
	await expect(admin.getByRole('list', { name: 'Accounts' }).getByRole('listitem')).toHaveCount(1);
	await expectNoAxeViolations(admin);
	await clinician.goto('/teach');
	await expect(clinician).toHaveURL(/\/teach\/signin/);
});
