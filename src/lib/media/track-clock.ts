/**
 * The session clock of the audio-first player: the track's own position. The engine's
 * position is `clock.now() - anchor`; the track session keeps the anchor at 0, so the
 * position IS the track's currentTime, and whatever moves the track (a seek from the lock
 * screen, a stall, a phone call pausing it) moves the session with it. No timer adds up.
 */
import type { Clock } from '../playback/clock';

/** The part of HTMLMediaElement the clock reads. */
export interface PositionSource {
	readonly currentTime: number;
}

export class TrackClock implements Clock {
	#source: PositionSource | null = null;

	/** Before the track is attached the session is not running, so the value is never used. */
	now(): number {
		const t = this.#source?.currentTime ?? 0;
		return Number.isFinite(t) ? t * 1000 : 0;
	}

	attach(source: PositionSource): void {
		this.#source = source;
	}
}
