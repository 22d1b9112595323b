/**
 * Where a problem is, in the words of the builder's own headings, so the preview's list of
 * problems says which field to go to ("3. Cat-cow, level 2") as well as what is wrong.
 */
import type { Draft } from './draft';

const PLACES: Record<string, string> = {
	title: 'Title',
	note: 'Note for the patient',
	provider: 'Prescribed by',
	sessionsPerWeek: 'Sessions per week',
	weeks: 'Weeks',
	levels: 'Levels',
	startingLevel: 'Starting level',
	items: 'Exercises and talks',
	progression: 'Moving up',
	stopRules: 'Stop rules',
	safetyNotes: 'Safety notes',
	programme: 'The whole programme'
};

export function problemPlace(field: string, draft: Draft): string {
	const [head = '', a, b, c] = field.split('.');
	const n = a === undefined ? NaN : Number(a);
	if (head === 'items' && Number.isInteger(n)) {
		const item = draft.items[n];
		const name = item ? (item.kind === 'exercise' ? item.exercise.name : item.block.title) : 'an item';
		const level = b === 'doses' && c !== undefined ? `, level ${Number(c) + 1}` : '';
		return `${n + 1}. ${name}${level}`;
	}
	if (head === 'levels' && Number.isInteger(n)) return `Level ${n + 1}`;
	if ((head === 'stopRules' || head === 'safetyNotes') && Number.isInteger(n)) return `${PLACES[head]} ${n + 1}`;
	return PLACES[head] ?? PLACES.programme ?? '';
}
