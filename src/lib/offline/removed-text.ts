import type { Removed } from './downloads.svelte';

/** What to tell the person when the browser removed a download, or some of it, to free space. */
export function removedText(removed: Removed): string {
	return removed === 'all'
		? 'The browser removed this download to free space on this device: it is not ready offline. Download it again while you are online.'
		: 'The browser removed part of this download to free space on this device: it is not ready offline. Download it again while you are online.';
}
