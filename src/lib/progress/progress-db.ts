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
 * - 30: the weekly plan's stores (plan setups, plan days, goals and their reviews, thought
 *   records, the fear ladder, questionnaire answers, tool notes). Only new stores: nothing
 *   already kept is touched, so a version-20 database opens with all of it as it was.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { LevelChoice, SafetyEvent, SessionRecord, Settings } from './records';
import type { FearItem, Goal, GoalReview, Measure, PlanDayRecord, PlanSetup, ThoughtRecord, ToolNote } from './plan-records';

export const DB_NAME = 'limber-progress';
export const DB_VERSION = 30;

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
	planSetups: { key: string; value: PlanSetup; indexes: { at: string } };
	planDays: { key: string; value: PlanDayRecord; indexes: { date: string } };
	goals: { key: string; value: Goal; indexes: { createdAt: string } };
	goalReviews: { key: string; value: GoalReview; indexes: { goalId: string; at: string } };
	thoughts: { key: string; value: ThoughtRecord; indexes: { at: string } };
	fears: { key: string; value: FearItem; indexes: { createdAt: string } };
	measures: { key: string; value: Measure; indexes: { at: string } };
	tools: { key: ToolNote['kind']; value: ToolNote };
}

export type ProgressConnection = IDBPDatabase<ProgressSchema>;
type UpgradeTransaction = IDBPTransaction<ProgressSchema, StoreNames<ProgressSchema>[], 'versionchange'>;

export const STORE_NAMES = ['sessions', 'choices', 'safety', 'settings'] as const satisfies readonly StoreNames<ProgressSchema>[];
export const PLAN_STORE_NAMES = [
	'planSetups',
	'planDays',
	'goals',
	'goalReviews',
	'thoughts',
	'fears',
	'measures',
	'tools'
] as const satisfies readonly StoreNames<ProgressSchema>[];
export const ALL_STORE_NAMES = [...STORE_NAMES, ...PLAN_STORE_NAMES] as const;

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

function createSchema3(db: ProgressConnection): void {
	db.createObjectStore('planSetups', { keyPath: 'id' }).createIndex('at', 'at');
	db.createObjectStore('planDays', { keyPath: 'id' }).createIndex('date', 'date');
	db.createObjectStore('goals', { keyPath: 'id' }).createIndex('createdAt', 'createdAt');
	const reviews = db.createObjectStore('goalReviews', { keyPath: 'id' });
	reviews.createIndex('goalId', 'goalId');
	reviews.createIndex('at', 'at');
	db.createObjectStore('thoughts', { keyPath: 'id' }).createIndex('at', 'at');
	db.createObjectStore('fears', { keyPath: 'id' }).createIndex('createdAt', 'createdAt');
	db.createObjectStore('measures', { keyPath: 'id' }).createIndex('at', 'at');
	db.createObjectStore('tools', { keyPath: 'kind' });
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
			if (oldVersion < 30) createSchema3(db);
		},
		// A tab with a newer Limber wants to upgrade: step aside instead of blocking it.
		blocking() {
			connection?.close();
		}
	});
	return opening.then((db) => (connection = db));
}
