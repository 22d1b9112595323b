import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';

test('GET /api/health answers with the database and this server’s name, and the database file was created on start', async ({ request }) => {
	const response = await request.get('/api/health');
	expect(response.status()).toBe(200);
	const body: unknown = await response.json();
	expect(body).toEqual({ ok: true, db: 'sqlite', instance: expect.any(String), bus: 'in-process', createdAt: expect.any(String) });
	const { createdAt } = body as { createdAt: string };
	expect(new Date(createdAt).toISOString()).toBe(createdAt);

	const dataDir = process.env.LIMBER_E2E_DATA_DIR;
	if (!dataDir) throw new Error('playwright.config.ts did not set LIMBER_E2E_DATA_DIR');
	expect(existsSync(path.join(dataDir, 'limber.db'))).toBe(true);
});
