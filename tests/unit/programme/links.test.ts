import { describe, expect, it } from 'vitest';
import { playPath, routinePath, shareIdOf } from '../../../src/lib/programme/links';
import { newShareId, routineIdFor } from '../../../src/lib/server/programmes/share-id';

describe('routine links', () => {
	it('finds a programme share link from its routine id, and leaves shipped routines alone', () => {
		for (let i = 0; i < 50; i++) {
			const share = newShareId();
			expect(shareIdOf(routineIdFor(share))).toBe(share);
		}
		const share = newShareId();
		expect(routinePath(routineIdFor(share))).toBe(`/p/${share}`);
		expect(playPath(routineIdFor(share), 2)).toBe(`/p/${share}/play?level=2`);
		expect(routinePath('desk-break')).toBe('/routines/desk-break');
		expect(playPath('desk-break', 1)).toBe('/play/desk-break?level=1');
		expect(shareIdOf('programme-draft')).toBeNull();
	});
});
