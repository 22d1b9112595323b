import { describe, expect, it } from 'vitest';
import { markWithdrawn, readOpened, rememberOpened } from '../../../src/lib/programme/opened';
import type { DraftStorage } from '../../../src/lib/programme/draft-store';

function memory(): DraftStorage {
	const map = new Map<string, string>();
	return { getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) };
}
const plan = (id: string) => ({
	id,
	title: id,
	progression: { rule: 'stages' as const, sessions: 2, description: 'x' },
	startingLevel: 1,
	sessionsPerWeek: 3,
	levels: [{ level: 1, name: 'One', durationMs: 60_000 }]
});

describe('opened programmes', () => {
	it('lists the newest first, once each, and marks a withdrawn one without dropping it', () => {
		const s = memory();
		rememberOpened(s, { shareId: 'a', title: 'A', openedAt: '2026-12-01', plan: plan('programme-a') });
		rememberOpened(s, { shareId: 'b', title: 'B', openedAt: '2026-12-02', plan: plan('programme-b') });
		rememberOpened(s, { shareId: 'a', title: 'A v2', openedAt: '2026-12-03', plan: plan('programme-a') });
		expect(readOpened(s).map((o) => o.title)).toEqual(['A v2', 'B']);
		expect(markWithdrawn(s, 'b')).toBe(true);
		expect(markWithdrawn(s, 'zzz')).toBe(false);
		expect(readOpened(s).map((o) => [o.shareId, o.withdrawn])).toEqual([
			['a', false],
			['b', true]
		]);
	});

	it('reads junk as an empty list', () => {
		const s = memory();
		s.setItem('limber.programmes-opened', '{not json');
		expect(readOpened(s)).toEqual([]);
	});
});
