import { describe, expect, it } from 'vitest';
import { EXPORT_FORMAT, mergePlan, toExportFile, type ProgressData } from '../../../src/lib/progress/export-format';
import { parseExportFile } from '../../../src/lib/progress/import-file';
import type { SafetyEvent } from '../../../src/lib/progress/records';
import { choice, session } from './fixtures';

const safety: SafetyEvent = { id: 'screen-0001', kind: 'screening', at: '2026-03-01T09:00:00.000Z', flagged: [], outcome: 'clear' };
const data: ProgressData = {
	sessions: [session({ before: 3, after: 2, note: undefined } as never), session({ after: 'skip' })],
	choices: [choice(2, 1, 4)],
	safety: [safety],
	settings: { showStreaks: false }
};
const now = new Date('2026-04-01T10:00:00.000Z');

describe('export file', () => {
	it('round-trips losslessly', () => {
		const file = toExportFile(data, now);
		const parsed = parseExportFile(JSON.stringify(file));
		expect(parsed).toEqual({ ok: true, file });
		if (!parsed.ok) return;
		expect(parsed.file.sessions).toHaveLength(2);
		expect(parsed.file.settings).toEqual({ showStreaks: false });
	});

	it.each([
		{ name: 'not JSON', text: '{"format": "limber-progress", ', message: /not readable JSON/ },
		{ name: 'JSON of something else', text: '{"name": "my-app", "version": "1.0.0"}', message: /not a Limber progress export/ },
		{ name: 'a bare array', text: '[1,2,3]', message: /not a Limber progress export/ },
		{ name: 'a newer version', text: JSON.stringify({ ...toExportFile(data, now), version: 9 }), message: /newer version of Limber/ },
		{
			name: 'a pain score out of range',
			text: JSON.stringify({
				...toExportFile(data, now),
				sessions: [{ ...data.sessions[0], before: { status: 'answered', pain: 14 } }]
			}),
			message: /damaged.*expected <=10 but received 14 \(at sessions\.0\.before\.pain\)/i
		},
		{
			name: 'an unknown field',
			text: JSON.stringify({ ...toExportFile(data, now), extra: true }),
			message: /damaged.*unexpected field "extra"/i
		},
		{
			name: 'a duplicated record',
			text: JSON.stringify({ ...toExportFile(data, now), sessions: [data.sessions[0], data.sessions[0]] }),
			message: /appears twice/
		}
	])('refuses $name with a clear message', ({ text, message }) => {
		const r = parseExportFile(text);
		expect(r.ok).toBe(false);
		if (!r.ok) {
			expect(r.message).toMatch(message);
			expect(r.message).toMatch(/Nothing was changed\.$/);
		}
	});

	it('has a recognisable format tag', () => {
		expect(toExportFile(data, now).format).toBe(EXPORT_FORMAT);
	});
});

describe('mergePlan', () => {
	it('adds only records the device lacks', () => {
		const extra = session({ after: 4 });
		const file = toExportFile({ ...data, sessions: [...data.sessions, extra] }, now);
		const plan = mergePlan(data, file);
		expect(plan.sessions.map((s) => s.id)).toEqual([extra.id]);
		expect(plan.choices).toEqual([]);
		expect(plan.safety).toEqual([]);
		expect(plan.skipped).toBe(4);
	});

	it('into an empty device adds everything', () => {
		const plan = mergePlan({ sessions: [], choices: [], safety: [], settings: null }, toExportFile(data, now));
		expect(plan.sessions.length + plan.choices.length + plan.safety.length).toBe(4);
		expect(plan.skipped).toBe(0);
	});
});
