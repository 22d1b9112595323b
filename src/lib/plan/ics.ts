/**
 * A calendar file (RFC 5545) for the plan days, made on the device: one weekly event on
 * the chosen days at the chosen time, with an alarm, so the person's own calendar reminds
 * them with no server and no push service involved. Titled "Limber session" and nothing
 * more: a calendar is often seen by others, so it says nothing about health.
 *
 * The time is "floating" (no zone): it means the same clock time wherever the person is,
 * as a plan made on their own device should. The UID stays the same for the life of the
 * plan and SEQUENCE rises with each change, so importing a new file replaces the old event
 * in calendars that follow RFC 5546 instead of adding a second one.
 */
import { nextWeekday, weekdayCode, type DateKey } from './calendar';

export interface CalendarPlan {
	/** Stable for the plan: the id of its first setup. */
	readonly uid: string;
	/** How many times the plan has been changed. */
	readonly sequence: number;
	readonly weekdays: readonly number[];
	/** "HH:MM", local. */
	readonly time: string;
	readonly minutes: number;
	/** The first day the event may fall on. */
	readonly from: DateKey;
	/** Minutes before the start that the alarm goes off. */
	readonly alarmBefore: number;
}

const TITLE = 'Limber session';

function escapeText(s: string): string {
	return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Lines longer than 75 octets are folded: CRLF and a space, never inside a UTF-8 character. */
export function foldLine(line: string): string {
	const bytes = new TextEncoder();
	const parts: string[] = [];
	let current = '';
	let size = 0;
	for (const ch of line) {
		const n = bytes.encode(ch).length;
		const limit = parts.length === 0 ? 75 : 74;
		if (size + n > limit) {
			parts.push(current);
			current = '';
			size = 0;
		}
		current += ch;
		size += n;
	}
	parts.push(current);
	return parts.join('\r\n ');
}

function utcStamp(at: Date): string {
	return at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

export function planCalendar(plan: CalendarPlan, now: Date): string {
	const days = [...new Set(plan.weekdays)].sort((a, b) => a - b);
	const first = nextWeekday(plan.from, days);
	const [hh, mm] = plan.time.split(':');
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		'PRODID:-//Limber//My plan//EN',
		'CALSCALE:GREGORIAN',
		'METHOD:PUBLISH',
		'BEGIN:VEVENT',
		`UID:${plan.uid}@limber.invalid`,
		`SEQUENCE:${plan.sequence}`,
		`DTSTAMP:${utcStamp(now)}`,
		`DTSTART:${first.replace(/-/g, '')}T${hh}${mm}00`,
		`DURATION:PT${Math.max(1, Math.round(plan.minutes))}M`,
		`RRULE:FREQ=WEEKLY;BYDAY=${days.map(weekdayCode).join(',')}`,
		`SUMMARY:${escapeText(TITLE)}`,
		'TRANSP:OPAQUE',
		'BEGIN:VALARM',
		'ACTION:DISPLAY',
		`DESCRIPTION:${escapeText(TITLE)}`,
		`TRIGGER:-PT${Math.max(0, Math.round(plan.alarmBefore))}M`,
		'END:VALARM',
		'END:VEVENT',
		'END:VCALENDAR'
	];
	return lines.map(foldLine).join('\r\n') + '\r\n';
}

export const CALENDAR_FILE_NAME = 'limber-sessions.ics';
