import { describe, expect, it } from 'vitest';
import { findRoutine } from '$lib/server/content';
import { routineMedia } from '$lib/server/offline-media';

describe('routineMedia', () => {
	const shipped = findRoutine('desk-break')!;

	it("names a programme's share id, and a routine's none", () => {
		expect(routineMedia(shipped).shareId).toBeUndefined();
		const copy = structuredClone(shipped);
		expect(routineMedia(copy, 'AbCdEfGhIjKlMnOpQrStUv').shareId).toBe('AbCdEfGhIjKlMnOpQrStUv');
	});

	it('keeps each level’s version for the same routine, and changes every level’s for a new version of it', () => {
		const same = routineMedia(structuredClone(shipped));
		expect(same.levels.map((l) => l.version)).toEqual(routineMedia(shipped).levels.map((l) => l.version));
		// A new programme version that changes only words (no media): the saved pages are out of date.
		const edited = { ...structuredClone(shipped), summary: `${shipped.summary} Twice a day.` };
		const next = routineMedia(edited);
		for (const [i, level] of next.levels.entries()) {
			expect(level.items).toEqual(same.levels[i]?.items);
			expect(level.version).not.toBe(same.levels[i]?.version);
		}
	});
});
