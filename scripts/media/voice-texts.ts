/**
 * The words Limber speaks: every cue text of every level of every shipped routine, found
 * by compiling the levels with the app's own compile(), so the voice files follow the
 * cues the player will actually schedule. Countdown cues ("3", "2", "1") are beeps, not
 * speech, and are left out.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { compile } from '../../src/lib/routine/compile';
import { routine, type Routine } from '../../src/lib/routine/schema';
import type { VoiceStyle } from './voice-engines';

/** Every routine file in a folder, parsed and validated (defaults filled), by file name. */
export function loadRoutines(dir: string): Routine[] {
	return readdirSync(dir)
		.filter((f) => f.endsWith('.yaml'))
		.sort()
		.map((f) => {
			const result = routine.safeParse(parse(readFileSync(join(dir, f), 'utf8')));
			if (!result.success) throw new Error(`${f}: not a valid routine (run npm run validate): ${result.error.message}`);
			return result.data;
		});
}

/** Distinct spoken cue texts across all levels of the routines, sorted by code point. */
export function spokenTexts(routines: readonly Routine[]): string[] {
	const texts = new Set<string>();
	for (const r of routines) {
		for (let level = 1; level <= r.levels.length; level++) {
			for (const cue of compile(r, level).cues) {
				if (cue.kind !== 'countdown') texts.add(cue.text);
			}
		}
	}
	return [...texts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** A routine whose voice is the session: said calmly rather than crisply. */
export function isCalmRoutine(r: Routine): boolean {
	return r.category === 'relaxation' || r.audioFirst;
}

/**
 * How each spoken text is said: calm where any relaxation (or audio-first) routine says it,
 * crisp everywhere else. One style per text, since one file serves every routine that says it.
 */
export function textStyles(routines: readonly Routine[]): Map<string, VoiceStyle> {
	const styles = new Map<string, VoiceStyle>();
	for (const r of routines) {
		const style: VoiceStyle = isCalmRoutine(r) ? 'calm' : 'crisp';
		for (const t of spokenTexts([r])) if (styles.get(t) !== 'calm') styles.set(t, style);
	}
	return styles;
}
