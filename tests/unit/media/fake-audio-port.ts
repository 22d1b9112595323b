/** An AudioPort on a manual clock that records every play and stop, for the scheduler tests. */
import type { AudioChannel, AudioPort, PlayHandle, StopOptions } from '../../../src/lib/media/audio-port';
import type { ManualClock } from '../../../src/lib/playback/clock';

export interface FakePlay {
	readonly handle: PlayHandle;
	readonly key: string;
	readonly whenSec: number;
	readonly channel: AudioChannel;
	/** When it was made silent; null while it plays to its end. */
	stoppedAtSec: number | null;
	fadeSec: number;
}

export class FakeAudioPort implements AudioPort {
	usable = true;
	/** Keys whose buffer is missing or failed to decode. */
	readonly failing = new Set<string>();
	readonly plays: FakePlay[] = [];
	readonly gainCalls: [AudioChannel, number][] = [];
	readonly stopAllCalls: (AudioChannel | undefined)[] = [];
	realignCalls = 0;
	#next = 0;

	constructor(readonly clock: ManualClock) {}

	now(): number {
		return this.clock.now() / 1000;
	}

	play(key: string, whenSec: number, channel: AudioChannel): PlayHandle | null {
		if (!this.usable || this.failing.has(key)) return null;
		const handle = ++this.#next as PlayHandle;
		this.plays.push({ handle, key, whenSec, channel, stoppedAtSec: null, fadeSec: 0 });
		return handle;
	}

	stop(handle: PlayHandle, options: StopOptions = {}): void {
		const p = this.plays.find((x) => x.handle === handle);
		if (!p) return;
		p.stoppedAtSec = Math.max(this.now(), options.atSec ?? this.now());
		p.fadeSec = options.fadeSec ?? 0;
	}

	stopAll(channel?: AudioChannel): void {
		this.stopAllCalls.push(channel);
		for (const p of this.plays) if (channel === undefined || p.channel === channel) this.stop(p.handle);
	}

	setGain(channel: AudioChannel, gain: number): void {
		this.gainCalls.push([channel, gain]);
	}

	realign(): void {
		this.realignCalls++;
	}

	/** Plays that make a sound: not stopped at or before their start. */
	heard(channel?: AudioChannel): FakePlay[] {
		return this.plays.filter(
			(p) => (channel === undefined || p.channel === channel) && (p.stoppedAtSec === null || p.stoppedAtSec > p.whenSec)
		);
	}
}
