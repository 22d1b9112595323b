import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inHomeOrder, shippedRoutineIds } from '../../../bench/offline/routines';
import { sizesTable, TABLE_END, TABLE_START, withSizesTable } from '../../../bench/offline/readme-table';

const ROOT = path.resolve('.');

describe('bench:offline routines', () => {
	it('are every shipped routine, the guided imagery ones included', () => {
		const ids = shippedRoutineIds(ROOT);
		expect(ids).toContain('guided-imagery-safe-place');
		expect(ids).toContain('guided-imagery-sea-walk');
		expect(ids).toContain('morning-mobility');
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('come in the home page order, with any it does not show after them', () => {
		expect(inHomeOrder(['a', 'b', 'c'], ['c', 'x', 'a'])).toEqual(['c', 'a', 'b']);
	});
});

describe('the README size table', () => {
	const row = { title: 'Desk break', files: 44, bytes: 680_885, safari_bytes: 792_183 };

	it('lists each routine in MB with two decimals', () => {
		expect(sizesTable([row])).toBe('| routine | files | Chromium | Safari |\n| --- | --- | --- | --- |\n| Desk break | 44 | 0.68 MB | 0.79 MB |');
	});

	it('replaces only what is between the markers', () => {
		const readme = `before\n${TABLE_START}\nold table\n${TABLE_END}\nafter\n`;
		expect(withSizesTable(readme, 'new')).toBe(`before\n${TABLE_START}\nnew\n${TABLE_END}\nafter\n`);
		expect(() => withSizesTable('no markers', 'new')).toThrow(/no <!-- bench:offline sizes -->/);
	});

	it('is in the README, listing every shipped routine', () => {
		const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
		const section = readme.slice(readme.indexOf(TABLE_START), readme.indexOf(TABLE_END));
		const titles = section.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| routine') && !l.startsWith('| ---'));
		expect(titles).toHaveLength(shippedRoutineIds(ROOT).length);
	});
});
