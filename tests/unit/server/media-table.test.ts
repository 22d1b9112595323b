import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HASH_LENGTH, readMediaFiles, type HashMemo } from '../../../src/lib/server/media-table';

const hashOf = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, HASH_LENGTH);

describe('readMediaFiles', () => {
	let dir: string;
	beforeEach(() => {
		dir = mkdtempSync(path.join(tmpdir(), 'limber-media-table-'));
		mkdirSync(path.join(dir, 'video'));
		writeFileSync(path.join(dir, 'video', 'knee.webm'), 'knee clip');
		writeFileSync(path.join(dir, 'gong.webm'), 'gong');
		writeFileSync(path.join(dir, '.hidden'), 'not media');
	});
	afterEach(() => rmSync(dir, { recursive: true, force: true }));

	it('gives each file its content hash and size, by its path under the folder, dotfiles left out', () => {
		expect(readMediaFiles(dir)).toEqual({ 'gong.webm': [hashOf('gong'), 4], 'video/knee.webm': [hashOf('knee clip'), 9] });
	});

	it('hashes files bigger than one read chunk whole', () => {
		const big = 'x'.repeat((1 << 20) * 2 + 17);
		writeFileSync(path.join(dir, 'big.webm'), big);
		expect(readMediaFiles(dir)['big.webm']).toEqual([hashOf(big), big.length]);
	});

	it('is an empty table for a folder that is not there', () => {
		expect(readMediaFiles(path.join(dir, 'nowhere'))).toEqual({});
	});

	it('with a memo, reads again only a file whose size or time changed', () => {
		const memo: HashMemo = new Map();
		readMediaFiles(dir, memo);
		// Same size and time but other bytes: taken as unchanged (not read again)...
		const file = path.join(dir, 'gong.webm');
		const then = new Date('2026-01-01T00:00:00Z');
		utimesSync(file, then, then);
		readMediaFiles(dir, memo);
		writeFileSync(file, 'GONG');
		utimesSync(file, then, then);
		expect(readMediaFiles(dir, memo)['gong.webm']?.[0]).toBe(hashOf('gong'));
		// ...and a new time makes it read again.
		const later = new Date('2026-02-01T00:00:00Z');
		utimesSync(file, later, later);
		expect(readMediaFiles(dir, memo)['gong.webm']?.[0]).toBe(hashOf('GONG'));
	});
});
