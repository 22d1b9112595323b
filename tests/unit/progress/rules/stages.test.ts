import { describe, expect, it } from 'vitest';
import { stages } from '../../../../src/lib/progress/rules/stages';
import { history, type SessionSpec } from '../fixtures';

const params = { rule: 'stages' as const, sessions: 2, description: 'x' };
const full: SessionSpec = { relaxed: 'fully' };
const partly: SessionSpec = { relaxed: 'partly' };
const none: SessionSpec = { relaxed: 'not-really' };
const at = (level: number, s: SessionSpec): SessionSpec => ({ ...s, level });

describe('stages', () => {
	it.each([
		{ name: 'no sessions: first stage', specs: [], level: 1, change: 'start' },
		{ name: '1 of 2 fully relaxed: stay', specs: [full], level: 1, change: 'stay' },
		{ name: '2 fully relaxed: next stage', specs: [full, full], level: 2, change: 'up' },
		{ name: 'partly relaxed does not count', specs: [full, partly], level: 1, change: 'stay' },
		{ name: 'not in a row is fine: 2 fully among others', specs: [full, partly, full], level: 2, change: 'up' },
		{ name: 'skipped check-in does not count', specs: [full, { after: 'skip' }], level: 1, change: 'stay' },
		{ name: 'blank relaxation answer does not count', specs: [full, { relaxed: null }], level: 1, change: 'stay' },
		{ name: 'stopped early does not count', specs: [full, { ...full, outcome: 'stopped' }], level: 1, change: 'stay' },
		{ name: 'twice not relaxed at stage 3: back to 2', specs: [at(3, none), at(3, none)], level: 2, change: 'down' },
		{ name: 'twice not relaxed at stage 1: stay', specs: [none, none], level: 1, change: 'stay' },
		{ name: 'a skipped answer does not break a poor run', specs: [at(2, none), at(2, { after: 'skip' }), at(2, none)], level: 1, change: 'down' },
		{ name: 'last stage: stay there', specs: [at(3, full), at(3, full)], level: 3, change: 'top' },
		{ name: 'pain does not move a stage', specs: [{ ...full, before: 2, after: 7 }, full], level: 2, change: 'up' }
	])('$name', ({ specs, level, change }) => {
		const r = stages(params, history(specs as SessionSpec[]));
		expect({ level: r.level, change: r.change }).toEqual({ level, change });
	});

	it('names the stages in its reason', () => {
		expect(stages(params, history([full, full])).reason).toBe(
			'2 of 2 sessions at stage 1 (L1) ended fully relaxed: move on to stage 2 (L2).'
		);
	});
});
