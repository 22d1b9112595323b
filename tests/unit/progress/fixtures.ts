/** Builders for progress records: each test states only what matters to it. */
import type { AfterCheckIn, BeforeCheckIn, LevelChoice, SessionRecord } from '../../../src/lib/progress/records';
import type { LevelInfo, RoutineHistory } from '../../../src/lib/progress/routine-history';

let seq = 0;
const DAY = 24 * 3600 * 1000;
const T0 = Date.parse('2026-03-02T08:00:00.000Z');

export function day(n: number): string {
	return new Date(T0 + n * DAY).toISOString();
}

export interface SessionSpec {
	level?: number;
	day?: number;
	outcome?: SessionRecord['outcome'];
	before?: number | 'skip';
	after?: number | null | 'skip';
	effort?: 'too-easy' | 'about-right' | 'too-hard' | null;
	relaxed?: 'not-really' | 'partly' | 'fully' | null;
	legs?: boolean | null;
	playedMs?: number;
	routineId?: string;
}

export function session(spec: SessionSpec = {}): SessionRecord {
	seq++;
	const d = spec.day ?? seq;
	const before: BeforeCheckIn = spec.before === 'skip' ? { status: 'skipped' } : { status: 'answered', pain: spec.before ?? 3 };
	const after: AfterCheckIn =
		spec.after === 'skip'
			? { status: 'skipped' }
			: {
					status: 'answered',
					pain: spec.after === undefined ? 3 : spec.after,
					effort: spec.effort === undefined ? 'about-right' : spec.effort,
					relaxed: spec.relaxed ?? null,
					newLegSymptoms: spec.legs ?? false,
					note: ''
				};
	return {
		id: `session-${String(seq).padStart(6, '0')}`,
		routineId: spec.routineId ?? 'morning-mobility',
		level: spec.level ?? 1,
		startedAt: day(d),
		endedAt: new Date(Date.parse(day(d)) + (spec.playedMs ?? 600_000)).toISOString(),
		outcome: spec.outcome ?? 'finished',
		playedMs: spec.playedMs ?? 600_000,
		plannedMs: 600_000,
		before,
		after
	};
}

export function choice(level: number, suggested: number, d: number): LevelChoice {
	seq++;
	return { id: `choice-${String(seq).padStart(6, '0')}`, routineId: 'morning-mobility', level, suggested, at: day(d) };
}

export function levels(n: number, minutesEach: (i: number) => number = () => 10): LevelInfo[] {
	return Array.from({ length: n }, (_, i) => ({ level: i + 1, name: `L${i + 1}`, durationMs: minutesEach(i + 1) * 60_000 }));
}

/** Sessions get consecutive days in the order given, so "in a row" means what it says. */
export function history(specs: SessionSpec[], opts: { levels?: number; start?: number; choices?: LevelChoice[] } = {}): RoutineHistory {
	return {
		startingLevel: opts.start ?? 1,
		levels: levels(opts.levels ?? 3),
		sessions: specs.map((s, i) => session({ day: i + 1, ...s })),
		choices: opts.choices ?? []
	};
}
