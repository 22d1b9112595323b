/** The page's one Downloads, on the browser's own caches, IndexedDB and storage manager. */
import { openOfflineDb } from './download-db';
import { Downloads } from './downloads.svelte';
import { browserCanPlay } from './pick-files';
import { askToSetUpAgain } from './set-up-again';

let instance: Downloads | null = null;

/** Null where the browser keeps no caches (an old browser, or a page that is not https). */
export function downloads(): Downloads | null {
	if (instance) return instance;
	if (typeof window === 'undefined' || !('caches' in window) || !('indexedDB' in window)) return null;
	instance = new Downloads({
		caches: window.caches,
		openDb: openOfflineDb,
		fetch: (input, init) => fetch(input, init),
		storage: navigator.storage ?? null,
		ledger: safeLocalStorage(),
		canPlay: browserCanPlay,
		origin: location.origin,
		setUpAgain: () => askToSetUpAgain('serviceWorker' in navigator ? navigator.serviceWorker : null)
	});
	return instance;
}

function safeLocalStorage(): Storage | null {
	try {
		return window.localStorage;
	} catch {
		return null;
	}
}
