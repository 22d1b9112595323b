import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_VERSION, ProgressDb, ProgressStore, V1_STORES } from '../../../src/lib/progress/device-store';
import { parseExportFile, toExportFile } from '../../../src/lib/progress/export-format';
import type { SessionRecord } from '../../../src/lib/progress/records';
import { choice, session } from './fixtures';

let n = 0;
const opened: ProgressStore[] = [];
function freshName(): string {
	return `test-progress-${++n}-${Math.random().toString(36).slice(2)}`;
}
function open(name: string): ProgressStore {
	const s = new ProgressStore(new ProgressDb(name));
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

	it('upgrades a version 1 database, keeping its sessions', async () => {
		const name = freshName();
		const v1 = new Dexie(name);
		v1.version(1).stores(V1_STORES);
		const { relaxed: _dropped, ...oldAfter } = { status: 'answered', pain: 2, effort: 'about-right', relaxed: null, newLegSymptoms: false, note: '' };
		const old = { ...session(), after: oldAfter };
		await v1.table('sessions').add(old);
		v1.close();

		const db = new ProgressDb(name);
		const store = new ProgressStore(db);
		opened.push(store);
		const data = await store.read();
		expect(db.verno).toBe(DB_VERSION);
		expect(data.sessions).toHaveLength(1);
		expect(data.sessions[0]?.after).toEqual({ ...oldAfter, relaxed: null });
		expect(data.choices).toEqual([]);
	});
});
