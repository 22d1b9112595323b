/**
 * From a phrase's speech (synthesised or recorded) to the two files the app plays: leading
 * and trailing silence trimmed, loudness normalised to one target (EBU R128 integrated),
 * peaks held by a limiter, a short lead and tail added, and encoded as WebM/Opus and
 * M4A/AAC. The generator (voice.ts) and a clinic's recordings (import-voice.ts) both come
 * through here, so every phrase the app plays is equally loud whoever said it.
 */
import { renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './voice-engines';

export const AUDIO = {
	/** Integrated loudness target (EBU R128); a limiter then holds sample peaks here (dBFS). */
	lufs: -18,
	limitDb: -3.5,
	/**
	 * Each encoded file is measured, and made again with the shortfall added to its gain
	 * until it measures this close to the target (LU) or `passes` are spent.
	 */
	settleLu: 0.3,
	passes: 4,
	/** Silence before the speech: keeps the attack out of AAC's priming frame. */
	leadMs: 30,
	tailMs: 60,
	opusKbps: 24,
	aacKbps: 22
} as const;

const FF = ['-nostdin', '-hide_banner', '-y'];
const EXACT = ['-map_metadata', '-1', '-fflags', '+bitexact', '-flags:a', '+bitexact'];

/** Measured integrated loudness and true peak of a file (padded, so very short words still measure). */
export async function loudness(file: string): Promise<{ readonly i: number; readonly tp: number }> {
	const { stderr } = await run('ffmpeg', [...FF, '-loglevel', 'info', '-i', file, '-af', 'apad=pad_dur=0.5,loudnorm=print_format=json', '-f', 'null', '-']);
	const json = stderr.slice(stderr.lastIndexOf('{'), stderr.lastIndexOf('}') + 1);
	const m = JSON.parse(json) as { input_i?: string; input_tp?: string };
	return { i: Number.parseFloat(m.input_i ?? 'NaN'), tp: Number.parseFloat(m.input_tp ?? 'NaN') };
}

export async function durationMs(file: string): Promise<number> {
	const { stdout } = await run('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', file]);
	return Math.round(Number.parseFloat(stdout.trim()) * 1000);
}

/** Trim silence at both ends (quieter than −50 dBFS for a recording's room noise) to 48 kHz mono float. */
export async function trimSilence(input: string, output: string, thresholdDb = -55): Promise<void> {
	const t = `${thresholdDb}dB`;
	const trim = `silenceremove=start_periods=1:start_threshold=${t}:start_silence=0.01,areverse,silenceremove=start_periods=1:start_threshold=${t}:start_silence=0.02,areverse`;
	await run('ffmpeg', [...FF, '-loglevel', 'error', '-i', input, '-af', trim, '-ar', '48000', '-ac', '1', '-c:a', 'pcm_f32le', ...EXACT, output]);
}

type SpeechFormat = 'webm' | 'm4a';

function encoderArgs(format: SpeechFormat): string[] {
	return format === 'webm'
		? ['-ac', '1', '-c:a', 'libopus', '-b:a', `${AUDIO.opusKbps}k`, '-application', 'voip', '-f', 'webm']
		: ['-ac', '1', '-ar', '24000', '-c:a', 'aac', '-b:a', `${AUDIO.aacKbps}k`, '-movflags', '+faststart', '-f', 'mp4'];
}

/** The speech at `gainDb`, its peaks limited, with the lead and tail: 48 kHz 16-bit WAV. */
async function render(speech: string, gainDb: number, out: string): Promise<void> {
	const limit = (10 ** (AUDIO.limitDb / 20)).toFixed(4);
	const pad = `adelay=${AUDIO.leadMs}:all=1,apad=pad_dur=${AUDIO.tailMs / 1000}`;
	const chain = `volume=${gainDb.toFixed(2)}dB,alimiter=limit=${limit}:attack=3:release=60:level=false,${pad}`;
	await run('ffmpeg', [...FF, '-loglevel', 'error', '-i', speech, '-af', chain, '-ar', '48000', '-ac', '1', '-c:a', 'pcm_s16le', ...EXACT, out]);
}

/**
 * Encode `speech` at `gainDb` into `out`, then measure the file as the app will play it
 * and encode it again with the shortfall added, until it lands on the target.
 *
 * The first gain alone lands most phrases within a few tenths. A phrase with a high
 * peak-to-loudness ratio does not: a short plosive count ("Two.", "Six.") or a phrase with
 * one hard consonant ("Chair twist.") needs a gain that drives its peaks far past the
 * ceiling, and the limiter takes loudness down with them; a sibilant word loses more in
 * the codecs, whose bandwidth stops below the hiss that K-weighting counts. Such phrases
 * measured up to 3 LU under the rest. Returns the gain that was kept.
 */
async function encodeSettled(speech: string, gainDb: number, format: SpeechFormat, out: string, wav: string): Promise<number> {
	let gain = gainDb;
	for (let pass = 1; ; pass++) {
		await render(speech, gain, wav);
		await run('ffmpeg', [...FF, '-loglevel', 'error', '-i', wav, ...EXACT, ...encoderArgs(format), out]);
		if (pass >= AUDIO.passes) return gain;
		const got = (await loudness(out)).i;
		if (!Number.isFinite(got) || Math.abs(AUDIO.lufs - got) <= AUDIO.settleLu) return gain;
		gain += AUDIO.lufs - got;
	}
}

/**
 * Normalise and encode trimmed speech (`speech`, any format ffmpeg reads) into
 * outDir/<base>.webm and .m4a, each measured and settled on the target loudness (see
 * encodeSettled); returns the length in ms, lead and tail included.
 */
export async function encodeSpeech(speech: string, base: string, outDir: string, tmp: string): Promise<number> {
	const final = join(tmp, `${base}-final.wav`);
	const { i, tp } = await loudness(speech);
	// Linear gain to the target loudness (speech peaks high, so a fast limiter catches the
	// few peaks that would pass the ceiling); a word too short to measure is peak-normalised
	// and not settled.
	const measurable = Number.isFinite(i) && i > -70;
	const gain = measurable ? AUDIO.lufs - i : AUDIO.limitDb - (Number.isFinite(tp) ? tp : 0);
	const webm = join(outDir, `${base}.webm`);
	const m4a = join(outDir, `${base}.m4a`);
	if (measurable) {
		// The two codecs lose about the same: the Opus file's gain is the AAC file's first guess.
		const kept = await encodeSettled(speech, gain, 'webm', `${webm}.partial`, final);
		await encodeSettled(speech, kept, 'm4a', `${m4a}.partial`, final);
	} else {
		await render(speech, gain, final);
		await run('ffmpeg', [...FF, '-loglevel', 'error', '-i', final, ...EXACT, ...encoderArgs('webm'), `${webm}.partial`]);
		await run('ffmpeg', [...FF, '-loglevel', 'error', '-i', final, ...EXACT, ...encoderArgs('m4a'), `${m4a}.partial`]);
	}
	renameSync(`${webm}.partial`, webm);
	renameSync(`${m4a}.partial`, m4a);
	const ms = await durationMs(final);
	rmSync(final, { force: true });
	return ms;
}

/** The code that shapes every phrase's sound: the voice cache remakes phrases when it changes. */
export const SPEECH_ENCODING_CODE = [encoderArgs, render, encodeSettled, encodeSpeech].map((f) => f.toString()).join('\n');
