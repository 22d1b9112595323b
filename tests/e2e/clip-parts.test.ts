import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { parse } from 'yaml';
import { expect, test } from './screened';

const PARTS = Object.fromEntries(
	Object.entries((parse(readFileSync('src/content/media.yaml', 'utf8')) as { videos: Record<string, { parts?: unknown }> }).videos).map(([id, v]) => [id, v.parts])
);

/**
 * Clips that move with the words, read from the video element itself: at a phase change the
 * displayed frame is the phase's part of the clip (within a frame), and the other side of a
 * one-sided clip is shown mirrored. morning-mobility level 1: pelvic tilt (tilt 5 s, relax
 * 3 s) and knee to chest (left side first; the clip shows the right).
 */

interface FrameRecord {
	positionMs: number;
	mediaMs: number;
	segment: number;
}

type Probe = Window & {
	__limber: { engine: { position: number; seek(ms: number): void; timeline: { segments: { index: number; startMs: number; endMs: number; phase: string | null; side: string | null; exerciseId: string | null }[] } } };
	__frames: FrameRecord[];
};

async function open(page: Page): Promise<void> {
	await page.goto('/play/morning-mobility?level=1&bench');
	await page.waitForFunction(() => 'media' in ((window as unknown as { __limber?: object }).__limber ?? {}));
	await page.getByRole('button', { name: 'Start' }).click();
	// Every displayed frame of either player, with the session position when it is shown.
	await page.evaluate(() => {
		const w = window as unknown as Probe;
		w.__frames = [];
		for (const v of document.querySelectorAll<HTMLVideoElement>('[data-testid="video-host"] video')) {
			const watch = (): void => {
				v.requestVideoFrameCallback((_now, meta) => {
					// Shown by its player root's opacity (the element around the video).
					const visible = getComputedStyle(v.parentElement ?? v).opacity === '1';
					if (visible) {
						const positionMs = w.__limber.engine.position + (meta.expectedDisplayTime - performance.now());
						const segment = w.__limber.engine.timeline.segments.findLast((s) => s.startMs <= positionMs)?.index ?? -1;
						w.__frames.push({ positionMs, mediaMs: meta.mediaTime * 1000, segment });
					}
					watch();
				});
			};
			watch();
		}
	});
}

const segments = (page: Page) => page.evaluate(() => (window as unknown as Probe).__limber.engine.timeline.segments);

test('at a phase change the video shows the start of that phase\'s part, within a frame', async ({ page }) => {
	test.setTimeout(120_000);
	await open(page);
	const segs = await segments(page);
	// The third repetition's Relax phase of the pelvic tilt.
	const relax = segs.filter((s) => s.exerciseId === 'pelvic-tilt' && s.phase === 'Relax')[2];
	const tilt = segs.find((s) => s.index === (relax?.index ?? 0) + 1);
	expect(relax && tilt?.phase).toBe('Tilt');
	// Play into the Relax phase from a second before it, then through into the next Tilt.
	await page.evaluate((ms) => (window as unknown as Probe).__limber.engine.seek(ms), (relax?.startMs ?? 0) - 1500);
	await page.waitForFunction((end) => (window as unknown as Probe).__limber.engine.position > end + 800, tilt?.startMs ?? 0, { timeout: 30_000 });
	const frames = await page.evaluate(() => (window as unknown as Probe).__frames);
	const parts = PARTS['pelvic-tilt'] as Record<string, { in: number; out: number }>;
	for (const [seg, part] of [
		[relax, parts.relax],
		[tilt, parts.tilt]
	] as const) {
		const partInMs = (part?.in ?? 0) * 1000;
		const first = frames.find((f) => f.segment === seg?.index && f.positionMs >= (seg?.startMs ?? 0));
		expect(first, `a frame in segment ${seg?.index}`).toBeDefined();
		// Where the part should be by that frame's moment: its in point plus the time since the
		// phase began, at the rate that fits the part into the phase.
		const rate = (((part?.out ?? 0) - (part?.in ?? 0)) * 1000) / ((seg?.endMs ?? 0) - (seg?.startMs ?? 0));
		const expected = partInMs + ((first?.positionMs ?? 0) - (seg?.startMs ?? 0)) * rate;
		expect(Math.abs((first?.mediaMs ?? -1e9) - expected), `segment ${seg?.index} (${seg?.phase})`).toBeLessThanOrEqual(1000 / 24 + 1);
	}
});

test('the other side of a one-sided clip is shown mirrored', async ({ page }) => {
	await open(page);
	const segs = await segments(page);
	const left = segs.find((s) => s.exerciseId === 'knee-to-chest' && s.side === 'left');
	const right = segs.find((s) => s.exerciseId === 'knee-to-chest' && s.side === 'right');
	const transformOfShown = () =>
		page.evaluate(() => {
			const shown = [...document.querySelectorAll<HTMLVideoElement>('[data-testid="video-host"] video')].find((v) => getComputedStyle(v.parentElement ?? v).opacity === '1');
			return shown ? getComputedStyle(shown).transform : 'no video shown';
		});
	await page.evaluate((ms) => (window as unknown as Probe).__limber.engine.seek(ms), (left?.startMs ?? 0) + 2000);
	await expect(page.locator('.video-stage')).toHaveAttribute('data-display', 'video', { timeout: 20_000 });
	await expect.poll(transformOfShown, { timeout: 10_000 }).toBe('matrix(-1, 0, 0, 1, 0, 0)');
	await page.evaluate((ms) => (window as unknown as Probe).__limber.engine.seek(ms), (right?.startMs ?? 0) + 2000);
	await expect.poll(transformOfShown, { timeout: 10_000 }).toBe('none');
});
