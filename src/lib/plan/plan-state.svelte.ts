/**
 * The weekly plan's records as runes state for the pages, mirroring the plan store through
 * a live read (like ProgressState for sessions): writes go to the store and come back
 * through the read, in this tab and every other.
 */
import { EMPTY_PLAN_DATA, type FearItem, type Goal, type GoalReview, type Measure, type PlanData, type PlanDayRecord, type PlanSetup, type ThoughtRecord, type ToolKind, type ToolNote } from '../progress/plan-records';
import { PlanStore } from './plan-store';

export class PlanState {
	readonly #store: PlanStore;
	#data = $state.raw<PlanData>(EMPTY_PLAN_DATA);
	#loaded = $state(false);
	#error = $state<string | null>(null);
	readonly #stop: () => void;

	constructor(store: PlanStore) {
		this.#store = store;
		this.#stop = store.watch(
			(data) => {
				this.#data = data;
				this.#loaded = true;
				this.#error = null;
			},
			() => {
				this.#loaded = true;
				this.#error = 'Limber cannot use this browser’s storage (it may be in private mode or full), so your plan is not being kept.';
			}
		);
	}

	get loaded(): boolean {
		return this.#loaded;
	}
	get error(): string | null {
		return this.#error;
	}
	get data(): PlanData {
		return this.#data;
	}
	/** The plan as set up now: the latest setup, or null before the first. */
	get setup(): PlanSetup | null {
		return this.#data.setups.at(-1) ?? null;
	}
	tool<K extends ToolKind>(kind: K): Extract<ToolNote, { kind: K }> | null {
		return (this.#data.tools.find((t) => t.kind === kind) as Extract<ToolNote, { kind: K }> | undefined) ?? null;
	}

	addSetup(value: PlanSetup): Promise<void> {
		return this.#store.addSetup(value);
	}
	putDay(value: PlanDayRecord): Promise<void> {
		return this.#store.putDay(value);
	}
	putGoal(value: Goal): Promise<void> {
		return this.#store.putGoal(value);
	}
	addReview(value: GoalReview): Promise<void> {
		return this.#store.addReview(value);
	}
	addThought(value: ThoughtRecord): Promise<void> {
		return this.#store.addThought(value);
	}
	putFear(value: FearItem): Promise<void> {
		return this.#store.putFear(value);
	}
	addMeasure(value: Measure): Promise<void> {
		return this.#store.addMeasure(value);
	}
	putTool(value: ToolNote): Promise<void> {
		return this.#store.putTool(value);
	}

	destroy(): void {
		this.#stop();
	}
}

let shared: PlanState | null = null;

/** The one instance for this page's life; call it only in the browser (onMount, effects). */
export function planState(): PlanState {
	shared ??= new PlanState(new PlanStore());
	return shared;
}
