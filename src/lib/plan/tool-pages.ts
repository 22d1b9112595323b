/** Where each of the plan's tools lives, and how a link to it reads. */
import type { PlanTool } from './plan-schema';

export const TOOL_PAGES: Readonly<Record<PlanTool, { readonly href: string; readonly label: string }>> = {
	goals: { href: '/plan/goals', label: 'Your goals' },
	thoughts: { href: '/plan/thoughts', label: 'Your thought record' },
	fears: { href: '/plan/fears', label: 'Your fear ladder' },
	pacing: { href: '/plan/tools#pacing', label: 'Pacing planner' },
	sleep: { href: '/plan/tools#wind-down', label: 'Your wind-down routine' },
	setback: { href: '/plan/tools#setback', label: 'Your setback plan' }
};
