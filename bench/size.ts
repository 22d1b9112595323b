/**
 * `npm run bench:size`: how much JavaScript each page makes the browser download, gzipped.
 *
 * Builds the app, serves it with `node build`, loads each route in Chromium with an empty
 * cache and records every JavaScript response, including the chunks the player imports
 * lazily once a session starts (howler, video.js) and the tick worker. Sizes are the
 * response bodies gzipped by zlib at level 9 (what a server with static gzip sends).
 *
 * Budget: the player route ≤ 150 kB (150 000 bytes) gzipped with video.js and howler;
 * the other routes load neither. Writes bench/results/size.json; exits 0 pass or fail.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from '@playwright/test';
import { launchChromium } from './lib/chromium';
import { environment } from './lib/environment';
import { prepareBuild, ROOT, startServer } from './lib/server';
import { fmt, table } from './lib/table';
import { libraryOf, manifestChunks, type Library } from './size/chunks';
import { answerSafetyCheck } from './lib/safety-check';

const PLAYER_BUDGET_BYTES = 150_000;
const ROUTINE = 'morning-mobility';
/** Long enough for the lazy chunks and the worker after Start, on a slow machine. */
const AFTER_START_MS = 5000;

interface RouteSpec {
	readonly route: string;
	readonly url: string;
	readonly player: boolean;
}

const ROUTES: readonly RouteSpec[] = [
	{ route: '/', url: '/', player: false },
	{ route: '/routines/[id]', url: `/routines/${ROUTINE}`, player: false },
	{ route: '/play/[id]', url: `/play/${ROUTINE}?level=1`, player: true }
];

interface FileSize {
	readonly path: string;
	readonly raw_bytes: number;
	readonly gzip_bytes: number;
	readonly library: Library | null;
}

interface RouteSize {
	readonly route: string;
	readonly url: string;
	readonly total_gzip_bytes: number;
	readonly total_raw_bytes: number;
	readonly loads_videojs: boolean;
	readonly loads_howler: boolean;
	readonly files: readonly FileSize[];
}

function isJavaScript(url: string, contentType: string | undefined): boolean {
	return new URL(url).pathname.endsWith('.js') || (contentType ?? '').includes('javascript');
}

async function measureRoute(browser: Browser, base: string, spec: RouteSpec, manifest: ReturnType<typeof manifestChunks>): Promise<RouteSize> {
	// A fresh context per route: an empty cache, as for a first visit.
	const context = await browser.newContext();
	const bodies = new Map<string, Promise<Buffer | null>>();
	context.on('response', (res) => {
		const url = res.url();
		if (!url.startsWith(base) || !isJavaScript(url, res.headers()['content-type'])) return;
		// The service worker is installed by the browser, not loaded by the route, and what it
		// precaches for offline use is its own fetching: both are reported apart (serviceWorker()).
		if (res.request().serviceWorker() !== null || new URL(url).pathname === '/service-worker.js') return;
		if (!bodies.has(url)) bodies.set(url, res.body().catch(() => null));
	});
	const page: Page = await context.newPage();
	await page.goto(base + spec.url, { waitUntil: 'networkidle' });
	if (spec.player) {
		await answerSafetyCheck(page);
		await page.getByRole('button', { name: 'Start' }).click();
		await page.waitForTimeout(AFTER_START_MS);
		await page.waitForLoadState('networkidle');
	}
	const files: FileSize[] = [];
	for (const [url, pending] of bodies) {
		const body = await pending;
		if (!body) continue;
		const urlPath = new URL(url).pathname;
		files.push({
			path: urlPath,
			raw_bytes: body.length,
			gzip_bytes: gzipSync(body, { level: 9 }).length,
			library: libraryOf(urlPath, body.toString('utf8'), manifest)
		});
	}
	await context.close();
	files.sort((a, b) => b.gzip_bytes - a.gzip_bytes);
	return {
		route: spec.route,
		url: spec.url,
		total_gzip_bytes: files.reduce((s, f) => s + f.gzip_bytes, 0),
		total_raw_bytes: files.reduce((s, f) => s + f.raw_bytes, 0),
		loads_videojs: files.some((f) => f.library === 'video.js'),
		loads_howler: files.some((f) => f.library === 'howler'),
		files
	};
}

function verdict(routes: readonly RouteSize[]): { pass: boolean; failures: string[] } {
	const failures: string[] = [];
	for (const r of routes) {
		if (r.route === '/play/[id]') {
			if (r.total_gzip_bytes > PLAYER_BUDGET_BYTES) {
				failures.push(`${r.route} loads ${r.total_gzip_bytes} B gzip, over the ${PLAYER_BUDGET_BYTES} B budget`);
			}
		} else if (r.loads_videojs || r.loads_howler) {
			failures.push(`${r.route} loads ${[r.loads_videojs && 'video.js', r.loads_howler && 'howler'].filter(Boolean).join(' and ')}`);
		}
	}
	return { pass: failures.length === 0, failures };
}

function filesUnder(dir: string): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? filesUnder(path.join(dir, e.name)) : e.name.endsWith('.gz') || e.name.endsWith('.br') ? [] : [path.join(dir, e.name)]
	);
}

/** The service worker's script, and what it precaches (the build's shell: all but media and schemas). */
function serviceWorkerSize(): { script_gzip_bytes: number; precache_files: number; precache_raw_bytes: number } {
	// build/client, or build/public where Limber's own server entry serves it from.
	const client = [path.join(ROOT, 'build', 'client'), path.join(ROOT, 'build', 'public')].find((d) => existsSync(d)) ?? '';
	const script = path.join(client, 'service-worker.js');
	const shell = [
		...filesUnder(client).filter((f) => !/^(media|schema)[/\\]/.test(path.relative(client, f)) && f !== script),
		...filesUnder(path.join(ROOT, 'build', 'prerendered'))
	];
	return {
		script_gzip_bytes: existsSync(script) ? gzipSync(readFileSync(script), { level: 9 }).length : 0,
		precache_files: shell.length,
		precache_raw_bytes: shell.reduce((sum, f) => sum + statSync(f).size, 0)
	};
}

async function main(): Promise<void> {
	const started = Date.now();
	const build = await prepareBuild(process.argv.slice(2));
	const manifest = manifestChunks();
	const server = await startServer();
	const browser = await launchChromium();
	try {
		const routes: RouteSize[] = [];
		for (const spec of ROUTES) routes.push(await measureRoute(browser, server.url, spec, manifest));
		const { pass, failures } = verdict(routes);
		const result = {
			bench: 'size',
			budget: {
				player_max_gzip_bytes: PLAYER_BUDGET_BYTES,
				rule: 'player route ≤ 150 000 B gzip (zlib level 9) including video.js and howler; other routes load neither',
				pass,
				failures
			},
			routes,
			service_worker: serviceWorkerSize(),
			method: {
				sizes: 'each JavaScript response body (scripts, lazy chunks, workers) gzipped with zlib level 9',
				player: `loaded, Start clicked, then ${AFTER_START_MS} ms and network idle, so lazy chunks count`,
				routine: ROUTINE,
				build: build.built ? `built by the bench (${Math.round(build.ms / 1000)} s)` : 'reused the existing build'
			},
			environment: environment(browser),
			duration_s: Math.round((Date.now() - started) / 1000)
		};
		const out = path.join(ROOT, 'bench', 'results', 'size.json');
		mkdirSync(path.dirname(out), { recursive: true });
		writeFileSync(out, JSON.stringify(result, null, '\t') + '\n');

		for (const r of routes) {
			console.log(`\n${r.route}  (${r.url})`);
			console.log(
				table(
					['file', 'raw kB', 'gzip kB', 'library'],
					r.files.map((f) => [f.path, fmt(f.raw_bytes / 1000), fmt(f.gzip_bytes / 1000), f.library ?? ''])
				)
			);
		}
		console.log('\nTotals (gzip, 1 kB = 1000 B)');
		console.log(
			table(
				['route', 'gzip kB', 'raw kB', 'video.js', 'howler', 'budget'],
				routes.map((r) => [
					r.route,
					fmt(r.total_gzip_bytes / 1000),
					fmt(r.total_raw_bytes / 1000),
					r.loads_videojs ? 'yes' : 'no',
					r.loads_howler ? 'yes' : 'no',
					r.route === '/play/[id]' ? `≤ ${PLAYER_BUDGET_BYTES / 1000}` : 'neither lib'
				])
			)
		);
		const sw = result.service_worker;
		console.log(
			`\nService worker (not loaded by the routes): ${fmt(sw.script_gzip_bytes / 1000)} kB gzip; precaches ${sw.precache_files} files, ${fmt(sw.precache_raw_bytes / 1000)} kB raw`
		);
		console.log(`\nBudget: ${pass ? 'PASS' : 'FAIL'}${failures.length ? `: ${failures.join('; ')}` : ''}`);
		console.log(`Wrote ${path.relative(ROOT, out)} in ${result.duration_s} s`);
	} finally {
		await browser.close();
		await server.stop();
	}
}

await main();
