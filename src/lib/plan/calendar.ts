/**
 * Days on the person's own calendar as "YYYY-MM-DD" keys. Arithmetic is done on the keys
 * as UTC dates, so a daylight-saving change never makes a day 23 or 25 hours long; only
 * dateKey() reads the device's time zone.
 */
export type DateKey = string;

const DAY_MS = 86_400_000;
const WEEKDAY_CODES = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;
export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

const pad = (n: number) => String(n).padStart(2, '0');

/** The local calendar day of a moment, in this device's time zone. */
export function dateKey(at: Date): DateKey {
	return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

function utc(key: DateKey): number {
	const [y, m, d] = key.split('-').map(Number) as [number, number, number];
	return Date.UTC(y, m - 1, d);
}

function fromUtc(ms: number): DateKey {
	const d = new Date(ms);
	return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function addDays(key: DateKey, days: number): DateKey {
	return fromUtc(utc(key) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: DateKey, to: DateKey): number {
	return Math.round((utc(to) - utc(from)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(key: DateKey): number {
	return new Date(utc(key)).getUTCDay();
}

/** RFC 5545's two-letter day codes (BYDAY). */
export function weekdayCode(day: number): string {
	return WEEKDAY_CODES[day] as string;
}

/** The first day on or after `from` that falls on one of `weekdays`. */
export function nextWeekday(from: DateKey, weekdays: readonly number[]): DateKey {
	for (let i = 0; i < 7; i++) {
		const key = addDays(from, i);
		if (weekdays.includes(weekdayOf(key))) return key;
	}
	return from;
}

/** "Monday 7 December" */
export function dayLabel(key: DateKey): string {
	const [, m, d] = key.split('-').map(Number) as [number, number, number];
	const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
	return `${WEEKDAY_NAMES[weekdayOf(key)]} ${d} ${months[m - 1]}`;
}
