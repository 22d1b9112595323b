/**
 * Keyboard shortcuts for the player, as data: the page translates a key into a request
 * and the same table documents the shortcuts on screen.
 */
export type PlayerCommand =
	| 'toggle'
	| 'next'
	| 'previous'
	| 'add-time'
	| 'remove-time'
	| 'mute'
	| 'fullscreen'
	| 'captions'
	| 'escape';

export interface Shortcut {
	readonly keys: readonly string[];
	readonly command: PlayerCommand;
	readonly label: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
	{ keys: [' '], command: 'toggle', label: 'Space: start, pause or resume' },
	{ keys: ['ArrowRight', 'n', 'N'], command: 'next', label: 'N or →: next step' },
	{ keys: ['ArrowLeft', 'p', 'P'], command: 'previous', label: 'P or ←: previous step' },
	{ keys: ['ArrowUp'], command: 'add-time', label: '↑: 10 seconds more' },
	{ keys: ['ArrowDown'], command: 'remove-time', label: '↓: 10 seconds less' },
	{ keys: ['m', 'M'], command: 'mute', label: 'M: mute sound' },
	{ keys: ['f', 'F'], command: 'fullscreen', label: 'F: full screen' },
	{ keys: ['c', 'C'], command: 'captions', label: 'C: captions on or off' },
	{ keys: ['Escape'], command: 'escape', label: 'Esc: leave full screen, or pause' }
];

const byKey = new Map(SHORTCUTS.flatMap((s) => s.keys.map((k) => [k, s.command] as const)));

export interface KeyLike {
	readonly key: string;
	readonly altKey: boolean;
	readonly ctrlKey: boolean;
	readonly metaKey: boolean;
	/** The focused element's tag, if any: typing in a field or pressing a button must not also steer. */
	readonly targetTag?: string;
}

const OWN_KEYS_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON', 'A', 'SUMMARY']);

export function commandForKey(e: KeyLike): PlayerCommand | null {
	if (e.altKey || e.ctrlKey || e.metaKey) return null;
	// Space and Enter on a focused button already activate it; arrows move in a select.
	if (e.targetTag && OWN_KEYS_TAGS.has(e.targetTag.toUpperCase()) && (e.key === ' ' || e.key.startsWith('Arrow'))) {
		return null;
	}
	if (e.targetTag && ['INPUT', 'TEXTAREA', 'SELECT'].includes(e.targetTag.toUpperCase())) return null;
	return byKey.get(e.key) ?? null;
}
