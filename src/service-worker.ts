/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Limber's service worker: the app opens and downloaded routines (and clinicians'
 * programmes) play with no network.
 *
 * - Install precaches this build's shell (scripts, styles, icons, prerendered files such as
 *   the media lists and the voice manifest) and its pages (home, history, safety check,
 *   downloads), and saves again the pages of every download, because a saved page names
 *   its own build's scripts. It does not take over by itself: the page says a new version
 *   is ready and reloads when the person chooses (never in a session).
 * - When the browser has cleared the caches (storage pressure) while the worker stayed, a
 *   page asks it to set up again (set-up-again.ts): the same work as the install.
 * - Activate deletes only Limber's shell and pages caches of other builds. The media cache
 *   is never deleted: downloads survive every update.
 * - Media come from the downloads cache, a Range request as a 206 slice of the cached file.
 */
import { build, files, prerendered, version } from '$service-worker';
import { isOutdatedCache, MEDIA_CACHE, pagesCache, shellCache } from '$lib/offline/cache-names';
import { listDownloads, openOfflineDb } from '$lib/offline/download-db';
import { answerFromCache } from '$lib/offline/media-response';
import { offlineMessageFor, OFFLINE_STATUS } from '$lib/offline/offline-message';
import { downloadPages, OFFLINE_PAGE, pageKey, SHELL_PAGES } from '$lib/offline/page-urls';
import { requestKind, shellFiles } from '$lib/offline/request-kind';
import { savePages } from '$lib/offline/save-pages';
import { SET_UP_AGAIN, type SetUpAgainReply } from '$lib/offline/set-up-again';

const sw = self as unknown as ServiceWorkerGlobalScope;
const SHELL = shellFiles(build, files, prerendered);
const SHELL_SET = new Set(SHELL);
/** On a slow network a saved page is shown rather than waiting longer than this. */
const PAGE_TIMEOUT_MS = 4000;

async function downloadPagePaths(): Promise<string[]> {
	try {
		const db = await openOfflineDb();
		try {
			// A withdrawn programme keeps its record but nothing to play: its pages are not saved again.
			return (await listDownloads(db)).filter((r) => r.withdrawn !== true).flatMap((r) => downloadPages(r.routineId, r.level, r.shareId));
		} finally {
			db.close();
		}
	} catch {
		return [];
	}
}

/** Each download's pages, one by one: a routine gone from this build must not stop the rest. */
async function saveDownloadPages(onlyMissing: boolean): Promise<void> {
	const cache = await caches.open(pagesCache(version));
	for (const path of await downloadPagePaths()) {
		if (onlyMissing && (await cache.match(path))) continue;
		await savePages(cache, [path], sw.location.origin).catch(() => undefined);
	}
}

/** The shell, the app's pages and every download's pages: at install, and again after the browser cleared them. */
async function setUp(): Promise<void> {
	await (await caches.open(shellCache(version))).addAll(SHELL);
	await savePages(await caches.open(pagesCache(version)), SHELL_PAGES, sw.location.origin);
	await saveDownloadPages(false);
}

/**
 * Whether this build's caches hold the shell and the app's pages. Not `caches.has()`: each
 * request the worker answers opens (so makes) its caches, empty after the browser cleared them.
 */
async function isSetUp(): Promise<boolean> {
	const shell = await caches.open(shellCache(version));
	if ((await shell.keys()).length < SHELL.length) return false;
	const pages = await caches.open(pagesCache(version));
	for (const path of SHELL_PAGES) if (!(await pages.match(pageKey(new URL(path, sw.location.origin))))) return false;
	return true;
}

async function setUpAgain(): Promise<boolean> {
	try {
		if (!(await isSetUp())) await setUp();
		else await saveDownloadPages(true);
		return true;
	} catch {
		return false;
	}
}

/** One at a time: several pages may ask at once. */
let settingUp: Promise<boolean> | null = null;

sw.addEventListener('install', (event) => {
	event.waitUntil(setUp());
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const name of await caches.keys()) if (isOutdatedCache(name, version)) await caches.delete(name);
			await sw.clients.claim();
			// A download finished while this build waited to take over saved its pages for the old one.
			await saveDownloadPages(true);
		})()
	);
});

sw.addEventListener('message', (event) => {
	const type = (event.data as { type?: unknown } | null)?.type;
	if (type === 'skip-waiting') void sw.skipWaiting();
	if (type === SET_UP_AGAIN) {
		settingUp ??= setUpAgain().finally(() => (settingUp = null));
		const reply = settingUp.then((ok) => event.ports[0]?.postMessage({ ok } satisfies SetUpAgainReply));
		event.waitUntil(reply);
	}
});

async function fromShell(request: Request): Promise<Response> {
	const hit = await (await caches.open(shellCache(version))).match(request, { ignoreSearch: true });
	return hit ?? fetch(request);
}

async function fromMedia(request: Request): Promise<Response> {
	const cache = await caches.open(MEDIA_CACHE);
	// By URL alone: the request's Range header must not take part in the match.
	const hit = await cache.match(request.url);
	if (hit) return answerFromCache(request, hit);
	try {
		return await fetch(request);
	} catch (err) {
		// Offline, an earlier version of the same file still plays (until the download updates).
		const older = await cache.match(request.url, { ignoreSearch: true });
		if (older) return answerFromCache(request, older);
		throw err;
	}
}

function timeout(ms: number): Promise<never> {
	return new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), ms));
}

/** Network first; the saved copy when the network fails, answers 5xx, or is too slow. */
async function networkFirst(request: Request, url: URL, fallback: () => Promise<Response>): Promise<Response> {
	const saved = await (await caches.open(pagesCache(version))).match(pageKey(url));
	try {
		const res = await (saved ? Promise.race([fetch(request), timeout(PAGE_TIMEOUT_MS)]) : fetch(request));
		if (res.status >= 500 && saved) return saved;
		return res;
	} catch {
		return saved ?? fallback();
	}
}

async function offlinePage(): Promise<Response> {
	const page = await (await caches.open(shellCache(version))).match(OFFLINE_PAGE);
	return page ?? Response.error();
}

function offlineData(url: URL): Promise<Response> {
	// SvelteKit shows its error page with this status and message (see src/routes/+error.svelte).
	const body = JSON.stringify(offlineMessageFor(url.pathname));
	return Promise.resolve(new Response(body, { status: OFFLINE_STATUS, headers: { 'content-type': 'application/json' } }));
}

sw.addEventListener('fetch', (event) => {
	const { request } = event;
	const url = new URL(request.url);
	const kind = requestKind(request, url, sw.location.origin, SHELL_SET);
	if (kind === 'media') event.respondWith(fromMedia(request));
	else if (kind === 'shell') event.respondWith(fromShell(request));
	else if (kind === 'page') event.respondWith(networkFirst(request, url, offlinePage));
	else if (kind === 'data') event.respondWith(networkFirst(request, url, () => offlineData(url)));
});
