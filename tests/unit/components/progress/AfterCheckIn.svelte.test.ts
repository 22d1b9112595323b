/** The after-session form records what was answered, leaves the rest blank, and skipping records "skipped". */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import AfterCheckIn from '../../../../src/lib/components/progress/AfterCheckIn.svelte';
import type { AfterCheckIn as After } from '../../../../src/lib/progress/records';

afterEach(cleanup);

function setup(relaxation = false) {
	const onsave = vi.fn<(after: After) => void>();
	render(AfterCheckIn, { props: { heading: 'Session complete', relaxation, saving: false, onsave } });
	return onsave;
}

describe('AfterCheckIn', () => {
	it('saves the answers given and leaves the others blank', async () => {
		const onsave = setup();
		await fireEvent.click(screen.getByRole('radio', { name: '6' }));
		await fireEvent.click(screen.getByRole('radio', { name: 'Too hard' }));
		await fireEvent.input(screen.getByLabelText('Note for yourself (optional)'), { target: { value: ' Sore after the twist ' } });
		await fireEvent.click(screen.getByRole('button', { name: 'Save' }));
		expect(onsave).toHaveBeenCalledWith({
			status: 'answered',
			pain: 6,
			effort: 'too-hard',
			relaxed: null,
			newLegSymptoms: null,
			note: 'Sore after the twist'
		});
	});

	it('"yes" to leg symptoms is kept as true', async () => {
		const onsave = setup();
		const legs = screen.getByRole('group', { name: /new or spreading pain/ });
		await fireEvent.click(within(legs).getByRole('radio', { name: 'Yes' }));
		await fireEvent.click(screen.getByRole('button', { name: 'Save' }));
		expect(onsave.mock.calls[0]?.[0]).toMatchObject({ status: 'answered', newLegSymptoms: true });
	});

	it('Save with nothing answered, or Skip, records a skipped check-in', async () => {
		const onsave = setup();
		await fireEvent.click(screen.getByRole('button', { name: 'Save' }));
		await fireEvent.click(screen.getByRole('button', { name: 'Skip' }));
		expect(onsave.mock.calls).toEqual([[{ status: 'skipped' }], [{ status: 'skipped' }]]);
	});

	it('a relaxation session asks how relaxed, not how hard', async () => {
		const onsave = setup(true);
		expect(screen.queryByRole('group', { name: 'How did the effort feel?' })).toBeNull();
		await fireEvent.click(screen.getByRole('radio', { name: 'Fully relaxed' }));
		await fireEvent.click(screen.getByRole('button', { name: 'Save' }));
		expect(onsave.mock.calls[0]?.[0]).toMatchObject({ status: 'answered', relaxed: 'fully', effort: null });
	});
});
