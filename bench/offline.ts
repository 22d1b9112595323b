/**
 * `npm run bench:offline`: how big each routine's level-1 download is, and how long it takes.
 *
 * Builds the app, serves it with `node build`, and for every routine downloads level 1 the
 * way a person does (the routine page's "Download for offline", timed from the press to
 * "ready offline") in Chromium with its service worker, REPEAT times, each time from an
 * empty media cache. The baseline, in the same page and run: fetching the same files one
 * after another with plain fetch() and reading their bodies, storing nothing. Sizes are
 * what this browser keeps (WebM/Opus), and what Safari would keep (MP4/AAC), from the media
 * lists. Every routine in src/content/routines is measured. Writes bench/results/offline.json
 * and the README's table of sizes; exits 0 either way.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { chromiumPath } from './lib/chromium';
import { environment } from './lib/environment';
import { prepareBuild, ROOT, startServer } from './lib/server';
import { summarize } from './lib/stats';
import { fmt, table } from './lib/table';
import { answerSafetyCheck } from './lib/safety-check';
import { sizesTable, withSizesTable } from './offline/readme-table';
import { inHomeOrder, shippedRoutineIds } from './offline/routines';

const REPEAT = Number(process.env.BENCH_OFFLINE_REPEAT ?? 3);

interface Choice {
	readonly path: string;
	readonly type: string | null;
}
interface MediaList {
	readonly routineId: string;
	readonly title: string;
	readonly bytes: Record<string, number>;
	readonly levels: readonly { level: number; items: readonly { role: string; choices: readonly Choice[] }[] }[];
}

function sizeFor(list: MediaList, level: number, plays: (c: Choice) => boolean): { files: number; bytes: number } {
	const chosen = new Set<string>();
	for (const item of list.levels.find((l) => l.level === level)?.items ?? []) {
		const c = item.choices.find((x) => x.type === null || plays(x)) ?? item.choices[0];
		if (c) chosen.add(c.path);
	}
	return { files: chosen.size, bytes: [...chosen].reduce((s, p) => s + (list.bytes[p] ?? 0), 0) };
}

const chromiumPlays = (c: Choice) => c.type?.includes('webm') ?? true;
const safariPlays = (c: Choice) => !c.type?.includes('webm');

async function emptyDevice(page: Page): Promise<void> {
	await page.evaluate(async () => {
		await caches.delete('limber-media');
		await new Promise<void>((resolve) => {
			const r = indexedDB.deleteDatabase('limber-offline');
			r.onsuccess = r.onerror = r.onblocked = () => resolve();
		});
		localStorage.removeItem('limber-downloads');
	});
}

async function timedDownload(page: Page, routine: string): Promise<number> {
	await page.goto(`/routines/${routine}`);
	const box = page.locator('[data-testid="level-download"][data-level="1"]');
	const button = box.getByTestId('download-button');
	await button.waitFor();
	await page.waitForFunction((el) => el && !(el as HTMLButtonElement).disabled, await button.elementHandle());
	const started = await page.evaluate(() => performance.now());
	await button.click();
	await box.getByTestId('download-ready').waitFor({ timeout: 120_000 });
	return (await page.evaluate(() => performance.now())) - started;
}

async function baselineFetch(page: Page, urls: readonly string[]): Promise<number> {
	return page.evaluate(async (list) => {
		const t0 = performance.now();
		for (const u of list) await (await fetch(u, { cache: 'no-store' })).arrayBuffer();
		return performance.now() - t0;
	}, urls);
}

async function main(): Promise<void> {
	const started = Date.now();
	const build = await prepareBuild(process.argv.slice(2));
	const server = await startServer();
	const profile = mkdtempSync(path.join(tmpdir(), 'limber-bench-offline-'));
	const root = process.getuid?.() === 0;
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: chromiumPath(),
		args: root ? ['--no-sandbox'] : [],
		baseURL: server.url,
		serviceWorkers: 'allow'
	});
	try {
		const page = context.pages()[0] ?? (await context.newPage());
		const chromiumVersion = await page.evaluate(() => /Chrom(?:e|ium)\/([\d.]+)/.exec(navigator.userAgent)?.[1] ?? 'unknown');
		await page.goto('/screening');
		await answerSafetyCheck(page);
		await page.evaluate(async () => {
			await navigator.serviceWorker.ready;
		});
		await page.goto('/');
		// Every shipped routine, in the order the home page shows them.
		const onHome = await page.$$eval('[data-routine]', (els) => els.map((e) => e.getAttribute('data-routine') ?? '').filter(Boolean));
		const routines = inHomeOrder(shippedRoutineIds(ROOT), onHome);
		const rows = [];
		for (const routine of routines) {
			const list = (await (await page.request.get(`${server.url}/routines/${routine}/offline.json`)).json()) as MediaList;
			const chromiumSize = sizeFor(list, 1, chromiumPlays);
			const safariSize = sizeFor(list, 1, safariPlays);
			const urls = list.levels[0]?.items.map((i) => `/media/${(i.choices.find(chromiumPlays) ?? i.choices[0])?.path}`) ?? [];
			const download: number[] = [];
			const baseline: number[] = [];
			for (let i = 0; i < REPEAT; i++) {
				await emptyDevice(page);
				download.push(await timedDownload(page, routine));
				baseline.push(await baselineFetch(page, [...new Set(urls)]));
			}
			const d = summarize(download, 0);
			const b = summarize(baseline, 0);
			rows.push({
				routine,
				title: list.title,
				level: 1,
				files: chromiumSize.files,
				bytes: chromiumSize.bytes,
				safari_bytes: safariSize.bytes,
				download_ms: d,
				baseline_fetch_ms: b,
				ratio_p50: d.p50 !== null && b.p50 ? Math.round((d.p50 / b.p50) * 100) / 100 : null
			});
		}
		const result = {
			bench: 'offline',
			routines: rows,
			total_level1_bytes: rows.reduce((s, r) => s + r.bytes, 0),
			method: {
				download: 'the routine page\'s "Download for offline" for level 1, from the press to "ready offline" (files into the media cache, pages saved, record written), from an empty media cache each time',
				baseline: 'the same files fetched one after another with fetch() in the same page, bodies read, nothing stored',
				repeat: REPEAT,
				sizes: 'bytes of the files this browser keeps (WebM/Opus); safari_bytes: MP4/AAC',
				server: 'node build on 127.0.0.1 (loopback)',
				build: build.built ? `built by the bench (${Math.round(build.ms / 1000)} s)` : 'reused the existing build'
			},
			environment: environment(context.browser() ?? { version: () => chromiumVersion }),
			duration_s: Math.round((Date.now() - started) / 1000)
		};
		const out = path.join(ROOT, 'bench', 'results', 'offline.json');
		mkdirSync(path.dirname(out), { recursive: true });
		writeFileSync(out, JSON.stringify(result, null, '\t') + '\n');
		// The README lists the sizes (not the times): always those of the last run, for every routine.
		const readme = path.join(ROOT, 'README.md');
		writeFileSync(readme, withSizesTable(readFileSync(readme, 'utf8'), sizesTable(rows)));
		console.log(
			table(
				['routine', 'files', 'MB (Chromium)', 'MB (Safari)', 'download p50 ms', 'max ms', 'fetch-only p50 ms', 'ratio'],
				rows.map((r) => [
					r.routine,
					String(r.files),
					fmt(r.bytes / 1e6),
					fmt(r.safari_bytes / 1e6),
					String(r.download_ms.p50),
					String(r.download_ms.max),
					String(r.baseline_fetch_ms.p50),
					String(r.ratio_p50)
				])
			)
		);
		console.log(`\nAll level-1 downloads: ${fmt(result.total_level1_bytes / 1e6)} MB. Wrote ${path.relative(ROOT, out)} and README.md's sizes in ${result.duration_s} s`);
	} finally {
		await context.close();
		await server.stop();
		rmSync(profile, { recursive: true, force: true });
	}
}

await main();
