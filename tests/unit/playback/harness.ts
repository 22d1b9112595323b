/** A SessionEngine on a ManualClock with every event recorded, for the playback tests. */
import { ManualClock } from '../../../src/lib/playback/clock';
import { SessionEngine, type SessionEngineOptions } from '../../../src/lib/playback/engine';
import type { CueEvent, EngineEvent } from '../../../src/lib/playback/events';
import type { Timeline } from '../../../src/lib/routine/timeline';
import { sampleTimeline } from './timeline-builder';

export interface Harness {
	readonly clock: ManualClock;
	readonly engine: SessionEngine;
	readonly events: EngineEvent[];
}

/** The clock does not start at 0, so a missing anchor shows up as a wrong position. */
export const CLOCK_ORIGIN_MS = 123_456;

export function harness(timeline: Timeline = sampleTimeline(), options?: SessionEngineOptions): Harness {
	const clock = new ManualClock(CLOCK_ORIGIN_MS);
	const engine = new SessionEngine(timeline, clock, options);
	const events: EngineEvent[] = [];
	engine.onAny((e) => events.push(e));
	return { clock, engine, events };
}

/** A compact, comparable description of an event: type, index and scheduled time. */
export function key(e: EngineEvent): string {
	switch (e.type) {
		case 'state':
			return `state ${e.from}>${e.to} @${e.atMs}`;
		case 'seek':
			return `seek ${e.fromMs}>${e.atMs} ${e.cause}`;
		case 'timeline':
			return `timeline ${e.segmentIndex} ${e.deltaMs} @${e.atMs}`;
		case 'cue':
			return `cue ${e.index} ${e.cue.id} @${e.atMs}`;
		default:
			return `${e.type} ${e.index} @${e.atMs}`;
	}
}

export const keys = (events: readonly EngineEvent[]): string[] => events.map(key);

export const cueEvents = (events: readonly EngineEvent[]): CueEvent[] =>
	events.filter((e): e is CueEvent => e.type === 'cue');

export const cueIds = (events: readonly EngineEvent[]): string[] => cueEvents(events).map((e) => e.cue.id);

/** Keys without the state changes a run's interruptions add (pause, buffering and back). */
export function playbackKeys(events: readonly EngineEvent[]): string[] {
	return events
		.filter((e) => !(e.type === 'state' && (['paused', 'buffering'].includes(e.to) || ['paused', 'buffering'].includes(e.from))))
		.map(key);
}

/** Advance in fixed steps, ticking each time, until the session is no longer under way. */
export function runToEnd(h: Harness, stepMs = 250, limit = 10_000_000): void {
	for (let i = 0; i < limit && !['finished', 'stopped'].includes(h.engine.state); i++) {
		h.clock.advance(stepMs);
		h.engine.tick();
	}
}

/** Advance by `ms` in steps of at most `stepMs`, ticking after each. */
export function play(h: Harness, ms: number, stepMs = 100): void {
	let left = ms;
	while (left > 0) {
		const d = Math.min(stepMs, left);
		h.clock.advance(d);
		h.engine.tick();
		left -= d;
	}
}
