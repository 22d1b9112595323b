/**
 * The printable handout of one routine level: every step with its picture, dosage and
 * instructions, in the order it is played.
 */
import { POSITION_LABELS } from './categories';
import { compile } from './compile';
import { frequencyText } from './format';
import { isEducationStep, isExerciseStep, type MediaCatalog, type Routine } from './schema';
import { exerciseStill } from './stills';

/** A picture on the handout: a clip's poster or a catalogue image. */
export interface HandoutPicture {
	readonly src: string;
	readonly alt: string;
}

interface HandoutStepBase {
	/** 1-based, as printed. */
	readonly number: number;
	readonly title: string;
	/** The same line as the dosage table: "2 × 30 s each side". */
	readonly dosage: string;
}

export interface HandoutExerciseStep extends HandoutStepBase {
	readonly kind: 'exercise';
	readonly position: string;
	readonly picture: HandoutPicture | null;
	/** Number of the earlier step with the same exercise, whose how-to is not repeated. */
	readonly sameAs: number | null;
	readonly instructions: readonly string[];
	readonly mistakes: readonly string[];
	readonly easier: string | null;
	readonly harder: string | null;
	readonly intensity: string | null;
	readonly note: string | null;
	/** What this exercise needs, beyond the routine's list. */
	readonly equipment: readonly string[];
}

export interface HandoutEducationStep extends HandoutStepBase {
	readonly kind: 'education';
	readonly picture: HandoutPicture | null;
	readonly sameAs: number | null;
	readonly text: readonly string[];
}

export interface HandoutRestStep extends HandoutStepBase {
	readonly kind: 'rest';
	readonly say: string | null;
}

export type HandoutStep = HandoutExerciseStep | HandoutEducationStep | HandoutRestStep;

/** Everything a printed sheet for one level shows, in the order it is played. */
export interface Handout {
	readonly routineId: string;
	readonly title: string;
	readonly level: number;
	readonly levelCount: number;
	readonly levelName: string;
	readonly levelDescription: string | null;
	readonly durationMs: number;
	readonly frequency: string;
	/** The routine's list (its exercises' items when it has none); each step names its own. */
	readonly equipment: readonly string[];
	readonly stopRules: readonly string[];
	readonly safetyNotes: readonly string[];
	readonly steps: readonly HandoutStep[];
}

/**
 * The handout for one level. Pictures are the exercise clip's poster (a still of the held
 * pose) or the exercise's image, with the exercise and its position as the text
 * alternative; `mediaBase` is where static/media is served.
 */
export function handout(routine: Routine, levelNumber: number, catalog: MediaCatalog, mediaBase = '/media/'): Handout {
	const timeline = compile(routine, levelNumber);
	const level = routine.levels[levelNumber - 1];
	if (!level) throw new RangeError(`routine ${routine.id} has no level ${levelNumber}`);
	const firstSeen = new Map<string, number>();
	const picture = (file: string | undefined, alt: string): HandoutPicture | null =>
		file ? { src: `${mediaBase}${file}`, alt } : null;

	const steps = timeline.steps.map((t, i): HandoutStep => {
		const step = level.steps[i];
		const base = { number: i + 1, title: t.title, dosage: t.dosage };
		const seenAt = (key: string): number | null => {
			const at = firstSeen.get(key) ?? null;
			if (at === null) firstSeen.set(key, i + 1);
			return at;
		};
		if (step && isExerciseStep(step)) {
			const ex = routine.exercises.find((e) => e.id === step.exercise);
			const position = ex ? POSITION_LABELS[ex.position] : '';
			const alt = `${t.title}, ${position.toLowerCase()}`;
			return {
				...base,
				kind: 'exercise',
				position,
				picture: picture((ex && exerciseStill(ex, catalog)) ?? undefined, alt),
				sameAs: seenAt(`exercise:${step.exercise}`),
				instructions: ex?.instructions ?? [],
				mistakes: ex?.mistakes ?? [],
				easier: ex?.easier ?? null,
				harder: ex?.harder ?? null,
				intensity: step.intensity ?? null,
				note: step.note ?? null,
				equipment: ex?.equipment ?? []
			};
		}
		if (step && isEducationStep(step)) {
			const block = routine.education.find((b) => b.id === step.education);
			const image = block?.image ? catalog.images[block.image] : undefined;
			return {
				...base,
				kind: 'education',
				picture: picture(image?.file, image?.alt ?? ''),
				sameAs: seenAt(`education:${step.education}`),
				text: block?.text ?? []
			};
		}
		return { ...base, kind: 'rest', say: step && 'say' in step ? (step.say ?? null) : null };
	});

	const used = new Set(level.steps.flatMap((s) => (isExerciseStep(s) ? [s.exercise] : [])));
	const levelEquipment = routine.exercises.filter((e) => used.has(e.id)).flatMap((e) => e.equipment);
	return {
		routineId: routine.id,
		title: routine.title,
		level: levelNumber,
		levelCount: routine.levels.length,
		levelName: level.name,
		levelDescription: level.description ?? null,
		durationMs: timeline.durationMs,
		frequency: frequencyText(routine.frequency),
		equipment: routine.equipment.length > 0 ? routine.equipment : [...new Set(levelEquipment)],
		stopRules: routine.safety.stopRules,
		safetyNotes: routine.safety.notes,
		steps
	};
}
