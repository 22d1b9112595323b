import { describe, expect, it } from 'vitest';
import { ladder, lessonForFear, nextRung, worryDrop, worryNow } from '../../../src/lib/plan/fear-ladder';
import { blockAfter, blockBefore, planDayOutcome, planSessionHref } from '../../../src/lib/plan/plan-session';
import { measureDue, phq2Positive, PHQ2, RMDQ, score } from '../../../src/lib/plan/questionnaires';
import { nextReminder } from '../../../src/lib/plan/reminder';
import { searchThoughts } from '../../../src/lib/plan/thought-search';
import type { AfterCheckIn } from '../../../src/lib/progress/records';
import { fear, thought } from './plan-fixtures';
import { shippedPlan } from './shipped-plan';

const content = shippedPlan();

describe('fear ladder', () => {
	it('orders rungs from the least worrying, by the latest rating after practice', () => {
		const a = fear('Carrying shopping', 70);
		const b = fear('Loading the dishwasher', 40);
		const c = fear('Lifting a child', 90, { tries: [{ date: '2026-03-05', worry: 20 }] });
		const d = fear('Vacuuming', 10, { done: true });
		expect(ladder([a, b, c, d]).map((f) => f.activity)).toEqual(['Lifting a child', 'Loading the dishwasher', 'Carrying shopping']);
		expect(nextRung([a, b, c, d])?.activity).toBe('Lifting a child');
		expect(worryNow(c)).toBe(20);
		expect(worryDrop(c)).toBe(70);
	});

	it('finds the back-school lesson that fits, or the general one', () => {
		expect(lessonForFear('Bending to load the dishwasher', content)).toEqual({ routine: 'back-school-lesson-3', education: 'l3-everyday-bending' });
		expect(lessonForFear('Carrying the shopping home', content)).toEqual({ routine: 'back-school-lesson-3', education: 'l3-lifting' });
		expect(lessonForFear('Sitting through a film', content)).toEqual({ routine: 'back-school-lesson-2', education: 'l2-sitting' });
		expect(lessonForFear('Playing the piano', content)).toEqual(content.fearFallback);
	});
});

describe('thought journal search', () => {
	it('finds entries with every word, newest first, ignoring case and accents', () => {
		const a = thought({ at: '2026-03-01T10:00:00.000Z', situation: 'Hanging out the washing' });
		const b = thought({ at: '2026-03-02T10:00:00.000Z', situation: 'Café with Anna', thought: 'They think I am making it up' });
		const c = thought({ at: '2026-03-03T10:00:00.000Z', situation: 'Washing up' });
		expect(searchThoughts([a, b, c], '').map((t) => t.id)).toEqual([c.id, b.id, a.id]);
		expect(searchThoughts([a, b, c], 'WASHING').map((t) => t.id)).toEqual([c.id, a.id]);
		expect(searchThoughts([a, b, c], 'cafe making').map((t) => t.id)).toEqual([b.id]);
		expect(searchThoughts([a, b, c], 'washing anna')).toEqual([]);
	});
});

describe('one check-in for a plan day', () => {
	const after: AfterCheckIn = { status: 'answered', pain: 3, effort: 'about-right', relaxed: 'fully', newLegSymptoms: false, note: 'ok' };

	it('pain, effort and the note go on the movement session; how relaxed on the calming one', () => {
		expect(blockAfter('movement', after)).toEqual({ ...after, relaxed: null });
		expect(blockAfter('calming', after)).toEqual({ status: 'answered', pain: null, effort: null, relaxed: 'fully', newLegSymptoms: false, note: '' });
		expect(blockBefore('movement', { status: 'answered', pain: 5 })).toEqual({ status: 'answered', pain: 5 });
		expect(blockBefore('calming', { status: 'answered', pain: 5 })).toEqual({ status: 'skipped' });
		expect(blockAfter('calming', { status: 'skipped' })).toEqual({ status: 'skipped' });
	});

	it.each([
		[['finished', 'finished'], after, 'finished'],
		[['finished', 'stopped'], after, 'stopped'],
		[['help'], after, 'help'],
		[['finished', 'finished'], { ...after, newLegSymptoms: true }, 'leg-symptoms'],
		[[], after, 'stopped']
	] as const)('blocks %j → %s', (ends, a, outcome) => {
		expect(planDayOutcome(ends, a)).toBe(outcome);
	});

	it('links to the session page with every block', () => {
		const href = planSessionHref({
			movement: { routineId: 'morning-mobility', level: 2 },
			calming: { routineId: 'guided-imagery-safe-place', level: 1 },
			lessonId: 'first-rung',
			fearId: 'fear-0001',
			fearLesson: { routine: 'back-school-lesson-3', education: 'l3-lifting' }
		});
		const q = new URL(href, 'http://x').searchParams;
		expect(Object.fromEntries(q)).toEqual({
			movement: 'morning-mobility',
			ml: '2',
			calming: 'guided-imagery-safe-place',
			cl: '1',
			lesson: 'first-rung',
			fear: 'fear-0001',
			fl: 'back-school-lesson-3.l3-lifting'
		});
	});
});

describe('questionnaires', () => {
	it('score the PHQ-2 0–6 and the Roland–Morris 0–24', () => {
		expect(PHQ2.items).toHaveLength(2);
		expect(RMDQ.items).toHaveLength(24);
		expect(score([2, 1])).toBe(3);
		expect(phq2Positive(3, content.measures.phq2Positive)).toBe(true);
		expect(phq2Positive(2, content.measures.phq2Positive)).toBe(false);
		expect(PHQ2.source).toContain('No permission required to reproduce, translate, display or distribute');
	});

	it('come round every four weeks of the plan', () => {
		const start = '2026-03-02';
		expect(measureDue([], start, 0, 4)).toEqual({ due: true, roundStart: start });
		expect(measureDue(['2026-03-03'], start, 2, 4).due).toBe(false);
		expect(measureDue(['2026-03-03'], start, 4, 4)).toEqual({ due: true, roundStart: '2026-03-30' });
		expect(measureDue(['2026-03-03', '2026-03-31'], start, 5, 4).due).toBe(false);
	});
});

describe('reminders while Limber is open', () => {
	it('the next plan day at the plan time, later today or on a later day', () => {
		// Tuesday 3 March 2026, local time.
		const tue = new Date(2026, 2, 3, 9, 0);
		expect(nextReminder([1, 3, 5], '18:00', tue)).toEqual(new Date(2026, 2, 4, 18, 0));
		expect(nextReminder([2], '18:00', tue)).toEqual(new Date(2026, 2, 3, 18, 0));
		expect(nextReminder([2], '08:00', tue)).toEqual(new Date(2026, 2, 10, 8, 0));
		expect(nextReminder([], '08:00', tue)).toBeNull();
	});
});
