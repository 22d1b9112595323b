import { describe, expect, it } from 'vitest';
import type { RoutineSummary } from '../../../src/lib/routine/catalogue';
import {
	countText,
	equipmentKindsOf,
	equipmentOptions,
	filterOptions,
	filterRoutines,
	filtersToParams,
	inBand,
	isFiltered,
	matchingLevels,
	needsNoEquipment,
	NO_FILTERS,
	parseFilters,
	shownMinutes,
	type CatalogueFilters,
	type DurationBandId
} from '../../../src/lib/routine/catalogue-filter';

const min = (m: number): number => m * 60_000;

function summary(parts: Partial<RoutineSummary> & { id: string; minutes: number[] }): RoutineSummary {
	const { minutes, ...rest } = parts;
	return {
		title: parts.id,
		category: 'stretching',
		summary: 'A routine.',
		setting: 'home',
		positions: ['lying'],
		equipment: [],
		levels: minutes.map((m, i) => ({ level: i + 1, name: `L${i + 1}`, durationMs: min(m), stepCount: 3 })),
		still: null,
		...rest
	};
}

// A small catalogue shaped like the shipped one.
const stretch = summary({
	id: 'stretch',
	minutes: [9, 11, 18],
	positions: ['kneeling', 'lying'],
	equipment: ['Mat or carpeted floor', 'Cushion (optional)']
});
const pool = summary({
	id: 'pool',
	category: 'aquatic',
	minutes: [27, 29, 34],
	positions: ['in-water'],
	equipment: ['A pool with a section between waist and chest deep', 'Water shoes (optional, for grip)']
});
const pmr = summary({
	id: 'pmr',
	category: 'relaxation',
	minutes: [24, 13, 7, 7, 8, 6],
	positions: ['seated'],
	equipment: ['A supportive reclining chair, sofa or bed']
});
const yoga = summary({
	id: 'yoga',
	category: 'yoga',
	minutes: [24, 28, 30, 38],
	positions: ['kneeling', 'lying', 'seated', 'standing'],
	equipment: ['Yoga mat or carpeted floor', 'Strap or towel', 'Chair']
});
const walk = summary({ id: 'walk', minutes: [15], positions: ['standing'], equipment: ['Walking poles (optional)'] });
const all = [stretch, pool, pmr, yoga, walk];
const options = filterOptions(all);

const f = (parts: Partial<CatalogueFilters>): CatalogueFilters => ({ ...NO_FILTERS, ...parts });
const ids = (filters: CatalogueFilters): string[] => filterRoutines(all, filters).map((s) => s.id);

describe('filterRoutines', () => {
	it.each<[string, Partial<CatalogueFilters>, string[]]>([
		['no filters: everything', {}, ['stretch', 'pool', 'pmr', 'yoga', 'walk']],
		['category', { category: 'aquatic' }, ['pool']],
		['category with nothing in it', { category: 'back-school' }, []],
		['level: routines that have it', { level: 4 }, ['pmr', 'yoga']],
		['level only the longest routine has', { level: 6 }, ['pmr']],
		['up to 10 min: any level in the band', { duration: 'up-to-10' }, ['stretch', 'pmr']],
		['11 to 20 min', { duration: '11-20' }, ['stretch', 'pmr', 'walk']],
		['21 to 30 min (30 is in)', { duration: '21-30' }, ['pool', 'pmr', 'yoga']],
		['over 30 min', { duration: 'over-30' }, ['pool', 'yoga']],
		['level and duration: the chosen level must be in the band', { level: 1, duration: 'up-to-10' }, ['stretch']],
		['level and duration: another level in the band does not count', { level: 3, duration: 'over-30' }, ['pool']],
		['one position', { positions: ['in-water'] }, ['pool']],
		['positions: any of them', { positions: ['seated', 'standing'] }, ['pmr', 'yoga', 'walk']],
		['positions: any of them, again', { positions: ['in-water', 'kneeling'] }, ['stretch', 'pool', 'yoga']],
		['equipment kind', { equipment: 'mat' }, ['stretch', 'yoga']],
		['equipment kind matched by any word', { equipment: 'chair' }, ['pmr', 'yoga']],
		['equipment item of its own', { equipment: 'item-walking-poles' }, ['walk']],
		['no equipment needed: only optional items', { equipment: 'none' }, ['walk']],
		['all together', { category: 'yoga', level: 2, duration: '21-30', positions: ['standing'], equipment: 'strap' }, ['yoga']],
		['all together, one too many', { category: 'yoga', level: 2, duration: 'up-to-10' }, []]
	])('%s', (_name, filters, expected) => {
		expect(ids(f(filters))).toEqual(expected);
	});

	it('keeps the caller’s routine objects (and their per-level durations)', () => {
		const [first] = filterRoutines(all, f({ category: 'aquatic' }));
		expect(first).toBe(pool);
		expect(first?.levels).toHaveLength(3);
	});

	it('works for any number of routines, including none', () => {
		expect(filterRoutines([], f({ level: 1 }))).toEqual([]);
		const many = Array.from({ length: 200 }, (_, i) => summary({ id: `r${i}`, minutes: [5 + (i % 40)] }));
		expect(filterRoutines(many, f({ duration: 'over-30' }))).toHaveLength(70) // 31 to 44 min, five of each;
	});
});

describe('matchingLevels', () => {
	it.each<[Partial<CatalogueFilters>, number[]]>([
		[{}, [1, 2, 3, 4, 5, 6]],
		[{ level: 2 }, [2]],
		[{ duration: 'up-to-10' }, [3, 4, 5, 6]],
		[{ level: 1, duration: 'up-to-10' }, []],
		[{ level: 9 }, []]
	])('pmr with %j → %j', (filters, expected) => {
		expect(matchingLevels(pmr, f(filters))).toEqual(expected);
	});
});

describe('duration bands', () => {
	it.each<[number, DurationBandId, boolean]>([
		[min(10), 'up-to-10', true],
		[min(10) + 29_000, 'up-to-10', true], // shown as "10 min"
		[min(10) + 30_000, 'up-to-10', false], // shown as "11 min"
		[min(10) + 30_000, '11-20', true],
		[45_000, 'up-to-10', true],
		[0, 'up-to-10', true],
		[min(20), '11-20', true],
		[min(20), '21-30', false],
		[min(30), '21-30', true],
		[min(31), 'over-30', true],
		[min(30), 'over-30', false],
		[min(300), 'over-30', true]
	])('%d ms in %s: %s', (ms, band, expected) => {
		expect(inBand(ms, band)).toBe(expected);
	});

	it('rounds like the cards do', () => {
		expect([29_000, 30_000, 89_000, 90_000, min(12)].map(shownMinutes)).toEqual([0, 1, 1, 2, 12]);
	});
});

describe('equipment', () => {
	it.each<[string, string[]]>([
		['Mat or carpeted floor', ['mat']],
		['Exercise mat for each person', ['mat']],
		['Small cushion or folded towel (optional)', ['cushion', 'strap']],
		['Two cushions or folded blankets', ['cushion']],
		['A supportive reclining chair, sofa or bed', ['chair']],
		['A clear stretch of wall', ['wall']],
		['A yoga block or firm cushion', ['cushion', 'block']],
		['A waterproof pouch for your phone, or a speaker at the poolside', ['pool']],
		['A float or kickboard (optional, for harder versions)', ['float']],
		['Projector or large screen for the class view (optional)', ['screen']],
		['A low step or sturdy box', ['step']],
		['Pool steps or an underwater step, and a rail or edge to hold', ['step', 'pool']],
		['Water shoes (optional, for grip)', ['item-water-shoes']],
		['A tennis ball', ['item-tennis-ball']],
		['Mattress', ['item-mattress']],
		['(optional)', []]
	])('%s → %j', (item, expected) => {
		expect(equipmentKindsOf(item).map((k) => k.id)).toEqual(expected);
	});

	it.each<[string[], boolean]>([
		[[], true],
		[['Cushion (optional)', 'Water shoes (optional, for grip)'], true],
		[['Cushion (optional)', 'Mat'], false],
		[['Chair for balance (Optional)'], true]
	])('%j needs no equipment: %s', (equipment, expected) => {
		expect(needsNoEquipment({ equipment })).toBe(expected);
	});

	it('offers each kind once, sorted by label', () => {
		const offered = equipmentOptions(all);
		expect(offered.map((o) => o.id)).toEqual([
			'chair',
			'cushion',
			'mat',
			'strap',
			'pool',
			'item-walking-poles',
			'item-water-shoes'
		]);
		expect(offered.find((o) => o.id === 'item-water-shoes')?.label).toBe('Water shoes');
		expect(equipmentKindsOf('An exercise ball (optional)')).toEqual([{ id: 'item-exercise-ball', label: 'Exercise ball' }]);
	});
});

describe('filterOptions', () => {
	it('offers levels up to the longest routine and all five positions', () => {
		expect(options.levels).toEqual([1, 2, 3, 4, 5, 6]);
		expect(options.positions.map((p) => p.label)).toEqual(['Standing', 'Seated', 'Lying', 'Kneeling', 'In water']);
		expect(options.categories).toHaveLength(5);
		expect(options.durations.map((d) => d.id)).toEqual(['up-to-10', '11-20', '21-30', 'over-30']);
	});

	it('copes with an empty catalogue', () => {
		const empty = filterOptions([]);
		expect(empty.levels).toEqual([]);
		expect(empty.equipment).toEqual([]);
	});
});

describe('the URL query', () => {
	it.each<[string, Partial<CatalogueFilters>]>([
		['', {}],
		['category=yoga', { category: 'yoga' }],
		['level=3', { level: 3 }],
		['duration=21-30', { duration: '21-30' }],
		['position=in-water', { positions: ['in-water'] }],
		['position=lying&position=standing', { positions: ['standing', 'lying'] }],
		['equipment=none', { equipment: 'none' }],
		['equipment=item-water-shoes', { equipment: 'item-water-shoes' }],
		// What a GET form without JavaScript sends for "any": empty fields.
		['category=&level=&duration=&equipment=', {}],
		// Unknown values are dropped, not matched against.
		['category=pilates&level=0&level=x&duration=5-6&position=upside-down&equipment=trampoline', {}],
		['level=7', {}],
		['level=2.5', {}],
		['category=aquatic&position=in-water&position=bogus', { category: 'aquatic', positions: ['in-water'] }]
	])('?%s', (query, expected) => {
		expect(parseFilters(new URLSearchParams(query), options)).toEqual(f(expected));
	});

	it.each<[Partial<CatalogueFilters>, string]>([
		[{}, ''],
		[{ equipment: 'mat', category: 'yoga' }, 'category=yoga&equipment=mat'],
		[{ positions: ['lying', 'standing'] }, 'position=standing&position=lying'],
		[{ level: 2, duration: 'over-30' }, 'level=2&duration=over-30']
	])('%j is written as ?%s (canonical order)', (filters, query) => {
		expect(filtersToParams(f(filters)).toString()).toBe(query);
	});

	it('round-trips every filter', () => {
		const full = f({ category: 'relaxation', level: 5, duration: '11-20', positions: ['seated', 'lying'], equipment: 'none' });
		expect(parseFilters(filtersToParams(full), options)).toEqual(full);
		expect(isFiltered(full)).toBe(true);
		expect(isFiltered(NO_FILTERS)).toBe(false);
	});
});

describe('countText', () => {
	it.each<[number, boolean, string]>([
		[5, false, '5 routines'],
		[1, false, '1 routine'],
		[0, false, 'No routines yet'],
		[6, true, '6 routines match'],
		[1, true, '1 routine matches'],
		[0, true, 'No routines match these filters']
	])('%d (filtered: %s) → %s', (count, filtered, text) => {
		expect(countText(count, filtered)).toBe(text);
	});
});
