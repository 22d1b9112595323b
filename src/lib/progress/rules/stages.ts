/**
 * `stages` (progressive muscle relaxation): each level is a stage (16 groups, 7, 4, recall,
 * recall with counting, counting). Move on after N completed sessions at a stage that ended
 * "fully relaxed"; go back a stage after two sessions in a row that brought no real
 * relaxation. A session without a relaxation answer counts for neither.
 */
import type { Progression } from '../../routine/schema';
import { choicePrefix, currentLevel, levelName, plural, sessionsAtCurrentLevel, type Recommendation, type RoutineHistory } from '../routine-history';
import { relaxedOf } from '../session-evidence';

type Params = Extract<Progression, { rule: 'stages' }>;

export function stages(params: Params, h: RoutineHistory): Recommendation {
	const { level, fresh } = currentLevel(h);
	const top = h.levels.length;
	const prefix = choicePrefix(h);
	const here = `stage ${level} (${levelName(h, level)})`;
	if (fresh) {
		return {
			level,
			change: 'start',
			reason: `Start at ${here}. Move on after ${plural(params.sessions, 'session')} that leave you fully relaxed.`
		};
	}
	const run = sessionsAtCurrentLevel(h);
	const answers = run.map(relaxedOf).filter((r) => r !== null);
	const lastTwo = answers.slice(-2);
	if (level > 1 && lastTwo.length === 2 && lastTwo.every((r) => r === 'not-really')) {
		return {
			level: level - 1,
			change: 'down',
			reason: `${prefix}The last 2 sessions at ${here} did not bring real relaxation: go back to stage ${level - 1} (${levelName(h, level - 1)}) for a while.`
		};
	}
	const full = run.filter((s) => s.outcome === 'finished' && relaxedOf(s) === 'fully').length;
	if (full >= params.sessions) {
		if (level >= top) {
			return {
				level,
				change: 'top',
				reason: `${prefix}${full} sessions at ${here} ended fully relaxed. This is the last stage: keep practising it.`
			};
		}
		return {
			level: level + 1,
			change: 'up',
			reason: `${prefix}${params.sessions} of ${params.sessions} sessions at ${here} ended fully relaxed: move on to stage ${level + 1} (${levelName(h, level + 1)}).`
		};
	}
	return {
		level,
		change: 'stay',
		reason: `${prefix}${full} of ${params.sessions} sessions at ${here} ended fully relaxed: stay at this stage.`
	};
}
