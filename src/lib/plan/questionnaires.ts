/**
 * The two questionnaires the plan offers every few weeks, word for word as published (a
 * validated questionnaire is only valid in its own wording, so these are the one place
 * Limber does not write its own), with their scoring and the terms they are used under.
 *
 * - PHQ-2 (Kroenke, Spitzer & Williams 2003): the first two items of the PHQ-9. Pfizer,
 *   which holds the copyright, lets anyone reproduce, translate, display or distribute it
 *   without permission or charge; its copyright line is shown with it. A total of 3 or
 *   more is a positive screen, which means "talk to your doctor", never a diagnosis.
 * - Roland–Morris Disability Questionnaire (Roland & Morris 1983, Spine 8:141–144): 24
 *   statements, one point each that describes the person today. Its authors' site states
 *   that it is in the public domain and may be used without permission (see README).
 */
import type { Instrument } from '../progress/plan-records';
import { addDays, type DateKey } from './calendar';

export interface InstrumentInfo {
	readonly id: Instrument;
	readonly title: string;
	readonly intro: string;
	readonly items: readonly string[];
	/** Answer labels with their scores. */
	readonly options: readonly { readonly label: string; readonly score: number }[];
	readonly maxScore: number;
	readonly source: string;
}

export const PHQ2: InstrumentInfo = {
	id: 'phq2',
	title: 'Mood (PHQ-2)',
	intro: 'Over the last 2 weeks, how often have you been bothered by any of the following problems?',
	items: ['Little interest or pleasure in doing things', 'Feeling down, depressed, or hopeless'],
	options: [
		{ label: 'Not at all', score: 0 },
		{ label: 'Several days', score: 1 },
		{ label: 'More than half the days', score: 2 },
		{ label: 'Nearly every day', score: 3 }
	],
	maxScore: 6,
	source:
		'PHQ-2: developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute.'
};

export const RMDQ: InstrumentInfo = {
	id: 'rmdq',
	title: 'Back pain and daily life (Roland–Morris)',
	intro:
		'When your back hurts, you may find it difficult to do some of the things you normally do. Tick each sentence only if you are sure it describes you today; leave it blank if it does not.',
	items: [
		'I stay at home most of the time because of my back.',
		'I change position frequently to try and get my back comfortable.',
		'I walk more slowly than usual because of my back.',
		'Because of my back I am not doing any of the jobs that I usually do around the house.',
		'Because of my back, I use a handrail to get upstairs.',
		'Because of my back, I lie down to rest more often.',
		'Because of my back, I have to hold on to something to get out of an easy chair.',
		'Because of my back, I try to get other people to do things for me.',
		'I get dressed more slowly than usual because of my back.',
		'I only stand for short periods of time because of my back.',
		'Because of my back, I try not to bend or kneel down.',
		'I find it difficult to get out of a chair because of my back.',
		'My back is painful almost all the time.',
		'I find it difficult to turn over in bed because of my back.',
		'My appetite is not very good because of my back pain.',
		'I have trouble putting on my socks (or stockings) because of the pain in my back.',
		'I only walk short distances because of my back.',
		'I sleep less well because of my back.',
		'Because of my back pain, I get dressed with help from someone else.',
		'I sit down for most of the day because of my back.',
		'I avoid heavy jobs around the house because of my back.',
		'Because of my back pain, I am more irritable and bad tempered with people than usual.',
		'Because of my back, I go upstairs more slowly than usual.',
		'I stay in bed most of the time because of my back.'
	],
	options: [
		{ label: 'Describes me today', score: 1 },
		{ label: 'Does not', score: 0 }
	],
	maxScore: 24,
	source: 'Roland–Morris Disability Questionnaire: Roland MO, Morris RW. Spine 1983;8:141–144. Public domain.'
};

export const INSTRUMENT_INFO: Readonly<Record<Instrument, InstrumentInfo>> = { phq2: PHQ2, rmdq: RMDQ };

export function score(answers: readonly number[]): number {
	return answers.reduce((a, b) => a + b, 0);
}

/** PHQ-2 at or above the threshold: a reason to talk to a doctor. Never a diagnosis. */
export function phq2Positive(total: number, threshold: number): boolean {
	return total >= threshold;
}

/**
 * Questionnaires come round every `everyWeeks` weeks of the plan, from week 1: one is due
 * when it has not been answered since the start of the current round.
 */
export function measureDue(
	answeredOn: readonly DateKey[],
	planStart: DateKey,
	weekIndex: number,
	everyWeeks: number
): { due: boolean; roundStart: DateKey } {
	const roundStart = addDays(planStart, Math.floor(weekIndex / everyWeeks) * everyWeeks * 7);
	return { due: !answeredOn.some((d) => d >= roundStart), roundStart };
}
