import { describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { catalog, exercise, fourExerciseDraft, talk } from './builder-fixtures';
import { ProgrammeBuilder } from '../../../src/lib/programme/builder.svelte';
import { DraftStore, draftKey, type DraftStorage } from '../../../src/lib/programme/draft-store';

function memory(): DraftStorage & { map: Map<string, string> } {
	const map = new Map<string, string>();
	return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) };
}

describe('ProgrammeBuilder', () => {
	it('keeps the draft on the device after every edit and restores it', () => {
		const storage = memory();
		const b = new ProgrammeBuilder(new DraftStore(storage, null));
		b.setText('title', 'After work');
		b.addExercise(exercise('seated-pelvic-tilt'));
		b.addEducation(talk('hurt-not-harm'));
		b.addLevel();
		b.setDose(0, 1, 'reps', 12);
		flushSync();
		expect(storage.map.has(draftKey(null))).toBe(true);
		const again = new ProgrammeBuilder(new DraftStore(storage, null));
		expect(again.draft).toEqual(b.draft);
		expect(again.built.routine?.levels[1]?.steps[0]).toMatchObject({ exercise: 'seated-pelvic-tilt', reps: 12 });
	});

	it('prefers the device draft over the server copy, and ignores a broken one', () => {
		const storage = memory();
		storage.setItem(draftKey('abc'), '{"title": 3');
		const server = new ProgrammeBuilder(new DraftStore(memory(), 'abc')).draft;
		const b = new ProgrammeBuilder(new DraftStore(storage, 'abc'), { ...server, title: 'From the server' });
		expect(b.draft.title).toBe('From the server');
		b.setText('title', 'Typed here');
		const c = new ProgrammeBuilder(new DraftStore(storage, 'abc'), { ...server, title: 'From the server' });
		expect(c.draft.title).toBe('Typed here');
		c.saved();
		expect(storage.getItem(draftKey('abc'))).toBeNull();
	});

	it('derives problems and durations, and shows a refused edit without changing the draft', () => {
		const b = new ProgrammeBuilder(new DraftStore(memory(), null));
		expect(b.problemsAt('title')).toHaveLength(1);
		expect(b.durations).toEqual([]);
		b.setText('title', 'T');
		b.addExercise(exercise('standing-back-bend'));
		expect(b.problems).toEqual([]);
		expect(b.durations).toHaveLength(1);
		expect(b.durations[0]?.durationMs).toBeGreaterThan(0);
		const before = b.draft;
		expect(b.removeLevel(0)).toBe(false);
		expect(b.message).toMatch(/at least one level/);
		expect(b.draft).toBe(before);
		b.setDose(0, 0, 'sets', 0);
		expect(b.problemsAt('items.0.doses.0.sets')[0]?.message).toMatch(/at least 1/);
		expect(b.durations).toEqual([]);
	});

	it('leaves an exercise out of a level, hides nothing it held, and previews each level as compile() plays it', () => {
		const b = new ProgrammeBuilder(new DraftStore(memory(), null));
		b.setText('title', 'T');
		b.addExercise(exercise('seated-pelvic-tilt'));
		b.addExercise(exercise('standing-back-bend'));
		b.addLevel();
		b.setDose(1, 1, 'sets', 3);
		b.setInLevel(1, 0, false);
		expect(b.problems).toEqual([]);
		expect(b.built.routine?.levels.map((l) => l.steps.length)).toEqual([1, 2]);
		const [one, two] = b.durations;
		expect(two?.durationMs).toBeGreaterThan(one?.durationMs ?? Infinity);
		// Ticked again, level 1 has its own dose back as it was.
		b.setInLevel(1, 0, true);
		const bend = b.draft.items[1];
		expect(bend?.kind === 'exercise' && bend.doses.map((d) => d.sets)).toEqual([exercise('standing-back-bend').dose.sets, 3]);
		b.setInLevel(0, 1, false);
		b.setInLevel(1, 1, false);
		expect(b.problemsAt('levels.1')[0]?.message).toMatch(/Level 2 has no exercise/);
	});

	it('adds one exercise twice under two keys, and the preview plays it twice', () => {
		const b = new ProgrammeBuilder(new DraftStore(memory(), null));
		b.setText('title', 'T');
		expect(b.addExercise(exercise('seated-hamstring-stretch'))).toBe(true);
		b.addExercise(exercise('standing-back-bend'));
		expect(b.addExercise(exercise('seated-hamstring-stretch'))).toBe(true);
		expect(b.draft.items.map((i) => i.key)).toEqual(['e:seated-hamstring-stretch', 'e:standing-back-bend', 'e:seated-hamstring-stretch#2']);
		expect(b.problems).toEqual([]);
		expect(b.built.routine?.exercises.map((e) => e.id)).toEqual(['seated-hamstring-stretch', 'standing-back-bend']);
		expect(b.built.routine?.levels[0]?.steps.map((s) => ('exercise' in s ? s.exercise : ''))).toEqual(['seated-hamstring-stretch', 'standing-back-bend', 'seated-hamstring-stretch']);
	});

	it('with the install\'s media, reports a clip an imported exercise names and the install lacks, beside that exercise', () => {
		const b = new ProgrammeBuilder(new DraftStore(memory(), null), null, catalog());
		const d = fourExerciseDraft();
		b.replace({ ...d, items: d.items.map((x, i) => (i === 1 && x.kind === 'exercise' ? { ...x, exercise: { ...x.exercise, media: { video: 'clinic-only-clip' } } } : x)) });
		expect(b.problemsAt('items.1').map((p) => p.message)).toEqual([expect.stringContaining('no video "clinic-only-clip"')]);
		expect(b.durations).toEqual([]);
		b.remove(1);
		expect(b.problems).toEqual([]);
	});

	it('sets sides through the builder: once for every use, and which side first per level', () => {
		const b = new ProgrammeBuilder(new DraftStore(memory(), null));
		b.replace(fourExerciseDraft());
		const before = b.durations.map((x) => x.durationMs);
		b.setPerSide(1, false);
		expect(b.built.routine?.exercises.find((e) => e.id === 'seated-trunk-rotation')?.sided).toBe(false);
		expect(b.durations.every((x, l) => x.durationMs < (before[l] ?? 0))).toBe(true);
		b.setFirstSide(3, 1, 'right');
		const stretch = b.built.routine?.levels[1]?.steps.find((s) => 'exercise' in s && s.exercise === 'seated-hamstring-stretch');
		expect(stretch && 'firstSide' in stretch && stretch.firstSide).toBe('right');
	});
});
