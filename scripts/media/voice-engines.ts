/**
 * The speech engines the generator can use, each turning one phrase into a WAV file.
 *
 * Chosen by comparison on the app's own phrases (the note on issue 18 has the details):
 * festival with Debian's festvox-us-slt-hts (an HTS statistical voice of a US English
 * woman, 32 kHz) sounds like a person reading; espeak-ng's formant voice is clear but
 * robotic; flite's voices and festival's diphone voice (kal) sit between, with a buzzy,
 * clipped quality. So HTS is the default and espeak-ng the fallback: for a machine without
 * festival (LIMBER_VOICE=espeak-ng), and for any phrase festival fails to say.
 *
 * Two styles. Exercise cues are crisp: a little quicker than the voice's own pace, one
 * utterance, festival's own short pauses. Relaxation phrases (breathing, muscle relaxation,
 * the bedtime track) are calm: slower, a semitone lower, and said clause by clause with a
 * real pause at each comma and a longer one at each full stop, the way a person guiding
 * relaxation reads.
 */
import { spawn } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type VoiceStyle = 'calm' | 'crisp';
export type EngineName = 'festival' | 'espeak-ng';

export interface EngineId {
	readonly engine: EngineName | 'recorded';
	readonly voice: string;
}

export const FESTIVAL_VOICE = 'cmu_us_slt_arctic_hts';
export const ESPEAK_VOICE = 'en-gb';

/** Everything that shapes the sound of each style; changing any of it remakes the phrases. */
export const STYLES = {
	crisp: {
		/** hts_engine's speaking rate (1: the voice's own). */
		rate: 1.04,
		/** hts_engine's pitch shift in semitones. */
		semitones: 0,
		/** null: the phrase is said as one utterance. */
		pauses: null,
		espeak: { wpm: 150, pitch: 40, wordGap: 1 }
	},
	calm: {
		rate: 0.86,
		semitones: -1,
		pauses: { commaMs: 380, sentenceMs: 650 },
		espeak: { wpm: 128, pitch: 32, wordGap: 3 }
	}
} as const;

interface Run {
	readonly stdout: string;
	readonly stderr: string;
}

export function run(cmd: string, args: readonly string[], input?: string): Promise<Run> {
	return new Promise((resolve, reject) => {
		const p = spawn(cmd, [...args], { stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		p.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
		p.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
		p.on('error', reject);
		p.on('close', (code) => (code === 0 ? resolve({ stdout, stderr }) : reject(new Error(`${cmd} exited ${code}: ${stderr.trim().slice(-800)}`))));
		if (p.stdin) {
			// A tool that exits before reading all of its input is answered by its exit code.
			p.stdin.on('error', () => undefined);
			p.stdin.end(input);
		}
	});
}

/** What an engine is asked to say: the same words, with punctuation it would read aloud smoothed. */
export function speakable(text: string): string {
	return text
		.replace(/(\p{L})[–—-](\p{L})/gu, '$1 $2')
		.replace(/\s[–—]\s/g, ', ')
		.replace(/×/g, ' times ');
}

/** One clause of a calm phrase and the pause after it. */
export interface Clause {
	readonly text: string;
	readonly pauseMs: number;
}

/**
 * A phrase cut where a reader would pause: after a comma, colon or semicolon (short) and
 * after a sentence (long). No pause after the last clause; the file's tail is added later.
 */
export function clauses(text: string, pauses: { readonly commaMs: number; readonly sentenceMs: number }): Clause[] {
	const parts = speakable(text)
		.split(/(?<=[,;:.!?])\s+/u)
		.map((p) => p.trim())
		.filter((p) => p.length > 0);
	return parts.map((p, i) => ({
		text: p,
		pauseMs: i === parts.length - 1 ? 0 : /[.!?]$/u.test(p) ? pauses.sentenceMs : pauses.commaMs
	}));
}

/** Is festival with the HTS voice installed? */
export async function festivalAvailable(): Promise<boolean> {
	try {
		const { stdout } = await run('festival', ['--batch', `(begin (voice_${FESTIVAL_VOICE}) (print current-voice))`]);
		return stdout.includes(FESTIVAL_VOICE.replace(/_hts$/, ''));
	} catch {
		return false;
	}
}

export async function engineVersion(engine: EngineName): Promise<string> {
	if (engine === 'espeak-ng') return (await run('espeak-ng', ['--version'])).stdout.trim();
	return (await run('festival', ['--version'])).stdout.trim();
}

const schemeString = (text: string): string => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** A festival batch script that says each clause into its own file, loading the voice once. */
export function festivalScript(style: VoiceStyle, texts: readonly string[], outs: readonly string[]): string {
	const s = STYLES[style];
	const lines = [`(voice_${FESTIVAL_VOICE})`, `(set! hts_engine_params (append hts_engine_params (list (list "-r" ${s.rate}) (list "-fm" ${s.semitones}))))`];
	texts.forEach((t, i) => lines.push(`(utt.save.wave (utt.synth (Utterance Text ${schemeString(t)})) ${schemeString(outs[i] as string)} 'riff)`));
	return `${lines.join('\n')}\n`;
}

/** Trim an engine's own leading and trailing silence (sox) and add `pauseMs` after, at 48 kHz mono float. */
async function trimmed(input: string, output: string, pauseMs: number): Promise<void> {
	const pad = pauseMs > 0 ? ['pad', '0', (pauseMs / 1000).toFixed(3)] : [];
	await run('sox', ['-V1', input, '-r', '48000', '-c', '1', '-e', 'floating-point', '-b', '32', output, 'silence', '1', '0.01', '-55d', 'reverse', 'silence', '1', '0.02', '-55d', 'reverse', ...pad]);
}

async function festivalUtterances(texts: readonly string[], style: VoiceStyle, outs: readonly string[], script: string): Promise<void> {
	writeFileSync(script, festivalScript(style, texts, outs));
	await run('festival', ['--batch', script]);
	// festival reports a failed utterance on stderr and carries on: a missing file is the sign.
	for (const out of outs) if (!existsSync(out)) throw new Error(`festival wrote no ${out}`);
}

async function espeakUtterances(texts: readonly string[], style: VoiceStyle, outs: readonly string[]): Promise<void> {
	const e = STYLES[style].espeak;
	for (const [i, text] of texts.entries()) {
		await run('espeak-ng', ['-v', ESPEAK_VOICE, '-s', String(e.wpm), '-p', String(e.pitch), '-g', String(e.wordGap), '-w', outs[i] as string, '--stdin'], text);
	}
}

/**
 * Say `text` in `style` with `engine` into `out` (48 kHz mono float WAV, trimmed of the
 * engine's silence at both ends, calm pauses inside). `tmp` holds the pieces.
 */
export async function synthesiseRaw(engine: EngineName, text: string, style: VoiceStyle, out: string, tmp: string, base: string): Promise<void> {
	const pauses = STYLES[style].pauses;
	const pieces = pauses ? clauses(text, pauses) : [{ text: speakable(text), pauseMs: 0 }];
	const raws = pieces.map((_, i) => join(tmp, `${base}-${engine}-${i}-raw.wav`));
	const script = join(tmp, `${base}.scm`);
	const files: string[] = [...raws, script];
	try {
		if (engine === 'festival') await festivalUtterances(pieces.map((p) => p.text), style, raws, script);
		else await espeakUtterances(pieces.map((p) => p.text), style, raws);
		const args: string[] = [];
		for (const [i, raw] of raws.entries()) {
			const cut = join(tmp, `${base}-${engine}-${i}.wav`);
			files.push(cut);
			await trimmed(raw, cut, (pieces[i] as Clause).pauseMs);
			args.push(cut);
		}
		if (args.length === 1) await run('sox', ['-V1', args[0] as string, out]);
		else await run('sox', ['-V1', ...args, out]);
	} finally {
		for (const f of files) rmSync(f, { force: true });
	}
}
