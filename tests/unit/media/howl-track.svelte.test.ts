/**
 * The relaxation track's ambience bed is a Web Audio Howl: it is made only once it is to be
 * heard. Made at volume 0 (as bench:background runs it), its decode and a Web Audio output
 * starting under the playing track put the track one output buffer (21 ms) behind in some
 * runs. (jsdom: the project's `components` environment, for the <audio> element.)
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

const made: { src: string[]; html5: boolean; loop: boolean; played: number }[] = [];

vi.mock('howler', () => {
	class Howl {
		readonly _sounds: { _node: HTMLAudioElement }[];
		readonly #rec: (typeof made)[number];
		constructor(o: { src: string[]; html5?: boolean; loop?: boolean }) {
			this.#rec = { src: o.src, html5: o.html5 ?? false, loop: o.loop ?? false, played: 0 };
			made.push(this.#rec);
			this._sounds = [{ _node: document.createElement('audio') }];
		}
		volume(): void {}
		playing(): boolean {
			return this.#rec.played > 0;
		}
		play(): void {
			this.#rec.played++;
		}
		pause(): void {}
		unload(): void {}
	}
	return { Howl };
});

afterEach(() => {
	made.length = 0;
});

describe('createHowlTrack: the ambience bed', () => {
	async function track() {
		const { createHowlTrack } = await import('../../../src/lib/media/howl-track');
		return createHowlTrack({ files: ['tracks/t.webm', 'tracks/t.m4a'], ambience: ['tracks/ambience.webm', 'tracks/ambience.m4a'], host: document.body });
	}
	const beds = () => made.filter((h) => h.loop);

	it('is not made while its volume is 0', async () => {
		const t = await track();
		t.ambience(true, 0);
		t.ambience(true, 0);
		expect(beds()).toEqual([]);
		t.destroy();
	});

	it('is made and played once it is turned up', async () => {
		const t = await track();
		t.ambience(true, 0);
		t.ambience(true, 0.4);
		expect(beds()).toHaveLength(1);
		expect(beds()[0]?.played).toBe(1);
		t.destroy();
	});
});
