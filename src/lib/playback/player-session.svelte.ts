/**
 * One session on one stage: the engine, its runes view, an ordered tick pipeline for the
 * things that follow it, the way requests reach it, the words the stage shows, and one
 * destroy(). The exercise player, the relaxation player and the class screens each build
 * one and add their own followers; the stage's components read it from context
 * (session-context.ts), so none of them wires the engine by hand.
 *
 * Tick order matters and is written down here, not in comments scattered over players:
 *   1. source  — what moves the engine from outside (the class client, the session track)
 *   2. view    — the engine reports what its clock passed, the view mirrors it
 *   3. follow  — media and timers that act on the new position (video, cues, sleep timer)
 *   4. record  — what only writes down where the session is (the resume point)
 *
 * Requests vs state: dispatch() only asks (through the requests given); what the stage
 * shows changes when the engine says so.
 */
import { untrack } from 'svelte';
import type { SessionEngine } from './engine';
import { isRunning, isUnderWay, type EngineState } from './events';
import type { PlayerCommand } from './keymap';
import type { ResumeOffer } from './resume-store';
import { SessionEndReporter, stepsDoneBy, type SessionEnd } from './session-end';
import { SessionView } from './session-view.svelte';
import { ControlsVisibility, type VisibilityTimers } from './controls-visibility.svelte';
import { spokenDuration, stageReadout, timerName, toggleLabel, type StageReadout } from './stage-readout';

export type TickStage = 'source' | 'view' | 'follow' | 'record';
const TICK_ORDER: readonly TickStage[] = ['source', 'view', 'follow', 'record'];

/** Something that follows a session: ticked in its stage, destroyed with the session. */
export interface SessionFollower {
	tick?(): void;
	destroy?(): void;
}

/** Where requests go: the view (live players) or the session track (the track player). */
export interface SessionRequests {
	play(): void;
	pause(): void;
	toggle(): void;
	start(fromMs: number): void;
	next(): void;
	previous(): void;
	seek(ms: number): void;
	stop(): void;
	/** Lengthen or shorten the current hold; missing where the session's length is fixed. */
	addTime?(ms: number): void;
}

/** The commands a stage accepts: the keyboard's, plus the stage's own buttons. */
export type StageCommand = PlayerCommand | 'skip' | 'end' | 'resume' | 'get-help' | 'end-session' | 'more' | 'instructions';

export type StageSheet = 'end' | 'more' | 'instructions';

/** What the stage does outside the session itself: sound, full screen. */
export interface StageHandlers {
	mute?(): void;
	fullscreen?(): void;
	exitFullscreen?(): boolean;
}

export interface PlayerSessionOptions {
	readonly onstart?: () => void;
	readonly onend?: (end: SessionEnd) => void;
	/** The exercise's display name for an id (the timeline's titles otherwise). */
	readonly exerciseName?: (exerciseId: string) => string | undefined;
	/** Is the voice speaking the cues? Then the status region leaves phase changes to it. */
	readonly voiceOn?: () => boolean;
	readonly timers?: VisibilityTimers;
}

export function viewRequests(view: SessionView): SessionRequests {
	return {
		play: () => void (view.state === 'ready' ? view.start() : view.resume()),
		pause: () => void view.pause(),
		toggle: () => void view.toggle(),
		start: (fromMs) => void view.start(fromMs),
		next: () => void view.next(),
		previous: () => void view.previous(),
		seek: (ms) => void view.seek(ms),
		stop: () => void view.stop(),
		addTime: (ms) => void view.addTime(ms)
	};
}

export class PlayerSession {
	readonly engine: SessionEngine;
	readonly view: SessionView;
	readonly controls: ControlsVisibility;
	readonly #pipeline = new Map<TickStage, (() => void)[]>(TICK_ORDER.map((s) => [s, []]));
	readonly #teardown: (() => void)[] = [];
	readonly #reporter: SessionEndReporter;
	readonly #options: PlayerSessionOptions;
	#requests = $state.raw<SessionRequests | null>(null);
	#handlers: StageHandlers = {};
	#beforePlay: (() => void)[] = [];
	#sheet = $state<StageSheet | null>(null);
	#helpOpen = $state(false);
	#captionsOn = $state(true);
	#offer = $state.raw<ResumeOffer | null>(null);
	#announcement = $state('');
	/** The track player holds the end back until its closing words have played out. */
	#endHeld = $state(false);
	readonly #readout: StageReadout = $derived.by(() => this.#read());
	readonly #disposeEffects: () => void;
	#destroyed = false;

	constructor(engine: SessionEngine, options: PlayerSessionOptions = {}) {
		this.engine = engine;
		this.#options = options;
		this.view = new SessionView(engine);
		this.controls = new ControlsVisibility(options.timers ? { timers: options.timers } : {});
		const onend = options.onend;
		this.#reporter = new SessionEndReporter(
			options.onstart,
			onend &&
				((end) => {
					const steps = this.view.timeline.steps;
					onend({ ...end, stepsDone: stepsDoneBy(steps, end.playedMs), stepCount: steps.length });
				})
		);
		this.#disposeEffects = $effect.root(() => {
			$effect(() => {
				const state = this.view.state;
				if (state === 'finished' && this.#endHeld) return;
				const helping = this.#helpOpen;
				untrack(() => this.#reporter.observe(state, this.view.positionMs, this.view.timeline.durationMs, helping));
			});
			$effect(() => {
				const r = this.#readout;
				this.controls.setMayHide(isRunning(this.view.state) && r.part !== 'get-ready' && r.part !== 'rest');
			});
			$effect(() => {
				const open = this.#sheet !== null || this.#helpOpen;
				untrack(() => this.controls.setSheetOpen(open));
			});
			let lastPart = '';
			let lastHeld = false;
			$effect(() => {
				const r = this.#readout;
				const key = `${r.part}:${r.name}:${r.word}`;
				untrack(() => {
					if (r.held !== lastHeld) {
						lastHeld = r.held;
						if (r.part !== 'end' && r.part !== 'ready') this.#announce(r.held ? 'Paused' : `Playing: ${r.name}`);
					} else if (key !== lastPart && !r.held && !(this.#options.voiceOn?.() ?? false)) {
						this.#announce(this.#phaseAnnouncement(r));
					}
					lastPart = key;
				});
			});
		});
	}

	get readout(): StageReadout {
		return this.#readout;
	}
	/** The countdown's accessible name; changes each whole second, read only when focused. */
	get timerName(): string {
		return timerName(this.#readout, Math.ceil(this.view.remainingInSegmentMs / 1000) * 1000);
	}
	get state(): EngineState {
		return this.view.state;
	}
	get underWay(): boolean {
		return isUnderWay(this.view.state);
	}
	get toggleLabel(): string {
		return toggleLabel(this.view.state);
	}
	/** Requests can be made (the track player has none until its audio is ready). */
	get steerable(): boolean {
		return this.#requests !== null;
	}
	get canAddTime(): boolean {
		return this.underWay && this.view.segment.adjustable && this.#requests?.addTime !== undefined;
	}
	get sheet(): StageSheet | null {
		return this.#sheet;
	}
	get helpOpen(): boolean {
		return this.#helpOpen;
	}
	get captionsOn(): boolean {
		return this.#captionsOn;
	}
	/** A saved place to carry on from, offered before the session starts. */
	get offer(): ResumeOffer | null {
		return this.view.state === 'ready' ? this.#offer : null;
	}
	/** The latest thing worth saying to a screen reader; the stage puts it in a status region. */
	get announcement(): string {
		return this.#announcement;
	}

	setRequests(requests: SessionRequests | null): void {
		this.#requests = requests;
	}
	setHandlers(handlers: StageHandlers): void {
		this.#handlers = handlers;
	}
	/** Runs inside every press that starts or resumes sound: the moment audio may unlock. */
	beforePlay(run: () => void): void {
		this.#beforePlay.push(run);
	}
	setEndHeld(held: boolean): void {
		if (this.#endHeld !== held) this.#endHeld = held;
	}
	setOffer(offer: ResumeOffer | null): void {
		this.#offer = offer && offer.resumeMs > 0 ? offer : null;
	}
	setCaptions(on: boolean): void {
		this.#captionsOn = on;
	}

	/** Put a follower in the pipeline; it is destroyed with the session, last added first. */
	add<F extends SessionFollower>(stage: TickStage, follower: F): F {
		if (follower.tick) this.#pipeline.get(stage)?.push(() => follower.tick?.());
		if (follower.destroy) this.#teardown.push(() => follower.destroy?.());
		return follower;
	}
	/** Something to undo on destroy that is not ticked (listeners, bridges). */
	onDestroy(run: () => void): void {
		this.#teardown.push(run);
	}

	tick(): void {
		if (this.#destroyed) return;
		for (const stage of TICK_ORDER) {
			if (stage === 'view') this.view.tick();
			for (const run of this.#pipeline.get(stage) ?? []) run();
		}
	}

	openSheet(sheet: StageSheet): void {
		this.#sheet = sheet;
	}
	closeSheet(): void {
		this.#sheet = null;
	}
	helpClosed(): void {
		this.#helpOpen = false;
		this.#reporter.helpClosed(this.view.positionMs);
	}
	/** The sleep timer paused the session: the wrapper records it without asking anything. */
	sleepTimerRanOut(playedMs: number): void {
		this.#reporter.sleepTimerRanOut(playedMs);
	}

	/** Start, or carry on from a saved place. */
	startFrom(ms: number): void {
		if (!this.#requests) return;
		this.#offer = null;
		this.#unlock();
		this.#requests.start(ms);
	}

	dispatch(command: StageCommand): void {
		const r = this.#requests;
		const state = this.view.state;
		switch (command) {
			case 'toggle':
				if (!r) return;
				if (state === 'ready' || state === 'paused') this.#unlock();
				r.toggle();
				return;
			case 'resume':
				this.#sheet = null;
				if (r && state === 'paused') {
					this.#unlock();
					r.play();
				}
				return;
			case 'next':
				if (this.underWay) r?.next();
				return;
			case 'previous':
				if (this.underWay) r?.previous();
				return;
			case 'skip':
				if (this.underWay && this.#readout.skipLabel) r?.seek(this.view.segment.endMs);
				return;
			case 'add-time':
			case 'remove-time': {
				if (!this.canAddTime || !r?.addTime) return;
				const before = this.view.remainingInSegmentMs;
				r.addTime(command === 'add-time' ? 10_000 : -10_000);
				const after = this.view.remainingInSegmentMs;
				if (after !== before) {
					const change = after > before ? 'added' : 'taken off';
					this.#announce(`${spokenDuration(Math.abs(after - before))} ${change}, ${spokenDuration(after)} left`);
				}
				return;
			}
			case 'captions':
				this.#captionsOn = !this.#captionsOn;
				return;
			case 'mute':
				this.#handlers.mute?.();
				return;
			case 'fullscreen':
				this.#handlers.fullscreen?.();
				return;
			case 'escape':
				if (this.#sheet) this.#sheet = null;
				else if (!this.#handlers.exitFullscreen?.()) r?.pause();
				return;
			case 'end':
				// Help is never more than two presses away: this one pauses and offers it first.
				if (isRunning(state) || state === 'buffering') r?.pause();
				this.#sheet = 'end';
				return;
			case 'get-help':
				this.#sheet = null;
				this.#helpOpen = true;
				r?.stop();
				return;
			case 'end-session':
				this.#sheet = null;
				r?.stop();
				return;
			case 'more':
			case 'instructions':
				this.#sheet = this.#sheet === command ? null : command;
				return;
		}
	}

	destroy(): void {
		if (this.#destroyed) return;
		this.#destroyed = true;
		this.#disposeEffects();
		for (const run of this.#teardown.reverse()) run();
		this.controls.destroy();
		this.view.destroy();
	}

	#unlock(): void {
		for (const run of this.#beforePlay) run();
	}

	#announce(text: string): void {
		this.#announcement = text;
	}

	#phaseAnnouncement(r: StageReadout): string {
		const left = spokenDuration(this.view.remainingInSegmentMs);
		switch (r.part) {
			case 'get-ready':
				return `Get ready: ${r.name}`;
			case 'rest':
				return r.nextUp ? `Rest, ${left}. Up next: ${r.nextUp}` : `Rest, ${left}`;
			case 'switch-sides':
				return ['Switch sides', ...r.counters].join('. ');
			case 'talk':
				return `Talk: ${r.name}`;
			case 'exercise':
				return [r.name, r.word, ...r.counters].join(', ');
			case 'end':
				return this.view.state === 'finished' ? 'Session complete' : 'Session stopped';
			default:
				return '';
		}
	}

	#read(): StageReadout {
		const view = this.view;
		return stageReadout({
			state: view.state,
			timeline: view.timeline,
			segment: view.segment,
			step: view.step,
			...(this.#options.exerciseName ? { exerciseName: this.#options.exerciseName } : {})
		});
	}
}
