import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { PlanStore } from '../../../src/lib/plan/plan-store';
import { ProgressStore } from '../../../src/lib/progress/device-store';
import { toExportFile } from '../../../src/lib/progress/export-format';
import { parseExportFile } from '../../../src/lib/progress/import-file';
import { DB_VERSION } from '../../../src/lib/progress/progress-db';
import type { PlanData } from '../../../src/lib/progress/plan-records';
import { session } from '../progress/fixtures';
import { fear, goal, planDay, setup, thought } from './plan-fixtures';

let n = 0;
const closers: { close(): void }[] = [];
const fresh = () => `test-plan-${++n}-${Math.random().toString(36).slice(2)}`;
function stores(name: string) {
	const progress = new ProgressStore(name);
	const plan = new PlanStore(name);
	closers.push(progress, plan);
	return { progress, plan };
}
afterEach(() => {
	for (const c of closers.splice(0)) c.close();
});

async function fill(plan: PlanStore): Promise<void> {
	await plan.addSetup(setup());
	await plan.putDay(planDay({ date: '2026-03-02' }));
	await plan.putGoal(goal({ tries: [{ date: '2026-03-02', amount: 10 }] }));
	await plan.addReview({ id: 'review-000001', goalId: 'goal-x-000001', at: '2026-03-10T09:00:00.000Z', target: 8, result: 'met', held: false, obstacle: '', plan: '' });
	await plan.addThought(thought());
	await plan.addThought(thought({ at: '2026-03-03T18:00:00.000Z', thought: 'Something has slipped' }));
	await plan.putFear(fear('Carrying shopping', 60));
	await plan.addMeasure({ id: 'measure-000001', at: '2026-03-02T09:00:00.000Z', instrument: 'phq2', answers: [1, 2], score: 3 });
	await plan.putTool({ kind: 'setback-plan', updatedAt: '2026-03-05T09:00:00.000Z', signs: 'Stiff mornings', helps: 'Heat, walking', easeOff: 'Gardening', people: 'Sam', buildUp: 'Half sessions' });
}

describe('PlanStore', () => {
	it('keeps every kind of plan record, several thought records a day included', async () => {
		const { plan } = stores(fresh());
		await fill(plan);
		const d = await plan.read();
		expect(d.setups).toHaveLength(1);
		expect(d.days).toHaveLength(1);
		expect(d.goals[0]?.tries).toEqual([{ date: '2026-03-02', amount: 10 }]);
		expect(d.reviews).toHaveLength(1);
		expect(d.thoughts.map((t) => t.thought)).toEqual(['I cannot do anything anymore', 'Something has slipped']);
		expect(d.fears[0]?.activity).toBe('Carrying shopping');
		expect(d.measures[0]?.score).toBe(3);
		expect(d.tools[0]).toMatchObject({ kind: 'setback-plan', helps: 'Heat, walking' });
	});

	it('refuses an invalid record and writes nothing', async () => {
		const { plan } = stores(fresh());
		await expect(plan.addThought(thought({ belief: 120 }))).rejects.toThrow();
		await expect(plan.putFear(fear('', 20))).rejects.toThrow();
		await expect(plan.addSetup(setup({ weekdays: [] }))).rejects.toThrow();
		const d = await plan.read();
		expect(d.thoughts).toEqual([]);
		expect(d.fears).toEqual([]);
		expect(d.setups).toEqual([]);
	});

	it('a fear-ladder rung is updated in place when practised', async () => {
		const { plan } = stores(fresh());
		const f = fear('Bending to load the dishwasher', 40);
		await plan.putFear(f);
		await plan.putFear({ ...f, tries: [{ date: '2026-03-05', worry: 25 }], updatedAt: '2026-03-05T10:00:00.000Z' });
		const d = await plan.read();
		expect(d.fears).toHaveLength(1);
		expect(d.fears[0]?.tries).toEqual([{ date: '2026-03-05', worry: 25 }]);
	});

	it('a write through the plan store is heard by the progress store’s watchers too', async () => {
		const name = fresh();
		const { progress, plan } = stores(name);
		let calls = 0;
		const stop = progress.watch(() => calls++, (e) => {
			throw e;
		});
		await expect.poll(() => calls).toBe(1);
		await plan.addThought(thought());
		await expect.poll(() => calls).toBeGreaterThan(1);
		stop();
	});
});

describe('export and import of the plan', () => {
	it('everything new goes into the file and into a fresh device, and a second import adds nothing', async () => {
		const source = stores(fresh());
		await source.progress.addSession(session());
		await fill(source.plan);
		const file = toExportFile(await source.progress.read(), new Date('2026-04-01T00:00:00.000Z'), await source.plan.read());
		expect(file.version).toBe(2);
		const parsed = parseExportFile(JSON.stringify(file));
		if (!parsed.ok) throw new Error(parsed.message);

		const target = stores(fresh());
		const first = await target.progress.importFile(parsed.file);
		expect(first.added).toBe(1 + 9);
		expect(await target.progress.importFile(parsed.file)).toEqual({ added: 0, skipped: 10 });
		const theirs: PlanData = await target.plan.read();
		const mine: PlanData = await source.plan.read();
		expect(theirs).toEqual(mine);
	});

	it('an edit made later on the other device replaces the older copy; an older one does not', async () => {
		const a = stores(fresh());
		const g = goal({ what: 'Walk to the park' });
		await a.plan.putGoal(g);
		const b = stores(fresh());
		await b.plan.putGoal({ ...g, what: 'Walk to the river', updatedAt: '2026-03-09T09:00:00.000Z' });
		const fromB = toExportFile(await b.progress.read(), new Date(), await b.plan.read());
		await a.progress.importFile(fromB);
		expect((await a.plan.read()).goals[0]?.what).toBe('Walk to the river');
		const fromAOld = toExportFile(await a.progress.read(), new Date(), { ...(await a.plan.read()), goals: [g] });
		await b.progress.importFile(fromAOld);
		expect((await b.plan.read()).goals[0]?.what).toBe('Walk to the river');
	});

	it('a file from before the plan (version 1) still imports', async () => {
		const s = session();
		const v1 = { format: 'limber-progress', version: 1, exportedAt: '2026-02-01T00:00:00.000Z', sessions: [s], choices: [], safety: [], settings: { showStreaks: false } };
		const parsed = parseExportFile(JSON.stringify(v1));
		if (!parsed.ok) throw new Error(parsed.message);
		expect(parsed.file.version).toBe(2);
		const target = stores(fresh());
		expect(await target.progress.importFile(parsed.file)).toEqual({ added: 1, skipped: 0 });
		expect((await target.progress.read()).sessions).toEqual([s]);
	});

	it('a damaged plan record refuses the whole file, naming where', () => {
		const file = toExportFile({ sessions: [], choices: [], safety: [], settings: null }, new Date(), {
			setups: [],
			days: [],
			goals: [],
			reviews: [],
			thoughts: [thought()],
			fears: [],
			measures: [],
			tools: []
		});
		const bad = JSON.parse(JSON.stringify(file)) as { plan: { thoughts: { belief: number }[] } };
		(bad.plan.thoughts[0] as { belief: number }).belief = 400;
		const parsed = parseExportFile(JSON.stringify(bad));
		expect(parsed.ok).toBe(false);
		expect(!parsed.ok && parsed.message).toContain('plan.thoughts.0.belief');
	});

	it('an import that fails part-way leaves the plan stores as they were', async () => {
		const target = stores(fresh());
		const t = thought();
		const file = toExportFile({ sessions: [session()], choices: [], safety: [], settings: null }, new Date(), {
			setups: [],
			days: [],
			goals: [],
			reviews: [],
			thoughts: [t, { ...t }],
			fears: [],
			measures: [],
			tools: []
		});
		await expect(target.progress.importFile(file)).rejects.toThrow();
		expect((await target.plan.read()).thoughts).toEqual([]);
		expect((await target.progress.read()).sessions).toEqual([]);
	});
});

describe('database upgrade to version 30', () => {
	it('a database made by the Dexie builds opens with everything kept and the plan stores added', async () => {
		const name = fresh();
		const old = new Dexie(name);
		old.version(1).stores({ sessions: 'id, routineId, startedAt', safety: 'id, at', settings: 'key' });
		old.version(2).stores({ sessions: 'id, routineId, startedAt, [routineId+startedAt]', choices: 'id, routineId, at' });
		const s = session({ before: 4, after: 2 });
		await old.table('sessions').add(s);
		await old.table('settings').put({ key: 'settings', value: { showStreaks: false } });
		old.close();

		const { progress, plan } = stores(name);
		expect((await progress.read()).sessions).toEqual([s]);
		await plan.addThought(thought());
		expect((await plan.read()).thoughts).toHaveLength(1);
		const raw = await openDB(name);
		expect(raw.version).toBe(DB_VERSION);
		expect([...raw.objectStoreNames].sort()).toEqual(
			['choices', 'fears', 'goalReviews', 'goals', 'measures', 'planDays', 'planSetups', 'safety', 'sessions', 'settings', 'thoughts', 'tools'].sort()
		);
		raw.close();
	});

	it('a version-20 database made by the previous build keeps its records', async () => {
		const name = fresh();
		const v20 = await openDB(name, 20, {
			upgrade(db) {
				const sessions = db.createObjectStore('sessions', { keyPath: 'id' });
				sessions.createIndex('routineId', 'routineId');
				sessions.createIndex('startedAt', 'startedAt');
				sessions.createIndex('[routineId+startedAt]', ['routineId', 'startedAt']);
				db.createObjectStore('safety', { keyPath: 'id' }).createIndex('at', 'at');
				db.createObjectStore('settings', { keyPath: 'key' });
				const choices = db.createObjectStore('choices', { keyPath: 'id' });
				choices.createIndex('routineId', 'routineId');
				choices.createIndex('at', 'at');
			}
		});
		const s = session();
		await v20.add('sessions', s);
		v20.close();
		const { progress, plan } = stores(name);
		expect((await progress.read()).sessions).toEqual([s]);
		expect(await plan.read()).toMatchObject({ setups: [], thoughts: [], fears: [] });
	});
});
