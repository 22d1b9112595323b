/** The anonymous after-lesson check-in a participant sends (body: CheckInRequest). */
export function checkinUrl(code: string): string {
	return `/api/live/${encodeURIComponent(code)}/checkin`;
}
