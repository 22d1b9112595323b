/**
 * Who of a lesson's participants is connected, over every server: this server's own
 * streams counted per participant (two tabs are one person), and for each other server the
 * set it last announced on the bus. A participant is connected if any server has them.
 */
export class RoomPresence {
	readonly #local = new Map<string, number>();
	readonly #remote = new Map<string, Set<string>>();

	/** One more stream of this participant here; true if they were not connected here before. */
	open(participantId: string): boolean {
		const n = this.#local.get(participantId) ?? 0;
		this.#local.set(participantId, n + 1);
		return n === 0;
	}

	/** One stream fewer; true if that was their last one here. */
	close(participantId: string): boolean {
		const left = (this.#local.get(participantId) ?? 1) - 1;
		if (left > 0) {
			this.#local.set(participantId, left);
			return false;
		}
		this.#local.delete(participantId);
		return true;
	}

	/** The participants with a stream on this server. */
	get local(): string[] {
		return [...this.#local.keys()];
	}

	/** What another server announced: `reset` replaces its set, otherwise the change is applied. */
	applyRemote(instance: string, on: readonly string[], off: readonly string[], reset: boolean): void {
		let set = this.#remote.get(instance);
		if (!set || reset) {
			set = new Set();
			this.#remote.set(instance, set);
		}
		for (const id of on) set.add(id);
		for (const id of off) set.delete(id);
		if (set.size === 0) this.#remote.delete(instance);
	}

	/** A server that stopped answering: its participants are no longer counted. True if it had any. */
	forget(instance: string): boolean {
		return this.#remote.delete(instance);
	}

	has(participantId: string): boolean {
		if (this.#local.has(participantId)) return true;
		for (const set of this.#remote.values()) if (set.has(participantId)) return true;
		return false;
	}
}
