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
	setFirstSide,
	setInLevel,
	setPerSide,
	setPhaseSeconds,
	setRule,
	setRuleSetting,
	setStartingLevel
} from '../../../src/lib/programme/edit';
import { emptyDraft, readDraft } from '../../../src/lib/programme/draft';
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

	it('adds the same exercise (or talk) again under its own key, sharing the programme\'s copy and sidedness', () => {
		let d = ok(addExercise(emptyDraft(), exercise('seated-trunk-rotation')));
		d = setPerSide(d, 0, false);
		d = ok(addExercise(d, exercise('seated-trunk-rotation')));
		d = ok(addExercise(d, exercise('seated-trunk-rotation')));
		d = ok(addEducation(ok(addEducation(d, talk('hurt-not-harm'))), talk('hurt-not-harm')));
		expect(d.items.map((i) => i.key)).toEqual(['e:seated-trunk-rotation', 'e:seated-trunk-rotation#2', 'e:seated-trunk-rotation#3', 't:hurt-not-harm', 't:hurt-not-harm#2']);
		expect(d.items.map((i) => i.kind === 'exercise' && i.perSide)).toEqual([false, false, false, false, false]);
		// A removed use frees its key for the next one, and the keys stay unique.
		d = ok(addExercise(removeItem(d, 1), exercise('seated-trunk-rotation')));
		expect(new Set(d.items.map((i) => i.key)).size).toBe(d.items.length);
	});

	it('switches sides for every use of an exercise, and only where the exercise has sides', () => {
		let d = ok(addExercise(ok(addExercise(emptyDraft(), exercise('seated-trunk-rotation'))), exercise('seated-pelvic-tilt')));
		d = ok(addExercise(d, exercise('seated-trunk-rotation')));
		expect(exercise('seated-trunk-rotation').exercise.sided).toBe(true);
		expect(exercise('seated-pelvic-tilt').exercise.sided).toBe(false);
		const once = setPerSide(d, 2, false);
		expect(once.items.map((i) => i.kind === 'exercise' && i.perSide)).toEqual([false, true, false]);
		expect(setPerSide(d, 1, false)).toBe(d);
		const right = setFirstSide(d, 0, 0, 'right');
		const first = right.items[0];
		expect(first?.kind === 'exercise' && first.doses[0]?.firstSide).toBe('right');
	});

	it('leaves an item out of a level and keeps its dose there; new levels copy the last level\'s items', () => {
		let d = fourExerciseDraft();
		d = setDose(d, 2, 0, 'sets', 3);
		d = setInLevel(d, 2, 0, false);
		expect(d.items[2]?.levels).toEqual([false, true]);
		const bend = d.items[2];
		expect(bend?.kind === 'exercise' && bend.doses[0]?.sets).toBe(3);
		d = setInLevel(d, 4, 1, false);
		d = ok(addLevel(d));
		expect(d.items[2]?.levels).toEqual([false, true, true]);
		expect(d.items[4]?.levels).toEqual([true, false, false]);
		d = ok(removeLevel(d, 0));
		expect(d.items[2]?.levels).toEqual([true, true]);
		expect(d.items[4]?.levels).toEqual([false, false]);
		expect(setInLevel(d, 0, 5, false)).toBe(d);
	});

	it('restores a draft kept by an older page (no keys, no levels per item) with unique keys and every item in every level', () => {
		const d = ok(addExercise(fourExerciseDraft(), exercise('seated-pelvic-tilt')));
		const old = { ...d, items: d.items.map((item) => {
			const { key: _key, levels: _levels, ...rest } = item;
			if (rest.kind !== 'exercise') return rest;
			const { perSide: _perSide, ...noSide } = rest;
			return { ...noSide, doses: noSide.doses.map(({ firstSide: _f, ...dose }) => dose) };
		}) };
		const back = readDraft(JSON.stringify(old));
		expect(back?.items.map((i) => i.key)).toEqual([...d.items.map((i) => i.key)]);
		expect(back?.items.every((i) => i.levels.length === 2 && i.levels.every(Boolean))).toBe(true);
		expect(back?.items.map((i) => i.kind === 'exercise' && i.doses[0]?.firstSide)).toEqual(['left', 'left', 'left', 'left', false, 'left']);
		// Two items claiming one key are told apart again.
		const clash = readDraft(JSON.stringify({ ...d, items: d.items.map((i) => ({ ...i, key: 'same' })) }));
		expect(new Set(clash?.items.map((i) => i.key)).size).toBe(d.items.length);
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
