import { readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { REPO } from './server/built-server';

/**
 * What the built server sends on the wire: compressed pages and JSON, precompressed
 * static files, caching by kind of file, Range and ETag for media; and what a person sees
 * when a form arrives damaged.
 */

const publicDir = path.join(REPO, 'build', 'public');
const firstFile = (dir: string, ext: string) => readdirSync(path.join(publicDir, dir)).find((n) => n.endsWith(ext));

test('pages and JSON are compressed; the page JSON and headers say so', async ({ request }) => {
	for (const [pathname, type] of [
		['/', 'text/html'],
		['/routines/mckenzie-extension/__data.json', 'application/json'],
		['/routines/mckenzie-extension/captions.vtt', 'text/vtt']
	] as const) {
		const br = await request.get(pathname, { headers: { 'accept-encoding': 'br' } });
		expect(br.status(), pathname).toBe(200);
		expect(br.headers()['content-type'], pathname).toContain(type);
		expect(br.headers()['content-encoding'], pathname).toBe('br');
		expect(br.headers()['vary'], pathname).toMatch(/accept-encoding/i);
		const plain = await request.get(pathname, { headers: { 'accept-encoding': 'identity' } });
		expect(plain.headers()['content-encoding'], pathname).toBeUndefined();
		// Decoded, the compressed answer is the same document.
		expect((await br.body()).length, pathname).toBe((await plain.body()).length);
	}
	// Small answers are not worth it.
	expect((await request.get('/api/health', { headers: { 'accept-encoding': 'gzip' } })).headers()['content-encoding']).toBeUndefined();
});

test('hashed assets and versioned media are kept a year; other files are revalidated', async ({ request }) => {
	const chunk = `/_app/immutable/entry/${firstFile('_app/immutable/entry', '.js')}`;
	const asset = await request.get(chunk, { headers: { 'accept-encoding': 'br' } });
	expect(asset.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
	expect(asset.headers()['content-encoding']).toBe('br');
	const clip = `/media/video/${firstFile('media/video', '.webm')}`;
	const versioned = await request.get(`${clip}?v=0123abcd`);
	expect(versioned.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
	expect(versioned.headers()['etag']).toBeTruthy();
	const unversioned = await request.get(clip);
	expect(unversioned.headers()['cache-control']).toBe('no-cache');
	const again = await request.get(clip, { headers: { 'if-none-match': unversioned.headers()['etag'] ?? '' } });
	expect(again.status()).toBe(304);
	const slice = await request.get(`${clip}?v=0123abcd`, { headers: { range: 'bytes=0-1023' } });
	expect(slice.status()).toBe(206);
	expect(slice.headers()['content-range']).toMatch(/^bytes 0-1023\/\d+$/);
	expect((await slice.body()).length).toBe(1024);
	expect((await request.get('/_app/version.json')).headers()['cache-control']).toBe('no-cache');
});

test('a sign-up form that arrives damaged says so and keeps the email typed', async ({ page }) => {
	await page.goto('/teach/signup');
	// The phone loses signal half-way through sending: the server receives half a form (as
	// multipart, which a browser uses for forms with files and SvelteKit's enhance may use).
	await page.route('**/teach/signup', async (route) => {
		const request = route.request();
		if (request.method() !== 'POST') return route.continue();
		const fields = new URLSearchParams(request.postData() ?? '');
		const boundary = '----limber-test';
		const multipart = [...fields].map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join('') + `--${boundary}--\r\n`;
		await route.continue({
			headers: { ...request.headers(), 'content-type': `multipart/form-data; boundary=${boundary}` },
			postData: multipart.slice(0, Math.floor(multipart.length * 0.6))
		});
	});
	await page.getByLabel('Email').fill('ana.lopes@example.org');
	await page.getByLabel('Password', { exact: true }).fill('calm lumbar walks daily');
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.getByRole('alert')).toHaveText('The form arrived incomplete, so nothing was saved. Please send it again.');
	await expect(page.getByLabel('Email')).toHaveValue('ana.lopes@example.org');
	await expect(page).toHaveURL(/\/teach\/signup$/);
});
