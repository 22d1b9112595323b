import { describe, expect, it } from 'vitest';
import { exercise, library, shippedRoutines, talk } from './builder-fixtures';

describe('builderLibrary', () => {
	it('offers each exercise once with the dose its routine starts with', () => {
		const ids = library.exercises.map((e) => e.exercise.id);
		expect(new Set(ids).size).toBe(ids.length);
		const tilt = exercise('seated-pelvic-tilt');
		const source = shippedRoutines().find((r) => r.id === tilt.routineId);
		const step = source?.levels[0]?.steps.find((s) => 'exercise' in s && s.exercise === 'seated-pelvic-tilt');
		if (!step || !('exercise' in step) || !step.phases) throw new Error('pelvic tilt is played with phases in its routine');
		expect(tilt.dose).toMatchObject({ reps: step.reps, hold: null, phaseSeconds: step.phases.map((p) => p.seconds), restAfter: step.restAfter });
		expect(tilt.phases.map((p) => p.name)).toEqual(step.phases.map((p) => p.name));
		const twist = exercise('seated-trunk-rotation');
		expect(twist.dose).toMatchObject({ hold: 20, phaseSeconds: [], switchRest: 5 });
		expect(twist.safety.stopRules.length).toBeGreaterThan(0);
	});

	it('offers the back-school talks with their length', () => {
		const block = talk('hurt-not-harm');
		expect(block.routineId).toMatch(/^back-school-lesson-/);
		expect(block.seconds).toBeGreaterThanOrEqual(5);
	});
});
