import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { exercise, fourExerciseDraft, ok } from './builder-fixtures';
import { ROOT } from '../content/shipped';
import { buildProgramme } from '../../../src/lib/programme/to-routine';
import { levelDurations } from '../../../src/lib/programme/preview';
import { routineYaml } from '../../../src/lib/programme/yaml-file';
import { draftFromRoutine } from '../../../src/lib/programme/from-routine';
import { addExercise, addLevel, setDose, setExerciseText, setRule, setRuleSetting, setText } from '../../../src/lib/programme/edit';
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
	});

	it('refuses a routine whose levels differ, saying which', () => {
		const two = ok(addExercise(ok(addLevel(ok(addExercise(emptyDraft(), exercise('seated-pelvic-tilt'))))), exercise('standing-back-bend')));
		const routine = buildProgramme(setText(two, 'title', 'T')).routine;
		if (!routine) throw new Error('no routine');
		const changed = { ...routine, levels: [routine.levels[0], { ...routine.levels[1], name: 'Harder', steps: routine.levels[1]?.steps.slice(0, 1) ?? [] }] };
		const result = draftFromRoutine(changed as typeof routine);
		expect(!result.ok && result.message).toContain('"Harder" differs');
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
