import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it, vi } from 'vitest';
import { closeDatabase, getDatabase, initDatabase } from '$lib/server/db';

let tmp: string | undefined;

afterEach(async () => {
	await closeDatabase();
	vi.unstubAllEnvs();
	if (tmp) rmSync(tmp, { recursive: true, force: true });
});

it('opens the SQLite database in LIMBER_DATA_DIR once per process when DATABASE_URL is unset', async () => {
	tmp = mkdtempSync(path.join(tmpdir(), 'limber-db-'));
	vi.stubEnv('LIMBER_DATA_DIR', tmp);
	vi.stubEnv('DATABASE_URL', '');
	await initDatabase();
	const [a, b] = await Promise.all([getDatabase(), getDatabase()]);
	expect(a).toBe(b);
	expect(a.dialect).toBe('sqlite');
	expect(a.location).toBe(path.join(tmp, 'limber.db'));
	expect(existsSync(a.location)).toBe(true);
});

it('opens again after closeDatabase', async () => {
	tmp = mkdtempSync(path.join(tmpdir(), 'limber-db-'));
	vi.stubEnv('LIMBER_DATA_DIR', tmp);
	vi.stubEnv('DATABASE_URL', '');
	const first = await getDatabase();
	await closeDatabase();
	const second = await getDatabase();
	expect(second).not.toBe(first);
	expect(second.createdAt).toBe(first.createdAt);
});
