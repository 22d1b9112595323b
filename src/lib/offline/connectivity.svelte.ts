/**
 * Whether the browser believes it is online, following its online/offline events.
 * `navigator.onLine` false is reliable (no network at all); true only means a network is
 * there, so pages still fall back to what is saved when a request fails.
 */
import { on } from 'svelte/events';
import { createSubscriber } from 'svelte/reactivity';

class Connectivity {
	readonly #subscribe = createSubscriber((update) => {
		const offOnline = on(window, 'online', update);
		const offOffline = on(window, 'offline', update);
		return () => {
			offOnline();
			offOffline();
		};
	});

	get online(): boolean {
		if (typeof navigator === 'undefined') return true;
		this.#subscribe();
		return navigator.onLine;
	}
}

export const connectivity = new Connectivity();
