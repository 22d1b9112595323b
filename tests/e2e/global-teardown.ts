import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Removes the temporary data folder that playwright.config.ts created for this run.
 * Only a folder that looks like one we made is removed, in case someone pointed
 * LIMBER_E2E_DATA_DIR at a folder of their own.
 */
export default function globalTeardown(): void {
	const dataDir = process.env.LIMBER_E2E_DATA_DIR;
	if (!dataDir) return;
	const ours = path.dirname(dataDir) === tmpdir() && path.basename(dataDir).startsWith('limber-e2e-');
	if (ours) rmSync(dataDir, { recursive: true, force: true });
}
