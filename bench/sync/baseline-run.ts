/**
 * The naive baseline (bench/page/baseline.ts) in a blank page on the same server: the same
 * cue times as the player's routine, played by a setInterval countdown, measured by the
 * same tap, visible or hidden under the same emulated policy.
 */
import type { Browser } from '@playwright/test';
import { NAME_SHIM, pageScript } from '../lib/page-script';
import { HIDDEN_POLICY, TAIL_MS } from './config';
import type { BaselineReport, TapConfig, TapReport } from './types';

export interface BaselineRunOptions {
	readonly label: string;
	readonly baseUrl: string;
	readonly tap: TapConfig;
	readonly hideAfterMs: number | null;
	/** Resolves with the cue times when the player session it shadows has started. */
	readonly cueTimesMs: Promise<number[]>;
	/** Stop listening after this long (Infinity: until the last cue is due). */
	readonly limitMs: number;
	readonly log: (msg: string) => void;
}

export interface BaselineRun {
	readonly label: string;
	readonly hidden: boolean;
	readonly hiddenForMs: number;
	readonly baseline: BaselineReport;
	readonly tap: TapReport;
	/** Audio time when the bench stopped listening: cues due before it and never heard are missed. */
	readonly endAudioSec: number;
}

interface PageGlobals {
	__baseline: { prepare(): Promise<number>; start(times: number[]): void; report(): BaselineReport; audioNow(): number };
	__benchTap: { report(): Promise<TapReport> };
	__benchHidden?: { hide(): void; hiddenForMs(): number };
}

const BLANK_PATH = '/__bench/blank';

export async function runBaseline(browser: Browser, opts: BaselineRunOptions): Promise<BaselineRun> {
	const context = await browser.newContext();
	await context.addInitScript({ content: NAME_SHIM });
	await context.addInitScript({ content: pageScript('tap.ts', opts.tap) });
	if (opts.hideAfterMs !== null) await context.addInitScript({ content: pageScript('hidden-policy.ts', HIDDEN_POLICY) });
	// Same origin as the player (its own process and policies), without the player in it.
	await context.route(`${opts.baseUrl}${BLANK_PATH}`, (route) =>
		route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>baseline</title><p>naive countdown</p>' })
	);
	const page = await context.newPage();
	try {
		await page.goto(`${opts.baseUrl}${BLANK_PATH}`);
		await page.evaluate(pageScript('baseline.ts'));
		await page.evaluate(() => (window as unknown as PageGlobals).__baseline.prepare());
		const times = await opts.cueTimesMs;
		await page.evaluate((t) => (window as unknown as PageGlobals).__baseline.start(t), times);
		opts.log(`${opts.label}: started`);
		const lastMs = Math.max(0, ...times);
		const startedAt = Date.now();
		if (opts.hideAfterMs !== null) {
			await page.waitForTimeout(opts.hideAfterMs);
			await page.evaluate(() => (window as unknown as PageGlobals).__benchHidden?.hide());
		}
		// As long as the countdown should take, whether or not its timer keeps up.
		await page.waitForTimeout(Math.max(0, startedAt + Math.min(lastMs + TAIL_MS, opts.limitMs) - Date.now()));
		const endAudioSec = await page.evaluate(() => (window as unknown as PageGlobals).__baseline.audioNow());
		const hiddenForMs = await page.evaluate(() => (window as unknown as PageGlobals).__benchHidden?.hiddenForMs() ?? 0);
		const baseline = await page.evaluate(() => (window as unknown as PageGlobals).__baseline.report());
		const tap = await page.evaluate(() => (window as unknown as PageGlobals).__benchTap.report());
		opts.log(`${opts.label}: done, ${baseline.beeps.length} of ${baseline.cueMs.length} beeps played`);
		return { label: opts.label, hidden: opts.hideAfterMs !== null, hiddenForMs, baseline, tap, endAudioSec };
	} finally {
		await context.close();
	}
}
