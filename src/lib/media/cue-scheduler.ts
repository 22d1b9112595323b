/**
 * Decides when each cue sounds. The engine says which cues are coming; this turns each into
 * a start time on the audio clock a little ahead (a lookahead, as in "A Tale of Two Clocks"),
 * so the sound lands on the sample instead of wherever the next timer tick happens to fall.
 *
 * - Exactly once per pass: a cue is scheduled the first tick it is within the lookahead and
 *   remembered as pending until the engine emits it. Pause, stop, buffering, seeks, skips
 *   and ±10 s end the pass: whatever has not started is cancelled, and the engine offers
 *   the cues ahead again at their new times (so a backward seek plays them again).
 * - Late cues (a tick that came too late to schedule ahead, or the cue at a seek's landing
 *   point) arrive as the engine's cue event and play at once, unless they are low priority
 *   and more than `lateDropMs` late, or anything more than `staleMs` late (after a sleep).
 * - Speech follows the voice-queue rule; beeps never wait.
 * - A sound that cannot play (audio locked or broken, file missing) becomes a `visualCue`
 *   when the cue falls due, so the screen can flash instead. Nothing here ends a session.
 */
import type { SessionEngine } from '../playback/engine';
import { isRunning, type CueEvent, type EngineState } from '../playback/events';
import type { Cue, CueKind, Timeline } from '../routine/timeline';
import { AUDIO_CHANNELS, type AudioChannel, type AudioPort, type ChannelGains, type PlayHandle } from './audio-port';
import { voiceFor, type VoiceEntry, type VoiceManifest } from './voice-manifest';
import { placeSpeech, speechPriority, VOICE_RULES, type ScheduledSpeech, type VoiceRules } from './voice-queue';

/** Sound id → its files, as in the media catalogue's `sounds`. */
export type SoundFiles = Readonly<Record<string, { readonly files: readonly string[] }>>;

export interface CueSchedulerOptions {
	readonly voices: VoiceManifest;
	readonly sounds: SoundFiles;
	readonly gains: ChannelGains;
	/**
	 * How far ahead cues are scheduled. Pause, seeks and skips cancel whatever has not
	 * started, so this only has to outlast the output latency plus the longest gap between
	 * ticks that should not make a cue late.
	 */
	readonly lookaheadMs?: number;
	/** The same while the page is hidden, when the renderer runs at low priority and ticks come late. */
	readonly hiddenLookaheadMs?: number;
	/** Whether the page is hidden now; default: never. */
	readonly isHidden?: () => boolean;
	/** A low-priority cue later than this is dropped instead of played late. */
	readonly lateDropMs?: number;
	/** Any cue later than this is dropped: after a sleep or a long stall, old news is noise. */
	readonly staleMs?: number;
	readonly voiceRules?: VoiceRules;
}

/**
 * A cue is placed on the heard timeline, which runs the output latency (20–40 ms here, more
 * on phones) behind what the context renders: 300 ms leaves ~250 ms for a late tick.
 * bench:sync at load 11 saw gaps between ticks of up to 370 ms with the page hidden.
 */
export const LOOKAHEAD_MS = 300;
export const HIDDEN_LOOKAHEAD_MS = 1500;
export const LATE_DROP_MS = 250;
export const STALE_MS = 3000;
/** A short fade when pause silences speech, so it stops without a click. */
const PAUSE_FADE_SEC = 0.04;

export type DropReason = 'late' | 'stale' | 'voice-busy' | 'unavailable' | 'missing';

/** How one part (sound or voice) of one cue was placed; for the benchmark and tests. */
export interface CueScheduleRecord {
	readonly cueId: string;
	readonly kind: CueKind;
	readonly part: 'sound' | 'voice';
	/** When the cue is due on the audio clock (in the past for a late cue). */
	readonly dueAudioSec: number;
	/** When it was told to start; null if dropped. */
	readonly scheduledAudioSec: number | null;
	readonly dropped?: true;
	readonly reason?: DropReason | 'clear' | 'queued' | 'interrupts' | 'late';
}

export type CancelCause = Extract<EngineState, 'paused' | 'stopped' | 'buffering' | 'finished'> | 'seek' | 'timeline' | 'audio-lost' | 'destroy';

export interface CancelRecord {
	readonly cause: CancelCause;
	/** Cues that had been scheduled ahead and will now not sound in this pass. */
	readonly cueIds: readonly string[];
}

/** A cue whose sound could not play: flash the screen instead. */
export interface VisualCue {
	readonly cueId: string;
	readonly kind: CueKind;
	readonly atMs: number;
	readonly sound: string;
}

export interface CueSchedulerEventMap {
	schedule: CueScheduleRecord;
	cancel: CancelRecord;
	visualCue: VisualCue;
}

export const soundKey = (id: string): string => `sound:${id}`;
export const voiceKey = (entry: VoiceEntry): string => `voice:${entry.files[0] ?? ''}`;

/** Every buffer a timeline's cues can need, each once: what the player asks the port to load. */
export function cueMedia(
	timeline: Timeline,
	sounds: SoundFiles,
	voices: VoiceManifest
): { readonly key: string; readonly files: readonly string[] }[] {
	const out = new Map<string, readonly string[]>();
	for (const cue of timeline.cues) {
		const sound = cue.sound !== null && Object.hasOwn(sounds, cue.sound) ? sounds[cue.sound] : undefined;
		if (cue.sound !== null && sound) out.set(soundKey(cue.sound), sound.files);
		const voice = speechPriority(cue.kind) ? voiceFor(voices, cue.text) : undefined;
		if (voice) out.set(voiceKey(voice), voice.files);
	}
	return [...out].map(([key, files]) => ({ key, files }));
}

interface Pending {
	readonly cue: Cue;
	readonly soundHandle: PlayHandle | null;
	readonly soundFailed: boolean;
	/** Its speech on the voice channel, if placed. */
	readonly speechId: string | null;
}

interface VoiceItem extends ScheduledSpeech {
	readonly handle: PlayHandle;
	endSec: number;
}

type Listeners = { [K in keyof CueSchedulerEventMap]: Set<(e: CueSchedulerEventMap[K]) => void> };

export class CueScheduler {
	readonly #engine: SessionEngine;
	readonly #port: AudioPort;
	readonly #voices: VoiceManifest;
	readonly #sounds: SoundFiles;
	readonly #gains: ChannelGains;
	readonly #lookaheadMs: number;
	readonly #hiddenLookaheadMs: number;
	readonly #isHidden: () => boolean;
	readonly #lateDropMs: number;
	readonly #staleMs: number;
	readonly #rules: VoiceRules;
	readonly #unsubscribe: () => void;
	readonly #listeners: Listeners = { schedule: new Set(), cancel: new Set(), visualCue: new Set() };

	/** Cues scheduled ahead in this pass that the engine has not emitted yet. */
	readonly #pending = new Map<string, Pending>();
	/** Speech placed on the voice channel that may still be sounding or waiting to. */
	#speech: VoiceItem[] = [];
	#speechSeq = 0;
	readonly #appliedGain = new Map<AudioChannel, number>();
	#wasUsable = false;
	#destroyed = false;

	constructor(engine: SessionEngine, port: AudioPort, options: CueSchedulerOptions) {
		this.#engine = engine;
		this.#port = port;
		this.#voices = options.voices;
		this.#sounds = options.sounds;
		this.#gains = options.gains;
		this.#lookaheadMs = options.lookaheadMs ?? LOOKAHEAD_MS;
		this.#hiddenLookaheadMs = Math.max(this.#lookaheadMs, options.hiddenLookaheadMs ?? HIDDEN_LOOKAHEAD_MS);
		this.#isHidden = options.isHidden ?? (() => false);
		this.#lateDropMs = options.lateDropMs ?? LATE_DROP_MS;
		this.#staleMs = options.staleMs ?? STALE_MS;
		this.#rules = options.voiceRules ?? VOICE_RULES;
		this.#wasUsable = port.usable;
		this.#unsubscribe = engine.onAny((e) => {
			switch (e.type) {
				case 'cue':
					this.#onCue(e);
					break;
				case 'seek':
				case 'timeline':
					this.#cancel(e.type, 'unstarted');
					break;
				case 'state':
					if (e.to === 'paused' || e.to === 'stopped') this.#cancel(e.to, 'all');
					else if (e.to === 'buffering') this.#cancel(e.to, 'unstarted');
					// The last words ("Session complete") may be queued behind "Done.": let them finish.
					else if (e.to === 'finished') this.#cancel(e.to, 'keep');
					// Started or resumed: place the first cues now, inside the press, while the start
					// lead is whole. The next tick comes after the page's own work for the start (the
					// stage, the video, the first layout), 100 ms on a busy phone, and the first cue
					// would be handed over late, behind the audio clock. Not while the audio is still
					// unlocking: the cues would be given up as unavailable; the ticks take them then.
					else if (isRunning(e.to) && !isRunning(e.from) && this.#port.usable) this.tick();
					break;
			}
		});
		this.#applyGains();
	}

	on<K extends keyof CueSchedulerEventMap>(type: K, handler: (e: CueSchedulerEventMap[K]) => void): () => void {
		const set = this.#listeners[type] as Set<(e: CueSchedulerEventMap[K]) => void>;
		set.add(handler);
		return () => set.delete(handler);
	}

	/** Call on every worker tick, right after engine.tick(). Cheap when nothing is coming. */
	tick(): void {
		if (this.#destroyed) return;
		this.#applyGains();
		const usable = this.#port.usable;
		// Sources scheduled on a context that stopped would all fire together when it resumes.
		if (this.#wasUsable && !usable) this.#cancel('audio-lost', 'all');
		this.#wasUsable = usable;
		if (usable) this.#port.realign();

		const upcoming = this.#engine.upcomingCues(this.#isHidden() ? this.#hiddenLookaheadMs : this.#lookaheadMs);
		if (upcoming.length === 0) return;
		// One reading of both clocks per tick maps session time onto audio time. The clock's
		// position, not the shown one: during a start lead the first cues are still ahead.
		const posMs = this.#engine.clockPosition;
		const nowSec = this.#port.now();
		for (const cue of upcoming) {
			if (this.#pending.has(cue.id)) continue;
			const dueSec = nowSec + (cue.atMs - posMs) / 1000;
			this.#pending.set(cue.id, this.#place(cue, dueSec, nowSec, false));
		}
	}

	/** Stop listening and silence what this scheduler started. */
	destroy(): void {
		if (this.#destroyed) return;
		this.#destroyed = true;
		this.#unsubscribe();
		this.#cancel('destroy', 'all');
	}

	#onCue(e: CueEvent): void {
		const pending = this.#pending.get(e.cue.id);
		if (pending) {
			this.#pending.delete(e.cue.id);
			if (pending.soundFailed) this.#visual(e.cue);
			return;
		}
		// Not seen ahead of time: decide now whether it is still worth saying.
		const nowSec = this.#port.now();
		const dueSec = nowSec - e.lateMs / 1000;
		const urgent = speechPriority(e.cue.kind) === 'high';
		const tooLate = e.lateMs > this.#staleMs ? 'stale' : e.lateMs > this.#lateDropMs && !urgent ? 'late' : null;
		if (tooLate) {
			for (const part of this.#parts(e.cue)) {
				this.#emit('schedule', { cueId: e.cue.id, kind: e.cue.kind, part, dueAudioSec: dueSec, scheduledAudioSec: null, dropped: true, reason: tooLate });
			}
			return;
		}
		const placed = this.#place(e.cue, dueSec, nowSec, true);
		if (placed.soundFailed) this.#visual(e.cue);
	}

	/** The parts a cue would sound: its beep/bell, and speech if it is spoken and recorded. */
	#parts(cue: Cue): ('sound' | 'voice')[] {
		const parts: ('sound' | 'voice')[] = [];
		if (cue.sound !== null) parts.push('sound');
		if (speechPriority(cue.kind) !== null && voiceFor(this.#voices, cue.text)) parts.push('voice');
		return parts;
	}

	#place(cue: Cue, dueSec: number, nowSec: number, late: boolean): Pending {
		const startSec = Math.max(dueSec, nowSec);
		let soundHandle: PlayHandle | null = null;
		let soundFailed = false;
		if (cue.sound !== null) {
			const base = { cueId: cue.id, kind: cue.kind, part: 'sound', dueAudioSec: dueSec } as const;
			const known = Object.hasOwn(this.#sounds, cue.sound);
			soundHandle = known && this.#port.usable ? this.#port.play(soundKey(cue.sound), startSec, 'sounds') : null;
			if (soundHandle === null) {
				soundFailed = true;
				this.#emit('schedule', { ...base, scheduledAudioSec: null, dropped: true, reason: known ? 'unavailable' : 'missing' });
			} else {
				this.#emit('schedule', { ...base, scheduledAudioSec: startSec, reason: late ? 'late' : 'clear' });
			}
		}
		const speechId = this.#placeVoice(cue, dueSec, startSec, nowSec);
		return { cue, soundHandle, soundFailed, speechId };
	}

	/** Put the cue's speech on the voice channel by the voice-queue rule; its id, or null. */
	#placeVoice(cue: Cue, dueSec: number, startSec: number, nowSec: number): string | null {
		const priority = speechPriority(cue.kind);
		const entry = priority ? voiceFor(this.#voices, cue.text) : undefined;
		if (!priority || !entry) return null;
		const base = { cueId: cue.id, kind: cue.kind, part: 'voice', dueAudioSec: dueSec } as const;
		if (!this.#port.usable) {
			this.#emit('schedule', { ...base, scheduledAudioSec: null, dropped: true, reason: 'unavailable' });
			return null;
		}
		this.#speech = this.#speech.filter((s) => s.endSec > nowSec);
		const seg = this.#engine.timeline.segments[cue.segmentIndex];
		// A cue at its segment's very end ("Done.") has no room inside it: only the delay cap applies.
		const latestStartSec = seg && cue.atMs < seg.endMs ? dueSec + (seg.endMs - cue.atMs) / 1000 : Infinity;
		const placement = placeSpeech(
			{ dueSec: startSec, durationSec: entry.durationMs / 1000, priority, latestStartSec, nowSec },
			this.#speech,
			this.#rules
		);
		if (placement.action === 'drop') {
			this.#emit('schedule', { ...base, scheduledAudioSec: null, dropped: true, reason: placement.reason });
			return null;
		}
		for (const cut of placement.cuts) {
			const item = this.#speech.find((s) => s.id === cut.id);
			if (!item) continue;
			this.#port.stop(item.handle, { atSec: cut.endSec, fadeSec: cut.fadeSec });
			item.endSec = cut.endSec;
		}
		this.#speech = this.#speech.filter((s) => s.endSec > s.startSec);
		const handle = this.#port.play(voiceKey(entry), placement.startSec, 'voice');
		if (handle === null) {
			this.#emit('schedule', { ...base, scheduledAudioSec: null, dropped: true, reason: 'unavailable' });
			return null;
		}
		const id = `${cue.id}#${++this.#speechSeq}`;
		this.#speech.push({ id, handle, startSec: placement.startSec, endSec: placement.startSec + entry.durationMs / 1000 });
		const reason = placement.reason === 'clear' && startSec > dueSec ? 'late' : placement.reason;
		this.#emit('schedule', { ...base, scheduledAudioSec: placement.startSec, reason });
		return id;
	}

	/**
	 * End the pass: nothing scheduled ahead may sound at its old time. `speech` says what
	 * happens to speech of cues already emitted: 'unstarted' also cancels speech still queued
	 * behind other speech (after a jump it would be heard out of place), 'all' also silences
	 * speech that is sounding (pause, stop), 'keep' leaves it be.
	 */
	#cancel(cause: CancelCause, speech: 'keep' | 'unstarted' | 'all'): void {
		const nowSec = this.#port.now();
		const cueIds: string[] = [];
		const pendingSpeech = new Set<string>();
		for (const [id, p] of this.#pending) {
			if (p.soundHandle !== null) this.#port.stop(p.soundHandle);
			if (p.speechId !== null) pendingSpeech.add(p.speechId);
			cueIds.push(id);
		}
		this.#pending.clear();
		const keep: VoiceItem[] = [];
		for (const s of this.#speech) {
			if (pendingSpeech.has(s.id) || (speech !== 'keep' && s.startSec > nowSec)) this.#port.stop(s.handle);
			else if (speech === 'all') this.#port.stop(s.handle, { atSec: nowSec + PAUSE_FADE_SEC, fadeSec: PAUSE_FADE_SEC });
			else keep.push(s);
		}
		this.#speech = keep;
		if (cause === 'stopped' || cause === 'destroy') this.#port.stopAll('sounds');
		if (cueIds.length > 0) this.#emit('cancel', { cause, cueIds });
	}

	#visual(cue: Cue): void {
		if (cue.sound === null) return;
		this.#emit('visualCue', { cueId: cue.id, kind: cue.kind, atMs: cue.atMs, sound: cue.sound });
	}

	#applyGains(): void {
		for (const ch of AUDIO_CHANNELS) {
			const g = this.#gains.gainFor(ch);
			if (this.#appliedGain.get(ch) === g) continue;
			this.#appliedGain.set(ch, g);
			this.#port.setGain(ch, g);
		}
	}

	#emit<K extends keyof CueSchedulerEventMap>(type: K, event: CueSchedulerEventMap[K]): void {
		const set = this.#listeners[type] as Set<(e: CueSchedulerEventMap[K]) => void>;
		// A broken listener (a UI bug) must not stop cues from being scheduled.
		for (const h of [...set]) {
			try {
				h(event);
			} catch (err) {
				console.error('cue scheduler listener failed', err);
			}
		}
	}
}
