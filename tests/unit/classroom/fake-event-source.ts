/** An EventSource stand-in the class-client tests drive by hand. */
import type { EventSourceLike } from '../../../src/lib/classroom/class-client.svelte';

export class FakeEventSource implements EventSourceLike {
	readyState = 0;
	onopen: ((this: never, ev: Event) => unknown) | null = null;
	onerror: ((this: never, ev: Event) => unknown) | null = null;
	closed = false;
	readonly #listeners = new Map<string, ((ev: MessageEvent<string>) => void)[]>();

	constructor(readonly url: string) {}

	addEventListener(type: string, listener: (ev: MessageEvent<string>) => void): void {
		this.#listeners.set(type, [...(this.#listeners.get(type) ?? []), listener]);
	}

	close(): void {
		this.closed = true;
		this.readyState = 2;
	}

	open(): void {
		this.readyState = 1;
		this.onopen?.call(undefined as never, new Event('open'));
	}

	fail(readyState: 0 | 2): void {
		this.readyState = readyState;
		this.onerror?.call(undefined as never, new Event('error'));
	}

	emit(type: string, data: unknown, lastEventId = ''): void {
		const ev = new MessageEvent<string>(type, { data: typeof data === 'string' ? data : JSON.stringify(data), lastEventId });
		for (const l of this.#listeners.get(type) ?? []) l(ev);
	}
}
