/** fast-check generators of valid routines, shared by compile and playback property tests. */
import fc from 'fast-check';
import { routine as routineSchema, type Routine, type RoutineInput } from '../../../src/lib/routine/schema';

const secs = fc.integer({ min: 1, max: 90 });

const exerciseArb = (id: string) =>
	fc.record({
		id: fc.constant(id),
		name: fc.constantFrom('Knee to chest', 'Cat–camel', 'Pelvic tilt', 'Child’s pose', 'Hip flexor'),
		position: fc.constantFrom('lying', 'kneeling', 'standing') as fc.Arbitrary<'lying' | 'kneeling' | 'standing'>,
		sided: fc.boolean(),
		instructions: fc.constant(['Move slowly.']).map((a) => [...a]),
		cues: fc.array(
			fc.record({ at: fc.integer({ min: 0, max: 60 }), say: fc.constant('Breathe out.'), kind: fc.constant('breathe' as const) }),
			{ maxLength: 2 }
		)
	});

const exerciseStepArb = (exerciseIds: string[]) =>
	fc
		.record({
			exercise: fc.constantFrom(...exerciseIds),
			sets: fc.integer({ min: 1, max: 3 }),
			reps: fc.integer({ min: 1, max: 4 }),
			restBetweenReps: fc.integer({ min: 0, max: 5 }),
			restBetweenSets: fc.integer({ min: 0, max: 20 }),
			restAfter: fc.integer({ min: 0, max: 20 }),
			switchRest: fc.integer({ min: 0, max: 6 }),
			firstSide: fc.constantFrom('left', 'right') as fc.Arbitrary<'left' | 'right'>,
			timing: fc.oneof(
				secs.map((hold) => ({ hold })),
				fc
					.array(fc.record({ name: fc.constantFrom('Tense', 'Release', 'Up', 'Down'), seconds: fc.integer({ min: 1, max: 40 }) }), {
						minLength: 1,
						maxLength: 3
					})
					.map((phases) => ({ phases }))
			)
		})
		.map(({ timing, ...rest }) => ({ ...rest, ...timing }));

const stepArb = (exerciseIds: string[]) =>
	fc.oneof(
		{ weight: 6, arbitrary: exerciseStepArb(exerciseIds) },
		{ weight: 1, arbitrary: fc.record({ education: fc.constant('why-move'), seconds: fc.integer({ min: 5, max: 120 }) }) },
		{ weight: 1, arbitrary: fc.record({ rest: fc.integer({ min: 1, max: 120 }) }) }
	);

/** A valid routine (already parsed, so defaults are filled in) with 1–3 levels. */
export const routineArb: fc.Arbitrary<Routine> = fc
	.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 30 }))
	.chain(([exerciseCount, countdown, halfwayFrom]) => {
		const ids = Array.from({ length: exerciseCount }, (_, i) => `ex-${i}`);
		return fc.record({
			exercises: fc.tuple(...ids.map(exerciseArb)),
			levels: fc.array(
				fc.record({
					name: fc.constant('Level'),
					countIn: fc.integer({ min: 0, max: 10 }),
					steps: fc.array(stepArb(ids), { minLength: 1, maxLength: 6 })
				}),
				{ minLength: 1, maxLength: 3 }
			),
			cues: fc.constant({ countdown, halfwayFrom })
		});
	})
	.map((parts) => routineSchema.parse(fixtureRoutine(parts)));

/** The CERT boilerplate every routine needs, with parts overridden by the caller. */
export function fixtureRoutine(parts: Partial<RoutineInput>): RoutineInput {
	return {
		id: 'fixture',
		title: 'Fixture routine',
		category: 'stretching',
		summary: 'A routine for tests.',
		suitableFor: 'Tests.',
		notSuitableFor: ['Anyone with a red flag.'],
		setting: 'home',
		delivery: { format: 'individual', supervision: 'unsupervised', how: 'App.', provider: 'Test author.' },
		frequency: { sessionsPerWeek: 3 },
		progression: { rule: 'sessions-at-level', description: 'Up after three good sessions.' },
		startingLevel: { description: 'Level 1.' },
		tailoring: 'None.',
		adherence: 'Logged.',
		motivation: 'Praise.',
		homeProgramme: 'All at home.',
		adverseEvents: 'Logged.',
		fidelity: 'Logs.',
		safety: { stopRules: ['Stop if leg symptoms spread.'] },
		references: [{ citation: 'Test 2024.' }],
		education: [{ id: 'why-move', title: 'Why movement helps', text: ['Movement feeds the discs.'] }],
		exercises: [],
		levels: [],
		...parts
	};
}
