/**
 * The downloads on this device, and the downloads under way: one instance per page load
 * (see downloads-instance.ts), so a download goes on while the person moves between pages.
 *
 * A download fetches the level's files that are not in the media cache yet (a file shared
 * with another download is fetched once), saves the routine's pages, and only then writes
 * its record: until then nothing shows it as ready. Removing one deletes the files no other
 * download needs. The records' ids are also kept in localStorage, which is not part of the
 * storage a browser evicts under quota pressure (Chromium), so the page can say when the
 * browser has removed downloads to free space. A record whose files are gone is reported
 * too, and kept (it names what to download again) until it is downloaded again or removed.
 * The browser can clear the caches alone, the service worker's included: before a download,
 * and on loading when there are downloads, the worker is asked to check that it is set up
 * and to set itself up again if not (set-up-again.ts). A clinician's programme downloads the
 * same way (its pages are /p/SHARE…); once it is withdrawn its files and pages go, and its
 * record stays, marked, until the person removes it.
 */
import { isPagesCache, MEDIA_CACHE } from './cache-names';
import { deleteDownload, listDownloads, putDownload, type OfflineConnection } from './download-db';
import { downloadId, isOutdated, makeRecord, withdrawnRecord, type DownloadRecord } from './download-record';
import { failureMessage, fetchFile } from './fetch-file';
import type { RoutineMedia } from './media-list';
import { WITHDRAWN, type MediaListAnswer } from './media-list-client';
import { missingFiles, orphanedKeys } from './orphans';
import { downloadPages, pageKey } from './page-urls';
import { pickFiles, totalBytes, type CanPlay, type PlannedFile } from './pick-files';
import { savePages } from './save-pages';

export type Job =
	| {
			readonly phase: 'downloading';
			/** "Morning mobility, level 1: Gentle start", for lists of what is under way. */
			readonly label: string;
			readonly doneBytes: number;
			readonly totalBytes: number;
			readonly updating: boolean;
	  }
	| { readonly phase: 'failed'; readonly message: string };

export interface EvictedDownload {
	readonly id: string;
	readonly title: string;
	readonly levelName: string;
}

export interface StorageFacts {
	readonly usage: number;
	readonly quota: number;
}

export interface DownloadsDeps {
	readonly caches: CacheStorage;
	readonly openDb: () => Promise<OfflineConnection>;
	readonly fetch: typeof fetch;
	readonly storage: Pick<StorageManager, 'persist' | 'persisted' | 'estimate'> | null;
	readonly ledger: Pick<Storage, 'getItem' | 'setItem'> | null;
	readonly canPlay: CanPlay;
	/** Absolute base for the pages' URLs (the page's origin). */
	readonly origin: string;
	readonly now?: () => Date;
	readonly wait?: (ms: number, signal: AbortSignal) => Promise<void>;
	/** Asks the service worker to fill its caches again; true once it has (see set-up-again.ts). */
	readonly setUpAgain?: () => Promise<boolean>;
}

/** What the browser removed of a download: some of its files, or all of it. */
export type Removed = 'part' | 'all';

const LEDGER_KEY = 'limber-downloads';

/** No service worker has installed yet: nothing could play the download offline. */
class NotInstalledError extends Error {}
const NOT_INSTALLED = 'Limber has not finished setting itself up for offline use. Reload the page, then try again.';
/** Files fetched at once: enough to hide a round trip per small voice file. */
const PARALLEL = 3;

function abortableWait(ms: number, signal: AbortSignal): Promise<void> {
	return new Promise((resolve, reject) => {
		const t = setTimeout(resolve, ms);
		signal.addEventListener('abort', () => {
			clearTimeout(t);
			reject(signal.reason);
		});
	});
}

export class Downloads {
	#records = $state.raw<readonly DownloadRecord[]>([]);
	#jobs = $state.raw<ReadonlyMap<string, Job>>(new Map());
	/** Records some of whose files the browser has removed. */
	#incomplete = $state.raw<ReadonlySet<string>>(new Set());
	/** Of those, the records none of whose files is left. */
	#gone = $state.raw<ReadonlySet<string>>(new Set());
	#evicted = $state.raw<readonly EvictedDownload[]>([]);
	#loaded = $state(false);
	#persisted = $state<boolean | null>(null);
	#storageFacts = $state.raw<StorageFacts | null>(null);
	#loading: Promise<void> | null = null;
	readonly #controllers = new Map<string, AbortController>();
	/** Files of downloads under way: cleanup must leave them alone. */
	readonly #active = new Map<string, readonly string[]>();
	readonly #deps: DownloadsDeps;

	constructor(deps: DownloadsDeps) {
		this.#deps = deps;
	}

	get loaded(): boolean {
		return this.#loaded;
	}
	get records(): readonly DownloadRecord[] {
		return this.#records;
	}
	get evicted(): readonly EvictedDownload[] {
		return this.#evicted;
	}
	get persisted(): boolean | null {
		return this.#persisted;
	}
	get storage(): StorageFacts | null {
		return this.#storageFacts;
	}
	/** What the downloads take on the device: a file shared by several counts once. */
	get totalBytes(): number {
		const sizes = new Map(this.#records.flatMap((r) => r.files.map((f) => [f.url, f.bytes] as const)));
		return [...sizes.values()].reduce((s, b) => s + b, 0);
	}
	/** Downloads under way or failed, by record id. */
	get jobs(): ReadonlyMap<string, Job> {
		return this.#jobs;
	}
	job(id: string): Job | null {
		return this.#jobs.get(id) ?? null;
	}
	record(id: string): DownloadRecord | null {
		return this.#records.find((r) => r.id === id) ?? null;
	}
	isIncomplete(id: string): boolean {
		return this.#incomplete.has(id);
	}
	/** Whether the browser removed this download or some of its files (null: it did not). */
	removed(id: string): Removed | null {
		if (this.#evicted.some((e) => e.id === id)) return 'all';
		return this.#incomplete.has(id) ? (this.#gone.has(id) ? 'all' : 'part') : null;
	}
	/** Whole on this device: a record whose files are all still in the cache. */
	isReady(routineId: string, level: number): boolean {
		const id = downloadId(routineId, level);
		const rec = this.record(id);
		return rec !== null && rec.withdrawn !== true && !this.#incomplete.has(id);
	}
	/** Routines with at least one level ready offline. */
	readyRoutines(): ReadonlySet<string> {
		return new Set(this.#records.filter((r) => r.withdrawn !== true && !this.#incomplete.has(r.id)).map((r) => r.routineId));
	}

	/** Reads the records and checks them against the cache; once, later calls share it. */
	load(): Promise<void> {
		this.#loading ??= this.#load();
		return this.#loading;
	}

	async #load(): Promise<void> {
		const records = await this.#withDb(listDownloads);
		const keys = await this.#cachedPaths();
		this.#records = records;
		this.#incomplete = new Set(records.filter((r) => r.files.some((f) => !keys.has(f.url))).map((r) => r.id));
		this.#gone = new Set(records.filter((r) => r.files.every((f) => !keys.has(f.url))).map((r) => r.id));
		const ids = new Set(records.map((r) => r.id));
		this.#evicted = this.#readLedger().filter((e) => !ids.has(e.id));
		this.#persisted = (await this.#deps.storage?.persisted().catch(() => null)) ?? null;
		this.#loaded = true;
		void this.refreshStorage();
		// Left over from a download that was closed half way: no record needs those files.
		await this.#cleanup();
		// The browser may have cleared the caches but not the worker: have it check, so the app opens offline again.
		if (records.length > 0) void this.#deps.setUpAgain?.();
	}

	async refreshStorage(): Promise<void> {
		const e = await this.#deps.storage?.estimate().catch(() => null);
		this.#storageFacts = e && typeof e.quota === 'number' ? { usage: e.usage ?? 0, quota: e.quota } : null;
	}

	/** The level's files in the format this browser plays, with their sizes. */
	plan(list: RoutineMedia, level: number): PlannedFile[] {
		return pickFiles(list, level, this.#deps.canPlay);
	}

	/**
	 * Downloads a level, or brings an older download of it up to date (only the changed
	 * files are fetched). Resolves when it has finished, failed or been cancelled.
	 */
	async download(list: RoutineMedia, level: number): Promise<void> {
		const id = downloadId(list.routineId, level);
		if (this.#controllers.has(id)) return;
		// Registered at once, so that a cancel right after the press is not lost.
		const controller = new AbortController();
		this.#controllers.set(id, controller);
		try {
			await this.load();
		} catch (err) {
			this.#controllers.delete(id);
			throw err;
		}
		const planned = this.plan(list, level);
		const updating = this.record(id) !== null;
		const total = totalBytes(planned);
		this.#active.set(id, planned.map((f) => f.url));
		let done = 0;
		const levelName = list.levels.find((l) => l.level === level)?.name ?? '';
		const label = `${list.title}, level ${level}${levelName ? `: ${levelName}` : ''}`;
		this.#setJob(id, { phase: 'downloading', label, doneBytes: 0, totalBytes: total, updating });
		try {
			if (this.#records.length === 0 && !this.#persisted) await this.#askToKeep();
			const cache = await this.#deps.caches.open(MEDIA_CACHE);
			const missing = missingFiles(planned, await this.#cachedPaths());
			done = total - totalBytes(missing);
			const progress = (delta: number) => {
				done += delta;
				this.#setJob(id, { phase: 'downloading', label, doneBytes: Math.max(0, Math.min(done, total)), totalBytes: total, updating });
			};
			progress(0);
			await this.#fetchAll(missing, cache, controller, progress);
			controller.signal.throwIfAborted();
			// The worker's pages and shell must be whole before this download is called ready.
			await this.#deps.setUpAgain?.();
			const pagesCaches = await this.#pagesCaches();
			if (pagesCaches.length === 0) throw new NotInstalledError();
			for (const pages of pagesCaches) await savePages(pages, downloadPages(list.routineId, level, list.shareId), this.#deps.origin, this.#deps.fetch);
			controller.signal.throwIfAborted();
			const rec = makeRecord(list, level, planned, (this.#deps.now ?? (() => new Date()))());
			await this.#withDb((db) => putDownload(db, rec));
			this.#records = [...this.#records.filter((r) => r.id !== id), rec];
			this.#incomplete = new Set([...this.#incomplete].filter((x) => x !== id));
			this.#gone = new Set([...this.#gone].filter((x) => x !== id));
			// Downloaded again: the notice that the browser removed it has done its work.
			this.#evicted = this.#evicted.filter((e) => e.id !== id);
			this.#writeLedger();
			this.#setJob(id, null);
		} catch (err) {
			const message = err instanceof NotInstalledError ? NOT_INSTALLED : failureMessage(err);
			this.#setJob(id, controller.signal.aborted ? null : { phase: 'failed', message });
		} finally {
			this.#controllers.delete(id);
			this.#active.delete(id);
			await this.#cleanup().catch(() => undefined);
			void this.refreshStorage();
		}
	}

	/** Brings every download of this routine whose media changed up to date. */
	async update(list: RoutineMedia): Promise<void> {
		await this.load();
		const outdated = this.#records.filter((r) => r.routineId === list.routineId && isOutdated(r, list));
		for (const r of outdated) await this.download(list, r.level);
	}

	/**
	 * What a routine's (or programme's) media list answered, applied here: a withdrawn
	 * programme is marked so; otherwise its outdated downloads are brought up to date, and
	 * with `level` that level is downloaded (again: the browser removed it). No answer (offline,
	 * a server fault): nothing changes.
	 */
	async apply(answer: MediaListAnswer, shareId: string | undefined, level?: number): Promise<void> {
		if (answer === WITHDRAWN) {
			if (shareId !== undefined) await this.withdraw(shareId);
		} else if (answer) {
			await (level === undefined ? this.update(answer) : this.download(answer, level));
		}
	}

	/**
	 * The clinician withdrew this programme (its media list answered 410, or its page said
	 * so): its levels stop playing offline, their files and pages go, and their records stay,
	 * marked withdrawn, so the downloads page can say so. History is not touched.
	 */
	async withdraw(shareId: string): Promise<void> {
		await this.load();
		const hit = this.#records.filter((r) => r.shareId === shareId && r.withdrawn !== true);
		if (hit.length === 0) return;
		for (const r of hit) this.cancel(r.id);
		const marked = hit.map(withdrawnRecord);
		for (const rec of marked) await this.#withDb((db) => putDownload(db, rec));
		this.#records = this.#records.map((r) => marked.find((m) => m.id === r.id) ?? r);
		this.#writeLedger();
		await this.#cleanup();
		for (const rec of hit) await this.#dropPages(rec);
		void this.refreshStorage();
	}

	cancel(id: string): void {
		this.#controllers.get(id)?.abort(new DOMException('Cancelled', 'AbortError'));
	}

	/** Forgets a failed download's message. */
	dismiss(id: string): void {
		if (this.#jobs.get(id)?.phase === 'failed') this.#setJob(id, null);
	}

	async remove(id: string): Promise<void> {
		await this.load();
		const rec = this.record(id);
		if (!rec) return;
		await this.#withDb((db) => deleteDownload(db, id));
		this.#records = this.#records.filter((r) => r.id !== id);
		this.#writeLedger();
		await this.#cleanup();
		await this.#dropPages(rec);
		void this.refreshStorage();
	}

	/** The person has read that downloads were evicted. */
	dismissEvicted(): void {
		this.#evicted = [];
		this.#writeLedger();
	}

	async #fetchAll(files: readonly PlannedFile[], cache: Cache, controller: AbortController, progress: (delta: number) => void): Promise<void> {
		const queue = [...files];
		const deps = { fetch: this.#deps.fetch, cache, wait: this.#deps.wait ?? abortableWait };
		const worker = async () => {
			for (let f = queue.shift(); f; f = queue.shift()) {
				try {
					controller.signal.throwIfAborted();
					await fetchFile(f, deps, controller.signal, progress);
				} catch (err) {
					// One file that failed after its retries fails the level: stop the others.
					queue.length = 0;
					throw err;
				}
			}
		};
		const results = await Promise.allSettled(Array.from({ length: Math.min(PARALLEL, files.length) }, worker));
		const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
		if (failed) throw failed.reason;
	}

	async #askToKeep(): Promise<void> {
		const granted = await this.#deps.storage?.persist().catch(() => false);
		this.#persisted = granted ?? null;
	}

	async #cachedPaths(): Promise<Set<string>> {
		const cache = await this.#deps.caches.open(MEDIA_CACHE);
		return new Set((await cache.keys()).map((r) => {
			const u = new URL(r.url);
			return u.pathname + u.search;
		}));
	}

	async #cleanup(): Promise<void> {
		const cache = await this.#deps.caches.open(MEDIA_CACHE);
		const keys = (await cache.keys()).map((r) => r.url);
		const inProgress = [...this.#active.values()].flat();
		for (const key of orphanedKeys(keys, this.#records, inProgress)) await cache.delete(key);
	}

	/** The removed level's player pages; the routine page too once no level of it is left to play. */
	async #dropPages(rec: DownloadRecord): Promise<void> {
		const [home, homeData, ...player] = downloadPages(rec.routineId, rec.level, rec.shareId);
		const otherLevel = this.#records.some((r) => r.routineId === rec.routineId && r.id !== rec.id && r.withdrawn !== true);
		const paths = otherLevel ? player : [home, homeData, ...player];
		for (const pages of await this.#pagesCaches()) {
			for (const path of paths) {
				if (path === undefined) continue;
				await pages.delete(pageKey(new URL(path, this.#deps.origin)));
			}
		}
	}

	/**
	 * The service worker's pages caches, named for its build (normally one; two while a new
	 * version waits to take over). The page does not need to know which build that is.
	 */
	async #pagesCaches(): Promise<Cache[]> {
		const names = (await this.#deps.caches.keys()).filter(isPagesCache);
		return Promise.all(names.map((n) => this.#deps.caches.open(n)));
	}

	#setJob(id: string, job: Job | null): void {
		const next = new Map(this.#jobs);
		if (job) next.set(id, job);
		else next.delete(id);
		this.#jobs = next;
	}

	async #withDb<T>(run: (db: OfflineConnection) => Promise<T>): Promise<T> {
		const db = await this.#deps.openDb();
		try {
			return await run(db);
		} finally {
			db.close();
		}
	}

	#readLedger(): EvictedDownload[] {
		try {
			const raw: unknown = JSON.parse(this.#deps.ledger?.getItem(LEDGER_KEY) ?? '[]');
			if (!Array.isArray(raw)) return [];
			return raw.filter(
				(e): e is EvictedDownload =>
					typeof e === 'object' && e !== null && typeof e.id === 'string' && typeof e.title === 'string' && typeof e.levelName === 'string'
			);
		} catch {
			return [];
		}
	}

	/** The records, plus evicted ones not yet acknowledged (so the notice stays until read). */
	#writeLedger(): void {
		const entries = [
			...this.#records.map((r) => ({ id: r.id, title: r.title, levelName: r.levelName })),
			...this.#evicted.filter((e) => !this.#records.some((r) => r.id === e.id))
		];
		try {
			this.#deps.ledger?.setItem(LEDGER_KEY, JSON.stringify(entries));
		} catch {
			// Storage full or blocked: the eviction notice is a nicety.
		}
	}
}
