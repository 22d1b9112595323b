/** The shipped plan.yaml, parsed as the server parses it: the rule tests read their thresholds from it. */
import { readFileSync } from 'node:fs';
import { parsePlanContent } from '../../../src/lib/plan/plan-parse';
import type { PlanContent } from '../../../src/lib/plan/plan-schema';
import { ROOT } from '../content/shipped';

export function shippedPlan(): PlanContent {
	const file = 'src/content/plan.yaml';
	const parsed = parsePlanContent({ file, text: readFileSync(ROOT + file, 'utf8') });
	if (!parsed.value) throw new Error(parsed.problems.map((p) => `${p.line}:${p.column} ${p.message}`).join('\n'));
	return parsed.value;
}
