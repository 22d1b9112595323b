/**
 * Evaluated in a blank page: the naive way to make cue sounds, to compare the player with.
 * A setInterval(…, 1000) counts seconds; whenever the count reaches a cue's time it plays a
 * beep with an OscillatorNode started "now". No lookahead, no audio-clock scheduling, so
 * every beep lands wherever the main-thread timer happens to fire.
 *
 * The beeps go through one gain node that the tap (bench/page/tap.ts) watches, exactly as
 * the player's sounds go through howler's master gain.
 */
import type { BaselineBeep, BaselineReport } from '../sync/types';

interface BenchTapLike {
	install(ctx: AudioContext, node: AudioNode): Promise<number>;
}

const BEEP_SEC = 0.05;

const tap = (window as unknown as { __benchTap: BenchTapLike }).__benchTap;
const beeps: BaselineBeep[] = [];
let ctx: AudioContext | null = null;
let out: GainNode | null = null;
let cueMs: number[] = [];
let t0Sec = 0;
let perf0Ms = 0;
let counter = 0;
let outputOffset0Ms = 0;

/** performance.now() minus the audio clock at the output: grows when the audio clock loses time. */
const outputOffsetMs = (audio: AudioContext): number => {
	const o = audio.getOutputTimestamp();
	return (o.performanceTime ?? 0) - (o.contextTime ?? 0) * 1000;
};

const beep = (audio: AudioContext, dest: AudioNode, atMs: number): void => {
	const osc = audio.createOscillator();
	osc.frequency.value = 1000;
	osc.connect(dest);
	osc.start();
	osc.stop(audio.currentTime + BEEP_SEC);
	beeps.push({ cueMs: atMs, calledAtSec: audio.currentTime, perfMs: performance.now(), audioLossMs: outputOffsetMs(audio) - outputOffset0Ms });
};

/** Play every cue in (fromMs, toMs]: what the count just reached. */
const beepBetween = (fromMs: number, toMs: number): void => {
	if (!ctx || !out) return;
	for (const at of cueMs) if (at > fromMs && at <= toMs) beep(ctx, out, at);
};

const baseline = {
	async prepare(): Promise<number> {
		ctx = new AudioContext();
		await ctx.resume();
		out = ctx.createGain();
		out.gain.value = 0.5;
		out.connect(ctx.destination);
		await tap.install(ctx, out);
		return ctx.sampleRate;
	},
	start(times: number[]): void {
		if (!ctx) throw new Error('prepare() first');
		cueMs = [...new Set(times)].sort((a, b) => a - b);
		const last = cueMs.at(-1) ?? 0;
		// The bench's own reading first, so that it does not delay the countdown it measures.
		outputOffset0Ms = outputOffsetMs(ctx);
		t0Sec = ctx.currentTime;
		perf0Ms = performance.now();
		counter = 0;
		const timer = setInterval(() => {
			counter++;
			beepBetween((counter - 1) * 1000, counter * 1000);
			if (counter * 1000 >= last) clearInterval(timer);
		}, 1000);
		beepBetween(-1, 0);
	},
	report(): BaselineReport {
		return { t0Sec, perf0Ms, counter, beeps: [...beeps], cueMs: [...cueMs] };
	},
	audioNow(): number {
		return ctx?.currentTime ?? 0;
	}
};

Object.assign(window, { __baseline: baseline });
