/**
 * A scrolling text box on a stage (a talk's text, the instructions) is sized by the screen,
 * not by its lines, so its edge cuts through a line and a reader cannot tell the text goes
 * on. The box marks which edges have more text past them (`data-more-above`,
 * `data-more-below`) and its style fades those edges out.
 */
import type { Attachment } from 'svelte/attachments';

/** Less than this many pixels past an edge is rounding, not more text. */
const SLACK_PX = 2;

export interface ScrollEdges {
	readonly above: boolean;
	readonly below: boolean;
}

export function scrollEdges(scrollTop: number, clientHeight: number, scrollHeight: number): ScrollEdges {
	return {
		above: scrollTop > SLACK_PX,
		below: scrollHeight - clientHeight - scrollTop > SLACK_PX
	};
}

function mark(el: HTMLElement): void {
	const edges = scrollEdges(el.scrollTop, el.clientHeight, el.scrollHeight);
	el.toggleAttribute('data-more-above', edges.above);
	el.toggleAttribute('data-more-below', edges.below);
}

/** Keeps the marks true as the box scrolls, resizes, or its text changes (a new talk). */
export const scrollFade: Attachment<HTMLElement> = (el) => {
	const update = () => mark(el);
	update();
	el.addEventListener('scroll', update, { passive: true });
	const resized = new ResizeObserver(update);
	resized.observe(el);
	const changed = new MutationObserver(update);
	changed.observe(el, { childList: true, subtree: true, characterData: true });
	return () => {
		el.removeEventListener('scroll', update);
		resized.disconnect();
		changed.disconnect();
	};
};
