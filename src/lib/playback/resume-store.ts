/**
 * Where a session was, so that a reload (or a phone that killed the tab) can offer to carry
 * on at the same step. This is progress data and stays on the device: the Storage is
 * injected (localStorage in the browser, a fake in tests) and nothing else is touched.
 *
 * The offered place is the START of the saved step: a person coming back in the middle of
 * a hold wants the whole hold, with its cues, not its last seconds.
 */
import type { Timeline } from '../routine/timeline';
import type { SessionEngine } from './engine';
import type { EngineState } from './events';

export const RESUME_VERSION = 1;
/** Older than this, the session is a different day's: start again rather than resume. */
export const RESUME_MAX_AGE_MS = 12 * 60 * 60 * 1000;
/** Saves while playing are at most this often: storage writes are synchronous. */
export const RESUME_SAVE_INTERVAL_MS = 2000;
/** A saved time this far in the future is a device clock that was set back, not corruption. */
const CLOCK_SKEW_TOLERANCE_MS = 60 * 1000;

/** The part of `Storage` used here. */
export interface ResumeStorage {
	getItem(key: string): string | null;
	setItem(key: string, value: string): void;
	removeItem(key: string): void;
}

export interface ResumePoint {
	readonly version: typeof RESUME_VERSION;
	readonly routineId: string;
	readonly level: number;
	/** The authored (unadjusted) timeline's length: a cheap check that the content is the same. */
	readonly timelineDurationMs: number;
	/** In the authored timeline's terms (time added with +10 s is mapped back into the step). */
	readonly positionMs: number;
	readonly stepIndex: number;
	/** Wall-clock ms (Date.now()). */
	readonly savedAt: number;
}

export interface ResumeOffer extends ResumePoint {
	/** Pass this to `engine.start(fromMs)`: the start of the saved step. */
	readonly resumeMs: number;
	readonly stepTitle: string;
}

export function resumeKey(routineId: string, level: number): string {
	return `limber:resume:${routineId}:${level}`;
}

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** The entry's shape and version, nothing about whether it fits a timeline. */
export function parseResumePoint(raw: string): ResumePoint | null {
	let value: unknown;
	try {
		value = JSON.parse(raw);
	} catch {
		return null;
	}
	if (typeof value !== 'object' || value === null) return null;
	const v = value as Record<string, unknown>;
	if (v.version !== RESUME_VERSION || typeof v.routineId !== 'string') return null;
	if (!isCount(v.level) || !isCount(v.stepIndex)) return null;
	if (!isFiniteNumber(v.timelineDurationMs) || !isFiniteNumber(v.positionMs) || !isFiniteNumber(v.savedAt)) return null;
	if (v.positionMs < 0) return null;
	return {
		version: RESUME_VERSION,
		routineId: v.routineId,
		level: v.level,
		timelineDurationMs: v.timelineDurationMs,
		positionMs: v.positionMs,
		stepIndex: v.stepIndex,
		savedAt: v.savedAt
	};
}

export interface ResumeStoreOptions {
	readonly maxAgeMs?: number;
}

/** Reads, writes and forgets resume points. Storage failures (private mode, quota) are swallowed. */
export class ResumeStore {
	readonly #storage: ResumeStorage | null;
	readonly #maxAgeMs: number;

	constructor(storage: ResumeStorage | null | undefined, options: ResumeStoreOptions = {}) {
		this.#storage = storage ?? null;
		this.#maxAgeMs = options.maxAgeMs ?? RESUME_MAX_AGE_MS;
	}

	/**
	 * The saved place for this routine and level if it can still be trusted: well formed,
	 * for the same content (the timeline's length), not finished and recent. Anything
	 * else is removed, since a later load could not use it either.
	 */
	load(routineId: string, level: number, timeline: Timeline, now: number): ResumeOffer | null {
		const key = resumeKey(routineId, level);
		const raw = this.#get(key);
		if (raw === null) return null;
		const point = parseResumePoint(raw);
		const step = point ? timeline.steps[point.stepIndex] : undefined;
		const age = point ? now - point.savedAt : NaN;
		const usable =
			point !== null &&
			step !== undefined &&
			point.routineId === routineId &&
			point.level === level &&
			point.timelineDurationMs === timeline.durationMs &&
			point.positionMs < point.timelineDurationMs &&
			point.positionMs >= step.startMs &&
			point.positionMs <= step.endMs &&
			age <= this.#maxAgeMs &&
			age >= -CLOCK_SKEW_TOLERANCE_MS;
		if (!usable || !point || !step) {
			this.#remove(key);
			return null;
		}
		return { ...point, resumeMs: step.startMs, stepTitle: step.title };
	}

	save(point: ResumePoint): void {
		try {
			this.#storage?.setItem(resumeKey(point.routineId, point.level), JSON.stringify(point));
		} catch {
			// Full or disabled storage: resuming is a convenience, the session goes on.
		}
	}

	clear(routineId: string, level: number): void {
		this.#remove(resumeKey(routineId, level));
	}

	#get(key: string): string | null {
		try {
			return this.#storage?.getItem(key) ?? null;
		} catch {
			return null;
		}
	}

	#remove(key: string): void {
		try {
			this.#storage?.removeItem(key);
		} catch {
			// As in save().
		}
	}
}

/** `window`: the last reliable moment to write before a reload or a closed tab. */
export interface PageHideSource {
	addEventListener(type: 'pagehide', listener: () => void): void;
	removeEventListener(type: 'pagehide', listener: () => void): void;
}

export interface ResumeRecorderOptions {
	readonly store: ResumeStore;
	/** Wall clock for `savedAt` and the throttle (Date.now in the browser). */
	readonly now: () => number;
	/** The timeline as compiled, before any +10 s; defaults to the engine's at construction. */
	readonly timeline?: Timeline;
	readonly intervalMs?: number;
	readonly page?: PageHideSource | null;
}

const UNDER_WAY: readonly EngineState[] = ['count-in', 'playing', 'paused', 'buffering'];

/**
 * Map a position in the engine's (possibly adjusted) timeline into the authored one, so it
 * stays comparable with the authored duration the entry is matched on. Steps keep their
 * index under adjustment; only their lengths change.
 */
function authoredPosition(authored: Timeline, current: Timeline, stepIndex: number, positionMs: number): number {
	const a = authored.steps[stepIndex];
	const c = current.steps[stepIndex];
	if (!a || !c) return Math.min(positionMs, authored.durationMs);
	const into = Math.max(0, positionMs - c.startMs);
	return a.startMs + Math.min(into, Math.max(0, a.endMs - a.startMs - 1));
}

/** Follows one engine and keeps its resume point up to date. */
export class ResumeRecorder {
	readonly #engine: SessionEngine;
	readonly #store: ResumeStore;
	readonly #now: () => number;
	readonly #authored: Timeline;
	readonly #intervalMs: number;
	readonly #page: PageHideSource | null;
	readonly #unsubscribe: (() => void)[];
	#lastSavedAt = -Infinity;
	#destroyed = false;

	constructor(engine: SessionEngine, options: ResumeRecorderOptions) {
		this.#engine = engine;
		this.#store = options.store;
		this.#now = options.now;
		this.#authored = options.timeline ?? engine.timeline;
		this.#intervalMs = options.intervalMs ?? RESUME_SAVE_INTERVAL_MS;
		this.#page = options.page ?? null;
		this.#unsubscribe = [
			engine.on('state', (e) => {
				if (e.to === 'finished' || e.to === 'stopped') this.clear();
				else if (e.to === 'paused') this.saveNow();
			}),
			engine.on('step', () => this.saveNow())
		];
		this.#page?.addEventListener('pagehide', this.#onPageHide);
	}

	/** Call from the player's tick: saves while playing, at most once per interval. */
	tick(): void {
		const state = this.#engine.state;
		if (state !== 'playing' && state !== 'count-in') return;
		if (this.#now() - this.#lastSavedAt < this.#intervalMs) return;
		this.saveNow();
	}

	/** Save at once if a session is under way (not before start, not after the end). */
	saveNow(): void {
		if (this.#destroyed || !UNDER_WAY.includes(this.#engine.state)) return;
		const { positionMs, stepIndex } = this.#engine.snapshot();
		const savedAt = this.#now();
		this.#lastSavedAt = savedAt;
		this.#store.save({
			version: RESUME_VERSION,
			routineId: this.#authored.routineId,
			level: this.#authored.level,
			timelineDurationMs: this.#authored.durationMs,
			positionMs: authoredPosition(this.#authored, this.#engine.timeline, stepIndex, positionMs),
			stepIndex,
			savedAt
		});
	}

	clear(): void {
		this.#store.clear(this.#authored.routineId, this.#authored.level);
	}

	/** Saves a session still under way (leaving the page in the app is not "stop"), then detaches. */
	destroy(): void {
		if (this.#destroyed) return;
		this.saveNow();
		this.#destroyed = true;
		for (const off of this.#unsubscribe) off();
		this.#page?.removeEventListener('pagehide', this.#onPageHide);
	}

	readonly #onPageHide = (): void => this.saveNow();
}
