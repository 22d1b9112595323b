/**
 * Reactive view of a session engine for the UI. The engine stays plain TS; this class
 * mirrors what the page shows into runes state, and passes the person's requests through.
 * State here changes only from engine events (requests vs state): a button press that the
 * engine refuses leaves the screen as it was.
 */
import type { Segment, Timeline, TimelineStep } from '../routine/timeline';
import type { SessionEngine } from './engine';
import type { EngineState } from './events';


export class SessionView {
	readonly #engine: SessionEngine;
	#state = $state<EngineState>('ready');
	#positionMs = $state(0);
	#timeline = $state.raw<Timeline>() as Timeline;
	#segment = $state.raw<Segment>() as Segment;
	#step = $state.raw<TimelineStep>() as TimelineStep;
	readonly #unsubscribe: () => void;

	constructor(engine: SessionEngine) {
		this.#engine = engine;
		this.#timeline = engine.timeline;
		this.#segment = engine.segment;
		this.#step = engine.step;
		this.#unsubscribe = engine.onAny((e) => {
			switch (e.type) {
				case 'state':
					this.#state = e.to;
					break;
				case 'segment':
					this.#segment = e.segment;
					break;
				case 'step':
					this.#step = e.step;
					break;
				case 'timeline':
					this.#timeline = e.timeline;
					this.#segment = engine.segment;
					break;
			}
		});
	}

	get state(): EngineState {
		return this.#state;
	}
	get positionMs(): number {
		return this.#positionMs;
	}
	get timeline(): Timeline {
		return this.#timeline;
	}
	get segment(): Segment {
		return this.#segment;
	}
	get step(): TimelineStep {
		return this.#step;
	}
	get running(): boolean {
		return this.#state === 'playing' || this.#state === 'count-in';
	}
	/** Time left in the current hold, rest or block. */
	get remainingInSegmentMs(): number {
		return Math.max(0, this.#segment.endMs - this.#positionMs);
	}
	get segmentProgress(): number {
		const len = this.#segment.endMs - this.#segment.startMs;
		return len > 0 ? Math.min(1, Math.max(0, (this.#positionMs - this.#segment.startMs) / len)) : 1;
	}
	get sessionProgress(): number {
		return this.#timeline.durationMs > 0 ? this.#positionMs / this.#timeline.durationMs : 1;
	}
	get nextStep(): TimelineStep | null {
		return this.#timeline.steps[this.#step.index + 1] ?? null;
	}

	/** Called every frame / worker tick: report what the clock has passed, then show it. */
	tick(): void {
		this.#engine.tick();
		this.#positionMs = this.#engine.position;
	}

	#after<T>(result: T): T {
		this.tick();
		return result;
	}

	toggle(): boolean {
		const s = this.#engine.state;
		if (s === 'ready' || s === 'finished' || s === 'stopped') return this.#after(this.#engine.start());
		if (s === 'paused') return this.#after(this.#engine.resume());
		return this.#after(this.#engine.pause());
	}
	start(fromMs = 0): boolean {
		return this.#after(this.#engine.start(fromMs));
	}
	pause(): boolean {
		return this.#after(this.#engine.pause());
	}
	resume(): boolean {
		return this.#after(this.#engine.resume());
	}
	next(): boolean {
		return this.#after(this.#engine.next());
	}
	previous(): boolean {
		return this.#after(this.#engine.previous());
	}
	seek(ms: number): boolean {
		return this.#after(this.#engine.seek(ms));
	}
	addTime(ms: number): boolean {
		return this.#after(this.#engine.adjustHold(ms));
	}
	stop(): boolean {
		return this.#after(this.#engine.stop());
	}

	destroy(): void {
		this.#unsubscribe();
	}
}
