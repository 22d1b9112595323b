/**
 * Every spoken cue has its recording: if a routine's wording changes, this fails until
 * the voice files are made again.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile } from '../../../src/lib/routine/compile';
import { MEDIA, REGENERATE, shippedRoutines } from './shipped';

interface Entry {
	readonly files: readonly string[];
	readonly durationMs: number;
}

function readManifest(): { version: unknown; voices: Record<string, Entry> } {
	const file = `${MEDIA}voice/manifest.json`;
	if (!existsSync(file)) throw new Error(`static/media/voice/manifest.json is missing; ${REGENERATE}`);
	return JSON.parse(readFileSync(file, 'utf8')) as { version: unknown; voices: Record<string, Entry> };
}

const manifest = readManifest();
const routines = shippedRoutines();

describe('voice manifest', () => {
	it('is version 1 with keys in code-point order', () => {
		expect(manifest.version).toBe(1);
		const keys = Object.keys(manifest.voices);
		expect(keys.length).toBeGreaterThan(0);
		// Read the raw text: JSON.parse would reorder number-like keys.
		const raw = readFileSync(`${MEDIA}voice/manifest.json`, 'utf8');
		const order = [...raw.matchAll(/^\t\t("(?:[^"\\]|\\.)*"): /gm)].map((m) => JSON.parse(m[1] ?? '""') as string);
		expect(order).toEqual([...order].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
		expect(order.length).toBe(keys.length);
	});

	for (const r of routines) {
		it(`has speech for every spoken cue of ${r.id}, every level`, () => {
			const missing: string[] = [];
			for (let level = 1; level <= r.levels.length; level++) {
				for (const cue of compile(r, level).cues) {
					if (cue.kind === 'countdown') continue;
					if (!Object.hasOwn(manifest.voices, cue.text)) missing.push(`level ${level}: ${JSON.stringify(cue.text)}`);
				}
			}
			expect(missing, `cue texts with no voice file; ${REGENERATE}`).toEqual([]);
		});
	}

	it('lists files that exist, WebM/Opus first and M4A/AAC second, with a length', () => {
		const problems: string[] = [];
		for (const [text, entry] of Object.entries(manifest.voices)) {
			const [webm, m4a] = entry.files;
			if (entry.files.length !== 2 || !webm?.endsWith('.webm') || !m4a?.endsWith('.m4a')) problems.push(`${JSON.stringify(text)}: files should be [.webm, .m4a]`);
			for (const f of entry.files) {
				if (!existsSync(MEDIA + f) || statSync(MEDIA + f).size === 0) problems.push(`${JSON.stringify(text)}: ${f} is missing or empty`);
			}
			if (!Number.isInteger(entry.durationMs) || entry.durationMs <= 0) problems.push(`${JSON.stringify(text)}: durationMs ${entry.durationMs}`);
		}
		expect(problems, REGENERATE).toEqual([]);
	});
});
