import { describe, expect, it } from 'vitest';
import { sentDraft } from '$lib/server/programmes/builder-data';
import { fourExerciseDraft } from '../../programme/builder-fixtures';

function form(draft: unknown): FormData {
	const f = new FormData();
	f.set('draft', typeof draft === 'string' ? draft : JSON.stringify(draft));
	return f;
}

describe('sentDraft', () => {
	it('accepts a draft the preview accepts', () => {
		const sent = sentDraft(form(fourExerciseDraft()));
		expect(sent.ok && sent.routine.levels).toHaveLength(2);
	});

	it('refuses a damaged draft, saying the device still has it', () => {
		const sent = sentDraft(form('{"title":'));
		expect(!sent.ok && sent.message).toContain('still on this device');
	});

	it('refuses a draft with problems, counting them', () => {
		const sent = sentDraft(form({ ...fourExerciseDraft(), title: '' }));
		expect(!sent.ok && sent.message).toMatch(/1 problem to fix/);
	});

	it('refuses an exercise naming a clip this install does not have, placing it at that exercise as the preview does', () => {
		const draft = fourExerciseDraft();
		const [first, ...rest] = draft.items;
		if (first?.kind !== 'exercise') throw new Error('fixture starts with an exercise');
		const changed = { ...draft, items: [{ ...first, exercise: { ...first.exercise, media: { video: 'no-such-clip' } } }, ...rest] };
		const sent = sentDraft(form(changed));
		expect(!sent.ok && sent.message).toMatch(/1 problem to fix/);
		expect(!sent.ok && sent.problems).toEqual([{ field: 'items.0', message: expect.stringContaining('no video "no-such-clip"') }]);
	});
});
