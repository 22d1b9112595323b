/**
 * The layout rules of the session screen, as checks any e2e test can run on a stage:
 * the page does not scroll, the parts a person needs are inside the viewport and clear of
 * one another, and the type is large enough to read from where they are.
 */
import { mkdirSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';

export interface Viewport {
	readonly name: string;
	readonly width: number;
	readonly height: number;
	readonly kind: 'phone' | 'tablet' | 'laptop' | 'projector';
}

export const VIEWPORTS: readonly Viewport[] = [
	{ name: 'phone-360x640', width: 360, height: 640, kind: 'phone' },
	{ name: 'phone-390x844', width: 390, height: 844, kind: 'phone' },
	{ name: 'phone-landscape-844x390', width: 844, height: 390, kind: 'phone' },
	{ name: 'tablet-768x1024', width: 768, height: 1024, kind: 'tablet' },
	{ name: 'laptop-1366x768', width: 1366, height: 768, kind: 'laptop' },
	{ name: 'projector-1920x1080', width: 1920, height: 1080, kind: 'projector' }
];

/** Where the reviewer's screenshots go: reports/, which Playwright does not empty. */
export const SCREENS_DIR = 'reports/screens';

export async function screenshot(page: Page, viewport: Viewport, phase: string, dir = SCREENS_DIR): Promise<string> {
	mkdirSync(dir, { recursive: true });
	const path = `${dir}/${viewport.name}-${phase}.png`;
	await page.screenshot({ path, animations: 'disabled' });
	return path;
}

export type StagePart = 'picture' | 'timer' | 'word' | 'name' | 'controls';

export const PART_SELECTORS: Record<StagePart, string> = {
	picture: '[data-testid="stage-media"]',
	timer: '[role="timer"]',
	word: '[data-testid="state-word"]',
	name: '[data-testid="step-title"]',
	controls: '[role="group"][aria-label="Session controls"]'
};

interface Box {
	readonly x: number;
	readonly y: number;
	readonly width: number;
	readonly height: number;
}

const overlap = (a: Box, b: Box): number =>
	Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) *
	Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

export interface StageCheckOptions {
	/** The primary controls are shown (false: hidden by idle). */
	readonly controls?: boolean;
	/** Which parts to check; all by default. */
	readonly parts?: readonly StagePart[];
	/** Selector of the picture, where it is not the stage's media box. */
	readonly picture?: string;
	/** Selector of the step's name, where the stage puts it elsewhere (the relaxation group). */
	readonly name?: string;
	/** Selector of the controls, where they are not the session's (the class screens' sound button). */
	readonly controlsSelector?: string;
}

export async function checkStage(page: Page, viewport: Viewport, options: StageCheckOptions = {}): Promise<void> {
	const where = `${viewport.name}`;
	const scroll = await page.evaluate(() => ({
		sh: document.documentElement.scrollHeight,
		sw: document.documentElement.scrollWidth,
		ih: window.innerHeight,
		iw: window.innerWidth
	}));
	expect(scroll.sh, `${where}: the page scrolls down (${scroll.sh} > ${scroll.ih})`).toBeLessThanOrEqual(scroll.ih);
	expect(scroll.sw, `${where}: the page scrolls sideways (${scroll.sw} > ${scroll.iw})`).toBeLessThanOrEqual(scroll.iw);

	const wanted = options.parts ?? (['picture', 'timer', 'word', 'name', 'controls'] as const);
	const parts = wanted.filter((p) => p !== 'controls' || options.controls !== false);
	const selectors = parts.map(
		(part) =>
			(part === 'picture' && options.picture) ||
			(part === 'name' && options.name) ||
			(part === 'controls' && options.controlsSelector) ||
			PART_SELECTORS[part]
	);
	for (const [i, part] of parts.entries()) await expect(page.locator(selectors[i]!).first(), `${where}: ${part} is shown`).toBeVisible();
	// Every box read in one go: on a running stage, boxes read one after another may come
	// from two different layouts (a talk giving way to the next part, the controls hiding).
	const read = await page.evaluate((list) => {
		return list.map((selector) => {
			const r = document.querySelector(selector)?.getBoundingClientRect();
			return r ? { x: r.x, y: r.y, width: r.width, height: r.height } : null;
		});
	}, selectors);
	const boxes = new Map<StagePart, Box>();
	for (const [i, part] of parts.entries()) {
		const box = read[i] ?? null;
		expect(box, `${where}: ${part} has a box`).not.toBeNull();
		const b = box as Box;
		expect(b.width * b.height, `${where}: ${part} has a size`).toBeGreaterThan(0);
		expect(b.x, `${where}: ${part} starts left of the viewport`).toBeGreaterThanOrEqual(-0.5);
		expect(b.y, `${where}: ${part} starts above the viewport`).toBeGreaterThanOrEqual(-0.5);
		expect(b.x + b.width, `${where}: ${part} runs off the right`).toBeLessThanOrEqual(scroll.iw + 0.5);
		expect(b.y + b.height, `${where}: ${part} runs off the bottom`).toBeLessThanOrEqual(scroll.ih + 0.5);
		boxes.set(part, b);
	}
	const list = [...boxes];
	for (let i = 0; i < list.length; i++) {
		for (let j = i + 1; j < list.length; j++) {
			const [a, boxA] = list[i] as [StagePart, Box];
			const [b, boxB] = list[j] as [StagePart, Box];
			expect(overlap(boxA, boxB), `${where}: ${a} overlaps ${b}`).toBeLessThanOrEqual(1);
		}
	}

	if (boxes.has('timer')) {
		const size = await page.locator('[role="timer"]').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
		if (viewport.width === 390 && viewport.height === 844) expect(size, `${where}: countdown font size`).toBeGreaterThanOrEqual(120);
		if (viewport.kind === 'projector') expect(size, `${where}: countdown font size`).toBeGreaterThanOrEqual(0.2 * viewport.height);
	}
	if (boxes.has('word') && viewport.kind === 'phone') {
		const size = await page.locator(PART_SELECTORS.word).first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
		// 48 px is about 20 arcminutes at 2 m (the reference phone, 390×844); the
		// smallest phone and a phone on its side have less room, and must still give 40 px.
		const floor = viewport.width === 390 && viewport.height === 844 ? 48 : 40;
		expect(size, `${where}: state word font size`).toBeGreaterThanOrEqual(floor);
	}
	if (boxes.has('controls')) {
		const sizes = await page
			.locator(options.controlsSelector ?? `${PART_SELECTORS.controls} button`)
			.evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent).map((e) => e.getBoundingClientRect()).map((r) => Math.min(r.width, r.height)));
		for (const s of sizes) expect(s, `${where}: a control is smaller than 48 px`).toBeGreaterThanOrEqual(48);
	}
}

/**
 * The talk's picture as drawn (the image is fitted whole inside its box, so the drawing is
 * the box's largest rectangle of the image's shape): inside the viewport, and large enough
 * to read from the floor for a screen of this shape. Upright, the width is what limits a
 * wide picture, so it must use most of it (60 %) and a fifth of the height; on its side,
 * the picture has its column beside the text: 30 % of the width and 35 % of the height.
 * And the talk's text panel keeps room for two lines, scrolling for the rest.
 */
export async function checkTalkPicture(page: Page, viewport: Viewport, { largeCaptions = false }: { largeCaptions?: boolean } = {}): Promise<void> {
	const where = `${viewport.name}: talk picture`;
	const img = page.getByTestId('talk-picture').locator('img');
	await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0), { message: `${where} loads` }).toBe(true);
	const m = await img.evaluate((el: HTMLImageElement) => {
		const box = el.getBoundingClientRect();
		const scale = Math.min(box.width / el.naturalWidth, box.height / el.naturalHeight);
		const w = el.naturalWidth * scale;
		const h = el.naturalHeight * scale;
		const notes = document.querySelector('[data-testid="talk-text"]')?.closest('.notes');
		const n = notes?.getBoundingClientRect();
		const fontSize = notes ? parseFloat(getComputedStyle(notes).fontSize) : 0;
		return {
			ratio: el.naturalWidth / el.naturalHeight,
			drawn: { x: box.x + (box.width - w) / 2, y: box.y + (box.height - h) / 2, width: w, height: h },
			notes: n ? { x: n.x, y: n.y, width: n.width, height: n.height, fontSize } : null
		};
	});
	const d = m.drawn;
	const iw = viewport.width;
	const ih = viewport.height;
	expect(d.x, `${where} starts left of the viewport`).toBeGreaterThanOrEqual(-0.5);
	expect(d.y, `${where} starts above the viewport`).toBeGreaterThanOrEqual(-0.5);
	expect(d.x + d.width, `${where} runs off the right`).toBeLessThanOrEqual(iw + 0.5);
	expect(d.y + d.height, `${where} runs off the bottom`).toBeLessThanOrEqual(ih + 0.5);
	const upright = iw / ih <= 5 / 4;
	const size = `${Math.round(d.width)}×${Math.round(d.height)} px`;
	// Large captions are the person's choice, and their two lines take the picture's room:
	// smaller floors then, but the picture still shown at a size that reads as a picture.
	const floor = upright ? (largeCaptions ? { w: 0.5, h: 0.15 } : { w: 0.6, h: 0.2 }) : largeCaptions ? { w: 0.2, h: 0.24 } : { w: 0.3, h: 0.35 };
	// A picture wider than the screen allows for (every talk picture is 16:9 now, which
	// reaches the floor on every phone listed; a 900×330 one on a 390×844 phone did not) cannot
	// reach the height floor at any width: upright, it must then take nearly the whole width
	// (90 %, stricter than the width floor) instead of the unreachable height.
	const heightReachable = !upright || (0.9 * iw) / m.ratio >= floor.h * ih;
	expect(d.width, `${where} width (${size})`).toBeGreaterThanOrEqual((heightReachable ? floor.w : 0.9) * iw);
	if (heightReachable) expect(d.height, `${where} height (${size})`).toBeGreaterThanOrEqual(floor.h * ih);
	const notes = m.notes;
	expect(notes, `${viewport.name}: the talk's text panel is shown`).not.toBeNull();
	if (!notes) return;
	// Above the text upright, beside it on its side: never under it.
	if (upright) expect(d.y + d.height, `${where} is above the text`).toBeLessThanOrEqual(notes.y + 0.5);
	else expect(d.x + d.width, `${where} is beside the text`).toBeLessThanOrEqual(notes.x + 0.5);
	expect(notes.height, `${viewport.name}: the talk's text panel holds two lines`).toBeGreaterThanOrEqual(2 * 1.45 * notes.fontSize - 1);
}

/** What the caption band shows now, and every way a line of it fails to fit its box. */
export interface CaptionReading {
	readonly text: string | null;
	readonly faults: readonly string[];
}

/**
 * Reads the caption band in the page: its lines as one text, and the faults of each line:
 * wider than its box (scrollWidth), set on more than one line (a wrap the split should
 * have made), or any of its words (the last included) outside the band, the picture box
 * or the viewport.
 */
export function readCaptionInPage(): CaptionReading {
	const band = document.querySelector('[data-testid="caption"]');
	const p = band?.querySelector('[data-testid="cue-text"]');
	if (!band || !p) return { text: null, faults: [] };
	const faults: string[] = [];
	const media = band.closest('[data-testid="stage-media"]') ?? band;
	const outer = [band.getBoundingClientRect(), media.getBoundingClientRect(), new DOMRect(0, 0, window.innerWidth, window.innerHeight)];
	const inside = (r: DOMRect) => outer.every((o) => r.left >= o.left - 0.5 && r.right <= o.right + 0.5 && r.top >= o.top - 0.5 && r.bottom <= o.bottom + 0.5);
	if (p.scrollWidth > p.clientWidth) faults.push(`the band's text is wider than its box (${p.scrollWidth} > ${p.clientWidth})`);
	if (p.scrollHeight > p.clientHeight + 1) faults.push(`the band's text is taller than its box (${p.scrollHeight} > ${p.clientHeight})`);
	// Every word of the band, whatever its markup, drawn inside the band's own box too.
	const whole = document.createRange();
	whole.selectNodeContents(p);
	const box = p.getBoundingClientRect();
	const words = [...whole.getClientRects()].filter((r) => r.width > 0);
	if (words.some((r) => !inside(r) || r.bottom > box.bottom + 0.5 || r.right > box.right + 0.5)) faults.push(`words of "${p.textContent ?? ''}" are cut off or outside the band`);
	const lines = [...p.querySelectorAll('[data-testid="cue-line"]')] as HTMLElement[];
	for (const line of lines) {
		const text = line.textContent ?? '';
		if (line.scrollWidth > line.clientWidth) faults.push(`"${text}" is wider than its line (${line.scrollWidth} > ${line.clientWidth})`);
		const range = document.createRange();
		range.selectNodeContents(line);
		const rects = [...range.getClientRects()].filter((r) => r.width > 0);
		if (new Set(rects.map((r) => Math.round(r.top))).size > 1) faults.push(`"${text}" wraps onto more than one line`);
		const last = rects.at(-1);
		if (!last || !inside(last)) faults.push(`the end of "${text}" is outside the band, the picture or the screen`);
		if (rects.some((r) => !inside(r))) faults.push(`part of "${text}" is outside the band, the picture or the screen`);
	}
	if (lines.length > 2) faults.push(`${lines.length} lines at once`);
	return { text: lines.map((l) => l.textContent ?? '').join(' '), faults };
}

/** Fails with every fault of the caption shown now; gives its text. */
export async function checkCaption(page: Page, where: string): Promise<string | null> {
	const reading = await page.evaluate(readCaptionInPage);
	expect(reading.faults, `${where}: caption lines fit their box`).toEqual([]);
	return reading.text;
}

/** Words and spacing as a reader sees them. */
export const normalText = (text: string): string => text.trim().replace(/\s+/g, ' ');
