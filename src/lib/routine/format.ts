/**
 * How times read on screen. Kept free of imports so the player bundle does not pull in
 * the schema library just to print "4:05".
 */

/** "12 min", or "45 s" under a minute; rounded to what a person plans with. */
export function formatDuration(ms: number): string {
	const s = Math.round(ms / 1000);
	if (s < 60) return `${s} s`;
	return `${Math.round(s / 60)} min`;
}

/**
 * "4:05". Countdowns round up, so "0:00" appears only at the very end; elapsed time
 * rounds down, so "0:01" appears after a whole second.
 */
export function formatClock(ms: number, round: 'up' | 'down' = 'up'): string {
	const total = Math.max(0, round === 'up' ? Math.ceil(ms / 1000) : Math.floor(ms / 1000));
	const m = Math.floor(total / 60);
	const s = total % 60;
	return `${m}:${String(s).padStart(2, '0')}`;
}

/** "About 3 sessions a week for 8 weeks." */
export function frequencyText(frequency: { readonly sessionsPerWeek: number; readonly weeks?: number | undefined }): string {
	const n = frequency.sessionsPerWeek;
	const plural = (k: number, noun: string): string => `${k} ${noun}${k === 1 ? '' : 's'}`;
	const rate = n < 1 ? `1 session every ${plural(Math.round(1 / n), 'week')}` : `${plural(n, 'session')} a week`;
	return `About ${rate}${frequency.weeks ? ` for ${plural(frequency.weeks, 'week')}` : ''}.`;
}
