import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/lib/plan/calendar';
import { planWeeks, type PlanInputs } from '../../../src/lib/plan/plan-weeks';
import type { PlanDayRecord } from '../../../src/lib/progress/plan-records';
import type { RoutinePlan } from '../../../src/lib/progress/routine-progress';
import type { SessionRecord } from '../../../src/lib/progress/records';
import { shippedPlan } from './shipped-plan';
import { planDay, setup } from './plan-fixtures';

const content = shippedPlan();
const routine = (id: string, title: string, levels: number[]): RoutinePlan => ({
	id,
	title,
	progression: { rule: 'sessions-at-level', sessions: 3, painRise: 2, description: 'x' },
	startingLevel: 1,
	sessionsPerWeek: 3,
	levels: levels.map((m, i) => ({ level: i + 1, name: `L${i + 1}`, durationMs: m * 60_000 }))
});
const routines = {
	'morning-mobility': routine('morning-mobility', 'Morning mobility', [9, 11, 18]),
	'desk-break': routine('desk-break', 'Desk break', [6, 7, 9])
};
const dayOf = (iso: string) => iso.slice(0, 10);
// 2026-03-02 is a Monday; the plan days are Monday, Wednesday and Friday.
const START = '2026-03-02';

function inputs(days: PlanDayRecord[], today: string, sessions: SessionRecord[] = []): PlanInputs {
	return { setup: setup(), days, sessions, choices: [], routines, content, today };
}

function sessionOf(d: PlanDayRecord): SessionRecord {
	const b = d.blocks[0];
	if (!b) throw new Error('no block');
	return {
		id: b.sessionId,
		routineId: b.routineId,
		level: b.level,
		startedAt: d.startedAt,
		endedAt: d.endedAt,
		outcome: b.outcome,
		playedMs: 60_000,
		plannedMs: 60_000,
		before: d.before,
		after: d.after
	};
}

describe('planWeeks', () => {
	it('week 1 has the chosen days and a start reason', () => {
		const [w] = planWeeks(inputs([], START), START, dayOf);
		expect(w?.planDates).toEqual(['2026-03-02', '2026-03-04', '2026-03-06']);
		expect(w?.decision.kind).toBe('start');
	});

	it('a full week with effort about right offers the next level in week 2', () => {
		const days = ['2026-03-02', '2026-03-04', '2026-03-06'].map((date) => planDay({ date }));
		const weeks = planWeeks(inputs(days, '2026-03-09', days.map(sessionOf)), START, dayOf);
		expect(weeks).toHaveLength(2);
		expect(weeks[1]?.decision).toMatchObject({ kind: 'offer', level: 2 });
	});

	it('a missed day moves on: 2 of 3 done keeps the level without taking a day away', () => {
		const days = ['2026-03-02', '2026-03-06'].map((date) => planDay({ date }));
		const weeks = planWeeks(inputs(days, '2026-03-09', days.map(sessionOf)), START, dayOf);
		expect(weeks[0]?.doneDates).toEqual(['2026-03-02', '2026-03-06']);
		expect(weeks[1]?.decision.kind).toBe('keep');
		expect(weeks[1]?.planDates).toHaveLength(3);
	});

	it('half missed: one fewer plan day next week, then back when it goes well', () => {
		const w1 = [planDay({ date: '2026-03-02' })];
		const w2 = ['2026-03-09', '2026-03-11'].map((date) => planDay({ date }));
		const days = [...w1, ...w2];
		const weeks = planWeeks(inputs(days, '2026-03-16', days.map(sessionOf)), START, dayOf);
		expect(weeks[1]?.decision.kind).toBe('fewer-days');
		expect(weeks[1]?.planDates).toEqual(['2026-03-09', '2026-03-11']);
		expect(weeks[2]?.decision).toMatchObject({ kind: 'more-days', days: 3 });
		expect(weeks[2]?.planDates).toHaveLength(3);
	});

	it('a flare makes the next week a setback week with the gentle routine, then the plan picks up', () => {
		const days = [
			planDay({ date: '2026-03-02' }),
			planDay({ date: '2026-03-04', before: 3, after: 6 }),
			planDay({ date: '2026-03-06' })
		];
		const weeks = planWeeks(inputs(days, '2026-03-16', days.map(sessionOf)), START, dayOf);
		expect(weeks[1]).toMatchObject({ setback: true, movement: 'desk-break' });
		expect(weeks[1]?.decision.reason).toContain('Wednesday 4 March');
		expect(weeks[2]).toMatchObject({ setback: false, movement: 'morning-mobility' });
		expect(weeks[2]?.decision.reason).toContain('picks up again');
	});

	it('two "too hard" at level 1 switch to the gentler routine, and it stays', () => {
		const days = ['2026-03-02', '2026-03-04', '2026-03-06'].map((date) => planDay({ date, effort: 'too-hard' }));
		const weeks = planWeeks(inputs(days, addDays(START, 14), days.map(sessionOf)), START, dayOf);
		expect(weeks[1]).toMatchObject({ movement: 'desk-break', decision: { kind: 'gentler' } });
		expect(weeks[2]?.movement).toBe('desk-break');
	});

	it('a plan day done on a day that is not a plan day still counts', () => {
		const days = ['2026-03-03', '2026-03-04', '2026-03-05'].map((date) => planDay({ date }));
		const [w] = planWeeks(inputs(days, '2026-03-05', days.map(sessionOf)), START, dayOf);
		expect(w?.doneDates).toHaveLength(3);
	});

	it('a stopped plan day with no block finished is not counted as done', () => {
		const days = [planDay({ date: '2026-03-02', finished: false })];
		days[0] = { ...(days[0] as PlanDayRecord), blocks: (days[0] as PlanDayRecord).blocks.map((b) => ({ ...b, outcome: 'stopped' as const })) };
		const [w] = planWeeks(inputs(days, '2026-03-02'), START, dayOf);
		expect(w?.doneDates).toEqual([]);
	});
});
