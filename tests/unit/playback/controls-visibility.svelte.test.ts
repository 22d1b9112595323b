import { describe, expect, it } from 'vitest';
import { ControlsVisibility, HIDE_AFTER_MS, type FocusPort, type VisibilityTimers } from '$lib/playback/controls-visibility.svelte';

/** Timers that fire only when the test moves time on. */
class FakeTimers implements VisibilityTimers {
	now = 0;
	#next = 1;
	readonly pending = new Map<number, { at: number; run: () => void }>();
	set(run: () => void, ms: number): unknown {
		const id = this.#next++;
		this.pending.set(id, { at: this.now + ms, run });
		return id;
	}
	clear(handle: unknown): void {
		this.pending.delete(handle as number);
	}
	advance(ms: number): void {
		this.now += ms;
		for (const [id, t] of [...this.pending].sort((a, b) => a[1].at - b[1].at)) {
			if (t.at <= this.now && this.pending.has(id)) {
				this.pending.delete(id);
				t.run();
			}
		}
	}
}

class FakeFocus implements FocusPort {
	inControls = false;
	log: string[] = [];
	focusInControls(): boolean {
		return this.inControls;
	}
	focusStage(): void {
		this.log.push('stage');
		this.inControls = false;
	}
	restore(): void {
		this.log.push('restore');
		this.inControls = true;
	}
}

function setup() {
	const timers = new FakeTimers();
	const v = new ControlsVisibility({ timers });
	return { timers, v };
}

describe('ControlsVisibility', () => {
	it('stays shown where hiding is not allowed (held, get ready, rest, end)', () => {
		const { timers, v } = setup();
		v.setMayHide(false);
		timers.advance(60_000);
		expect(v.shown).toBe(true);
		// A tap on the stage neither hides them nor is used up.
		expect(v.tapStage()).toBe(false);
		expect(v.shown).toBe(true);
	});

	it('hides about 4 s after the last input during an exercise, and any input brings them back', () => {
		const { timers, v } = setup();
		v.setMayHide(true);
		timers.advance(HIDE_AFTER_MS - 1);
		expect(v.shown).toBe(true);
		timers.advance(1);
		expect(v.shown).toBe(false);
		for (const kind of ['pointer', 'touch', 'key'] as const) {
			v.activity(kind);
			expect(v.shown).toBe(true);
			timers.advance(HIDE_AFTER_MS);
			expect(v.shown).toBe(false);
		}
	});

	it('input restarts the wait', () => {
		const { timers, v } = setup();
		v.setMayHide(true);
		timers.advance(3000);
		v.activity('pointer');
		timers.advance(3000);
		expect(v.shown).toBe(true);
		timers.advance(1000);
		expect(v.shown).toBe(false);
	});

	it('the first tap on hidden controls only shows them; a tap on shown controls hides them', () => {
		const { timers, v } = setup();
		v.setMayHide(true);
		timers.advance(HIDE_AFTER_MS);
		expect(v.tapStage()).toBe(true);
		expect(v.shown).toBe(true);
		expect(v.tapStage()).toBe(true);
		expect(v.shown).toBe(false);
	});

	it('come back and stay when the exercise ends or the session is held', () => {
		const { timers, v } = setup();
		v.setMayHide(true);
		timers.advance(HIDE_AFTER_MS);
		v.setMayHide(false);
		expect(v.shown).toBe(true);
		timers.advance(60_000);
		expect(v.shown).toBe(true);
	});

	it('stay while a sheet is open and hide again after it closes', () => {
		const { timers, v } = setup();
		v.setMayHide(true);
		v.setSheetOpen(true);
		timers.advance(60_000);
		expect(v.shown).toBe(true);
		v.setSheetOpen(false);
		timers.advance(HIDE_AFTER_MS);
		expect(v.shown).toBe(false);
	});

	it('stay while the pointer is over them', () => {
		const { timers, v } = setup();
		v.setMayHide(true);
		v.setPointerOver(true);
		timers.advance(60_000);
		expect(v.shown).toBe(true);
		v.setPointerOver(false);
		timers.advance(HIDE_AFTER_MS);
		expect(v.shown).toBe(false);
	});

	it('a pointer leaving hidden controls does not bring them back', () => {
		const { timers, v } = setup();
		v.setMayHide(true);
		timers.advance(HIDE_AFTER_MS);
		v.setPointerOver(false);
		expect(v.shown).toBe(false);
	});

	it('the always-shown setting keeps them', () => {
		const { timers, v } = setup();
		v.setAlwaysShown(true);
		v.setMayHide(true);
		timers.advance(60_000);
		expect(v.shown).toBe(true);
		expect(v.tapStage()).toBe(false);
		v.setAlwaysShown(false);
		timers.advance(HIDE_AFTER_MS);
		expect(v.shown).toBe(false);
	});

	it('moves focus off a hiding control to the stage and gives it back on the next key', () => {
		const { timers, v } = setup();
		const focus = new FakeFocus();
		v.attachFocus(focus);
		v.setMayHide(true);
		focus.inControls = true;
		timers.advance(HIDE_AFTER_MS);
		expect(v.shown).toBe(false);
		expect(focus.log).toEqual(['stage']);
		v.activity('pointer');
		expect(focus.log).toEqual(['stage']);
		timers.advance(HIDE_AFTER_MS);
		v.activity('key');
		expect(v.shown).toBe(true);
		expect(focus.log).toEqual(['stage', 'restore']);
		// Given back once, not on every key.
		v.activity('key');
		expect(focus.log).toEqual(['stage', 'restore']);
	});

	it('leaves focus alone when it was not on the controls', () => {
		const { timers, v } = setup();
		const focus = new FakeFocus();
		v.attachFocus(focus);
		v.setMayHide(true);
		timers.advance(HIDE_AFTER_MS);
		v.activity('key');
		expect(focus.log).toEqual([]);
	});

	it('destroy cancels the pending hide', () => {
		const { timers, v } = setup();
		v.setMayHide(true);
		v.destroy();
		expect(timers.pending.size).toBe(0);
	});
});
