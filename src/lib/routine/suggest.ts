/**
 * "Did you mean …?" for misspelt field names and ids: the common authoring slip this
 * format is strict about ("hodl: 30", "knee-to-chst").
 */

/** Edit distance where swapping two neighbouring letters counts as one edit. */
function distance(a: string, b: string): number {
	const rows: number[][] = [];
	for (let i = 0; i <= a.length; i++) {
		const row: number[] = [i];
		for (let j = 1; j <= b.length; j++) {
			if (i === 0) {
				row.push(j);
				continue;
			}
			const above = rows[i - 1] ?? [];
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let d = Math.min((above[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (above[j - 1] ?? 0) + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (rows[i - 2]?.[j - 2] ?? 0) + 1);
			row.push(d);
		}
		rows.push(row);
	}
	return rows[a.length]?.[b.length] ?? 0;
}

/** The candidate the author most likely meant, if any is close enough to be a typo. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
	const lower = word.toLowerCase();
	const limit = word.length <= 4 ? 1 : word.length <= 8 ? 2 : 3;
	let best: string | undefined;
	let bestDistance = Infinity;
	for (const candidate of candidates) {
		if (candidate === word) continue;
		const d = candidate.toLowerCase() === lower ? 0 : distance(lower, candidate.toLowerCase());
		if (d <= limit && d < candidate.length && d < bestDistance) {
			best = candidate;
			bestDistance = d;
		}
	}
	return best;
}

export function didYouMean(word: string, candidates: Iterable<string>): string {
	const match = closest(word, candidates);
	return match === undefined ? '' : `; did you mean "${match}"?`;
}
