/**
 * Whether Limber's server can be reached. `navigator.onLine` false is reliable (no network
 * at all), but true only means some network is there: at a pool with one bar, behind a
 * captive portal or with the server down it stays true. So the answer also comes from a
 * small request to the server (network only: the service worker lets /api/ through),
 * made when a page starts asking, whenever the browser's network changes or the page is
 * shown again, and every 30 s while the server cannot be reached.
 */
import { on } from 'svelte/events';
import { createSubscriber } from 'svelte/reactivity';

const PROBE_URL = '/api/time';
const PROBE_TIMEOUT_MS = 5000;
const RETRY_MS = 30_000;

class Connectivity {
	#reachable = $state(true);
	readonly #subscribe = createSubscriber(() => {
		let retry: ReturnType<typeof setTimeout> | undefined;
		const check = () => {
			clearTimeout(retry);
			void this.#probe().then((ok) => {
				this.#reachable = ok;
				if (!ok) retry = setTimeout(check, RETRY_MS);
			});
		};
		check();
		const offs = [
			on(window, 'online', check),
			on(window, 'offline', () => (this.#reachable = false)),
			on(document, 'visibilitychange', () => {
				if (document.visibilityState === 'visible') check();
			})
		];
		return () => {
			clearTimeout(retry);
			for (const off of offs) off();
		};
	});

	get online(): boolean {
		if (typeof navigator === 'undefined') return true;
		this.#subscribe();
		return navigator.onLine && this.#reachable;
	}

	async #probe(): Promise<boolean> {
		if (!navigator.onLine) return false;
		try {
			const res = await fetch(PROBE_URL, { cache: 'no-store', signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
			return res.ok;
		} catch {
			return false;
		}
	}
}

export const connectivity = new Connectivity();
