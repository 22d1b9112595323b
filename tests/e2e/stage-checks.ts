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
	const boxes = new Map<StagePart, Box>();
	for (const part of parts) {
		const selector =
			(part === 'picture' && options.picture) ||
			(part === 'name' && options.name) ||
			(part === 'controls' && options.controlsSelector) ||
			PART_SELECTORS[part];
		const el = page.locator(selector).first();
		await expect(el, `${where}: ${part} is shown`).toBeVisible();
		const box = await el.boundingBox();
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
