/** Searching the thought journal: every word typed must appear somewhere in an entry. */
import type { ThoughtRecord } from '../progress/plan-records';

function fold(s: string): string {
	return s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** Newest first; an empty query finds everything. */
export function searchThoughts(records: readonly ThoughtRecord[], query: string): ThoughtRecord[] {
	const words = fold(query).split(/\s+/).filter(Boolean);
	return records
		.filter((r) => {
			const hay = fold(`${r.situation}\n${r.thought}\n${r.helpful}`);
			return words.every((w) => hay.includes(w));
		})
		.sort((a, b) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id));
}
