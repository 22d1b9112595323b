/**
 * The device store: every write adds or puts one record under its own id inside a
 * transaction, never a read-modify-write of a whole blob, so two open tabs writing at
 * once both keep their records. After each write the store tells its own watchers and,
 * over a BroadcastChannel, every other tab's, which then read again.
 */
import * as v from 'valibot';
import { exportFile, mergePlan, type ExportFile, type MergePlan, type ProgressData } from './export-format';
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

/** Tells this store's watchers, and other tabs', that the data changed. */
class ChangeFeed {
	readonly #listeners = new Set<() => void>();
	readonly #channel: BroadcastChannel | null;

	constructor(name: string) {
		this.#channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(`${name}:changed`) : null;
		this.#channel?.addEventListener('message', () => this.#tell());
	}

	announce(): void {
		this.#tell();
		this.#channel?.postMessage('changed');
	}

	listen(fn: () => void): () => void {
		this.#listeners.add(fn);
		return () => this.#listeners.delete(fn);
	}

	close(): void {
		this.#listeners.clear();
		this.#channel?.close();
	}

	#tell(): void {
		for (const fn of this.#listeners) fn();
	}
}

export interface ImportResult {
	readonly added: number;
	readonly skipped: number;
}

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
	 * Adds what the device does not have, in one transaction: a failure part-way leaves the
	 * store as it was. The device's own settings win over the file's.
	 */
	async importFile(unchecked: ExportFile): Promise<ImportResult> {
		const file = v.parse(exportFile, unchecked);
		const tx = (await this.#db).transaction(STORE_NAMES, 'readwrite');
		const sessions = tx.objectStore('sessions');
		const choices = tx.objectStore('choices');
		const safety = tx.objectStore('safety');
		const settings = tx.objectStore('settings');
		const [haveSessions, haveChoices, haveSafety, haveSettings] = await Promise.all([
			sessions.getAll(),
			choices.getAll(),
			safety.getAll(),
			settings.get('settings')
		]);
		const plan: MergePlan = mergePlan({ sessions: haveSessions, choices: haveChoices, safety: haveSafety, settings: null }, file);
		// A failed add (a record twice in the file) aborts the transaction: nothing is kept.
		await Promise.all([
			...plan.sessions.map((s) => sessions.add(s)),
			...plan.choices.map((c) => choices.add(c)),
			...plan.safety.map((e) => safety.add(e)),
			...(file.settings && !haveSettings ? [settings.put({ key: 'settings', value: file.settings })] : []),
			tx.done
		]);
		this.#changes.announce();
		return { added: plan.sessions.length + plan.choices.length + plan.safety.length, skipped: plan.skipped };
	}

	/**
	 * Calls `onData` now and after every change, from this tab or another. Changes that
	 * arrive during a read lead to one more read, so the last call always follows the
	 * last change.
	 */
	watch(onData: (data: ProgressData) => void, onError: (e: unknown) => void): () => void {
		let stopped = false;
		let reading = false;
		let again = false;
		const refresh = async (): Promise<void> => {
			if (reading) {
				again = true;
				return;
			}
			reading = true;
			try {
				do {
					again = false;
					const data = await this.read();
					if (!stopped) onData(data);
				} while (again && !stopped);
			} catch (e) {
				if (!stopped) onError(e);
			} finally {
				reading = false;
			}
		};
		const unlisten = this.#changes.listen(() => void refresh());
		void refresh();
		return () => {
			stopped = true;
			unlisten();
		};
	}

	close(): void {
		this.#changes.close();
		void this.#db.then((db) => db.close(), () => undefined);
	}
}
