import { describe, expect, it } from 'vitest';
import { downloadId, isOutdated, makeRecord, parseRecord, withdrawnRecord } from '../../../src/lib/offline/download-record';
import type { RoutineMedia } from '../../../src/lib/offline/media-list';

const list: RoutineMedia = {
	routineId: 'morning-mobility',
	title: 'Morning mobility',
	bytes: {},
	levels: [
		{ level: 1, name: 'Gentle start', version: 'v-one', items: [] },
		{ level: 2, name: 'Building up', version: 'v-two', items: [] }
	]
};
const files = [
	{ url: '/media/a.webm?v=1', bytes: 1000 },
	{ url: '/media/b.webm?v=2', bytes: 234 }
];
const at = new Date('2026-12-01T10:00:00.000Z');

describe('makeRecord', () => {
	it('records the routine, level, files, their total and the list version', () => {
		expect(makeRecord(list, 2, files, at)).toEqual({
			id: 'morning-mobility@2',
			routineId: 'morning-mobility',
			level: 2,
			title: 'Morning mobility',
			levelName: 'Building up',
			version: 'v-two',
			files,
			bytes: 1234,
			savedAt: '2026-12-01T10:00:00.000Z'
		});
	});

	it('refuses a level the list does not have', () => {
		expect(() => makeRecord(list, 3, files, at)).toThrow(/no level 3/);
	});
});

describe('parseRecord', () => {
	const good = makeRecord(list, 1, files, at);

	it('reads back what was written', () => {
		expect(parseRecord(structuredClone(good))).toEqual(good);
	});

	it.each([
		['no record', null],
		['id of another level', { ...good, id: downloadId('morning-mobility', 2) }],
		['a file outside /media/', { ...good, files: [{ url: '/api/x', bytes: 1 }] }],
		['negative size', { ...good, bytes: -1 }],
		['fractional level', { ...good, level: 1.5, id: 'morning-mobility@1.5' }],
		['a file with more fields', { ...good, files: [{ url: '/media/a.webm', bytes: 1, extra: true }] }],
		['a date that is not ISO', { ...good, savedAt: 'yesterday' }],
		['missing title', { ...good, title: undefined }]
	])('ignores %s', (_what, value) => {
		expect(parseRecord(value)).toBeNull();
	});
});

describe('isOutdated', () => {
	it('is true once the level’s media list has another version', () => {
		const rec = makeRecord(list, 1, files, at);
		expect(isOutdated(rec, list)).toBe(false);
		const changed: RoutineMedia = { ...list, levels: [{ level: 1, name: 'Gentle start', version: 'v-new', items: [] }] };
		expect(isOutdated(rec, changed)).toBe(true);
	});
});

describe('a programme download', () => {
	const programme: RoutineMedia = { ...list, routineId: 'programme-0a1b', shareId: 'AbCdEfGhIjKlMnOpQrStUv' };
	const rec = makeRecord(programme, 1, files, at);

	it('keeps the share id, and reads back with it', () => {
		expect(rec.shareId).toBe('AbCdEfGhIjKlMnOpQrStUv');
		expect(parseRecord(structuredClone(rec))).toEqual(rec);
	});

	it('withdrawn, holds no files, reads back so, and is never outdated', () => {
		const gone = withdrawnRecord(rec);
		expect(gone).toMatchObject({ withdrawn: true, files: [], bytes: 0, shareId: rec.shareId, title: rec.title });
		expect(parseRecord(structuredClone(gone))).toEqual(gone);
		expect(isOutdated(gone, { ...programme, levels: [{ ...programme.levels[0]!, version: 'new' }] })).toBe(false);
	});

	it.each([
		['a share id that is not one', { ...rec, shareId: '../x' }],
		['withdrawn without a share id', { ...makeRecord(list, 1, files, at), withdrawn: true }],
		['withdrawn as a string', { ...rec, withdrawn: 'yes' }]
	])('ignores a record with %s', (_name, value) => {
		expect(parseRecord(value)).toBeNull();
	});
});
