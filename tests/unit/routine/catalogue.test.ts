import { describe, expect, it } from 'vitest';
import { summarize } from '../../../src/lib/routine/catalogue';
import { byCategory } from '../../../src/lib/routine/categories';
import { formatClock, formatDuration } from '../../../src/lib/routine/format';
import { compile } from '../../../src/lib/routine/compile';
import { routine as routineSchema } from '../../../src/lib/routine/schema';
import { fixtureRoutine } from './arbitraries';

const r = routineSchema.parse(
	fixtureRoutine({
		equipment: ['mat'],
		exercises: [
			{ id: 'a', name: 'A', position: 'lying', instructions: ['x'], equipment: ['towel'] },
			{ id: 'b', name: 'B', position: 'kneeling', instructions: ['x'] },
			{ id: 'unused', name: 'U', position: 'in-water', instructions: ['x'], equipment: ['float'] }
		],
		levels: [
			{ name: 'Easy', steps: [{ exercise: 'a', hold: 20 }] },
			{ name: 'Harder', steps: [{ exercise: 'a', hold: 30 }, { exercise: 'b', hold: 30 }] }
		]
	})
);

describe('catalogue', () => {
	it('summarises levels with the durations that compile() plays', () => {
		const s = summarize(r);
		expect(s.levels.map((l) => [l.level, l.name, l.durationMs, l.stepCount])).toEqual([
			[1, 'Easy', compile(r, 1).durationMs, 1],
			[2, 'Harder', compile(r, 2).durationMs, 2]
		]);
	});

	it('lists positions and equipment of the exercises actually used', () => {
		const s = summarize(r);
		expect(s.positions).toEqual(['kneeling', 'lying']);
		expect(s.equipment).toEqual(['mat', 'towel']);
	});

	it('groups by category in a fixed order, with empty categories kept', () => {
		const groups = byCategory([summarize(r), { ...summarize(r), id: 'y', title: 'Aaa', category: 'yoga' }]);
		expect(groups.map((g) => g.category)).toEqual(['stretching', 'aquatic', 'yoga', 'relaxation', 'back-school']);
		expect(groups[0]?.routines.map((x) => x.id)).toEqual(['fixture']);
		expect(groups[1]?.routines).toEqual([]);
		expect(groups[2]?.routines.map((x) => x.id)).toEqual(['y']);
	});

	it.each([
		[45_000, '45 s'],
		[59_400, '59 s'],
		[60_000, '1 min'],
		[535_000, '9 min'],
		[1_442_000, '24 min']
	])('formatDuration(%d) = %s', (ms, text) => expect(formatDuration(ms)).toBe(text));

	it.each([
		[0, '0:00'],
		[1, '0:01'],
		[999, '0:01'],
		[1000, '0:01'],
		[1001, '0:02'],
		[65_000, '1:05'],
		[-5, '0:00']
	])('formatClock(%d) = %s (rounds up so 0:00 means done)', (ms, text) => expect(formatClock(ms)).toBe(text));
	it.each([
		[0, '0:00'],
		[999, '0:00'],
		[1000, '0:01'],
		[65_999, '1:05'],
		[-5, '0:00']
	])("formatClock(%d, 'down') = %s (elapsed time: a second once it has passed)", (ms, text) => expect(formatClock(ms, 'down')).toBe(text));
});
