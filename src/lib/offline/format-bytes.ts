/** "12.3 MB", "840 kB", "0 B": decimal units, as storage is sold and as phones show it. */
export function formatBytes(bytes: number): string {
	if (!Number.isFinite(bytes) || bytes <= 0) return '0 B';
	if (bytes < 1000) return `${Math.round(bytes)} B`;
	if (bytes < 1e6) return `${Math.round(bytes / 1e3)} kB`;
	if (bytes < 1e9) return `${(bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0)} MB`;
	return `${(bytes / 1e9).toFixed(1)} GB`;
}

/** Whole percent, never 100 before the last byte. */
export function percentDone(done: number, total: number): number {
	if (total <= 0) return 100;
	const p = Math.floor((done / total) * 100);
	return done >= total ? 100 : Math.min(99, p);
}
