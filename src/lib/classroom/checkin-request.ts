/** The anonymous after-lesson check-in a participant sends. */
export const EFFORTS = ['too-easy', 'about-right', 'too-hard'] as const;
export type Effort = (typeof EFFORTS)[number];

export function checkinUrl(code: string): string {
	return `/api/live/${encodeURIComponent(code)}/checkin`;
}
