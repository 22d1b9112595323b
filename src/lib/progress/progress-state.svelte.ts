/**
 * The person's progress as runes state for the UI. It mirrors the device store through a
 * live query, so a write in this tab or another one shows up everywhere; writes go
 * straight to the store and come back through the query (one-way flow).
 */
import type { ProgressData } from './export-format';
import { ProgressStore, type ImportResult } from './device-store';
import { safetyStatus, type SafetyStatus } from './red-flags';
import { DEFAULT_SETTINGS, type LevelChoice, type SafetyEvent, type SessionRecord, type Settings } from './records';
import type { ExportFile } from './export-format';

const EMPTY: ProgressData = { sessions: [], choices: [], safety: [], settings: null };

export class ProgressState {
	readonly #store: ProgressStore;
	#data = $state.raw<ProgressData>(EMPTY);
	#loaded = $state(false);
	#error = $state<string | null>(null);
	readonly #stop: () => void;

	constructor(store: ProgressStore) {
		this.#store = store;
		this.#stop = store.watch(
			(data) => {
				this.#data = data;
				this.#loaded = true;
				this.#error = null;
			},
			() => {
				this.#loaded = true;
				this.#error =
					'Limber cannot use this browser’s storage (it may be in private mode or full), so sessions and check-ins are not being kept.';
			}
		);
	}

	get loaded(): boolean {
		return this.#loaded;
	}
	get error(): string | null {
		return this.#error;
	}
	get data(): ProgressData {
		return this.#data;
	}
	get sessions(): readonly SessionRecord[] {
		return this.#data.sessions;
	}
	get settings(): Settings {
		return this.#data.settings ?? DEFAULT_SETTINGS;
	}
	get safety(): SafetyStatus {
		return safetyStatus(this.#data.safety);
	}

	sessionsFor(routineId: string): SessionRecord[] {
		return this.#data.sessions.filter((s) => s.routineId === routineId);
	}
	choicesFor(routineId: string): LevelChoice[] {
		return this.#data.choices.filter((c) => c.routineId === routineId);
	}

	/** Put, not add: a session is saved when it ends and saved again with its check-in. */
	saveSession(record: SessionRecord): Promise<void> {
		return this.#store.putSession(record);
	}
	addChoice(choice: LevelChoice): Promise<void> {
		return this.#store.addChoice(choice);
	}
	addSafety(event: SafetyEvent): Promise<void> {
		return this.#store.addSafety(event);
	}
	setSettings(value: Settings): Promise<void> {
		return this.#store.setSettings(value);
	}
	importFile(file: ExportFile): Promise<ImportResult> {
		return this.#store.importFile(file);
	}

	destroy(): void {
		this.#stop();
	}
}

let shared: ProgressState | null = null;

/** The one instance for this page's life; call it only in the browser (onMount, effects). */
export function progressState(): ProgressState {
	shared ??= new ProgressState(new ProgressStore());
	return shared;
}

export function newId(): string {
	return crypto.randomUUID();
}
