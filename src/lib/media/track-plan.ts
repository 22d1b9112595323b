/**
 * What goes into a relaxation session track: every spoken cue and cue sound of a compiled
 * timeline at the offset the live scheduler would play it, with overlapping speech resolved
 * by the same voice-queue rule (voice-queue.ts). So the track says exactly what the live
 * player would, and the captions shown from the track position match what is heard.
 *
 * Also the fingerprint of a timeline's cues that the tracks manifest records: a track
 * whose fingerprint no longer matches the compiled content is stale and is not offered.
 * Pure, shared by the generator (scripts/media/tracks.ts), the server and the tests.
 */
import { TRACK_CAPTION_LINGER_MS, type CaptionSpan } from '../routine/captions';
import type { Timeline } from '../routine/timeline';
import type { SoundFiles } from './cue-scheduler';
import { voiceFor, type VoiceManifest } from './voice-manifest';
import { placeSpeech, speechPriority, VOICE_RULES, type ScheduledSpeech, type VoiceRules } from './voice-queue';

export interface MixItem {
	readonly cueId: string;
	readonly part: 'sound' | 'voice';
	/** Media paths (relative to static/media) of the clip, in the catalogue's order. */
	readonly files: readonly string[];
	/** Where the clip starts in the track. */
	readonly startMs: number;
	/** The clip's own length. */
	readonly durationMs: number;
	/** Where it must be silent by, when cut short by newer speech; null plays it whole. */
	readonly endMs: number | null;
	/** The fade before `endMs`. */
	readonly fadeMs: number;
}

/** How far ahead the live scheduler places a cue; the voice rule needs a "now" for fades. */
const PLAN_LOOKAHEAD_SEC = 0.12;

/**
 * The clips of a track, sorted by start. A cue whose sound id or text has no file is left
 * out (its caption still shows), as in the live player.
 */
export function mixPlan(
	timeline: Timeline,
	voices: VoiceManifest,
	sounds: SoundFiles,
	rules: VoiceRules = VOICE_RULES
): MixItem[] {
	const items: MixItem[] = [];
	const speech: (ScheduledSpeech & { readonly item: number })[] = [];
	for (const cue of timeline.cues) {
		const dueSec = cue.atMs / 1000;
		const sound = cue.sound !== null && Object.hasOwn(sounds, cue.sound) ? sounds[cue.sound] : undefined;
		if (sound) items.push({ cueId: cue.id, part: 'sound', files: sound.files, startMs: cue.atMs, durationMs: 0, endMs: null, fadeMs: 0 });

		const priority = speechPriority(cue.kind);
		const entry = priority ? voiceFor(voices, cue.text) : undefined;
		if (!priority || !entry) continue;
		const seg = timeline.segments[cue.segmentIndex];
		const latestStartSec = seg && cue.atMs < seg.endMs ? seg.endMs / 1000 : Infinity;
		const placement = placeSpeech(
			{ dueSec, durationSec: entry.durationMs / 1000, priority, latestStartSec, nowSec: dueSec - PLAN_LOOKAHEAD_SEC },
			speech,
			rules
		);
		if (placement.action === 'drop') continue;
		for (const cut of placement.cuts) {
			const s = speech.find((x) => x.id === cut.id);
			if (!s) continue;
			const prev = items[s.item] as MixItem;
			items[s.item] = { ...prev, endMs: Math.round(cut.endSec * 1000), fadeMs: Math.round(cut.fadeSec * 1000) };
		}
		const startMs = Math.round(placement.startSec * 1000);
		speech.push({ id: cue.id, startSec: placement.startSec, endSec: placement.startSec + entry.durationMs / 1000, item: items.length });
		items.push({ cueId: cue.id, part: 'voice', files: entry.files, startMs, durationMs: entry.durationMs, endMs: null, fadeMs: 0 });
	}
	// A cut at or before its start means the clip never sounds.
	return items
		.filter((i) => i.endMs === null || i.endMs > i.startMs)
		.sort((a, b) => a.startMs - b.startMs || (a.part === b.part ? 0 : a.part === 'sound' ? -1 : 1));
}

/** What is being said over a stretch of the track: the caption, derived from position only. */
export type TrackCaption = CaptionSpan;

/**
 * The captions of a track, one per utterance it holds, in order. (Sound durations are not
 * needed: a cue sound has no caption of its own.)
 */
export function trackCaptions(timeline: Timeline, plan: readonly MixItem[]): TrackCaption[] {
	const text = new Map(timeline.cues.map((c) => [c.id, c.text]));
	return plan
		.filter((i) => i.part === 'voice')
		.map((i) => ({ text: text.get(i.cueId) ?? '', startMs: i.startMs, endMs: i.endMs ?? i.startMs + i.durationMs }));
}


/**
 * A short fingerprint of everything that shapes a track: the timeline's length and each
 * cue's time, kind, words and sound, plus the speech file each text is recorded in.
 * Not a security hash (cyrb53): it only has to change when the content does.
 */
export function cueFingerprint(timeline: Timeline, voices: VoiceManifest): string {
	const parts = [`${timeline.routineId}@${timeline.level}`, String(timeline.durationMs)];
	for (const c of timeline.cues) {
		// The file name follows the text; its length says whether another voice said it since.
		const entry = voiceFor(voices, c.text);
		parts.push(`${c.atMs}|${c.kind}|${c.sound ?? ''}|${c.text}|${entry?.files[0] ?? ''}|${entry?.durationMs ?? ''}`);
	}
	return cyrb53(parts.join('\n'));
}

function cyrb53(text: string): string {
	let h1 = 0xdeadbeef;
	let h2 = 0x41c6ce57;
	for (let i = 0; i < text.length; i++) {
		const ch = text.charCodeAt(i);
		h1 = Math.imul(h1 ^ ch, 2654435761);
		h2 = Math.imul(h2 ^ ch, 1597334677);
	}
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}
