/**
 * Offers a new version of Limber: once a service worker of a newer build has installed and
 * waits while an older one controls the page, the update banner (UpdateBanner.svelte) is
 * loaded and put just before the page's main content. Browsers look for a new service
 * worker at each navigation. Only the layout imports this, and every page (the player's
 * too, with its tight JavaScript budget) loads the layout: the banner's own code comes
 * only when there is something to offer.
 */
import { mount } from 'svelte';

export function offerUpdates(): void {
	const sw = navigator.serviceWorker;
	let offered = false;
	void sw.ready.then((reg) => {
		const check = () => {
			// No controller: the first install, not an update.
			const main = document.getElementById('main');
			if (offered || !reg.waiting || !sw.controller || !main?.parentNode) return;
			offered = true;
			const props = { waiting: reg.waiting };
			void import('../components/offline/UpdateBanner.svelte').then(({ default: Banner }) =>
				mount(Banner, { target: main.parentNode as Element, anchor: main, props })
			);
		};
		const follow = () => reg.installing?.addEventListener('statechange', check);
		check();
		follow();
		reg.addEventListener('updatefound', follow);
	});
}
