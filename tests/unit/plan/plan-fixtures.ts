/** Builders for the plan's records: each test states only what matters to it. */
import type { FearItem, Goal, PlanDayRecord, PlanSetup, ThoughtRecord } from '../../../src/lib/progress/plan-records';

let seq = 0;
const id = (kind: string) => `${kind}-${String(++seq).padStart(6, '0')}`;

export function setup(spec: Partial<PlanSetup> = {}): PlanSetup {
	return {
		id: id('setup'),
		at: '2026-03-02T08:00:00.000Z',
		startDate: '2026-03-02',
		weekdays: [1, 3, 5],
		time: '18:00',
		movement: 'morning-mobility',
		dailyStreak: false,
		notify: false,
		...spec
	};
}

export interface DaySpec {
	date: string;
	level?: number;
	routineId?: string;
	before?: number | null;
	after?: number | null;
	effort?: 'too-easy' | 'about-right' | 'too-hard' | null;
	finished?: boolean;
}

export function planDay(spec: DaySpec): PlanDayRecord {
	const before = spec.before ?? 3;
	return {
		id: id('planday'),
		date: spec.date,
		startedAt: `${spec.date}T17:00:00.000Z`,
		endedAt: `${spec.date}T17:20:00.000Z`,
		blocks: [
			{
				kind: 'movement',
				routineId: spec.routineId ?? 'morning-mobility',
				level: spec.level ?? 1,
				sessionId: id('session'),
				outcome: spec.finished === false ? 'stopped' : 'finished'
			},
			{ kind: 'calming', routineId: 'breathing-relaxation', level: 1, sessionId: id('session'), outcome: 'finished' }
		],
		lessonId: 'hurt-is-not-harm',
		fearId: null,
		before: spec.before === null ? { status: 'skipped' } : { status: 'answered', pain: before },
		after: {
			status: 'answered',
			pain: spec.after === undefined ? before : spec.after,
			effort: spec.effort === undefined ? 'about-right' : spec.effort,
			relaxed: 'partly',
			newLegSymptoms: false,
			note: ''
		},
		outcome: spec.finished === false ? 'stopped' : 'finished'
	};
}

export function goal(spec: Partial<Goal> = {}): Goal {
	return {
		id: id('goal'),
		createdAt: '2026-03-02T09:00:00.000Z',
		updatedAt: '2026-03-02T09:00:00.000Z',
		area: 'walking',
		what: 'Walk to the park and back',
		unit: 'minutes',
		perWeek: 3,
		tries: [],
		archived: false,
		...spec
	};
}

export function thought(spec: Partial<ThoughtRecord> = {}): ThoughtRecord {
	return {
		id: id('thought'),
		at: '2026-03-03T10:00:00.000Z',
		situation: 'Hanging out the washing',
		thought: 'I cannot do anything anymore',
		belief: 80,
		helpful: 'I dealt with this before and I can do it again',
		helpfulBelief: 50,
		...spec
	};
}

export function fear(activity: string, worry: number, spec: Partial<FearItem> = {}): FearItem {
	return {
		id: id('fear'),
		createdAt: `2026-03-0${(seq % 9) + 1}T10:00:00.000Z`,
		updatedAt: '2026-03-03T10:00:00.000Z',
		activity,
		worry,
		tries: [],
		done: false,
		...spec
	};
}
