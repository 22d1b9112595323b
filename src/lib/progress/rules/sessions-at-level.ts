/**
 * `sessions-at-level`: move up after N completed sessions at a level in which pain did not
 * rise by `painRise` points or more and effort was not "too hard"; step back after two
 * sessions in a row that were too hard or raised pain that much; otherwise stay.
 *
 * Only what a check-in reported counts. A session whose pain before or after is unknown
 * (skipped or left blank) neither earns a move up nor counts as a flare.
 */
import type { Progression } from '../../routine/schema';
import { choicePrefix, currentLevel, plural, sessionsAtCurrentLevel, type Recommendation, type RoutineHistory } from '../routine-history';
import { effortOf, painChange } from '../session-evidence';
import type { SessionRecord } from '../records';

type Params = Extract<Progression, { rule: 'sessions-at-level' }>;
type Verdict = 'good' | 'hard' | 'flare' | 'unknown';

function verdict(s: SessionRecord, painRise: number): Verdict {
	const change = painChange(s);
	if (change !== null && change >= painRise) return 'flare';
	if (effortOf(s) === 'too-hard') return 'hard';
	if (s.outcome !== 'finished' || change === null) return 'unknown';
	return 'good';
}

function why(v: Verdict, painRise: number): string {
	return v === 'flare' ? `pain rose by ${painRise} or more` : 'felt too hard';
}

export function sessionsAtLevel(params: Params, h: RoutineHistory): Recommendation {
	const { level, fresh } = currentLevel(h);
	const top = h.levels.length;
	const prefix = choicePrefix(h);
	if (fresh) {
		return { level, change: 'start', reason: `Start at level ${level}. Each level needs ${plural(params.sessions, 'session')} before the next.` };
	}
	const run = sessionsAtCurrentLevel(h);
	const verdicts = run.map((s) => verdict(s, params.painRise));
	const known = verdicts.filter((v) => v !== 'unknown');
	const lastTwo = known.slice(-2);
	if (lastTwo.length === 2 && lastTwo.every((v) => v !== 'good')) {
		const [a, b] = lastTwo as [Verdict, Verdict];
		const detail = a === b ? why(a, params.painRise) : `${why(a, params.painRise)}, then ${why(b, params.painRise)}`;
		if (level > 1) {
			return {
				level: level - 1,
				change: 'down',
				reason: `${prefix}The last 2 sessions at level ${level} ${detail}: go back to level ${level - 1} until it settles.`
			};
		}
		return {
			level,
			change: 'stay',
			reason: `${prefix}The last 2 sessions at level 1 ${detail}. Level 1 is the gentlest: use the easier versions, and talk to your doctor or physiotherapist if it keeps happening.`
		};
	}
	const good = verdicts.filter((v) => v === 'good').length;
	const unknown = verdicts.filter((v, i) => v === 'unknown' && (run[i] as SessionRecord).outcome === 'finished').length;
	const unknownNote = unknown > 0 ? ` (${plural(unknown, 'session')} without a pain check-in not counted)` : '';
	if (good >= params.sessions) {
		if (level >= top) {
			return {
				level,
				change: 'top',
				reason: `${prefix}${good} of ${params.sessions} sessions done at level ${level} with pain steady. This is the top level: keep going here.`
			};
		}
		return {
			level: level + 1,
			change: 'up',
			reason: `${prefix}${params.sessions} of ${params.sessions} sessions done at level ${level} with pain steady: try level ${level + 1}.`
		};
	}
	return {
		level,
		change: 'stay',
		reason: `${prefix}${good} of ${params.sessions} sessions done at level ${level} with pain steady${unknownNote}: stay at level ${level}.`
	};
}
