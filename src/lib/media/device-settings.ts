/**
 * Small settings kept in localStorage (volumes, the sleep timer): they are needed
 * synchronously when a player opens, and they belong to the device, not to the person's
 * health record. Storage may be missing or blocked, and what it holds may be old or
 * corrupt: none of that may stop a player.
 */

/** The part of Storage used, so tests and private-mode browsers can pass their own. */
export type SettingsStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** The browser's localStorage, or null where there is none or it is blocked. */
export function deviceStorage(): Storage | null {
	try {
		// Reading the property itself throws when storage is blocked (some private modes, iframes).
		return typeof localStorage === 'undefined' ? null : localStorage;
	} catch {
		return null;
	}
}

/** The object stored under `key`, or null when there is none or it is not a JSON object. */
export function readStoredObject(storage: SettingsStorage | null, key: string): Record<string, unknown> | null {
	let raw: unknown;
	try {
		const text = storage?.getItem(key);
		raw = text ? JSON.parse(text) : null;
	} catch {
		raw = null;
	}
	return typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : null;
}
