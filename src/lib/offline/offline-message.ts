/**
 * What the service worker answers, offline, for a page's data it has no copy of. SvelteKit
 * shows the message on its error page with this status: the service, here the network, is
 * unavailable. (The default error page: every page loads the root error page at start, and
 * the player route has no bytes to spare for one of Limber's own.)
 */
export const OFFLINE_STATUS = 503;

export function offlineMessageFor(pathname: string): string {
	if (/^\/(routines|play)\//.test(pathname)) {
		return 'This routine is not downloaded to this device, so it needs a connection. Routines marked “Ready offline” on the home page play without one.';
	}
	if (/^\/p\/[^/]+\/play\//.test(pathname)) {
		return 'This programme is not downloaded to this device, so it needs a connection. On its page, “Download for offline” keeps a level to play without one.';
	}
	return 'This page is not on this device, and there is no connection.';
}
