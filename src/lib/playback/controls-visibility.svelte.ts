/**
 * Whether a stage's controls are shown. They get out of the way during an exercise (after
 * a few seconds without input) so the person on the mat sees the video and the countdown,
 * and they come back for anything the person does. They never hide while the session is
 * held, during get ready, a rest or the end, while a sheet is open, while the pointer is
 * over them, or when the person chose to keep them shown.
 *
 * Focus is looked after: if keyboard focus sat on a control as it hid (hidden controls
 * are inert), it moves to the stage, and the next key brings the controls back and gives
 * focus back to where it was (vidstack's controls do the same).
 */

/** Timers, injected so tests run on fake time. */
export interface VisibilityTimers {
	set(run: () => void, ms: number): unknown;
	clear(handle: unknown): void;
}

/** The DOM side of keeping focus, kept behind a port so the rules can be unit-tested. */
export interface FocusPort {
	/** Is keyboard focus on one of the controls that are about to hide? */
	focusInControls(): boolean;
	/** Move focus to the stage, remembering where it was. */
	focusStage(): void;
	/** Give focus back to where focusStage() found it. */
	restore(): void;
}

export const HIDE_AFTER_MS = 4000;

const browserTimers: VisibilityTimers = {
	set: (run, ms) => setTimeout(run, ms),
	clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>)
};

export type Activity = 'pointer' | 'touch' | 'key';

export class ControlsVisibility {
	#shown = $state(true);
	readonly #timers: VisibilityTimers;
	readonly #hideAfterMs: number;
	#focus: FocusPort | null = null;
	#timer: unknown = null;
	#mayHide = false;
	#sheetOpen = false;
	#pointerOver = false;
	#alwaysShown = false;
	/** Focus was moved off a hiding control: the next key gives it back. */
	#focusMoved = false;

	constructor(options: { timers?: VisibilityTimers; hideAfterMs?: number } = {}) {
		this.#timers = options.timers ?? browserTimers;
		this.#hideAfterMs = options.hideAfterMs ?? HIDE_AFTER_MS;
	}

	get shown(): boolean {
		return this.#shown;
	}

	/** Attach the stage's focus handling once it is on the page. */
	attachFocus(port: FocusPort | null): void {
		this.#focus = port;
	}

	/** The moment allows hiding: an exercise (or a talk, or switching sides) that is running. */
	setMayHide(on: boolean): void {
		if (on === this.#mayHide) return;
		this.#mayHide = on;
		// A new exercise starting is not input, but it is worth seeing the controls briefly.
		this.#show();
	}

	setSheetOpen(on: boolean): void {
		this.#sheetOpen = on;
		this.#show();
	}

	setPointerOver(on: boolean): void {
		this.#pointerOver = on;
		// Leaving starts the wait again; it never brings hidden controls back (hiding them can
		// itself move the pointer "off" them, and that must not undo the hiding).
		if (on || this.#shown) this.#show();
	}

	setAlwaysShown(on: boolean): void {
		this.#alwaysShown = on;
		this.#show();
	}

	/** Anything the person did: a pointer move, a touch, a key. */
	activity(kind: Activity): void {
		if (kind === 'key' && this.#focusMoved) {
			this.#focusMoved = false;
			this.#show();
			this.#focus?.restore();
			return;
		}
		this.#show();
	}

	/**
	 * A tap or click on the stage itself (not on a control). On hidden controls it only
	 * brings them back, so a tap meant to see the buttons never pauses the session. On shown
	 * controls it hides them where hiding is allowed, as video players do.
	 * Returns true when the tap was used up by showing or hiding the controls.
	 */
	tapStage(): boolean {
		if (!this.#shown) {
			this.#show();
			return true;
		}
		if (this.#canHide()) {
			this.#hide();
			return true;
		}
		return false;
	}

	destroy(): void {
		this.#cancel();
	}

	#canHide(): boolean {
		return this.#mayHide && !this.#sheetOpen && !this.#pointerOver && !this.#alwaysShown;
	}

	#show(): void {
		this.#shown = true;
		this.#cancel();
		if (this.#canHide()) this.#timer = this.#timers.set(() => this.#hide(), this.#hideAfterMs);
	}

	#hide(): void {
		this.#cancel();
		if (!this.#canHide()) return;
		if (this.#focus?.focusInControls()) {
			this.#focusMoved = true;
			this.#focus.focusStage();
		}
		this.#shown = false;
	}

	#cancel(): void {
		if (this.#timer !== null) this.#timers.clear(this.#timer);
		this.#timer = null;
	}
}
