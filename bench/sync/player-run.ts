/**
 * One real session of the player in Chromium, start to finish, with the output tap on
 * howler's master gain: returns everything the analysis needs, raw.
 */
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { NAME_SHIM, pageScript } from '../lib/page-script';
import { BENCH_VOLUMES, HIDDEN_POLICY, POLL_MS, ROUTINE, SETTLE_MAX_MS, TAIL_MS, TICK_GAP_MS } from './config';
import type { DriftRecord } from '../../src/lib/media/drift';
import type { ClockSample, PlayerReport, TapConfig, TapReport, TickReport } from './types';
import { answerSafetyCheck } from '../lib/safety-check';

/** src/lib/media/volume-settings.svelte.ts VOLUME_STORAGE_KEY. */
const VOLUME_STORAGE_KEY = 'limber.volume.v1';

export interface PlayerRunOptions {
	readonly label: string;
	readonly baseUrl: string;
	readonly routine?: { readonly id: string; readonly level: number };
	/** More query parameters for the play URL, e.g. "track=off" (the live player for a relaxation routine). */
	readonly query?: string;
	readonly tap: TapConfig;
	/** Hide the page (emulated policy) this long after Start; null: stays visible. */
	readonly hideAfterMs: number | null;
	/** Called once the session is under way, with the routine's cue times (for the baseline). */
	readonly onStarted?: (cueTimesMs: number[]) => void;
	/** Stop the session after this long (Infinity: play it to the end). */
	readonly limitMs: number;
	readonly log: (msg: string) => void;
}

export interface DriftWindow {
	/** Session position at the end of the window (ms). */
	readonly positionMs: number;
	readonly n: number;
	readonly maxAbsMs: number;
}

export interface PlayerRun {
	readonly label: string;
	readonly hidden: boolean;
	readonly hiddenForMs: number;
	readonly startClickPerfMs: number;
	readonly player: PlayerReport;
	readonly tap: TapReport;
	readonly ticks: TickReport;
	readonly samples: readonly ClockSample[];
	readonly drift: readonly number[];
	/** Every drift sample with its session position, rate and whether it followed a discontinuity. */
	readonly driftRecords: readonly DriftRecord[];
	/** The drift samples again, by polling window: when in the session large drift happened. */
	readonly driftWindows: readonly DriftWindow[];
	readonly finished: boolean;
	readonly tapReinstalled: boolean;
	readonly pageErrors: readonly string[];
}

// The page's globals, for the evaluate callbacks below. Those callbacks are serialized
// into the page, so they may use nothing from this module but types, and must stay free
// of inner named functions (see bench/lib/page-script.ts).
interface HowlerGlobal {
	readonly ctx: AudioContext | null;
	readonly masterGain: GainNode | null;
}
interface PageGlobals {
	__limber?: { media?: unknown };
	Howler?: HowlerGlobal;
	__benchTap: { install(ctx: AudioContext, node: AudioNode): Promise<number>; ctxIdOf(ctx: BaseAudioContext): number; report(): Promise<TapReport> };
	__benchPlayer: { sample(): ClockSample; takeDrift(): DriftRecord[]; report(): PlayerReport };
	__benchHidden?: { hide(): void; hiddenForMs(): number };
	__benchTicks: { report(): TickReport };
}

async function newPlayerContext(browser: Browser, opts: PlayerRunOptions): Promise<BrowserContext> {
	// The app's CSP allows no blob: worklet modules; the tap needs one. Nothing else changes.
	const context = await browser.newContext({ bypassCSP: true });
	await context.addInitScript({ content: NAME_SHIM });
	await context.addInitScript({
		content: `localStorage.setItem(${JSON.stringify(VOLUME_STORAGE_KEY)}, ${JSON.stringify(JSON.stringify(BENCH_VOLUMES))});`
	});
	await context.addInitScript({ content: pageScript('tap.ts', opts.tap) });
	await context.addInitScript({ content: pageScript('tick-monitor.ts', { minGapMs: TICK_GAP_MS }) });
	if (opts.hideAfterMs !== null) {
		await context.addInitScript({ content: pageScript('hidden-policy.ts', HIDDEN_POLICY) });
		// No clips for the hidden page: nobody sees them, and decoding them would take CPU
		// from the visible session measured at the same time. The player shows posters.
		await context.route('**/media/video/*.{webm,mp4}', (route) => route.fulfill({ status: 404, body: 'not served in the hidden run' }));
	}
	return context;
}

/** Until the page goes quiet (buffers decoded, first clips loaded), or SETTLE_MAX_MS. */
async function settle(page: Page): Promise<void> {
	await page.waitForLoadState('networkidle', { timeout: SETTLE_MAX_MS }).catch(() => undefined);
}

async function installTap(page: Page): Promise<number> {
	return page.evaluate(() => {
		const w = window as unknown as PageGlobals;
		const H = w.Howler;
		if (!H?.ctx || !H.masterGain) throw new Error('howler has no Web Audio context');
		return w.__benchTap.install(H.ctx, H.masterGain);
	});
}

export async function runPlayer(browser: Browser, opts: PlayerRunOptions): Promise<PlayerRun> {
	const context = await newPlayerContext(browser, opts);
	const page = await context.newPage();
	const pageErrors: string[] = [];
	page.on('pageerror', (e) => pageErrors.push(e.message));
	try {
		const routine = opts.routine ?? ROUTINE;
		await page.goto(`${opts.baseUrl}/play/${routine.id}?level=${routine.level}&bench${opts.query ? `&${opts.query}` : ''}`);
		await answerSafetyCheck(page);
		await page.waitForFunction(() => {
			const w = window as unknown as PageGlobals;
			return Boolean(w.__limber?.media && w.Howler?.ctx);
		});
		await settle(page);
		await page.evaluate(pageScript('player-probe.ts'));
		let tapCtx = await installTap(page);

		const startClickPerfMs = await page.evaluate(() => performance.now());
		await page.getByRole('button', { name: 'Start' }).click();
		// howler may replace its context when it unlocks; the tap must be on the one in use.
		let tapReinstalled = false;
		const ctxNow = await page.evaluate(() => {
			const w = window as unknown as PageGlobals;
			return w.Howler?.ctx ? w.__benchTap.ctxIdOf(w.Howler.ctx) : null;
		});
		if (ctxNow !== null && ctxNow !== tapCtx) {
			tapCtx = await installTap(page);
			tapReinstalled = true;
		}
		const first = await page.evaluate(() => (window as unknown as PageGlobals).__benchPlayer.report());
		opts.onStarted?.(first.cues.map((c) => c.atMs));
		opts.log(`${opts.label}: started, ${Math.round(first.durationMs / 1000)} s session`);

		const samples: ClockSample[] = [];
		const drift: number[] = [];
		const driftRecords: DriftRecord[] = [];
		const driftWindows: DriftWindow[] = [];
		const startedAt = Date.now();
		const deadline = startedAt + Math.min(first.durationMs + 60_000, opts.limitMs);
		let hidden = false;
		let finished = false;
		let lastLog = 0;
		while (Date.now() < deadline) {
			const elapsed = Date.now() - startedAt;
			if (opts.hideAfterMs !== null && !hidden && elapsed >= opts.hideAfterMs) {
				await page.evaluate(() => (window as unknown as PageGlobals).__benchHidden?.hide());
				hidden = true;
				opts.log(`${opts.label}: page hidden (emulated policy)`);
			}
			const sample = await page.evaluate(() => (window as unknown as PageGlobals).__benchPlayer.sample());
			samples.push(sample);
			const taken = await page.evaluate(() => (window as unknown as PageGlobals).__benchPlayer.takeDrift());
			driftRecords.push(...taken);
			drift.push(...taken.map((r) => r.driftMs));
			if (taken.length) driftWindows.push({ positionMs: sample.positionMs, n: taken.length, maxAbsMs: Math.max(...taken.map((r) => Math.abs(r.driftMs))) });
			if (sample.state === 'finished' || sample.state === 'stopped') {
				finished = sample.state === 'finished';
				break;
			}
			if (elapsed - lastLog >= 60_000) {
				lastLog = elapsed;
				opts.log(`${opts.label}: ${Math.round(sample.positionMs / 1000)} s of ${Math.round(first.durationMs / 1000)} s, ${sample.state}, ${sample.visibility}`);
			}
			const nextHide = opts.hideAfterMs !== null && !hidden ? opts.hideAfterMs - elapsed : Infinity;
			await page.waitForTimeout(Math.max(50, Math.min(POLL_MS, nextHide)));
		}
		await page.waitForTimeout(TAIL_MS);
		const last = await page.evaluate(() => (window as unknown as PageGlobals).__benchPlayer.takeDrift());
		driftRecords.push(...last);
		drift.push(...last.map((r) => r.driftMs));
		const hiddenForMs = await page.evaluate(() => (window as unknown as PageGlobals).__benchHidden?.hiddenForMs() ?? 0);
		const player = await page.evaluate(() => (window as unknown as PageGlobals).__benchPlayer.report());
		const tap = await page.evaluate(() => (window as unknown as PageGlobals).__benchTap.report());
		const ticks = await page.evaluate(() => (window as unknown as PageGlobals).__benchTicks.report());
		opts.log(`${opts.label}: ${finished ? 'finished' : 'did not finish'}; ${tap.segments.length} sounds at the tap`);
		return {
			label: opts.label,
			hidden: opts.hideAfterMs !== null,
			hiddenForMs,
			startClickPerfMs,
			player,
			tap,
			ticks,
			samples,
			drift,
			driftRecords,
			driftWindows,
			finished,
			tapReinstalled,
			pageErrors
		};
	} finally {
		await context.close();
	}
}
