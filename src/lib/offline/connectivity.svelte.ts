/**
 * Whether Limber's server can be reached. `navigator.onLine` false is reliable (no network
 * at all), but true only means some network is there: at a pool with one bar, behind a
 * captive portal or with the server down it stays true. So the answer also comes from a
 * small request to the server (network only: the service worker lets /api/ through),
 * made when a component starts watching, whenever the browser's network changes or the
 * page is shown again, and every 30 s while the server cannot be reached.
 *
 * Components call `watch()` in onMount (and return what it returns). Plain listeners, not
 * svelte/reactivity's createSubscriber: every route's shared Svelte runtime chunk would
 * carry it, the player's too.
 */
const PROBE_URL = '/api/time';
const PROBE_TIMEOUT_MS = 5000;
const RETRY_MS = 30_000;

class Connectivity {
	#online = $state(true);
	#watchers = 0;
	#stop: (() => void) | null = null;

	get online(): boolean {
		return this.#online;
	}

	/** Starts following the connection (shared by every watcher); returns the stop. */
	watch(): () => void {
		if (this.#watchers++ === 0) this.#stop = this.#follow();
		return () => {
			if (--this.#watchers === 0) {
				this.#stop?.();
				this.#stop = null;
			}
		};
	}

	#follow(): () => void {
		let retry: ReturnType<typeof setTimeout> | undefined;
		const check = () => {
			clearTimeout(retry);
			void this.#probe().then((ok) => {
				this.#online = ok;
				if (!ok) retry = setTimeout(check, RETRY_MS);
			});
		};
		const offline = () => (this.#online = false);
		const shown = () => document.visibilityState === 'visible' && check();
		this.#online = navigator.onLine;
		check();
		window.addEventListener('online', check);
		window.addEventListener('offline', offline);
		document.addEventListener('visibilitychange', shown);
		return () => {
			clearTimeout(retry);
			window.removeEventListener('online', check);
			window.removeEventListener('offline', offline);
			document.removeEventListener('visibilitychange', shown);
		};
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
