/**
 * AudioWorklet processor: runs on the audio rendering thread and sees every sample that
 * reaches it, so an onset is timestamped in the AudioContext's own frames
 * (currentFrame / sampleRate), the clock `start(when)` is scheduled on. Main-thread
 * throttling cannot blur it: only the reporting goes through the message port.
 *
 * A sound is a stretch of samples at or above the threshold; it ends after `minSilenceSec`
 * of quiet, and only then can a new onset be reported. Sounds that begin while another
 * still rings are not separate onsets (the analysis calls those cues masked).
 *
 * Transpiled and loaded as a module from a Blob URL (bench/page/tap.ts).
 */
import type { TapSegment } from '../sync/types';

// The AudioWorkletGlobalScope, which TypeScript's DOM lib does not describe.
declare const sampleRate: number;
declare const currentFrame: number;
declare class AudioWorkletProcessor {
	readonly port: MessagePort;
}
declare function registerProcessor(name: string, ctor: new (options: { processorOptions: TapOptions }) => AudioWorkletProcessor): void;

interface TapOptions {
	readonly thresholdAmp: number;
	readonly minSilenceSec: number;
}

class OnsetTap extends AudioWorkletProcessor {
	readonly #threshold: number;
	readonly #minSilence: number;
	/** Frames of quiet since the last loud sample; starts "long quiet" so the first sound counts. */
	#quiet: number;
	#active = false;
	#onsetFrame = 0;
	#lastLoudFrame = 0;
	#peak = 0;
	#noiseFloor = 0;

	constructor(options: { processorOptions: TapOptions }) {
		super();
		this.#threshold = options.processorOptions.thresholdAmp;
		this.#minSilence = Math.round(options.processorOptions.minSilenceSec * sampleRate);
		this.#quiet = this.#minSilence;
		this.port.onmessage = () => {
			// Flush: report a sound still going, then the noise floor, so the bench can finish.
			if (this.#active) this.#report(null);
			this.port.postMessage({ type: 'flushed', noiseFloor: this.#noiseFloor });
		};
	}

	process(inputs: Float32Array[][]): boolean {
		const channels = inputs[0] ?? [];
		const frames = channels[0]?.length ?? 128;
		for (let i = 0; i < frames; i++) {
			let m = 0;
			for (const ch of channels) {
				const v = Math.abs(ch[i] ?? 0);
				if (v > m) m = v;
			}
			const frame = currentFrame + i;
			if (m >= this.#threshold) {
				if (!this.#active) {
					this.#active = true;
					this.#onsetFrame = frame;
					this.#peak = 0;
				}
				this.#quiet = 0;
				this.#lastLoudFrame = frame;
				if (m > this.#peak) this.#peak = m;
			} else {
				this.#quiet++;
				if (this.#active && this.#quiet >= this.#minSilence) {
					this.#active = false;
					this.#report(this.#lastLoudFrame + 1);
				} else if (!this.#active && m > this.#noiseFloor) {
					this.#noiseFloor = m;
				}
			}
		}
		// Keep running with no input connected: the tap must live as long as the context.
		return true;
	}

	#report(offsetFrame: number | null): void {
		const segment: TapSegment = {
			onsetSec: this.#onsetFrame / sampleRate,
			offsetSec: offsetFrame === null ? null : offsetFrame / sampleRate,
			peak: this.#peak
		};
		this.port.postMessage({ type: 'segment', segment });
	}
}

registerProcessor('bench-onset-tap', OnsetTap);
