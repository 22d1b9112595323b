/** A routine's history and next step from what the device holds, for the routine and history pages. */
import type { Progression } from '../routine/schema';
import type { ProgressData } from './export-format';
import { recommend } from './recommend';
import type { LevelInfo, Recommendation, RoutineHistory } from './routine-history';

/** What the pages know about a routine from its file: no personal data. */
export interface RoutinePlan {
	readonly id: string;
	readonly title: string;
	readonly progression: Progression;
	readonly startingLevel: number;
	readonly sessionsPerWeek: number;
	readonly levels: readonly LevelInfo[];
}

export function routineHistory(plan: RoutinePlan, data: ProgressData): RoutineHistory {
	return {
		startingLevel: plan.startingLevel,
		levels: plan.levels,
		sessions: data.sessions.filter((s) => s.routineId === plan.id),
		choices: data.choices.filter((c) => c.routineId === plan.id)
	};
}

export function nextStep(plan: RoutinePlan, data: ProgressData): Recommendation {
	return recommend(plan.progression, routineHistory(plan, data));
}
