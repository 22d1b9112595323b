/**
 * Tells a store's watchers, and other tabs', that the data changed. Every store on the
 * same database uses the same channel name, so a write through one is heard by the others
 * (BroadcastChannel delivers to every other channel object of that name, in this tab too).
 */
export class ChangeFeed {
	readonly #listeners = new Set<() => void>();
	readonly #channel: BroadcastChannel | null;

	constructor(name: string) {
		this.#channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(`${name}:changed`) : null;
		this.#channel?.addEventListener('message', () => this.#tell());
	}

	announce(): void {
		this.#tell();
		this.#channel?.postMessage('changed');
	}

	listen(fn: () => void): () => void {
		this.#listeners.add(fn);
		return () => this.#listeners.delete(fn);
	}

	close(): void {
		this.#listeners.clear();
		this.#channel?.close();
	}

	#tell(): void {
		for (const fn of this.#listeners) fn();
	}
}

/**
 * Calls `onData` now and after every change the feed hears of. Changes that arrive during
 * a read lead to one more read, so the last call always follows the last change.
 */
export function watchReads<T>(feed: ChangeFeed, read: () => Promise<T>, onData: (data: T) => void, onError: (e: unknown) => void): () => void {
	let stopped = false;
	let reading = false;
	let again = false;
	const refresh = async (): Promise<void> => {
		if (reading) {
			again = true;
			return;
		}
		reading = true;
		try {
			do {
				again = false;
				const data = await read();
				if (!stopped) onData(data);
			} while (again && !stopped);
		} catch (e) {
			if (!stopped) onError(e);
		} finally {
			reading = false;
		}
	};
	const unlisten = feed.listen(() => void refresh());
	void refresh();
	return () => {
		stopped = true;
		unlisten();
	};
}
