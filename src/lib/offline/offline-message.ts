/**
 * What the service worker answers, offline, for a page's data it has no copy of. SvelteKit
 * shows the message on its error page (src/routes/+error.svelte) with this status: the
 * service, here the network, is unavailable.
 */
export const OFFLINE_STATUS = 503;

export function offlineMessageFor(pathname: string): string {
	return /^\/(routines|play)\//.test(pathname)
		? 'This routine is not downloaded to this device, so it needs a connection. Routines marked “Ready offline” on the home page play without one.'
		: 'This page is not on this device, and there is no connection.';
}
