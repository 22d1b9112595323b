import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { answerFromCache as AnswerFromCache } from '../../../src/lib/offline/media-response';

let answerFromCache: typeof AnswerFromCache;

beforeAll(async () => {
	// workbox's development logger reads `self` and `navigator`, as in a service worker.
	vi.stubGlobal('self', globalThis);
	vi.stubGlobal('navigator', { userAgent: 'node' });
	vi.spyOn(console, 'groupCollapsed').mockImplementation(() => undefined);
	vi.spyOn(console, 'warn').mockImplementation(() => undefined);
	vi.spyOn(console, 'log').mockImplementation(() => undefined);
	vi.spyOn(console, 'groupEnd').mockImplementation(() => undefined);
	({ answerFromCache } = await import('../../../src/lib/offline/media-response'));
});

const BODY = Uint8Array.from({ length: 1000 }, (_, i) => i % 251);
const cached = () => new Response(BODY.slice(), { status: 200, headers: { 'content-type': 'video/webm', 'content-length': '1000' } });
const ask = (range?: string) => new Request('http://h/media/v/clip.webm?v=1', range ? { headers: { range } } : {});

async function bytesOf(res: Response): Promise<number[]> {
	return [...new Uint8Array(await res.arrayBuffer())];
}

describe('answerFromCache', () => {
	it('answers a plain request with the whole cached file', async () => {
		const res = await answerFromCache(ask(), cached());
		expect(res.status).toBe(200);
		expect((await bytesOf(res)).length).toBe(1000);
	});

	it('answers `bytes=0-` (a media element starting) with a 206 of the whole file', async () => {
		const res = await answerFromCache(ask('bytes=0-'), cached());
		expect(res.status).toBe(206);
		expect(res.headers.get('content-range')).toBe('bytes 0-999/1000');
		expect(res.headers.get('content-length')).toBe('1000');
		expect(res.headers.get('content-type')).toBe('video/webm');
	});

	it('slices a range inside the file (a seek)', async () => {
		const res = await answerFromCache(ask('bytes=100-199'), cached());
		expect(res.status).toBe(206);
		expect(res.headers.get('content-range')).toBe('bytes 100-199/1000');
		expect(await bytesOf(res)).toEqual([...BODY.slice(100, 200)]);
	});

	it('slices an open-ended range and a suffix range', async () => {
		const open = await answerFromCache(ask('bytes=990-'), cached());
		expect(open.headers.get('content-range')).toBe('bytes 990-999/1000');
		expect(await bytesOf(open)).toEqual([...BODY.slice(990)]);
		const suffix = await answerFromCache(ask('bytes=-10'), cached());
		expect(suffix.headers.get('content-range')).toBe('bytes 990-999/1000');
		expect(await bytesOf(suffix)).toEqual([...BODY.slice(990)]);
	});

	it('answers 416 for a range it cannot serve', async () => {
		expect((await answerFromCache(ask('bytes=0-5000'), cached())).status).toBe(416);
		expect((await answerFromCache(ask('bytes=0-1,5-6'), cached())).status).toBe(416);
		expect((await answerFromCache(ask('items=0-1'), cached())).status).toBe(416);
	});
});
