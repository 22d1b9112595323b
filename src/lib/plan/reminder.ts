/**
 * When the next plan-day reminder is due, for notifications shown while Limber is open
 * (the calendar file covers the rest). Pure: the page gives it the time and sets a timer.
 */
export function nextReminder(weekdays: readonly number[], time: string, now: Date): Date | null {
	if (weekdays.length === 0) return null;
	const [hh, mm] = time.split(':').map(Number) as [number, number];
	for (let i = 0; i < 8; i++) {
		const at = new Date(now.getFullYear(), now.getMonth(), now.getDate() + i, hh, mm, 0, 0);
		if (weekdays.includes(at.getDay()) && at.getTime() > now.getTime()) return at;
	}
	return null;
}
