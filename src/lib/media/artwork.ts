/**
 * The lock-screen artwork for the Media Session. Android and iOS show raster images (they
 * skip an SVG), picking the size that fits, so PNGs made by scripts/artwork/render.ts come
 * first; the SVG stays last for browsers that can use it.
 */
export const ARTWORK_SIZES = [96, 192, 256, 512] as const;

/** 'calm' is the dim night-time picture for relaxation; 'brand' the app's own mark. */
export type ArtworkVariant = 'brand' | 'calm';

export function artworkPath(variant: ArtworkVariant, size: number): string {
	return `/artwork/limber-${variant}-${size}.png`;
}

export function sessionArtwork(variant: ArtworkVariant): MediaImage[] {
	return [
		...ARTWORK_SIZES.map((size) => ({ src: artworkPath(variant, size), sizes: `${size}x${size}`, type: 'image/png' })),
		{ src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml' }
	];
}
