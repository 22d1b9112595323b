/**
 * Init script (runs before the page's own scripts): the output tap and the source log.
 *
 * - `__benchTap.install(ctx, node)` connects `node` (howler's master gain, or the
 *   baseline's output gain) to an onset-detecting AudioWorklet in parallel with its
 *   normal route, so what is measured is what the page sends to the speakers.
 * - AudioBufferSourceNode start()/stop() are wrapped to note each `when` and the
 *   buffer's lead-in (the silence at the head of the file, measured at the tap's
 *   threshold), so an onset at the tap can be turned back into the moment the source
 *   started. The wrapper only observes: it passes the call on unchanged.
 *
 * BENCH_CONFIG is defined by the loader (bench/lib/page-script.ts).
 */
import type { SourceStart, SourceStop, TapConfig, TapReport, TapSegment } from '../sync/types';

declare const BENCH_CONFIG: TapConfig;

interface BenchTap {
	install(ctx: AudioContext, node: AudioNode): Promise<number>;
	ctxIdOf(ctx: BaseAudioContext): number;
	report(): Promise<TapReport>;
}

const config = BENCH_CONFIG;
const ctxIds = new WeakMap<BaseAudioContext, number>();
const sourceIds = new WeakMap<AudioBufferSourceNode, number>();
const leadIns = new WeakMap<AudioBuffer, number | null>();
const starts: SourceStart[] = [];
const stops: SourceStop[] = [];
const segments: TapSegment[] = [];
let nextCtxId = 1;
let nextSourceId = 1;
let tapNode: AudioWorkletNode | null = null;
let tapCtxId: number | null = null;
let noiseFloor = 0;

const ctxIdOf = (ctx: BaseAudioContext): number => {
	let id = ctxIds.get(ctx);
	if (id === undefined) {
		id = nextCtxId++;
		ctxIds.set(ctx, id);
	}
	return id;
};

/** Seconds of near-silence before the first sample the tap would call sound. */
const leadInOf = (buffer: AudioBuffer): number | null => {
	const cached = leadIns.get(buffer);
	if (cached !== undefined) return cached;
	let first = Infinity;
	for (let c = 0; c < buffer.numberOfChannels; c++) {
		const data = buffer.getChannelData(c);
		const end = Math.min(data.length, first);
		for (let i = 0; i < end; i++) {
			if (Math.abs(data[i] ?? 0) >= config.thresholdAmp) {
				first = i;
				break;
			}
		}
	}
	const lead = Number.isFinite(first) ? first / buffer.sampleRate : null;
	leadIns.set(buffer, lead);
	return lead;
};

const sourceIdOf = (node: AudioBufferSourceNode): number => {
	let id = sourceIds.get(node);
	if (id === undefined) {
		id = nextSourceId++;
		sourceIds.set(node, id);
	}
	return id;
};

const nativeStart = AudioBufferSourceNode.prototype.start;
const nativeStop = AudioBufferSourceNode.prototype.stop;

AudioBufferSourceNode.prototype.start = function (this: AudioBufferSourceNode, when?: number, offset?: number, duration?: number) {
	try {
		const buffer = this.buffer;
		starts.push({
			sourceId: sourceIdOf(this),
			ctxId: ctxIdOf(this.context),
			whenSec: when ?? 0,
			calledAtSec: this.context.currentTime,
			durationSec: buffer?.duration ?? 0,
			leadInSec: buffer ? leadInOf(buffer) : null
		});
	} catch {
		// Observing must never break the page's audio.
	}
	// Pass the arguments on exactly as given: start(when) and start(when, undefined) differ.
	return nativeStart.apply(this, [when, offset, duration].slice(0, arguments.length) as [number?, number?, number?]);
};

AudioBufferSourceNode.prototype.stop = function (this: AudioBufferSourceNode, when?: number) {
	try {
		stops.push({ sourceId: sourceIdOf(this), whenSec: when ?? 0, calledAtSec: this.context.currentTime });
	} catch {
		// As above.
	}
	return nativeStop.apply(this, [when].slice(0, arguments.length) as [number?]);
};

const flush = (): Promise<void> =>
	new Promise((resolve) => {
		const node = tapNode;
		if (!node) return resolve();
		// The worklet answers on the audio thread's next quantum; don't hang if it never does.
		const giveUp = setTimeout(resolve, 2000);
		node.port.addEventListener('message', (e: MessageEvent<{ type: string }>) => {
			if (e.data.type === 'flushed') {
				clearTimeout(giveUp);
				resolve();
			}
		});
		node.port.postMessage('flush');
	});

const tap: BenchTap = {
	async install(ctx, node) {
		const url = URL.createObjectURL(new Blob([config.workletSource], { type: 'text/javascript' }));
		await ctx.audioWorklet.addModule(url);
		tapNode?.disconnect();
		// No outputs: Chromium still renders a node without outputs (like an AnalyserNode).
		const worklet = new AudioWorkletNode(ctx, 'bench-onset-tap', {
			numberOfInputs: 1,
			numberOfOutputs: 0,
			processorOptions: { thresholdAmp: config.thresholdAmp, minSilenceSec: config.minSilenceSec }
		});
		worklet.port.onmessage = (e: MessageEvent<{ type: 'segment'; segment: TapSegment } | { type: 'flushed'; noiseFloor: number }>) => {
			if (e.data.type === 'segment') segments.push(e.data.segment);
			else noiseFloor = Math.max(noiseFloor, e.data.noiseFloor);
		};
		node.connect(worklet);
		tapNode = worklet;
		tapCtxId = ctxIdOf(ctx);
		return tapCtxId;
	},
	ctxIdOf,
	async report() {
		await flush();
		return {
			installed: tapNode !== null,
			ctxId: tapCtxId,
			sampleRate: tapNode?.context.sampleRate ?? null,
			segments: [...segments],
			starts: starts.filter((s) => s.ctxId === tapCtxId),
			stops: [...stops],
			noiseFloor
		};
	}
};

Object.assign(window, { __benchTap: tap });
