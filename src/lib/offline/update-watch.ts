/**
 * Notices a new version of Limber: a service worker of a newer build that has installed and
 * waits, while an older one controls the page. Applying it tells the new worker to take
 * over and reloads when it has (the reload is what makes the page run the new build).
 */

const CHECK_EVERY_MS = 30 * 60_000;

export function watchForUpdate(onReady: (waiting: ServiceWorker) => void): void {
	const sw = navigator.serviceWorker;
	let lastCheck = Date.now();
	void sw.ready.then((reg) => {
		const check = () => {
			// No controller: this is the first install, not an update.
			if (reg.waiting && sw.controller) onReady(reg.waiting);
		};
		const follow = (w: ServiceWorker | null) => w?.addEventListener('statechange', check);
		check();
		follow(reg.installing);
		reg.addEventListener('updatefound', () => follow(reg.installing));
		// A phone keeps the app open for days: look for a new build when it is shown again.
		document.addEventListener('visibilitychange', () => {
			if (document.visibilityState !== 'visible' || Date.now() - lastCheck < CHECK_EVERY_MS) return;
			lastCheck = Date.now();
			void reg.update().catch(() => undefined);
		});
	});
}

export function applyUpdate(waiting: ServiceWorker): void {
	navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
	waiting.postMessage({ type: 'skip-waiting' });
}
