/** A real SessionEngine and a CueScheduler sharing one manual clock with a fake audio port. */
import { CueScheduler, type CueSchedulerOptions, type CancelRecord, type CueScheduleRecord, type SoundFiles, type VisualCue } from '../../../src/lib/media/cue-scheduler';
import type { AudioChannel, ChannelGains } from '../../../src/lib/media/audio-port';
import type { VoiceEntry, VoiceManifest } from '../../../src/lib/media/voice-manifest';
import { ManualClock } from '../../../src/lib/playback/clock';
import { SessionEngine } from '../../../src/lib/playback/engine';
import type { Cue, CueKind, Timeline } from '../../../src/lib/routine/timeline';
import { FakeAudioPort } from './fake-audio-port';

/** Not 0, so a scheduler that forgot the engine's anchor shows up as a wrong audio time. */
export const ORIGIN_MS = 50_000;

export interface SchedulerHarness {
	readonly clock: ManualClock;
	readonly engine: SessionEngine;
	readonly port: FakeAudioPort;
	readonly scheduler: CueScheduler;
	readonly records: CueScheduleRecord[];
	readonly cancels: CancelRecord[];
	readonly visuals: VisualCue[];
	/** Advance the clock and tick as the player does: engine first, then scheduler. */
	step(ms: number): void;
}

export const fullVolume: ChannelGains = { gainFor: (_c: AudioChannel) => 1 };

export function schedulerHarness(
	timeline: Timeline,
	options: Partial<CueSchedulerOptions> = {}
): SchedulerHarness {
	const clock = new ManualClock(ORIGIN_MS);
	const engine = new SessionEngine(timeline, clock);
	const port = new FakeAudioPort(clock);
	const scheduler = new CueScheduler(engine, port, {
		voices: options.voices ?? { version: 1, voices: {} },
		sounds: options.sounds ?? soundsFor(timeline),
		gains: options.gains ?? fullVolume,
		...options
	});
	const records: CueScheduleRecord[] = [];
	const cancels: CancelRecord[] = [];
	const visuals: VisualCue[] = [];
	scheduler.on('schedule', (r) => records.push(r));
	scheduler.on('cancel', (c) => cancels.push(c));
	scheduler.on('visualCue', (v) => visuals.push(v));
	const step = (ms: number) => {
		clock.advance(ms);
		engine.tick();
		scheduler.tick();
	};
	return { clock, engine, port, scheduler, records, cancels, visuals, step };
}

/** The catalogue entry for every sound a timeline uses. */
export function soundsFor(timeline: Timeline): SoundFiles {
	const out: Record<string, { files: string[] }> = {};
	for (const c of timeline.cues) if (c.sound) out[c.sound] = { files: [`sounds/${c.sound}.webm`, `sounds/${c.sound}.m4a`] };
	return out;
}

/** Give cues a sound: by kind, or one sound for all. */
export function withSounds(timeline: Timeline, sound: string | Partial<Record<CueKind, string>>): Timeline {
	const pick = (c: Cue) => (typeof sound === 'string' ? sound : (sound[c.kind] ?? null));
	return { ...timeline, cues: timeline.cues.map((c) => ({ ...c, sound: pick(c) })) };
}

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'x';

/** A manifest that speaks the given texts for the given lengths; files named after the text. */
export function manifest(durations: Record<string, number>): VoiceManifest {
	const voices: Record<string, VoiceEntry> = {};
	for (const [text, durationMs] of Object.entries(durations)) {
		voices[text] = { files: [`voice/${slug(text)}.webm`, `voice/${slug(text)}.m4a`], durationMs };
	}
	return { version: 1, voices };
}

/** The buffer key the scheduler plays for a text in a `manifest()`. */
export const vkey = (text: string): string => `voice:voice/${slug(text)}.webm`;

export const recordsFor = (records: readonly CueScheduleRecord[], cueId: string, part: 'sound' | 'voice' = 'sound') =>
	records.filter((r) => r.cueId === cueId && r.part === part);
