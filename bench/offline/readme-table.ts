/**
 * The README's table of level-1 download sizes, written by bench:offline between two
 * markers so it always lists every routine the bench measured, with the bench's bytes.
 * Sizes do not depend on the machine (times do, and stay in offline.json).
 */

export const TABLE_START = '<!-- bench:offline sizes -->';
export const TABLE_END = '<!-- /bench:offline sizes -->';

export interface SizeRow {
	readonly title: string;
	readonly files: number;
	readonly bytes: number;
	readonly safari_bytes: number;
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;

export function sizesTable(rows: readonly SizeRow[]): string {
	return [
		'| routine | files | Chromium | Safari |',
		'| --- | --- | --- | --- |',
		...rows.map((r) => `| ${r.title} | ${r.files} | ${mb(r.bytes)} | ${mb(r.safari_bytes)} |`)
	].join('\n');
}

/** `readme` with the text between the markers replaced by `table`; throws if the markers are missing. */
export function withSizesTable(readme: string, table: string): string {
	const start = readme.indexOf(TABLE_START);
	const end = readme.indexOf(TABLE_END);
	if (start < 0 || end < start) throw new Error(`README.md has no ${TABLE_START} … ${TABLE_END} section`);
	return `${readme.slice(0, start + TABLE_START.length)}\n${table}\n${readme.slice(end)}`;
}
