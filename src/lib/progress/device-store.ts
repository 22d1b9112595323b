/**
 * The device store: every write adds or puts one record under its own id inside a
 * transaction, never a read-modify-write of a whole blob, so two open tabs writing at
 * once both keep their records. After each write the store tells its own watchers and,
 * over a BroadcastChannel, every other tab's, which then read again.
 */
import * as v from 'valibot';
import type { ImportResult } from './backup';
import { ChangeFeed, watchReads } from './change-feed';
import type { ExportFile, ProgressData } from './export-format';
import { DB_NAME, openProgressDb, STORE_NAMES, type ProgressConnection } from './progress-db';
import {
	levelChoice,
	safetyEvent,
	sessionRecord,
	settings as settingsSchema,
	type LevelChoice,
	type SafetyEvent,
	type SessionRecord,
	type Settings
} from './records';

export type { ImportResult } from './backup';

export class ProgressStore {
	readonly #db: Promise<ProgressConnection>;
	readonly #changes: ChangeFeed;

	constructor(name = DB_NAME) {
		this.#db = openProgressDb(name);
		// An open that fails is reported by the first read or write; this only stops an
		// unhandled rejection when nothing has asked yet.
		this.#db.catch(() => undefined);
		this.#changes = new ChangeFeed(name);
	}

	/** One write, then every watcher here and in other tabs hears of it. */
	async #write(write: (db: ProgressConnection) => Promise<unknown>): Promise<void> {
		await write(await this.#db);
		this.#changes.announce();
	}

	/** Records are checked before they are written: the store only ever holds valid data. */
	async addSession(record: SessionRecord): Promise<void> {
		const value = v.parse(sessionRecord, record);
		await this.#write((db) => db.add('sessions', value));
	}

	/** Saves a session again under its own id, e.g. once its after-session check-in is answered. */
	async putSession(record: SessionRecord): Promise<void> {
		const value = v.parse(sessionRecord, record);
		await this.#write((db) => db.put('sessions', value));
	}

	async addChoice(choice: LevelChoice): Promise<void> {
		const value = v.parse(levelChoice, choice);
		await this.#write((db) => db.add('choices', value));
	}

	async addSafety(event: SafetyEvent): Promise<void> {
		const value = v.parse(safetyEvent, event);
		await this.#write((db) => db.add('safety', value));
	}

	async setSettings(settings: Settings): Promise<void> {
		const value = v.parse(settingsSchema, settings);
		await this.#write((db) => db.put('settings', { key: 'settings', value }));
	}

	/** One read-only transaction, so the four lists are one consistent moment. */
	async read(): Promise<ProgressData> {
		const tx = (await this.#db).transaction(STORE_NAMES, 'readonly');
		const [sessions, choices, safety, settings] = await Promise.all([
			tx.objectStore('sessions').index('startedAt').getAll(),
			tx.objectStore('choices').index('at').getAll(),
			tx.objectStore('safety').index('at').getAll(),
			tx.objectStore('settings').get('settings'),
			tx.done
		]);
		return { sessions, choices, safety, settings: settings?.value ?? null };
	}

	/**
	 * Adds what the device does not have, in every store (the weekly plan's too), in one
	 * transaction: a failure part-way leaves the store as it was. The device's own settings
	 * win over the file's. The import code loads only when it is used.
	 */
	async importFile(file: ExportFile): Promise<ImportResult> {
		const { importEverything } = await import('./backup');
		const result = await importEverything(await this.#db, file);
		this.#changes.announce();
		return result;
	}

	/** Calls `onData` now and after every change, from this tab or another. */
	watch(onData: (data: ProgressData) => void, onError: (e: unknown) => void): () => void {
		return watchReads(this.#changes, () => this.read(), onData, onError);
	}

	close(): void {
		this.#changes.close();
		void this.#db.then((db) => db.close(), () => undefined);
	}
}
