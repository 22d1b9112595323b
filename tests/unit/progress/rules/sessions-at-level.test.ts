import { describe, expect, it } from 'vitest';
import { sessionsAtLevel } from '../../../../src/lib/progress/rules/sessions-at-level';
import { choice, history, type SessionSpec } from '../fixtures';

const params = { rule: 'sessions-at-level' as const, sessions: 3, painRise: 2, description: 'x' };
const ok: SessionSpec = { before: 3, after: 3, effort: 'about-right' };
const flare: SessionSpec = { before: 3, after: 5 };
const hard: SessionSpec = { before: 3, after: 3, effort: 'too-hard' };
const at = (level: number, s: SessionSpec): SessionSpec => ({ ...s, level });

describe('sessions-at-level', () => {
	it.each([
		{ name: 'no sessions: starting level', specs: [], start: 1, level: 1, change: 'start' },
		{ name: 'no sessions, routine starts at 2', specs: [], start: 2, level: 2, change: 'start' },
		{ name: '2 of 3 good: stay', specs: [ok, ok], level: 1, change: 'stay' },
		{ name: '3 of 3 good: up', specs: [ok, ok, ok], level: 2, change: 'up' },
		{ name: 'pain down counts as steady', specs: [ok, ok, { before: 5, after: 2 }], level: 2, change: 'up' },
		{ name: 'pain up by 1 still counts', specs: [ok, ok, { before: 3, after: 4 }], level: 2, change: 'up' },
		{ name: 'pain up by exactly 2 is a flare, not counted', specs: [ok, ok, flare], level: 1, change: 'stay' },
		{ name: 'too hard is not counted', specs: [ok, ok, hard], level: 1, change: 'stay' },
		{ name: 'too easy counts', specs: [ok, ok, { ...ok, effort: 'too-easy' }], level: 2, change: 'up' },
		{ name: 'effort left blank still counts when pain is known', specs: [ok, ok, { ...ok, effort: null }], level: 2, change: 'up' },
		{ name: 'skipped after-check-in does not count', specs: [ok, ok, { after: 'skip' }], level: 1, change: 'stay' },
		{ name: 'skipped before-check-in does not count', specs: [ok, ok, { before: 'skip' }], level: 1, change: 'stay' },
		{ name: 'pain after left blank does not count', specs: [ok, ok, { after: null }], level: 1, change: 'stay' },
		{ name: 'a stopped session does not count', specs: [ok, ok, { ...ok, outcome: 'stopped' }], level: 1, change: 'stay' },
		{ name: 'two flares in a row at level 2: back to 1', specs: [at(2, ok), at(2, flare), at(2, flare)], level: 1, change: 'down' },
		{ name: 'flare then too hard: back', specs: [at(2, flare), at(2, hard)], level: 1, change: 'down' },
		{ name: 'flare, good, flare: not in a row', specs: [at(2, flare), at(2, ok), at(2, flare)], level: 2, change: 'stay' },
		{ name: 'a skipped check-in between two flares does not break the run', specs: [at(2, flare), at(2, { after: 'skip' }), at(2, flare)], level: 1, change: 'down' },
		{ name: 'two flares at level 1: stay at 1', specs: [flare, flare], level: 1, change: 'stay' },
		{ name: 'top level, enough good sessions: stay at top', specs: [at(3, ok), at(3, ok), at(3, ok)], level: 3, change: 'top' },
		{ name: 'sessions at an earlier level do not count at a new one', specs: [ok, ok, ok, at(2, ok)], level: 2, change: 'stay' },
		{ name: 'flares at an earlier level do not step back again', specs: [at(2, flare), at(2, flare), at(1, ok)], level: 1, change: 'stay' }
	])('$name', ({ specs, start, level, change }) => {
		const r = sessionsAtLevel(params, history(specs as SessionSpec[], { start }));
		expect({ level: r.level, change: r.change }).toEqual({ level, change });
	});

	it('explains the count in plain words', () => {
		expect(sessionsAtLevel(params, history([at(2, ok), at(2, ok), at(2, ok)])).reason).toBe(
			'3 of 3 sessions done at level 2 with pain steady: try level 3.'
		);
		expect(sessionsAtLevel(params, history([ok, { after: 'skip' }])).reason).toBe(
			'1 of 3 sessions done at level 1 with pain steady (1 session without a pain check-in not counted): stay at level 1.'
		);
		expect(sessionsAtLevel(params, history([at(2, flare), at(2, flare)])).reason).toContain('go back to level 1');
	});

	it("respects the person's own choice: the rule counts from the level they picked", () => {
		const h = history([ok, ok], { choices: [choice(3, 1, 10)] });
		const r = sessionsAtLevel(params, h);
		expect(r.level).toBe(3);
		expect(r.reason).toMatch(/^You chose level 3 yourself\./);
	});

	it('sessions after a choice count at the chosen level', () => {
		const h = history([], { choices: [choice(2, 1, 0)] });
		const later = history([at(2, ok), at(2, ok), at(2, ok)]);
		const r = sessionsAtLevel(params, { ...later, choices: h.choices });
		expect(r).toMatchObject({ level: 3, change: 'up' });
	});

	it('a choice clamps to the levels that exist', () => {
		const r = sessionsAtLevel(params, history([], { levels: 2, choices: [choice(9, 1, 1)] }));
		expect(r.level).toBe(2);
	});
});
