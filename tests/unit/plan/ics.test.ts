import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { foldLine, planCalendar, type CalendarPlan } from '../../../src/lib/plan/ics';

const plan: CalendarPlan = {
	uid: 'plan-0001-abcdef',
	sequence: 2,
	weekdays: [5, 1, 3],
	time: '18:30',
	minutes: 22,
	from: '2026-12-01', // a Tuesday
	alarmBefore: 10
};

function parse(text: string) {
	const cal = new ICAL.Component(ICAL.parse(text));
	const event = cal.getFirstSubcomponent('vevent');
	if (!event) throw new Error('no VEVENT');
	return { cal, event, ev: new ICAL.Event(event) };
}

describe('the plan calendar file (RFC 5545, read back with ical.js)', () => {
	const text = planCalendar(plan, new Date('2026-12-01T10:00:00.000Z'));

	it('is one weekly event on the plan days at the plan time', () => {
		const { ev, event } = parse(text);
		expect(ev.summary).toBe('Limber session');
		expect(ev.uid).toBe('plan-0001-abcdef@limber.invalid');
		expect(event.getFirstPropertyValue('sequence')).toBe(2);
		const start = ev.startDate;
		expect([start.year, start.month, start.day, start.hour, start.minute]).toEqual([2026, 12, 2, 18, 30]);
		expect(start.zone?.tzid).toBe('floating');
		expect(ev.duration.toSeconds()).toBe(22 * 60);
		const rule = event.getFirstPropertyValue('rrule') as ICAL.Recur;
		expect(rule.freq).toBe('WEEKLY');
		expect(rule.parts.BYDAY).toEqual(['MO', 'WE', 'FR']);
	});

	it('repeats on exactly those days', () => {
		const { ev } = parse(text);
		const it = ev.iterator();
		const days: string[] = [];
		for (let i = 0; i < 6; i++) days.push((it.next() as ICAL.Time).toString());
		expect(days).toEqual([
			'2026-12-02T18:30:00',
			'2026-12-04T18:30:00',
			'2026-12-07T18:30:00',
			'2026-12-09T18:30:00',
			'2026-12-11T18:30:00',
			'2026-12-14T18:30:00'
		]);
	});

	it('has an alarm before each session, with no health words', () => {
		const { event } = parse(text);
		const alarm = event.getFirstSubcomponent('valarm');
		expect(alarm?.getFirstPropertyValue('action')).toBe('DISPLAY');
		expect((alarm?.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds()).toBe(-600);
		expect(text.toLowerCase()).not.toMatch(/pain|back|health|plan day|relax/);
	});

	it('uses CRLF line ends and the properties RFC 5545 requires', () => {
		expect(text.endsWith('\r\n')).toBe(true);
		expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
		const { cal, event } = parse(text);
		expect(cal.getFirstPropertyValue('version')).toBe('2.0');
		expect(cal.getFirstPropertyValue('prodid')).toBeTruthy();
		expect(event.getFirstPropertyValue('dtstamp')?.toString()).toBe('2026-12-01T10:00:00Z');
	});

	it('folds long lines at 75 octets without splitting a character', () => {
		const long = `DESCRIPTION:${'é'.repeat(60)}`;
		const folded = foldLine(long);
		for (const line of folded.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
		expect(folded.replace(/\r\n /g, '')).toBe(long);
	});

	it('starts on the first plan day on or after the given day', () => {
		const fridayOnly = planCalendar({ ...plan, weekdays: [5] }, new Date('2026-12-01T10:00:00.000Z'));
		expect(parse(fridayOnly).ev.startDate.toString()).toBe('2026-12-04T18:30:00');
	});
});
