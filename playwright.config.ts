import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests run against the production build (`node build`), in Debian's
 * Chromium, with a database in a fresh temporary folder.
 *
 * This file is evaluated by the runner and again by every worker. Workers inherit
 * the runner's environment, so storing the folder in process.env makes all of them
 * agree on one folder (tests read it via LIMBER_E2E_DATA_DIR). The folder is only
 * named here: the server creates it on start, which is part of what is tested, and
 * nothing is left behind if the build fails before that.
 */
process.env.LIMBER_E2E_DATA_DIR ??= path.join(tmpdir(), `limber-e2e-${randomUUID()}`);
const dataDir = process.env.LIMBER_E2E_DATA_DIR;

const port = Number(process.env.E2E_PORT ?? 4173);
const baseURL = `http://127.0.0.1:${port}`;

// Chromium's sandbox refuses to start as root (containers, CI images).
const runningAsRoot = process.getuid?.() === 0;

/**
 * Files that time what a class or a session shows (a command on every screen within 1 s, a
 * phase change within a frame). `npm test` runs them on their own after the rest
 * (LIMBER_E2E_PHASE=alone, one worker, the build the shared phase just made), so they measure
 * Limber rather than the layout suites running in the other worker on a 2-core machine.
 * `npm run test:e2e` on its own runs every file together, as before.
 */
const TIMED = ['**/cluster.test.ts', '**/clip-parts.test.ts'];
const phase = process.env.LIMBER_E2E_PHASE;
if (phase !== undefined && phase !== 'shared' && phase !== 'alone') throw new Error(`LIMBER_E2E_PHASE must be "shared" or "alone", got "${phase}"`);
const alone = phase === 'alone';

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: alone ? TIMED : '**/*.test.ts',
	testIgnore: phase === 'shared' ? TIMED : undefined,
	globalTeardown: './tests/e2e/global-teardown.ts',
	fullyParallel: true,
	// Real clocks, real media and axe scans on a 2-core machine: 30 s is too tight.
	timeout: 60_000,
	forbidOnly: Boolean(process.env.CI),
	retries: process.env.CI ? 1 : 0,
	workers: alone ? 1 : 2,
	// reports/, not test-results/: Playwright empties test-results/ at every run.
	reporter: [['list'], ['json', { outputFile: alone ? 'reports/e2e-alone.json' : 'reports/e2e.json' }]],
	use: {
		baseURL,
		browserName: 'chromium',
		trace: 'retain-on-failure',
		// A service worker answers requests that page.route() then never sees, and precaches
		// the whole app in every new context. Only the offline test (its own browser) allows one.
		serviceWorkers: 'block',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			// Media tests start audio and video without a click.
			args: ['--autoplay-policy=no-user-gesture-required', ...(runningAsRoot ? ['--no-sandbox'] : [])]
		}
	},
	webServer: {
		// Always build: testing a stale build would pass or fail for the wrong code. The alone
		// phase comes straight after the shared one in the same `npm test`, on its build.
		command: alone ? 'node build' : 'npm run build && node build',
		url: `${baseURL}/api/health`,
		// Never reuse a server started elsewhere: its data folder would not be ours.
		reuseExistingServer: false,
		timeout: 180_000,
		stdout: 'pipe',
		stderr: 'pipe',
		// Open sign-up: many tests each make an instructor; teach-invites.test.ts tests the closed default on its own server.
		env: { PORT: String(port), HOST: '127.0.0.1', ORIGIN: baseURL, LIMBER_DATA_DIR: dataDir, LIMBER_OPEN_SIGNUP: '1' }
	}
});
