import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { ProgressStore } from '../../../src/lib/progress/device-store';
import { DB_VERSION, openProgressDb } from '../../../src/lib/progress/progress-db';
import { toExportFile } from '../../../src/lib/progress/export-format';
import { parseExportFile } from '../../../src/lib/progress/import-file';
import type { SessionRecord } from '../../../src/lib/progress/records';
import { choice, session } from './fixtures';

let n = 0;
const opened: ProgressStore[] = [];
function freshName(): string {
	return `test-progress-${++n}-${Math.random().toString(36).slice(2)}`;
}
function open(name: string): ProgressStore {
	const s = new ProgressStore(name);
	opened.push(s);
	return s;
}
afterEach(() => {
	for (const s of opened.splice(0)) s.close();
});

describe('ProgressStore', () => {
	it('keeps what it is given', async () => {
		const store = open(freshName());
		const s = session({ before: 4, after: 2 });
		await store.addSession(s);
		await store.addChoice(choice(2, 1, 3));
		await store.addSafety({ id: 'screen-0001', kind: 'screening', at: '2026-03-01T09:00:00.000Z', flagged: [], outcome: 'clear' });
		await store.setSettings({ showStreaks: false });
		const data = await store.read();
		expect(data.sessions).toEqual([s]);
		expect(data.choices).toHaveLength(1);
		expect(data.safety).toHaveLength(1);
		expect(data.settings).toEqual({ showStreaks: false });
	});

	it('refuses an invalid record and writes nothing', async () => {
		const store = open(freshName());
		const bad = { ...session(), level: 0 } as SessionRecord;
		await expect(store.addSession(bad)).rejects.toThrow();
		expect((await store.read()).sessions).toEqual([]);
	});

	it('two connections writing at once both keep their records', async () => {
		const name = freshName();
		const a = open(name);
		const b = open(name);
		const fromA = Array.from({ length: 20 }, () => session());
		const fromB = Array.from({ length: 20 }, () => session());
		await Promise.all([...fromA.map((s) => a.addSession(s)), ...fromB.map((s) => b.addSession(s))]);
		const ids = new Set((await a.read()).sessions.map((s) => s.id));
		for (const s of [...fromA, ...fromB]) expect(ids.has(s.id)).toBe(true);
		expect(ids.size).toBe(40);
	});

	it('watch reports changes made through another connection', async () => {
		const name = freshName();
		const a = open(name);
		const b = open(name);
		const seen: number[] = [];
		const stop = a.watch((d) => seen.push(d.sessions.length), (e) => { throw e; });
		await b.addSession(session());
		await expect.poll(() => seen.at(-1)).toBe(1);
		stop();
	});

	it('import merges without duplicates and is idempotent', async () => {
		const source = open(freshName());
		await source.addSession(session({ before: 5, after: 3 }));
		await source.addSession(session({ after: 'skip' }));
		await source.addChoice(choice(2, 1, 9));
		const file = toExportFile(await source.read(), new Date('2026-04-01T00:00:00.000Z'));
		const parsed = parseExportFile(JSON.stringify(file));
		if (!parsed.ok) throw new Error(parsed.message);

		const target = open(freshName());
		const own = session();
		await target.addSession(own);
		expect(await target.importFile(parsed.file)).toEqual({ added: 3, skipped: 0 });
		expect(await target.importFile(parsed.file)).toEqual({ added: 0, skipped: 3 });
		const after = await target.read();
		expect(after.sessions.map((s) => s.id).sort()).toEqual([own, ...file.sessions].map((s) => s.id).sort());
		expect(after.sessions.find((s) => s.id === file.sessions[0]?.id)).toEqual(file.sessions[0]);
	});

	it('an invalid record in an import is refused before anything is written', async () => {
		const target = open(freshName());
		const good = session();
		const file = toExportFile({ sessions: [good, { ...session(), level: 99 }], choices: [], safety: [], settings: null }, new Date());
		await expect(target.importFile(file)).rejects.toThrow();
		expect((await target.read()).sessions).toEqual([]);
	});

	it('an import that fails part-way is rolled back', async () => {
		const target = open(freshName());
		const first = session();
		const twice = session();
		// Two records under one id: the second add fails after the first has been written.
		const file = toExportFile({ sessions: [first, twice, { ...twice }], choices: [choice(2, 1, 1)], safety: [], settings: null }, new Date());
		await expect(target.importFile(file)).rejects.toThrow();
		const data = await target.read();
		expect(data.sessions).toEqual([]);
		expect(data.choices).toEqual([]);
	});

	it('reads a database made by the Dexie builds, keeping everything in it', async () => {
		const name = freshName();
		const old = dexieV2(name);
		const s = session({ before: 3, after: 1 });
		await old.table('sessions').add(s);
		await old.table('choices').add(choice(2, 1, 4));
		await old.table('settings').put({ key: 'settings', value: { showStreaks: false } });
		old.close();

		const data = await open(name).read();
		expect(data.sessions).toEqual([s]);
		expect(data.choices).toHaveLength(1);
		expect(data.settings).toEqual({ showStreaks: false });
	});

	it('upgrades a schema 1 database made by the Dexie builds, keeping its sessions', async () => {
		const name = freshName();
		const v1 = new Dexie(name);
		v1.version(1).stores(DEXIE_V1_STORES);
		const { relaxed: _dropped, ...oldAfter } = { status: 'answered', pain: 2, effort: 'about-right', relaxed: null, newLegSymptoms: false, note: '' };
		const old = { ...session(), after: oldAfter };
		const skipped = session({ after: 'skip' });
		await v1.table('sessions').bulkAdd([old, skipped]);
		v1.close();

		const data = await open(name).read();
		expect(data.sessions).toHaveLength(2);
		expect(data.sessions.find((x) => x.id === old.id)?.after).toEqual({ ...oldAfter, relaxed: null });
		expect(data.sessions.find((x) => x.id === skipped.id)?.after).toEqual({ status: 'skipped' });
		expect(data.choices).toEqual([]);
		const raw = await openDB(name);
		expect(raw.version).toBe(DB_VERSION);
		raw.close();
	});

	it('creates the same stores and indexes the Dexie builds did', async () => {
		const ours = freshName();
		(await openProgressDb(ours)).close();
		const theirs = freshName();
		const old = dexieV2(theirs);
		await old.open();
		old.close();
		// The stores the Dexie builds made are laid out exactly as they made them; version 30
		// adds the weekly plan's stores beside them (tests/unit/plan/plan-store.test.ts).
		const mine = await layout(ours);
		const dexie = await layout(theirs);
		expect(Object.fromEntries(Object.keys(dexie).map((k) => [k, mine[k]]))).toEqual(dexie);
		expect(Object.keys(dexie).sort()).toEqual(['choices', 'safety', 'sessions', 'settings']);
		expect(Object.keys(mine).sort()).toEqual(
			['choices', 'fears', 'goalReviews', 'goals', 'measures', 'planDays', 'planSetups', 'safety', 'sessions', 'settings', 'thoughts', 'tools']
		);
	});

	it('a database another tab is upgrading is let go, and writes made before still count', async () => {
		const name = freshName();
		const store = open(name);
		await store.addSession(session());
		// A newer Limber in another tab opens a later version: this connection must close.
		const newer = await openDB(name, DB_VERSION + 10);
		expect(newer.version).toBe(DB_VERSION + 10);
		expect(await newer.count('sessions')).toBe(1);
		newer.close();
	});
});

/** The schema the Dexie builds declared, version for version. */
const DEXIE_V1_STORES = { sessions: 'id, routineId, startedAt', safety: 'id, at', settings: 'key' } as const;
function dexieV2(name: string): Dexie {
	const db = new Dexie(name);
	db.version(1).stores(DEXIE_V1_STORES);
	db.version(2).stores({ sessions: 'id, routineId, startedAt, [routineId+startedAt]', choices: 'id, routineId, at' });
	return db;
}

interface StoreLayout {
	keyPath: string | string[] | null;
	autoIncrement: boolean;
	indexes: Record<string, { keyPath: string | string[]; unique: boolean; multiEntry: boolean }>;
}

async function layout(name: string): Promise<Record<string, StoreLayout>> {
	const db = await openDB(name);
	const tx = db.transaction([...db.objectStoreNames], 'readonly');
	const out: Record<string, StoreLayout> = {};
	for (const storeName of db.objectStoreNames) {
		const store = tx.objectStore(storeName);
		const indexes: StoreLayout['indexes'] = {};
		for (const indexName of store.indexNames) {
			const index = store.index(indexName);
			indexes[indexName] = { keyPath: index.keyPath, unique: index.unique, multiEntry: index.multiEntry };
		}
		out[storeName] = { keyPath: store.keyPath, autoIncrement: store.autoIncrement, indexes };
	}
	db.close();
	return out;
}
