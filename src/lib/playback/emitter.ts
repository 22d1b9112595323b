/**
 * Typed listeners with a queue in front of them. A listener may send the engine a request
 * (pause on a step change, for instance); the events that request causes are queued
 * behind the ones still being delivered, so every listener sees one chronological stream.
 */
import type { EngineEvent, EngineEventMap, EngineEventType } from './events';

type Handler<E> = (event: E) => void;

function isOfType<K extends EngineEventType>(event: EngineEvent, type: K): event is EngineEventMap[K] {
	return event.type === type;
}

export class EngineEmitter {
	// Replaced, never mutated, so unsubscribing mid-delivery cannot skip a listener.
	#handlers: readonly Handler<EngineEvent>[] = [];
	readonly #queue: EngineEvent[] = [];
	#draining = false;

	on<K extends EngineEventType>(type: K, handler: Handler<EngineEventMap[K]>): () => void {
		return this.onAny((event) => {
			if (isOfType(event, type)) handler(event);
		});
	}

	onAny(handler: Handler<EngineEvent>): () => void {
		// Wrapped so that subscribing the same function twice gives two independent subscriptions.
		const entry: Handler<EngineEvent> = (event) => handler(event);
		this.#handlers = [...this.#handlers, entry];
		return () => {
			this.#handlers = this.#handlers.filter((h) => h !== entry);
		};
	}

	enqueue(event: EngineEvent): void {
		this.#queue.push(event);
	}

	/**
	 * Deliver everything queued. Re-entrant calls return at once: the outer call delivers
	 * what they queued. One throwing listener does not starve the others; the first error
	 * is rethrown once the queue is empty.
	 */
	drain(): void {
		if (this.#draining || this.#queue.length === 0) return;
		this.#draining = true;
		const errors: unknown[] = [];
		try {
			for (let i = 0; i < this.#queue.length; i++) this.#deliver(this.#queue[i] as EngineEvent, errors);
		} finally {
			this.#queue.length = 0;
			this.#draining = false;
		}
		if (errors.length > 0) throw errors[0];
	}

	#deliver(event: EngineEvent, errors: unknown[]): void {
		for (const h of this.#handlers) {
			try {
				h(event);
			} catch (err) {
				errors.push(err);
			}
		}
	}
}
