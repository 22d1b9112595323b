/**
 * The builder's draft kept on the device, so nothing typed is lost on a refused save or a
 * reload. One key per programme (or "new"); a port so tests use a plain map.
 */
import { readDraft, type Draft } from './draft';

export interface DraftStorage {
	getItem(key: string): string | null;
	setItem(key: string, value: string): void;
	removeItem(key: string): void;
}

export const draftKey = (programmeId: string | null) => `limber.programme-draft.${programmeId ?? 'new'}`;

export class DraftStore {
	readonly #storage: DraftStorage | null;
	readonly #key: string;

	constructor(storage: DraftStorage | null, programmeId: string | null) {
		this.#storage = storage;
		this.#key = draftKey(programmeId);
	}

	load(): Draft | null {
		try {
			return readDraft(this.#storage?.getItem(this.#key) ?? null);
		} catch {
			return null;
		}
	}

	/** Storage full or blocked: the draft still lives in the page, so a failed write is not an error. */
	save(draft: Draft): void {
		try {
			this.#storage?.setItem(this.#key, JSON.stringify(draft));
		} catch {
			/* see above */
		}
	}

	clear(): void {
		try {
			this.#storage?.removeItem(this.#key);
		} catch {
			/* see save() */
		}
	}
}
