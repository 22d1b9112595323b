/**
 * Maps a field path of the parsed data back to where it is written, so a schema issue
 * about `levels.0.steps.2.hold` lands on that `hold:` line.
 */
import { isAlias, isMap, isNode, isScalar, isSeq, type Document, type LineCounter } from 'yaml';
import type { FieldPath } from './problems';

export interface Position {
	readonly line: number;
	readonly column: number;
}

export interface Location extends Position {
	/** False when the path is absent (a missing or defaulted field): the location is then its nearest written ancestor. */
	readonly found: boolean;
}

/** Where a field is; `key` points at its name (unknown fields), `value` at what it is set to. */
export type Locate = (path: FieldPath, target?: 'key' | 'value') => Location;

/** Editors count columns in characters, not UTF-16 units, so astral characters count once. */
export function positionFinder(text: string, lines: LineCounter): (offset: number) => Position {
	return (offset) => {
		const { line } = lines.linePos(offset);
		const lineIndex = Math.max(line, 1) - 1;
		const start = lines.lineStarts[lineIndex] ?? 0;
		let column = 1;
		for (let i = start; i < offset && i < text.length; i++) {
			const c = text.charCodeAt(i);
			if (c < 0xdc00 || c > 0xdfff) column++;
		}
		return { line: lineIndex + 1, column };
	};
}

/** The name a mapping key has once converted to data (`1:` becomes "1"). */
export function keyName(key: unknown): string | undefined {
	if (!isScalar(key)) return undefined;
	return key.value === null ? '' : String(key.value);
}

function startOf(node: unknown): number | undefined {
	return isNode(node) && node.range ? node.range[0] : undefined;
}

/** `title:` with nothing after it: an empty scalar with no width. */
function isEmpty(node: unknown): boolean {
	return node === null || (isScalar(node) && !!node.range && node.range[0] === node.range[1]);
}

export function locator(doc: Document, at: (offset: number) => Position): Locate {
	return (path, target = 'value') => {
		let node: unknown = doc.contents;
		let offset = startOf(node) ?? 0;
		let keyOffset: number | undefined;
		for (const segment of path) {
			const current = isAlias(node) ? node.resolve(doc) : node;
			let next: unknown;
			let nextKey: number | undefined;
			let exists = false;
			if (isMap(current)) {
				const pair = current.items.find((p) => keyName(p.key) === String(segment));
				if (pair) {
					exists = true;
					next = pair.value;
					nextKey = startOf(pair.key);
				}
			} else if (isSeq(current) && typeof segment === 'number' && segment < current.items.length) {
				exists = true;
				next = current.items[segment];
			}
			if (!exists) return { ...at(offset), found: false };
			keyOffset = nextKey;
			// An empty value has no text of its own; its field name is where to look.
			offset = (isEmpty(next) ? keyOffset : undefined) ?? startOf(next) ?? keyOffset ?? offset;
			node = next;
		}
		const chosen = target === 'key' && keyOffset !== undefined ? keyOffset : offset;
		return { ...at(chosen), found: true };
	};
}
