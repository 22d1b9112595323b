/**
 * Reactive view of a video follower for the player UI: what the stage shows (the clip,
 * a still, or nothing), the poster, a plain notice when the clip cannot be shown, and
 * whether the video is buffering. Changes only when the follower reports.
 */
import type { VideoDisplay, VideoFollowerStatus } from './video-follower';

export interface VideoStatusSource {
	readonly status: VideoFollowerStatus;
	onStatus(listener: (status: VideoFollowerStatus) => void): () => void;
}

export class VideoStatus {
	#display = $state<VideoDisplay>('none');
	#clip = $state<string | null>(null);
	#poster = $state<string | null>(null);
	#fault = $state<string | null>(null);
	#buffering = $state(false);
	readonly #unsubscribe: () => void;

	constructor(source: VideoStatusSource) {
		this.#apply(source.status);
		this.#unsubscribe = source.onStatus((s) => this.#apply(s));
	}

	get display(): VideoDisplay {
		return this.#display;
	}
	get clip(): string | null {
		return this.#clip;
	}
	get poster(): string | null {
		return this.#poster;
	}
	get fault(): string | null {
		return this.#fault;
	}
	get buffering(): boolean {
		return this.#buffering;
	}

	destroy(): void {
		this.#unsubscribe();
	}

	#apply(s: VideoFollowerStatus): void {
		this.#display = s.display;
		this.#clip = s.clip;
		this.#poster = s.poster;
		this.#fault = s.fault;
		this.#buffering = s.buffering;
	}
}
