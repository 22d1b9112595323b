import { describe, expect, it } from 'vitest';
import { adherence, painSeries, weeklyTotals, weekStart, weekStreak } from '../../../src/lib/progress/history-stats';
import { session } from './fixtures';

const at = (iso: string, playedMin = 10) => ({ ...session({ playedMs: playedMin * 60_000 }), startedAt: iso });
// Monday 2026-03-02 00:00 UTC.
const MONDAY = Date.parse('2026-03-02T00:00:00.000Z');
const WEEK = 7 * 24 * 3600 * 1000;

describe('weekStart', () => {
	it.each([
		{ iso: '2026-03-02T00:00:00.000Z', offset: 0, expected: MONDAY },
		{ iso: '2026-03-08T23:59:59.000Z', offset: 0, expected: MONDAY },
		{ iso: '2026-03-09T00:00:00.000Z', offset: 0, expected: MONDAY + WEEK },
		// 23:30 UTC on Sunday is already Monday in UTC+1: the next local week.
		{ iso: '2026-03-08T23:30:00.000Z', offset: 60, expected: MONDAY + WEEK - 3600_000 },
		// 02:00 UTC Monday is still Sunday in UTC−5.
		{ iso: '2026-03-02T02:00:00.000Z', offset: -300, expected: MONDAY - WEEK + 5 * 3600_000 }
	])('$iso at offset $offset', ({ iso, offset, expected }) => {
		expect(weekStart(Date.parse(iso), offset)).toBe(expected);
	});
});

describe('weeklyTotals', () => {
	it('sums sessions and minutes per week, empty weeks included, older weeks dropped', () => {
		const sessions = [
			at('2026-02-01T10:00:00.000Z'),
			at('2026-03-03T10:00:00.000Z', 12),
			at('2026-03-05T10:00:00.000Z', 8.5),
			at('2026-03-17T10:00:00.000Z', 20)
		];
		const weeks = weeklyTotals(sessions, Date.parse('2026-03-18T12:00:00.000Z'), 3, 0);
		expect(weeks).toEqual([
			{ weekStart: MONDAY, sessions: 2, minutes: 20.5 },
			{ weekStart: MONDAY + WEEK, sessions: 0, minutes: 0 },
			{ weekStart: MONDAY + 2 * WEEK, sessions: 1, minutes: 20 }
		]);
	});
});

describe('painSeries', () => {
	it('is oldest first and leaves out sessions with no pain answers at all', () => {
		const a = { ...session({ before: 4, after: 2 }), startedAt: '2026-03-05T10:00:00.000Z' };
		const b = { ...session({ before: 'skip', after: 'skip' }), startedAt: '2026-03-04T10:00:00.000Z' };
		const c = { ...session({ before: 5, after: null }), startedAt: '2026-03-03T10:00:00.000Z' };
		expect(painSeries([a, b, c]).map((p) => [p.before, p.after])).toEqual([
			[5, null],
			[4, 2]
		]);
	});
});

describe('adherence', () => {
	const now = Date.parse('2026-03-30T12:00:00.000Z');
	it('is null with no sessions', () => {
		expect(adherence([], 3, now).share).toBeNull();
	});
	it('compares with the plan over the weeks since the first session', () => {
		const s = [at('2026-03-20T10:00:00.000Z'), at('2026-03-25T10:00:00.000Z'), at('2026-03-28T10:00:00.000Z')];
		expect(adherence(s, 3, now)).toEqual({ done: 3, planned: 6, share: 0.5, weeks: 2 });
	});
	it('looks back at most the window', () => {
		const s = [at('2025-12-01T10:00:00.000Z'), ...Array.from({ length: 12 }, (_, i) => at(`2026-03-${String(3 + i * 2).padStart(2, '0')}T10:00:00.000Z`))];
		expect(adherence(s, 3, now, 4)).toEqual({ done: 12, planned: 12, share: 1, weeks: 4 });
	});
});

describe('weekStreak', () => {
	const now = Date.parse('2026-03-18T12:00:00.000Z'); // a Wednesday
	it.each([
		{ name: 'none', dates: [], streak: 0 },
		{ name: 'this week only', dates: ['2026-03-17T10:00:00.000Z'], streak: 1 },
		{ name: 'last week counts before this week is done', dates: ['2026-03-10T10:00:00.000Z'], streak: 1 },
		{ name: 'three weeks running', dates: ['2026-03-03T10:00:00.000Z', '2026-03-10T10:00:00.000Z', '2026-03-17T10:00:00.000Z'], streak: 3 },
		{ name: 'a gap ends it', dates: ['2026-02-24T10:00:00.000Z', '2026-03-17T10:00:00.000Z'], streak: 1 },
		{ name: 'two weeks ago is too long', dates: ['2026-03-03T10:00:00.000Z'], streak: 0 }
	])('$name → $streak', ({ dates, streak }) => {
		expect(weekStreak(dates.map((d) => at(d)), now, 0)).toBe(streak);
	});
});
