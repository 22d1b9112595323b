import { describe, expect, it } from 'vitest';
import { planDayFor, skillFor } from '../../../src/lib/plan/plan-day';
import type { PlanWeek } from '../../../src/lib/plan/plan-weeks';
import type { RoutinePlan } from '../../../src/lib/progress/routine-progress';
import type { FearItem, PlanDayRecord } from '../../../src/lib/progress/plan-records';
import { shippedPlan } from './shipped-plan';
import { fear, planDay } from './plan-fixtures';

const content = shippedPlan();
const sal = (sessions = 3) => ({ rule: 'sessions-at-level' as const, sessions, painRise: 2, description: 'x' });
const routine = (id: string, title: string, minutes: number[], progression: RoutinePlan['progression'] = sal()): RoutinePlan => ({
	id,
	title,
	progression,
	startingLevel: 1,
	sessionsPerWeek: 3,
	levels: minutes.map((m, i) => ({ level: i + 1, name: `L${i + 1}`, durationMs: m * 60_000 }))
});
const routines = {
	'morning-mobility': routine('morning-mobility', 'Morning mobility', [9, 11, 18]),
	'desk-break': routine('desk-break', 'Desk break', [6, 7, 9]),
	'breathing-relaxation': routine('breathing-relaxation', 'Breathing relaxation', [6, 10]),
	'guided-imagery-safe-place': routine('guided-imagery-safe-place', 'Safe place', [7]),
	'progressive-muscle-relaxation': routine('progressive-muscle-relaxation', 'PMR', [28, 15, 7], { rule: 'stages', sessions: 2, description: 'x' }),
	'guided-imagery-sea-walk': routine('guided-imagery-sea-walk', 'Sea walk', [7])
};

function week(index: number, spec: Partial<PlanWeek> = {}): PlanWeek {
	return {
		index,
		start: '2026-03-02',
		end: '2026-03-09',
		planDates: ['2026-03-02', '2026-03-04', '2026-03-06'],
		doneDates: [],
		movement: 'morning-mobility',
		setback: false,
		decision: { kind: 'start', reason: '' },
		...spec
	};
}
const inputs = (days: PlanDayRecord[] = [], fears: FearItem[] = []) => ({
	content,
	routines,
	sessions: [],
	choices: [],
	days,
	fears
});

describe('a plan day', () => {
	it('holds movement at its level, a calming session and the week’s first lesson, within 10–25 minutes', () => {
		const d = planDayFor(week(0), '2026-03-02', inputs());
		expect(d.movement).toMatchObject({ routineId: 'morning-mobility', level: 1 });
		expect(d.calming.routineId).toBe('breathing-relaxation');
		expect(d.lesson.id).toBe('hurt-is-not-harm');
		expect(d.isPlanDay).toBe(true);
		expect(d.minutes).toBeGreaterThanOrEqual(content.days.minMinutes);
		expect(d.minutes).toBeLessThanOrEqual(content.days.maxMinutes);
	});

	it('brings the next calming session and lesson after each plan day done', () => {
		const one = [planDay({ date: '2026-03-02' })];
		const d = planDayFor(week(0, { doneDates: ['2026-03-02'] }), '2026-03-04', inputs(one));
		expect(d.calming.routineId).toBe('guided-imagery-safe-place');
		expect(d.lesson.id).toBe('moving-helps');
	});

	it('skips a calming session that would take the day past 25 minutes (PMR’s first stage is 28)', () => {
		const two = [planDay({ date: '2026-03-02' }), planDay({ date: '2026-03-04' })];
		const d = planDayFor(week(0), '2026-03-06', inputs(two));
		expect(d.calming.routineId).not.toBe('progressive-muscle-relaxation');
		expect(d.minutes).toBeLessThanOrEqual(25);
	});

	it('follows the skills in order, then deepens them from week 7', () => {
		expect(content.skills.map((_, w) => skillFor(content, w).skill.id)).toEqual(content.skills.map((s) => s.id));
		expect(skillFor(content, 6)).toMatchObject({ skill: { id: 'hurt-not-harm' }, pass: 2 });
		expect(planDayFor(week(6), '2026-03-02', inputs()).lesson.id).toBe('trusting-your-back');
	});

	it('a setback week plays the gentle routine at level 1, a setback calming session and the setback lessons', () => {
		const setback = week(2, { setback: true, movement: 'desk-break' });
		const d = planDayFor(setback, '2026-03-02', inputs());
		expect(d.movement).toMatchObject({ routineId: 'desk-break', level: 1 });
		expect(content.calming.setback).toContain(d.calming.routineId);
		expect(d.lesson.id).toBe('setbacks-happen');
		const next = planDayFor({ ...setback, doneDates: ['2026-03-02'] }, '2026-03-04', inputs([planDay({ date: '2026-03-02', routineId: 'desk-break' })]));
		expect(next.lesson.tool).toBe('setback');
	});

	it('at the top level of the movement routine the day still fits in 25 minutes', () => {
		const choices = [{ id: 'choice-top-000001', routineId: 'morning-mobility', level: 3, suggested: 3, at: '2026-03-01T08:00:00.000Z' }];
		const d = planDayFor(week(3), '2026-03-02', { ...inputs(), choices });
		expect(d.movement.level).toBe(3);
		expect(d.minutes).toBeLessThanOrEqual(content.days.maxMinutes);
	});

	it('from the fear-ladder week on, the lowest rung is practised', () => {
		const fears = [fear('Carrying shopping', 70), fear('Bending to the dishwasher', 30)];
		expect(planDayFor(week(2), '2026-03-02', inputs([], fears)).fear).toBeNull();
		expect(planDayFor(week(3), '2026-03-02', inputs([], fears)).fear?.activity).toBe('Bending to the dishwasher');
	});

	it('a day that is not a plan day is still playable and says so', () => {
		const d = planDayFor(week(0), '2026-03-03', inputs());
		expect(d.isPlanDay).toBe(false);
	});
});
