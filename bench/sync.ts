/**
 * `npm run bench:sync`: cue onsets at the audio output, video drift and end error of real
 * sessions in headless Chromium, visible and hidden, against a naive setInterval baseline.
 * See bench/README.md. Writes bench/results/sync.json; exits 0 whatever the figures.
 *
 * Options: --reuse-build (skip `npm run build`), --max-seconds=N (stop each session after
 * N s: for trying the bench out; the figures are then partial and end error is missing),
 * --raw (also write every raw record to bench/results/sync-raw.json, for looking into).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launchChromium } from './lib/chromium';
import { environment } from './lib/environment';
import { sampleLoad } from './lib/load';
import { workletModule } from './lib/page-script';
import { benchLog, buildUnlessReused } from './lib/run';
import { ROOT, startServer } from './lib/server';
import { runBaseline } from './sync/baseline-run';
import { HIDE_AFTER_START_MS, TAP_MIN_SILENCE_SEC, TAP_THRESHOLD_AMP } from './sync/config';
import { runPlayer } from './sync/player-run';
import { buildResult, printSummary } from './sync/report';
import type { TapConfig } from './sync/types';

function maxSeconds(argv: readonly string[]): number | null {
	const arg = argv.find((a) => a.startsWith('--max-seconds='));
	const n = arg ? Number(arg.split('=')[1]) : NaN;
	return Number.isFinite(n) && n > 0 ? n : null;
}

async function main(): Promise<void> {
	const started = Date.now();
	const argv = process.argv.slice(2);
	const log = benchLog();
	await buildUnlessReused(argv, log);
	const server = await startServer();
	log(`serving ${server.url}`);
	const tap: TapConfig = { thresholdAmp: TAP_THRESHOLD_AMP, minSilenceSec: TAP_MIN_SILENCE_SEC, workletSource: workletModule('onset-tap.worklet.ts') };
	const limitMs = (maxSeconds(argv) ?? Infinity) * 1000;

	// Visible runs in Playwright's usual Chromium; hidden ones with background throttling left on.
	const visibleBrowser = await launchChromium();
	const hiddenBrowser = await launchChromium({ backgroundThrottling: true });
	try {
		let shareCueTimes: (t: number[]) => void = () => undefined;
		const cueTimes = new Promise<number[]>((resolve) => (shareCueTimes = resolve));
		const common = { baseUrl: server.url, tap, log, limitMs };
		const stopLoad = sampleLoad();
		const [visible, hidden, baselineVisible, baselineHidden] = await Promise.all([
			runPlayer(visibleBrowser, { ...common, label: 'player visible', hideAfterMs: null, onStarted: shareCueTimes }),
			runPlayer(hiddenBrowser, { ...common, label: 'player hidden', hideAfterMs: HIDE_AFTER_START_MS }),
			runBaseline(visibleBrowser, { ...common, label: 'baseline visible', hideAfterMs: null, cueTimesMs: cueTimes }),
			runBaseline(hiddenBrowser, { ...common, label: 'baseline hidden', hideAfterMs: HIDE_AFTER_START_MS, cueTimesMs: cueTimes })
		]);
		const load = stopLoad();
		const durationS = Math.round((Date.now() - started) / 1000);
		const result = buildResult({ visible, hidden, baselineVisible, baselineHidden }, { ...environment(visibleBrowser), load_during_runs: load }, durationS);
		const out = path.join(ROOT, 'bench', 'results', 'sync.json');
		mkdirSync(path.dirname(out), { recursive: true });
		writeFileSync(out, JSON.stringify({ ...result, partial: Number.isFinite(limitMs) }, null, '\t') + '\n');
		if (argv.includes('--raw')) {
			const raw = path.join(ROOT, 'bench', 'results', 'sync-raw.json');
			writeFileSync(raw, JSON.stringify({ visible, hidden, baselineVisible, baselineHidden }));
			log(`wrote ${path.relative(ROOT, raw)}`);
		}
		printSummary(result);
		log(`wrote ${path.relative(ROOT, out)} (${readFileSync(out).length} bytes)`);
	} finally {
		await visibleBrowser.close();
		await hiddenBrowser.close();
		await server.stop();
	}
}

await main();
