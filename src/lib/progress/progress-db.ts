/**
 * The IndexedDB database that holds a person's progress, opened through idb (a thin
 * promise layer over IndexedDB, about 1 KB gzip).
 *
 * Limber's first builds used Dexie, which stores its schema version n as IndexedDB
 * version n × 10. The layout here is the one Dexie wrote, store for store and index for
 * index, and the versions keep its numbering, so a database made by those builds opens
 * as it is and loses nothing:
 * - 10 (schema 1): sessions, safety events, settings;
 * - 20 (schema 2): level choices, a per-routine index on sessions, and the "how relaxed"
 *   answer (null) added to after-session check-ins that predate it.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { LevelChoice, SafetyEvent, SessionRecord, Settings } from './records';

export const DB_NAME = 'limber-progress';
export const DB_VERSION = 20;

export interface SettingsRow {
	readonly key: 'settings';
	readonly value: Settings;
}

export interface ProgressSchema extends DBSchema {
	sessions: {
		key: string;
		value: SessionRecord;
		indexes: { routineId: string; startedAt: string; '[routineId+startedAt]': [string, string] };
	};
	choices: { key: string; value: LevelChoice; indexes: { routineId: string; at: string } };
	safety: { key: string; value: SafetyEvent; indexes: { at: string } };
	settings: { key: 'settings'; value: SettingsRow };
}

export type ProgressConnection = IDBPDatabase<ProgressSchema>;
type UpgradeTransaction = IDBPTransaction<ProgressSchema, StoreNames<ProgressSchema>[], 'versionchange'>;

export const STORE_NAMES = ['sessions', 'choices', 'safety', 'settings'] as const satisfies readonly StoreNames<ProgressSchema>[];

function createSchema1(db: ProgressConnection): void {
	const sessions = db.createObjectStore('sessions', { keyPath: 'id' });
	sessions.createIndex('routineId', 'routineId');
	sessions.createIndex('startedAt', 'startedAt');
	db.createObjectStore('safety', { keyPath: 'id' }).createIndex('at', 'at');
	db.createObjectStore('settings', { keyPath: 'key' });
}

function createSchema2(db: ProgressConnection, tx: UpgradeTransaction): void {
	tx.objectStore('sessions').createIndex('[routineId+startedAt]', ['routineId', 'startedAt']);
	const choices = db.createObjectStore('choices', { keyPath: 'id' });
	choices.createIndex('routineId', 'routineId');
	choices.createIndex('at', 'at');
}

interface OldAfter {
	status?: unknown;
	relaxed?: unknown;
}

/**
 * Runs inside the upgrade transaction: a failed request aborts it, so the open fails and
 * the version-1 data stays as it was rather than half converted.
 */
async function addRelaxedAnswer(tx: UpgradeTransaction): Promise<void> {
	let cursor = await tx.objectStore('sessions').openCursor();
	while (cursor) {
		const after: OldAfter | undefined = (cursor.value as { after?: OldAfter }).after;
		if (after && after.status === 'answered' && !('relaxed' in after)) {
			await cursor.update({ ...cursor.value, after: { ...after, relaxed: null } as SessionRecord['after'] });
		}
		cursor = await cursor.continue();
	}
}

export function openProgressDb(name = DB_NAME): Promise<ProgressConnection> {
	let connection: ProgressConnection | null = null;
	const opening = openDB<ProgressSchema>(name, DB_VERSION, {
		upgrade(db, oldVersion, _newVersion, tx) {
			if (oldVersion < 10) createSchema1(db);
			if (oldVersion < 20) {
				createSchema2(db, tx);
				// Rejections are the transaction's: see addRelaxedAnswer.
				if (oldVersion >= 10) addRelaxedAnswer(tx).catch(() => undefined);
			}
		},
		// A tab with a newer Limber wants to upgrade: step aside instead of blocking it.
		blocking() {
			connection?.close();
		}
	});
	return opening.then((db) => (connection = db));
}
