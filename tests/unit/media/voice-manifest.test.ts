import { describe, expect, it } from 'vitest';
import {
	EMPTY_VOICE_MANIFEST,
	loadVoiceManifest,
	parseVoiceManifest,
	voiceFor
} from '../../../src/lib/media/voice-manifest';

const good = {
	version: 1,
	voices: {
		'Hold for 30 seconds.': { files: ['voice/ab12.webm', 'voice/ab12.m4a'], durationMs: 1450 },
		constructor: { files: ['voice/cd34.webm'], durationMs: 600 }
	}
};

describe('parseVoiceManifest', () => {
	it('accepts a well-formed manifest and looks voices up by exact text', () => {
		const r = parseVoiceManifest(good);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(voiceFor(r.manifest, 'Hold for 30 seconds.')).toEqual({ files: ['voice/ab12.webm', 'voice/ab12.m4a'], durationMs: 1450 });
		expect(voiceFor(r.manifest, 'hold for 30 seconds.')).toBeUndefined();
		expect(voiceFor(r.manifest, 'constructor')?.durationMs).toBe(600);
	});

	it('accepts paths with their content hash, as /voice-manifest.json serves them', () => {
		const r = parseVoiceManifest({ version: 1, voices: { Breathe: { files: ['voice/ab12.webm?v=0123456789ab'], durationMs: 500 } } });
		expect(r.ok).toBe(true);
	});

	it('does not find Object.prototype members as voices', () => {
		expect(voiceFor(EMPTY_VOICE_MANIFEST, 'toString')).toBeUndefined();
		expect(voiceFor(EMPTY_VOICE_MANIFEST, '__proto__')).toBeUndefined();
	});

	const bad: [string, unknown, RegExp][] = [
		['not an object', [1], /JSON object/],
		['wrong version', { ...good, version: 2 }, /version 2/],
		['voices not an object', { version: 1, voices: [] }, /voices must be/],
		['entry not an object', { version: 1, voices: { a: 'x' } }, /voices\["a"\] must be an object/],
		['no files', { version: 1, voices: { a: { files: [], durationMs: 1 } } }, /non-empty/],
		['absolute path', { version: 1, voices: { a: { files: ['/etc/passwd.webm'], durationMs: 1 } } }, /invalid path/],
		['leaves static/media', { version: 1, voices: { a: { files: ['voice/../../x.webm'], durationMs: 1 } } }, /invalid path/],
		['url', { version: 1, voices: { a: { files: ['https://x.test/a.webm'], durationMs: 1 } } }, /invalid path/],
		['other query', { version: 1, voices: { a: { files: ['voice/a.webm?x=https://x.test'], durationMs: 1 } } }, /invalid path/],
		['zero duration', { version: 1, voices: { a: { files: ['voice/a.webm'], durationMs: 0 } } }, /durationMs/],
		['string duration', { version: 1, voices: { a: { files: ['voice/a.webm'], durationMs: '5' } } }, /durationMs/]
	];
	it.each(bad)('rejects %s', (_name, data, message) => {
		const r = parseVoiceManifest(data);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.error).toMatch(message);
	});
});

describe('loadVoiceManifest', () => {
	const respond = (body: unknown, status = 200): typeof fetch => async () =>
		new Response(typeof body === 'string' ? body : JSON.stringify(body), { status });

	it('loads and validates', async () => {
		const r = await loadVoiceManifest(respond(good));
		expect(r.error).toBeNull();
		expect(voiceFor(r.manifest, 'Hold for 30 seconds.')?.durationMs).toBe(1450);
	});

	it('falls back to no voices, with the reason, on 404, bad JSON, invalid content or a network error', async () => {
		const cases: (typeof fetch)[] = [
			respond('missing', 404),
			respond('{ nope'),
			respond({ version: 9, voices: {} }),
			async () => {
				throw new TypeError('offline');
			}
		];
		for (const f of cases) {
			const r = await loadVoiceManifest(f, '/media/voice/manifest.json');
			expect(r.manifest).toBe(EMPTY_VOICE_MANIFEST);
			expect(r.error).toMatch(/^\/media\/voice\/manifest\.json: /);
		}
	});
});
