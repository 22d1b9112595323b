/**
 * What the plan pages need from the shipped content: plan.yaml and, for every routine it
 * names, what the progression rules need (levels and lengths). No personal data: the
 * person's plan lives on their device and is worked out there from these.
 */
import { error } from '@sveltejs/kit';
import type { PlanContent } from '$lib/plan/plan-schema';
import type { RoutinePlan } from '$lib/progress/routine-progress';
import { getLibrary, routinePlan } from './content';

export function planContent(): PlanContent {
	const plan = getLibrary().plan;
	if (!plan) error(500, 'This Limber has no weekly plan (src/content/plan.yaml is missing)');
	return plan;
}

/** Every routine a plan day may use, by id. */
export function planRoutines(): Record<string, RoutinePlan> {
	const plan = planContent();
	const { routines } = getLibrary();
	const ids = new Set([
		...plan.movement.routines,
		...Object.keys(plan.movement.gentler),
		...Object.values(plan.movement.gentler),
		plan.movement.setback,
		...plan.calming.rotation,
		...plan.calming.setback
	]);
	const out: Record<string, RoutinePlan> = {};
	for (const id of ids) {
		const r = routines.get(id);
		if (r) out[id] = routinePlan(r);
	}
	return out;
}

/** The text of a back-school education block, for a fear-ladder rung or a lesson card. */
export function educationBlock(routineId: string, educationId: string): { routineId: string; routineTitle: string; title: string; text: string[] } | null {
	const r = getLibrary().routines.get(routineId);
	const block = r?.education.find((b) => b.id === educationId);
	return r && block ? { routineId, routineTitle: r.title, title: block.title, text: block.text } : null;
}
