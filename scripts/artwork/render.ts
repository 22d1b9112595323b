/**
 * npm run artwork
 *
 * Renders the Media Session (lock-screen) artwork: static/artwork/limber-VARIANT-SIZE.png
 * for each SVG beside this script and each size in src/lib/media/artwork.ts. Phones show
 * only raster artwork there. Chromium does the drawing (the one the end-to-end tests use:
 * CHROMIUM_PATH or /usr/bin/chromium), so no image library is needed; the PNGs are
 * committed and the app never runs this.
 */
import { readFileSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { ARTWORK_SIZES, artworkPath, type ArtworkVariant } from '../../src/lib/media/artwork';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');
const VARIANTS: readonly ArtworkVariant[] = ['brand', 'calm'];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
try {
	for (const variant of VARIANTS) {
		const svg = readFileSync(join(here, `limber-${variant}.svg`));
		const src = `data:image/svg+xml;base64,${svg.toString('base64')}`;
		for (const size of ARTWORK_SIZES) {
			const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
			await page.setContent(`<!doctype html><body style="margin:0"><img src="${src}" width="${size}" height="${size}" style="display:block"></body>`);
			await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
			const out = join(repo, 'static', artworkPath(variant, size));
			mkdirSync(dirname(out), { recursive: true });
			await page.screenshot({ path: out, clip: { x: 0, y: 0, width: size, height: size } });
			await page.close();
			console.log(`artwork: ${out.slice(repo.length + 1)} ${statSync(out).size} B`);
		}
	}
} finally {
	await browser.close();
}
