/**
 * The device store: IndexedDB through Dexie. Every write adds or puts one record under its
 * own id inside a transaction, never a read-modify-write of a whole blob, so two open tabs
 * writing at once both keep their records; liveQuery tells every tab (Dexie relays changes
 * between tabs with BroadcastChannel).
 *
 * Schema versions: 1 held sessions, safety events and settings; 2 added level choices and
 * the per-question null for "how relaxed", which older after-session check-ins lacked.
 */
import { Dexie, liveQuery, type EntityTable } from 'dexie';
import { exportFile, mergePlan, type ExportFile, type MergePlan, type ProgressData } from './export-format';
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

export const DB_NAME = 'limber-progress';
export const DB_VERSION = 2;

interface SettingsRow {
	readonly key: 'settings';
	readonly value: Settings;
}

/** The stores as they were in version 1, kept so the upgrade path stays testable. */
export const V1_STORES = { sessions: 'id, routineId, startedAt', safety: 'id, at', settings: 'key' } as const;

export class ProgressDb extends Dexie {
	sessions!: EntityTable<SessionRecord, 'id'>;
	choices!: EntityTable<LevelChoice, 'id'>;
	safety!: EntityTable<SafetyEvent, 'id'>;
	settings!: EntityTable<SettingsRow, 'key'>;

	constructor(name = DB_NAME) {
		super(name);
		this.version(1).stores(V1_STORES);
		this.version(2)
			.stores({ sessions: 'id, routineId, startedAt, [routineId+startedAt]', choices: 'id, routineId, at' })
			.upgrade((tx) =>
				tx
					.table('sessions')
					.toCollection()
					.modify((s: { after: { status: string; relaxed?: unknown } }) => {
						if (s.after.status === 'answered' && !('relaxed' in s.after)) s.after.relaxed = null;
					})
			);
	}
}

export interface ImportResult {
	readonly added: number;
	readonly skipped: number;
}

export class ProgressStore {
	readonly #db: ProgressDb;

	constructor(db: ProgressDb) {
		this.#db = db;
	}

	/** Records are checked before they are written: the store only ever holds valid data. */
	async addSession(record: SessionRecord): Promise<void> {
		await this.#db.sessions.add(sessionRecord.parse(record));
	}

	/** Saves a session again under its own id, e.g. once its after-session check-in is answered. */
	async putSession(record: SessionRecord): Promise<void> {
		await this.#db.sessions.put(sessionRecord.parse(record));
	}

	async addChoice(choice: LevelChoice): Promise<void> {
		await this.#db.choices.add(levelChoice.parse(choice));
	}

	async addSafety(event: SafetyEvent): Promise<void> {
		await this.#db.safety.add(safetyEvent.parse(event));
	}

	async setSettings(value: Settings): Promise<void> {
		await this.#db.settings.put({ key: 'settings', value: settingsSchema.parse(value) });
	}

	async read(): Promise<ProgressData> {
		return this.#db.transaction('r', [this.#db.sessions, this.#db.choices, this.#db.safety, this.#db.settings], async () => ({
			sessions: await this.#db.sessions.orderBy('startedAt').toArray(),
			choices: await this.#db.choices.orderBy('at').toArray(),
			safety: await this.#db.safety.orderBy('at').toArray(),
			settings: (await this.#db.settings.get('settings'))?.value ?? null
		}));
	}

	/**
	 * Adds what the device does not have, in one transaction: a failure part-way leaves the
	 * store as it was. The device's own settings win over the file's.
	 */
	async importFile(unchecked: ExportFile): Promise<ImportResult> {
		const file = exportFile.parse(unchecked);
		const db = this.#db;
		return db.transaction('rw', [db.sessions, db.choices, db.safety, db.settings], async () => {
			const plan: MergePlan = mergePlan(
				{
					sessions: await db.sessions.toArray(),
					choices: await db.choices.toArray(),
					safety: await db.safety.toArray(),
					settings: null
				},
				file
			);
			await db.sessions.bulkAdd(plan.sessions);
			await db.choices.bulkAdd(plan.choices);
			await db.safety.bulkAdd(plan.safety);
			if (file.settings && !(await db.settings.get('settings'))) {
				await db.settings.put({ key: 'settings', value: file.settings });
			}
			return { added: plan.sessions.length + plan.choices.length + plan.safety.length, skipped: plan.skipped };
		});
	}

	/** Calls `onData` now and after every change, from this tab or another. */
	watch(onData: (data: ProgressData) => void, onError: (e: unknown) => void): () => void {
		const sub = liveQuery(() => this.read()).subscribe({ next: onData, error: onError });
		return () => sub.unsubscribe();
	}

	close(): void {
		this.#db.close();
	}
}
