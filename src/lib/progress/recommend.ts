/** The next session's level for a routine, by the progression rule its file names. */
import type { Progression } from '../routine/schema';
import type { Recommendation, RoutineHistory } from './routine-history';
import { quota } from './rules/quota';
import { sessionsAtLevel } from './rules/sessions-at-level';
import { stages } from './rules/stages';

export type { Recommendation, RoutineHistory, LevelInfo } from './routine-history';

export function recommend(progression: Progression, history: RoutineHistory): Recommendation {
	switch (progression.rule) {
		case 'sessions-at-level':
			return sessionsAtLevel(progression, history);
		case 'stages':
			return stages(progression, history);
		case 'quota':
			return quota(progression, history);
	}
}
