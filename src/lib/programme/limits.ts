/**
 * How big a programme may be. A programme is published under the clinic's address, so every
 * list and text has a bound, each with a message a clinician can act on.
 */
export const LIMITS = {
	items: 30,
	minLevels: 1,
	maxLevels: 6,
	title: 120,
	/** The note for the whole programme (its summary on the patient's page). */
	programmeNote: 2000,
	/** A note for one exercise, shown under it in the player (the routine format's short text). */
	exerciseNote: 200,
	levelName: 80,
	safetyLine: 1000,
	safetyLines: 20,
	provider: 300
} as const;
