/**
 * The plan as a page sees it: the device's progress and plan records with the shipped
 * plan content, and the overview worked out from them (plan-overview.ts), kept current as
 * the records change in this tab or another. The day rolls over while a page stays open.
 */
import { progressState, type ProgressState } from '../progress/progress-state.svelte';
import type { RoutinePlan } from '../progress/routine-progress';
import { dateKey, type DateKey } from './calendar';
import { planOverview, type PlanOverview } from './plan-overview';
import type { PlanContent } from './plan-schema';
import { planState, type PlanState } from './plan-state.svelte';

export const dayOf = (iso: string): DateKey => dateKey(new Date(iso));

export class PlanView {
	readonly progress: ProgressState;
	readonly plan: PlanState;
	readonly content: PlanContent;
	readonly routines: Readonly<Record<string, RoutinePlan>>;
	#today = $state(dateKey(new Date()));
	readonly #timer: ReturnType<typeof setInterval>;

	readonly overview: PlanOverview | null = $derived.by(() => {
		if (!this.progress.loaded || !this.plan.loaded) return null;
		return planOverview({
			content: this.content,
			routines: this.routines,
			progress: this.progress.data,
			plan: this.plan.data,
			today: this.#today,
			dayOf
		});
	});

	constructor(content: PlanContent, routines: Readonly<Record<string, RoutinePlan>>) {
		this.content = content;
		this.routines = routines;
		this.progress = progressState();
		this.plan = planState();
		this.#timer = setInterval(() => (this.#today = dateKey(new Date())), 60_000);
	}

	get loaded(): boolean {
		return this.progress.loaded && this.plan.loaded;
	}
	get today(): DateKey {
		return this.#today;
	}

	destroy(): void {
		clearInterval(this.#timer);
	}
}
