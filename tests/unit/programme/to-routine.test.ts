import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { exercise, fourExerciseDraft, ok } from './builder-fixtures';
import { ROOT, shippedCatalog, shippedRoutines } from '../content/shipped';
import { buildProgramme } from '../../../src/lib/programme/to-routine';
import { levelDurations } from '../../../src/lib/programme/preview';
import { draftFromRoutine } from '../../../src/lib/programme/from-routine';
import { addExercise, addLevel, setDose, setExerciseText, setFirstSide, setInLevel, setPerSide, setRule, setRuleSetting, setText } from '../../../src/lib/programme/edit';
import { problemPlace } from '../../../src/lib/programme/problem-place';
import { readRoutineYaml, routineYaml } from '../../../src/lib/programme/yaml-file';
import type { ExerciseStep, Routine } from '../../../src/lib/routine/schema';
import { emptyDraft } from '../../../src/lib/programme/draft';
import { compile } from '../../../src/lib/routine/compile';
import { checkContent } from '../../../src/lib/routine/content-set';

describe('buildProgramme', () => {
	it('makes a routine document the schema and compile() accept, one step per item per level', () => {
		const built = buildProgramme(fourExerciseDraft());
		expect(built.problems).toEqual([]);
		const routine = built.routine;
		if (!routine) throw new Error('no routine');
		expect(routine.levels).toHaveLength(2);
		expect(routine.levels[0]?.steps.map((s) => ('exercise' in s ? s.exercise : 'education' in s ? s.education : 'rest'))).toEqual([
			'seated-pelvic-tilt',
			'seated-trunk-rotation',
			'standing-back-bend',
			'seated-hamstring-stretch',
			'hurt-not-harm'
		]);
		expect(routine.exercises.map((e) => e.id)).toHaveLength(4);
		expect(routine.education.map((b) => b.id)).toEqual(['hurt-not-harm']);
		expect(routine.safety.stopRules.length).toBeGreaterThan(0);
		expect(routine.startingLevel.level).toBe(1);
	});

	it('previews the durations compile() plays, and a longer hold lengthens only its level', () => {
		const draft = fourExerciseDraft();
		const before = buildProgramme(draft).routine;
		if (!before) throw new Error('no routine');
		const [one, two] = levelDurations(before);
		expect(one?.durationMs).toBe(compile(before, 1).durationMs);
		expect(two?.durationMs).toBe(one?.durationMs);
		// The trunk rotation is one-sided: 20 s more a hold is 40 s more a set.
		const hold = exercise('seated-trunk-rotation').dose.hold ?? 0;
		const after = buildProgramme(setDose(draft, 1, 1, 'hold', hold + 20)).routine;
		if (!after) throw new Error('no routine');
		const [a1, a2] = levelDurations(after);
		expect(a1?.durationMs).toBe(one?.durationMs);
		expect((a2?.durationMs ?? 0) - (two?.durationMs ?? 0)).toBe(40_000);
	});

	it('writes each rule with its settings', () => {
		const quota = buildProgramme(setRuleSetting(setRule(fourExerciseDraft(), 'quota'), 'goalShare', 2)).routine;
		expect(quota?.progression).toMatchObject({ rule: 'quota', goalShare: 2, baselineSessions: 3 });
		expect(quota?.progression.description).toContain('200%');
		const stages = buildProgramme(setRuleSetting(setRule(fourExerciseDraft(), 'stages'), 'sessions', 4)).routine;
		expect(stages?.progression).toEqual({ rule: 'stages', sessions: 4, description: expect.stringContaining('4 sessions') });
	});

	it('places each problem at the draft field it belongs to', () => {
		let d = setText(fourExerciseDraft(), 'title', '');
		d = setDose(d, 1, 1, 'hold', 0);
		d = setDose(d, 0, 0, 'reps', 2.5);
		d = setExerciseText(d, 2, 'note', 'x'.repeat(201));
		const built = buildProgramme(d);
		expect(built.routine).toBeNull();
		const fields = built.problems.map((p) => p.field);
		expect(fields).toContain('title');
		expect(fields).toContain('items.1.doses.1.hold');
		expect(fields).toContain('items.0.doses.0.reps');
		expect(fields).toContain('items.2.note');
		expect(built.problems.filter((p) => p.field === 'items.1.doses.1.hold').map((p) => p.message)).toEqual(['must be at least 1 s']);
		expect(built.problems.find((p) => p.field === 'items.0.doses.0.reps')?.message).toMatch(/whole number/);
		expect(built.problems.find((p) => p.field === 'items.2.note')?.message).toMatch(/at most 200 characters/);
	});

	it('asks for an exercise and a stop rule in an empty programme', () => {
		const built = buildProgramme(setText(emptyDraft(), 'title', 'Empty'));
		expect(built.problems.map((p) => p.field)).toEqual(expect.arrayContaining(['items', 'stopRules']));
	});

	it('refuses a starting level past the last level', () => {
		const d = { ...fourExerciseDraft(), startingLevel: 3 };
		expect(buildProgramme(d).problems.map((p) => p.field)).toContain('startingLevel');
	});
});

describe('routine YAML', () => {
	it('exports a file the content check accepts against the shipped media catalogue', () => {
		const routine = buildProgramme(fourExerciseDraft(), 'programme-back-care').routine;
		if (!routine) throw new Error('no routine');
		const files = [
			{ file: 'content/routines/programme-back-care.yaml', text: routineYaml(routine, routine.title) },
			{ file: 'content/media.yaml', text: readFileSync(`${ROOT}src/content/media.yaml`, 'utf8') }
		];
		expect(checkContent(files, () => true).problems).toEqual([]);
	});

	it('imports an exported programme back into the same draft', () => {
		let d = ok(addLevel(fourExerciseDraft()));
		d = setDose(d, 3, 2, 'sets', 3);
		d = setExerciseText(d, 0, 'note', 'Slowly.');
		d = setText(d, 'note', 'Twice a day after work.');
		const routine = buildProgramme(d).routine;
		if (!routine) throw new Error('no routine');
		const back = draftFromRoutine(routine);
		if (!back.ok) throw new Error(back.message);
		expect(buildProgramme(back.draft).document).toEqual(buildProgramme(d).document);
		expect(back.notKept).toEqual([]);
	});

	it('imports a file whose levels list different exercises, each level playing as before', () => {
		const two = ok(addExercise(ok(addLevel(ok(addExercise(emptyDraft(), exercise('seated-pelvic-tilt'))))), exercise('standing-back-bend')));
		const routine = buildProgramme(setText(two, 'title', 'T')).routine;
		if (!routine) throw new Error('no routine');
		const [l1, l2] = routine.levels;
		if (!l1 || !l2) throw new Error('two levels');
		// Level 1 drops the back-bend; level 2 plays it first and then the tilt twice.
		const [tilt, bend] = l2.steps;
		if (!tilt || !bend) throw new Error('two steps');
		const changed: Routine = { ...routine, levels: [{ ...l1, steps: [tilt] }, { ...l2, name: 'Harder', steps: [bend, tilt, { ...tilt, sets: 2 }] }] };
		const result = draftFromRoutine(changed);
		if (!result.ok) throw new Error(result.message);
		expect(result.draft.items.map((i) => [i.key, i.levels])).toEqual([
			['e:standing-back-bend', [false, true]],
			['e:seated-pelvic-tilt', [true, true]],
			['e:seated-pelvic-tilt#2', [false, true]]
		]);
		const again = buildProgramme(result.draft).routine;
		if (!again) throw new Error('no routine');
		expect(again.levels.map((l) => l.steps)).toEqual(changed.levels.map((l) => l.steps));
		expect(levelDurations(again).map((d) => d.durationMs)).toEqual([1, 2].map((l) => compile(changed, l).durationMs));
	});

	it('refuses what the builder cannot hold, naming the level', () => {
		const routine = buildProgramme(fourExerciseDraft()).routine;
		if (!routine) throw new Error('no routine');
		const [l1, l2] = routine.levels;
		if (!l1 || !l2) throw new Error('two levels');
		const rest = { rest: 30, title: 'Rest' };
		const withRest = draftFromRoutine({ ...routine, levels: [l1, { ...l2, name: 'Harder', steps: [...l2.steps, rest] }] });
		expect(!withRest.ok && withRest.message).toMatch(/^Level 2 \("Harder"\) has a free rest as step 6/);
		const unknown = draftFromRoutine({ ...routine, levels: [{ ...l1, steps: [{ ...(l1.steps[0] as ExerciseStep), exercise: 'nowhere' }] }] });
		expect(!unknown.ok && unknown.message).toMatch(/^Level 1 \("Level 1"\) step 1 names exercise "nowhere"/);
		// Levels that share nothing line up one after the other, past the builder's bound.
		const many = Array.from({ length: 6 }, (_, l) => ({ ...l1, name: `L${l}`, steps: Array.from({ length: 6 }, (_, s) => ({ ...(l1.steps[0] as ExerciseStep), sets: l + 1, note: `n${l}-${s}` })) }));
		const tooMany = draftFromRoutine({ ...routine, levels: many });
		expect(!tooMany.ok && tooMany.message).toMatch(/at most 30 .* level 6 \("L5"\)/);
	});

	it('imports every shipped routine without free rests, and each level then plays for as long as the original', () => {
		const catalog = shippedCatalog();
		let imported = 0;
		for (const original of shippedRoutines()) {
			const result = draftFromRoutine(original);
			const hasRest = original.levels.some((l) => l.steps.some((s) => 'rest' in s));
			if (hasRest) {
				expect(!result.ok && result.message).toMatch(/free rest/);
				continue;
			}
			if (!result.ok) throw new Error(`${original.id}: ${result.message}`);
			// A shipped routine's own wording is not the builder's, and the import says so.
			expect(result.notKept.join('; '), original.id).toContain('descriptive texts');
			const built = buildProgramme(result.draft, original.id, catalog);
			expect(built.problems, original.id).toEqual([]);
			const again = built.routine;
			if (!again) throw new Error('no routine');
			expect(again.levels.map((l) => l.steps.map(stepId)), original.id).toEqual(original.levels.map((l) => l.steps.map(stepId)));
			// The builder does not keep a level's count-in, so the lengths are compared without it.
			const played = (r: Routine, l: number) => compile(r, l).durationMs - (r.levels[l - 1]?.countIn ?? 0) * 1000;
			expect(again.levels.map((_, l) => played(again, l + 1)), original.id).toEqual(original.levels.map((_, l) => played(original, l + 1)));
			imported++;
		}
		expect(imported).toBeGreaterThan(3);
	});
});

const stepId = (s: Routine['levels'][number]['steps'][number]) => ('exercise' in s ? s.exercise : 'education' in s ? s.education : 'rest');

describe('levels, repeats and sides', () => {
	function draft() {
		// Pelvic tilt, trunk rotation (sided), back-bend, hamstring stretch (sided), a talk; two levels.
		let d = fourExerciseDraft();
		d = ok(addExercise(d, exercise('seated-hamstring-stretch'))); // again at the end
		d = setInLevel(d, 2, 0, false); // the back-bend only at level 2
		return d;
	}

	it('plays each level\'s own items, a repeated exercise twice, and previews what compile() plays', () => {
		const routine = buildProgramme(draft()).routine;
		if (!routine) throw new Error('no routine');
		expect(routine.levels.map((l) => l.steps.map(stepId))).toEqual([
			['seated-pelvic-tilt', 'seated-trunk-rotation', 'seated-hamstring-stretch', 'hurt-not-harm', 'seated-hamstring-stretch'],
			['seated-pelvic-tilt', 'seated-trunk-rotation', 'standing-back-bend', 'seated-hamstring-stretch', 'hurt-not-harm', 'seated-hamstring-stretch']
		]);
		expect(routine.exercises.map((e) => e.id)).toEqual(['seated-pelvic-tilt', 'seated-trunk-rotation', 'standing-back-bend', 'seated-hamstring-stretch']);
		const [one, two] = levelDurations(routine);
		const t1 = compile(routine, 1);
		const t2 = compile(routine, 2);
		expect([one?.durationMs, two?.durationMs]).toEqual([t1.durationMs, t2.durationMs]);
		expect(t1.steps.filter((s) => s.exerciseId === 'seated-hamstring-stretch')).toHaveLength(2);
		expect(t1.steps.some((s) => s.exerciseId === 'standing-back-bend')).toBe(false);
		// Level 2 is level 1 plus the back-bend's own segments (with the same dose at both levels).
		const bend = t2.steps.filter((s) => s.exerciseId === 'standing-back-bend').reduce((sum, s) => sum + s.endMs - s.startMs, 0);
		expect(bend).toBeGreaterThan(0);
		expect(t2.durationMs - t1.durationMs).toBe(bend);
	});

	it('plays a sided exercise once when its sides are off, and the right side first when asked', () => {
		const base = buildProgramme(draft()).routine;
		let d = setPerSide(draft(), 1, false);
		d = setFirstSide(d, 3, 1, 'right');
		const routine = buildProgramme(d).routine;
		if (!base || !routine) throw new Error('no routine');
		expect(routine.exercises.find((e) => e.id === 'seated-trunk-rotation')?.sided).toBe(false);
		const rotation = (r: Routine, l: number) => compile(r, l).segments.filter((s) => s.exerciseId === 'seated-trunk-rotation');
		expect(rotation(routine, 1).every((s) => s.side === null)).toBe(true);
		expect(rotation(base, 1).some((s) => s.side === 'right')).toBe(true);
		expect(compile(routine, 1).durationMs).toBeLessThan(compile(base, 1).durationMs);
		const stretch = compile(routine, 2).segments.find((s) => s.exerciseId === 'seated-hamstring-stretch' && s.side !== null);
		expect(stretch?.side).toBe('right');
		// Saved once and opened again, the rotation can still be put back on both sides.
		const back = draftFromRoutine(routine, new Set(['seated-trunk-rotation', 'seated-hamstring-stretch']));
		if (!back.ok) throw new Error(back.message);
		const rot = back.draft.items[1];
		expect(rot?.kind === 'exercise' && [rot.exercise.sided, rot.perSide]).toEqual([true, false]);
		expect(buildProgramme(back.draft).document).toEqual(buildProgramme(d).document);
	});

	it('traces a problem to its item when an earlier item is left out of that level', () => {
		// At level 2 the trunk rotation (item 1) is step 0, the pelvic tilt being left out.
		let d = setInLevel(fourExerciseDraft(), 0, 1, false);
		d = setDose(d, 1, 1, 'hold', 0);
		const fields = buildProgramme(d).problems.map((p) => p.field);
		expect(fields).toEqual(['items.1.doses.1.hold']);
	});

	it('asks for a level for an item in none, and an exercise in every level', () => {
		let d = setInLevel(setInLevel(fourExerciseDraft(), 4, 0, false), 4, 1, false);
		expect(buildProgramme(d).problems.map((p) => p.field)).toEqual(['items.4.levels']);
		d = fourExerciseDraft();
		for (const i of [0, 1, 2, 3]) d = setInLevel(d, i, 1, false);
		const problems = buildProgramme(d).problems;
		expect(problems.map((p) => p.field)).toEqual(['levels.1']);
		expect(problems[0]?.message).toContain('Level 2 has no exercise');
	});

	it('exports and imports levels, repeats and sides through YAML into the same document', () => {
		const d = setPerSide(draft(), 3, false);
		const routine = buildProgramme(d, 'programme-x').routine;
		if (!routine) throw new Error('no routine');
		const read = readRoutineYaml('programme-x.yaml', routineYaml(routine, routine.title));
		if (!read.value) throw new Error(JSON.stringify(read.problems));
		const back = draftFromRoutine(read.value, new Set(['seated-hamstring-stretch', 'seated-trunk-rotation']));
		if (!back.ok) throw new Error(back.message);
		expect(back.draft.items.map((i) => [i.key, i.levels])).toEqual(d.items.map((i) => [i.key, i.levels]));
		expect(buildProgramme(back.draft, 'programme-x').document).toEqual(buildProgramme(d, 'programme-x').document);
	});
});

describe('media this install lacks', () => {
	it('is a problem beside the exercise that names it, and in the preview, before any save', () => {
		const catalog = shippedCatalog();
		const d = fourExerciseDraft();
		expect(buildProgramme(d, undefined, catalog).problems).toEqual([]);
		const item = d.items[2];
		if (item?.kind !== 'exercise') throw new Error('an exercise');
		const lacking = { ...d, items: d.items.map((x, i) => (i === 2 && x.kind === 'exercise' ? { ...x, exercise: { ...x.exercise, media: { video: 'clinic-only-clip' } } } : x)) };
		const built = buildProgramme(lacking, undefined, catalog);
		expect(built.routine).toBeNull();
		expect(built.problems).toEqual([{ field: 'items.2', message: expect.stringContaining('no video "clinic-only-clip" in the media catalogue') }]);
		expect(problemPlace('items.2', lacking)).toBe(`3. ${item.exercise.name}`);
		// Without a catalogue (the pure build), media is not judged.
		expect(buildProgramme(lacking).problems).toEqual([]);
	});
});

describe('import of a programme saved without a note', () => {
	it('keeps the note empty, so the written summary keeps following the programme', () => {
		const routine = buildProgramme(fourExerciseDraft()).routine;
		if (!routine) throw new Error('no routine');
		const back = draftFromRoutine(routine);
		expect(back.ok && back.draft.note).toBe('');
		expect(back.ok && back.draft.progression.description).toBe('');
		if (back.ok) expect(buildProgramme(back.draft).document).toEqual(buildProgramme(fourExerciseDraft()).document);
	});
});
