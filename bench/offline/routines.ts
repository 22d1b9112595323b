/**
 * The routines the bench measures: every shipped routine, read from src/content/routines
 * (not from a page, which may not list them all), so a routine added later is measured
 * without anyone remembering to add it here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

export function shippedRoutineIds(root: string): string[] {
	const dir = path.join(root, 'src', 'content', 'routines');
	return readdirSync(dir)
		.filter((f) => f.endsWith('.yaml'))
		.sort()
		.map((f) => {
			const doc: unknown = parse(readFileSync(path.join(dir, f), 'utf8'));
			const id = typeof doc === 'object' && doc !== null && 'id' in doc ? doc.id : null;
			if (typeof id !== 'string' || !id) throw new Error(`${f} has no routine id`);
			return id;
		});
}

/** The routines in the order the home page shows them; any it does not show, after them. */
export function inHomeOrder(ids: readonly string[], onHome: readonly string[]): string[] {
	const shipped = new Set(ids);
	const shown = onHome.filter((id) => shipped.has(id));
	return [...new Set([...shown, ...ids])];
}
