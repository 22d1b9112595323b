/**
 * The weekly plan's records on the device, in the same IndexedDB database as the sessions
 * (progress-db.ts) and heard by the same change channel, so a plan day saved here and its
 * sessions saved by the progress store reach every page together. Each write puts one
 * record under its own key, checked against its schema first.
 */
import * as v from 'valibot';
import { ChangeFeed, watchReads } from '../progress/change-feed';
import { DB_NAME, openProgressDb, PLAN_STORE_NAMES, type ProgressConnection } from '../progress/progress-db';
import {
	fearItem,
	goal,
	goalReview,
	measure,
	planDay,
	planSetup,
	thoughtRecord,
	toolNote,
	type FearItem,
	type Goal,
	type GoalReview,
	type Measure,
	type PlanData,
	type PlanDayRecord,
	type PlanSetup,
	type ThoughtRecord,
	type ToolNote
} from '../progress/plan-records';

export class PlanStore {
	readonly #db: Promise<ProgressConnection>;
	readonly #changes: ChangeFeed;

	constructor(name = DB_NAME) {
		this.#db = openProgressDb(name);
		this.#db.catch(() => undefined);
		this.#changes = new ChangeFeed(name);
	}

	async #write(write: (db: ProgressConnection) => Promise<unknown>): Promise<void> {
		await write(await this.#db);
		this.#changes.announce();
	}

	/** A changed plan is a new record: the history of changes is kept. */
	async addSetup(value: PlanSetup): Promise<void> {
		const checked = v.parse(planSetup, value);
		await this.#write((db) => db.add('planSetups', checked));
	}
	async putDay(value: PlanDayRecord): Promise<void> {
		const checked = v.parse(planDay, value);
		await this.#write((db) => db.put('planDays', checked));
	}
	async putGoal(value: Goal): Promise<void> {
		const checked = v.parse(goal, value);
		await this.#write((db) => db.put('goals', checked));
	}
	async addReview(value: GoalReview): Promise<void> {
		const checked = v.parse(goalReview, value);
		await this.#write((db) => db.add('goalReviews', checked));
	}
	async addThought(value: ThoughtRecord): Promise<void> {
		const checked = v.parse(thoughtRecord, value);
		await this.#write((db) => db.add('thoughts', checked));
	}
	async putFear(value: FearItem): Promise<void> {
		const checked = v.parse(fearItem, value);
		await this.#write((db) => db.put('fears', checked));
	}
	async addMeasure(value: Measure): Promise<void> {
		const checked = v.parse(measure, value);
		await this.#write((db) => db.add('measures', checked));
	}
	async putTool(value: ToolNote): Promise<void> {
		const checked = v.parse(toolNote, value);
		await this.#write((db) => db.put('tools', checked));
	}

	/** One read-only transaction, so every list is the same moment. */
	async read(): Promise<PlanData> {
		const tx = (await this.#db).transaction(PLAN_STORE_NAMES, 'readonly');
		const [setups, days, goals, reviews, thoughts, fears, measures, tools] = await Promise.all([
			tx.objectStore('planSetups').index('at').getAll(),
			tx.objectStore('planDays').index('date').getAll(),
			tx.objectStore('goals').index('createdAt').getAll(),
			tx.objectStore('goalReviews').index('at').getAll(),
			tx.objectStore('thoughts').index('at').getAll(),
			tx.objectStore('fears').index('createdAt').getAll(),
			tx.objectStore('measures').index('at').getAll(),
			tx.objectStore('tools').getAll(),
			tx.done
		]);
		return { setups, days, goals, reviews, thoughts, fears, measures, tools };
	}

	watch(onData: (data: PlanData) => void, onError: (e: unknown) => void): () => void {
		return watchReads(this.#changes, () => this.read(), onData, onError);
	}

	close(): void {
		this.#changes.close();
		void this.#db.then((db) => db.close(), () => undefined);
	}
}
