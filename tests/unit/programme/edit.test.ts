import { describe, expect, it } from 'vitest';
import { exercise, fourExerciseDraft, library, ok, talk } from './builder-fixtures';
import {
	addEducation,
	addExercise,
	addLevel,
	addSafetyLine,
	moveItem,
	removeItem,
	removeLevel,
	setDose,
	setPhaseSeconds,
	setRule,
	setRuleSetting,
	setStartingLevel
} from '../../../src/lib/programme/edit';
import { emptyDraft } from '../../../src/lib/programme/draft';
import { LIMITS } from '../../../src/lib/programme/limits';

const ids = (d: ReturnType<typeof emptyDraft>) => d.items.map((i) => (i.kind === 'exercise' ? i.exercise.id : i.block.id));

describe('builder edits', () => {
	it('adds exercises with their dose at every level and seeds safety from their routines once', () => {
		let d = ok(addExercise(emptyDraft(), exercise('seated-pelvic-tilt')));
		const rules = d.stopRules.length;
		expect(rules).toBe(exercise('seated-pelvic-tilt').safety.stopRules.length);
		d = ok(addExercise(d, exercise('seated-trunk-rotation')));
		expect(d.stopRules.length).toBe(rules); // same routine: nothing doubled
		expect(d.category).toBe(exercise('seated-pelvic-tilt').category);
		expect(d.items).toHaveLength(2);
		const first = d.items[0];
		expect(first?.kind === 'exercise' && first.doses).toEqual([exercise('seated-pelvic-tilt').dose]);
	});

	it('refuses the same exercise twice and says why', () => {
		const d = ok(addExercise(emptyDraft(), exercise('seated-pelvic-tilt')));
		const again = addExercise(d, exercise('seated-pelvic-tilt'));
		expect(again.ok).toBe(false);
		expect(!again.ok && again.message).toMatch(/already/);
	});

	it('bounds the number of items', () => {
		let d = emptyDraft();
		for (const e of library.exercises.slice(0, LIMITS.items)) d = ok(addExercise(d, e));
		expect(d.items).toHaveLength(LIMITS.items);
		const refused = addEducation(d, talk('hurt-not-harm'));
		expect(refused.ok).toBe(false);
		expect(!refused.ok && refused.message).toContain(String(LIMITS.items));
	});

	it('removes and reorders, staying put at either end', () => {
		const d = fourExerciseDraft();
		expect(ids(d)).toEqual(['seated-pelvic-tilt', 'seated-trunk-rotation', 'standing-back-bend', 'seated-hamstring-stretch', 'hurt-not-harm']);
		expect(ids(moveItem(d, 4, -1))).toEqual(['seated-pelvic-tilt', 'seated-trunk-rotation', 'standing-back-bend', 'hurt-not-harm', 'seated-hamstring-stretch']);
		expect(moveItem(d, 0, -1)).toBe(d);
		expect(moveItem(d, 4, 1)).toBe(d);
		expect(ids(removeItem(d, 1))).toEqual(['seated-pelvic-tilt', 'standing-back-bend', 'seated-hamstring-stretch', 'hurt-not-harm']);
	});

	it('sets the dose of one level only; a new level copies the last', () => {
		let d = fourExerciseDraft();
		d = setDose(d, 1, 1, 'hold', 40);
		d = setDose(d, 1, 1, 'sets', 2);
		d = setPhaseSeconds(d, 0, 1, 0, 5);
		const twist = d.items[1];
		const tilt = d.items[0];
		if (twist?.kind !== 'exercise' || tilt?.kind !== 'exercise') throw new Error('not exercises');
		expect(twist.doses.map((x) => [x.sets, x.hold])).toEqual([[1, exercise('seated-trunk-rotation').dose.hold], [2, 40]]);
		const tempo = exercise('seated-pelvic-tilt').dose.phaseSeconds;
		expect(tilt.doses.map((x) => x.phaseSeconds)).toEqual([tempo, [5, ...tempo.slice(1)]]);
		d = ok(addLevel(d));
		const third = d.items[1];
		expect(third?.kind === 'exercise' && third.doses[2]).toEqual(twist.doses[1]);
	});

	it('keeps one to six levels and the starting level inside them', () => {
		let d = emptyDraft();
		expect(removeLevel(d, 0).ok).toBe(false);
		for (let i = 1; i < LIMITS.maxLevels; i++) d = ok(addLevel(d));
		expect(d.levels).toHaveLength(6);
		const refused = addLevel(d);
		expect(!refused.ok && refused.message).toMatch(/at most 6 levels/);
		d = setStartingLevel(d, 6);
		d = ok(removeLevel(d, 5));
		expect(d.startingLevel).toBe(5);
		d = ok(removeLevel(d, 0));
		expect(d.startingLevel).toBe(4);
	});

	it('changes the rule and its settings', () => {
		let d = setRule(emptyDraft(), 'quota');
		d = setRuleSetting(d, 'goalShare', 2);
		expect(d.progression).toMatchObject({ rule: 'quota', goalShare: 2, baselineSessions: 3 });
	});

	it('lets the clinician add a stop rule of their own', () => {
		const d = ok(addSafetyLine(fourExerciseDraft(), 'stopRules', 'Stop if your knee swells.'));
		expect(d.stopRules.at(-1)).toBe('Stop if your knee swells.');
	});
});
