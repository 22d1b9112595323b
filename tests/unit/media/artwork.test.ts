import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ARTWORK_SIZES, artworkPath, sessionArtwork } from '../../../src/lib/media/artwork';

const STATIC = fileURLToPath(new URL('../../../static/', import.meta.url));

/** Width and height from a PNG's IHDR chunk, which always comes first. */
function pngSize(file: string): { width: number; height: number } {
	const b = readFileSync(file);
	expect(b.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
	expect(b.subarray(12, 16).toString('ascii')).toBe('IHDR');
	return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

describe('lock-screen artwork', () => {
	it.each(['brand', 'calm'] as const)('lists the %s PNGs, smallest first, and keeps the SVG', (variant) => {
		const art = sessionArtwork(variant);
		expect(art.map((a) => a.sizes)).toEqual([...ARTWORK_SIZES.map((s) => `${s}x${s}`), 'any']);
		expect(art.at(-1)).toEqual({ src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml' });
		expect(art.slice(0, -1).every((a) => a.type === 'image/png')).toBe(true);
	});

	it.each(ARTWORK_SIZES.flatMap((size) => (['brand', 'calm'] as const).map((variant) => ({ variant, size }))))(
		'$variant at $size px is a committed PNG of that size',
		({ variant, size }) => {
			expect(pngSize(join(STATIC, artworkPath(variant, size)))).toEqual({ width: size, height: size });
		}
	);
});
