/**
 * Does a page fit its viewport? Checks run inside the page, in one evaluate each, so a
 * suite can look at many pages per browser context cheaply.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';

export interface Fit {
	readonly scrollWidth: number;
	readonly innerWidth: number;
	/** The outermost elements that reach past the right edge, to name in a failure. */
	readonly culprits: readonly string[];
}

/** How wide the document is against the viewport, and what sticks out if it is wider. */
export function measureFit(page: Page): Promise<Fit> {
	return page.evaluate(() => {
		const width = window.innerWidth;
		const scrollWidth = document.documentElement.scrollWidth;
		if (scrollWidth <= width) return { scrollWidth, innerWidth: width, culprits: [] };
		const describe = (el: Element): string => {
			const classes = [...el.classList].filter((c) => !c.startsWith('svelte-')).join('.');
			const right = Math.round(el.getBoundingClientRect().right);
			return `${el.tagName.toLowerCase()}${classes ? `.${classes}` : ''}${el.id ? `#${el.id}` : ''} (right edge ${right} px)`;
		};
		const over = (el: Element): boolean => {
			const box = el.getBoundingClientRect();
			return box.width > 0 && box.right > width + 0.5;
		};
		// Outermost only: a parent that sticks out explains its children.
		const culprits = [...document.body.querySelectorAll('*')]
			.filter((el) => over(el) && !(el.parentElement && over(el.parentElement) && el.parentElement !== document.body))
			.slice(0, 5)
			.map(describe);
		return { scrollWidth, innerWidth: width, culprits };
	});
}

/** Fails unless the page scrolls only up and down. */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
	const fit = await measureFit(page);
	expect(
		fit.scrollWidth,
		`${page.url()} is ${fit.scrollWidth} px wide in a ${fit.innerWidth} px viewport; sticking out: ${fit.culprits.join(', ')}`
	).toBeLessThanOrEqual(fit.innerWidth);
}

/**
 * Every visible control, scrolled to, lies inside the viewport and is the element a tap at
 * its centre would reach (not covered, not cut off by a box that clips it). This is the
 * "still reachable at 320 px and at 200 % zoom" rule, read by the pointer as well as the keyboard.
 */
export function unreachableControls(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const selector = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
		const problems: string[] = [];
		const name = (el: Element): string =>
			`${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40)}"`;
		for (const el of document.querySelectorAll<HTMLElement>(selector)) {
			// Skipped: controls not shown at all (hidden, inert, in a closed <details>).
			if (el.closest('[inert]') || !el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: false })) continue;
			// Focused first, as a keyboard would reach it: a skip link shows itself only then.
			el.focus({ preventScroll: true });
			const first = el.getBoundingClientRect();
			if (first.width <= 1 || first.height <= 1) continue;
			el.scrollIntoView({ block: 'center', inline: 'center' });
			const box = el.getBoundingClientRect();
			if (box.left < -0.5 || box.right > window.innerWidth + 0.5) {
				problems.push(`${name(el)} lies outside the viewport (${Math.round(box.left)}–${Math.round(box.right)} px)`);
				continue;
			}
			// A control inside a scrolling box may sit beyond its edge until that box scrolls.
			const x = Math.min(window.innerWidth - 1, Math.max(0, box.left + Math.min(box.width / 2, 20)));
			const y = Math.min(window.innerHeight - 1, Math.max(0, box.top + box.height / 2));
			const hit = document.elementFromPoint(x, y);
			const label = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`) : null;
			const reached = hit !== null && (el === hit || el.contains(hit) || hit.contains(el) || label?.contains(hit) === true);
			if (!reached) problems.push(`${name(el)} is covered by ${hit ? hit.tagName.toLowerCase() : 'nothing'} at its centre`);
		}
		if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
		window.scrollTo(0, 0);
		return problems;
	});
}

export async function expectControlsReachable(page: Page): Promise<void> {
	const problems = await unreachableControls(page);
	expect(problems, `Controls out of reach on ${page.url()}:\n${problems.join('\n')}`).toEqual([]);
}

/** A screenshot (the whole page unless told) under reports/screens/ (test-results/ is emptied by every run). */
export async function saveScreen(page: Page, folder: string, name: string, fullPage = true): Promise<void> {
	const dir = path.join('reports', 'screens', folder);
	mkdirSync(dir, { recursive: true });
	await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage });
}
