/**
 * When the browser clears this site's caches to free space (it can do that to the Cache API
 * alone), the service worker stays registered but its app shell and saved pages are gone,
 * and a browser installs a worker only once: nothing would bring them back until the next
 * version. The page asks the worker in control to check and, if they are not whole, set
 * itself up again (the same work as its install), and waits for it before a download.
 */

/** The message the page sends; the worker answers `{ ok }` on the port sent with it. */
export const SET_UP_AGAIN = 'set-up-again';

export interface SetUpAgainReply {
	readonly ok: boolean;
}

/** What the page needs of `navigator.serviceWorker`. */
export interface WorkerContainer {
	readonly controller: Pick<ServiceWorker, 'postMessage'> | null;
}

/** True once the worker has its caches again; false with no worker in control, on a failure or after `timeoutMs`. */
export function askToSetUpAgain(container: WorkerContainer | null, timeoutMs = 60_000): Promise<boolean> {
	const worker = container?.controller;
	if (!worker) return Promise.resolve(false);
	return new Promise((resolve) => {
		const channel = new MessageChannel();
		const timer = setTimeout(() => done(false), timeoutMs);
		function done(ok: boolean): void {
			clearTimeout(timer);
			channel.port1.close();
			resolve(ok);
		}
		channel.port1.onmessage = (event: MessageEvent<SetUpAgainReply | null>) => done(event.data?.ok === true);
		worker.postMessage({ type: SET_UP_AGAIN }, [channel.port2]);
	});
}
