/** What the builder's preview shows about a built programme: each level's length from the player's own compile(). */
import { compile } from '../routine/compile';
import type { Routine } from '../routine/schema';

export interface LevelPreview {
	readonly level: number;
	readonly name: string;
	readonly durationMs: number;
}

export function levelDurations(routine: Routine): LevelPreview[] {
	return routine.levels.map((l, i) => ({ level: i + 1, name: l.name, durationMs: compile(routine, i + 1).durationMs }));
}
