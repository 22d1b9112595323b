import { describe, expect, it } from 'vitest';
import { JOIN_CODE_ALPHABET, positionAt, type LiveState } from '$lib/classroom/protocol';

const base: LiveState = {
	lessonId: 'l1',
	code: 'ACDEFG',
	routineId: 'back-school-lesson-1',
	level: 1,
	status: 'playing',
	positionMs: 10_000,
	anchorServerMs: 1_000_000,
	seq: 3
};

describe('positionAt', () => {
	it('runs on from the anchor while playing', () => {
		expect(positionAt(base, 1_002_500)).toBe(12_500);
	});
	it('holds before the anchor instant only as far back as zero', () => {
		expect(positionAt(base, 999_000)).toBe(9_000);
		expect(positionAt({ ...base, positionMs: 100 }, 999_000)).toBe(0);
	});
	it.each(['paused', 'waiting', 'ended'] as const)('is frozen when %s', (status) => {
		expect(positionAt({ ...base, status }, 1_009_000)).toBe(10_000);
	});
});

describe('join code alphabet', () => {
	it('has no characters that are easily confused', () => {
		for (const c of '0O1IL2Z5S8B') expect(JOIN_CODE_ALPHABET).not.toContain(c);
		expect(new Set(JOIN_CODE_ALPHABET).size).toBe(JOIN_CODE_ALPHABET.length);
	});
});
