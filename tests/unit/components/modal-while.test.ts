import { describe, expect, it } from 'vitest';
import { modalWhile } from '$lib/components/modal-while';

/** The part of a <dialog> the attachment uses, counting its calls. */
function fakeDialog(open: boolean) {
	const d = {
		open,
		shown: 0,
		closed: 0,
		showModal() {
			d.shown++;
			d.open = true;
		},
		close() {
			d.closed++;
			d.open = false;
		}
	};
	return d;
}

describe('modalWhile', () => {
	it('shows a closed dialog as a modal when open, and closes an open one when not', () => {
		const a = fakeDialog(false);
		modalWhile(true)(a as unknown as HTMLDialogElement);
		expect([a.open, a.shown, a.closed]).toEqual([true, 1, 0]);
		modalWhile(false)(a as unknown as HTMLDialogElement);
		expect([a.open, a.shown, a.closed]).toEqual([false, 1, 1]);
	});

	it('leaves a dialog alone that is already as asked (showModal on an open dialog throws)', () => {
		const a = fakeDialog(true);
		modalWhile(true)(a as unknown as HTMLDialogElement);
		const b = fakeDialog(false);
		modalWhile(false)(b as unknown as HTMLDialogElement);
		expect([a.shown, a.closed, b.shown, b.closed]).toEqual([0, 0, 0, 0]);
	});
});
