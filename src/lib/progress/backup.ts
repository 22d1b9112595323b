/**
 * Importing an export file into the device, every store in one transaction: a failure
 * part-way leaves the device as it was. Loaded only when a person imports (the device
 * store asks for it lazily), so the player route does not carry the plan's schemas.
 */
import * as v from 'valibot';
import { exportFile, mergePlan, type ExportFile } from './export-format';
import { ALL_STORE_NAMES, type ProgressConnection } from './progress-db';

export interface ImportResult {
	readonly added: number;
	readonly skipped: number;
}

/** The device's own settings win over the file's. */
export async function importEverything(db: ProgressConnection, unchecked: ExportFile): Promise<ImportResult> {
	const file = v.parse(exportFile, unchecked);
	const tx = db.transaction(ALL_STORE_NAMES, 'readwrite');
	const store = <N extends (typeof ALL_STORE_NAMES)[number]>(name: N) => tx.objectStore(name);
	const [sessions, choices, safety, settings, setups, days, goals, reviews, thoughts, fears, measures, tools] = await Promise.all([
		store('sessions').getAll(),
		store('choices').getAll(),
		store('safety').getAll(),
		store('settings').get('settings'),
		store('planSetups').getAll(),
		store('planDays').getAll(),
		store('goals').getAll(),
		store('goalReviews').getAll(),
		store('thoughts').getAll(),
		store('fears').getAll(),
		store('measures').getAll(),
		store('tools').getAll()
	]);
	const plan = mergePlan(
		{ sessions, choices, safety, settings: null },
		file,
		{ setups, days, goals, reviews, thoughts, fears, measures, tools }
	);
	const p = plan.plan;
	// A failed add (a record twice in the file) aborts the transaction: nothing is kept.
	await Promise.all([
		...plan.sessions.map((s) => store('sessions').add(s)),
		...plan.choices.map((c) => store('choices').add(c)),
		...plan.safety.map((e) => store('safety').add(e)),
		...(file.settings && !settings ? [store('settings').put({ key: 'settings', value: file.settings })] : []),
		...p.setups.map((x) => store('planSetups').add(x)),
		...p.days.map((x) => store('planDays').add(x)),
		...p.reviews.map((x) => store('goalReviews').add(x)),
		...p.thoughts.map((x) => store('thoughts').add(x)),
		...p.measures.map((x) => store('measures').add(x)),
		...p.goals.map((x) => store('goals').put(x)),
		...p.fears.map((x) => store('fears').put(x)),
		...p.tools.map((x) => store('tools').put(x)),
		tx.done
	]);
	return { added: plan.added, skipped: plan.skipped };
}
