import { describe, expect, it } from 'vitest';
import { VideoStatus } from '../../../src/lib/media/video-status.svelte';
import type { VideoFollowerStatus } from '../../../src/lib/media/video-follower';

class FakeSource {
	status: VideoFollowerStatus = { display: 'none', clip: null, poster: null, fault: null, buffering: false };
	readonly listeners = new Set<(s: VideoFollowerStatus) => void>();
	onStatus(listener: (s: VideoFollowerStatus) => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}
	set(s: VideoFollowerStatus): void {
		this.status = s;
		for (const l of this.listeners) l(s);
	}
}

describe('VideoStatus', () => {
	it('starts from the follower status and mirrors each change until destroyed', () => {
		const source = new FakeSource();
		source.status = { display: 'video', clip: 'knee', poster: '/p.jpg', fault: null, buffering: false };
		const view = new VideoStatus(source);
		expect([view.display, view.clip, view.poster, view.fault, view.buffering]).toEqual(['video', 'knee', '/p.jpg', null, false]);
		source.set({ display: 'poster', clip: 'knee', poster: '/p.jpg', fault: 'The video could not be loaded.', buffering: true });
		expect([view.display, view.fault, view.buffering]).toEqual(['poster', 'The video could not be loaded.', true]);
		view.destroy();
		expect(source.listeners.size).toBe(0);
		source.set({ display: 'none', clip: null, poster: null, fault: null, buffering: false });
		expect(view.display).toBe('poster');
	});
});
