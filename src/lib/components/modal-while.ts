import type { Attachment } from 'svelte/attachments';

/**
 * `{@attach modalWhile(open)}` on a <dialog>: shown modal (the page behind it inert, focus
 * kept inside, Escape closing it) while `open` is true, closed when it turns false. The
 * dialog's own closing (Escape, a `method="dialog"` form) fires `close`, where the owner
 * sets `open` back to false.
 */
export function modalWhile(open: boolean): Attachment<HTMLDialogElement> {
	return (dialog) => {
		if (open && !dialog.open) dialog.showModal();
		else if (!open && dialog.open) dialog.close();
	};
}
