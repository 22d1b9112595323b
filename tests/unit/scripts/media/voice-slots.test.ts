/** How long each spoken phrase may last where it is said: the recording script's "at most". */
import { describe, expect, it } from 'vitest';
import { clauses } from '../../../../scripts/media/voice-engines';
import { phraseSlots } from '../../../../scripts/media/voice-slots';
import { scriptCsv, scriptHtml } from '../../../../scripts/media/recording-script';
import { loadRoutines } from '../../../../scripts/media/voice-texts';
import { ROOT } from '../../content/shipped';

const routines = loadRoutines(`${ROOT}tests/unit/fixtures/content/routines`);

describe('phraseSlots', () => {
	const slots = phraseSlots(routines, () => 1000);
	const slot = (text: string) => slots.find((s) => s.text === text);

	it('lists every spoken phrase once, with its id and every place it is said', () => {
		expect(new Set(slots.map((s) => s.text)).size).toBe(slots.length);
		expect(slot('Release')?.id).toMatch(/^[0-9a-f]{12}$/);
		expect(slot('Release')?.uses.length).toBe(5);
		expect(slot('Release')?.uses[0]).toMatchObject({ routineId: 'fixture-stretch', level: 1 });
	});

	it('may last until the next spoken cue, less a breath, at its tightest place', () => {
		// "Press" phases of 3 s: 3000 − 150 ms.
		expect(slot('Press')?.maxMs).toBe(2850);
		expect(slot('Release')?.maxMs).toBe(2850);
	});

	it('the last words of a session have no limit', () => {
		expect(slot('Session complete. Well done.')?.maxMs).toBeNull();
	});

	it('counts what is said before it at the same instant', () => {
		const longer = phraseSlots(routines, (t) => (t === 'Done.' ? 3000 : 1000));
		const after = (s: ReturnType<typeof phraseSlots>) => s.find((x) => x.uses.some((u) => u.atMs === s.find((y) => y.text === 'Done.')?.uses[0]?.atMs) && x.text !== 'Done.');
		const a = after(slots);
		const b = after(longer);
		expect(a?.text).toBe(b?.text);
		expect((a?.maxMs ?? 0) - (b?.maxMs ?? 0)).toBe(2000);
	});
});

describe('the recording script', () => {
	const slots = phraseSlots(routines, () => 1000);

	it('as a CSV: one row per phrase with its id, text, places and limit, quoting commas', () => {
		const csv = scriptCsv(slots, { version: 1, voices: {} }).trim().split('\n');
		expect(csv[0]).toBe('id,text,said in,max_seconds,current_seconds,current_voice');
		expect(csv).toHaveLength(slots.length + 1);
		expect(csv.find((l) => l.includes('Knee to chest, left side. Hold for 20 seconds.'))).toMatch(/^[0-9a-f]{12},"Knee to chest, left side\. Hold for 20 seconds\.",/);
	});

	it('as a printable page: every phrase with its file name and "at most"', () => {
		const html = scriptHtml(slots);
		for (const s of slots) expect(html).toContain(`<td class="id">${s.id}</td>`);
		expect(html).toContain('2.9 s');
		expect(html).toContain('no limit');
	});
});

describe('clauses (calm style)', () => {
	it('pauses briefly after a comma and longer after a sentence, not after the last clause', () => {
		expect(clauses('Breathe in, and hold. Let go.', { commaMs: 300, sentenceMs: 600 })).toEqual([
			{ text: 'Breathe in,', pauseMs: 300 },
			{ text: 'and hold.', pauseMs: 600 },
			{ text: 'Let go.', pauseMs: 0 }
		]);
	});

	it('reads a dash as a pause and × as "times"', () => {
		expect(clauses('Ten – slowly. 2 × 30 s', { commaMs: 300, sentenceMs: 600 }).map((c) => c.text)).toEqual(['Ten,', 'slowly.', '2  times  30 s']);
	});
});
