/** A plain-text table for the console: columns padded to their widest cell. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
	const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
	return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** A number for the table, or a dash when there is none. */
export function fmt(v: number | null | undefined, digits = 1): string {
	return v === null || v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(digits);
}
