/**
 * Whether a session is under way on the page, so that the layout never offers to reload for
 * a new version in the middle of one. Each player marks its root element with its engine's
 * state, `data-session-state={view.state}`: one attribute, and no code on the player route
 * (its JavaScript budget is tight). The update banner, loaded only once an update waits,
 * watches the page for it.
 */
export const SESSION_ATTRIBUTE = 'data-session-state';

/** Started and not over yet: paused and buffering count. */
export function isUnderway(state: string | null): boolean {
	return state !== null && state !== 'ready' && state !== 'finished' && state !== 'stopped';
}

export function sessionUnderway(root: ParentNode): boolean {
	return [...root.querySelectorAll(`[${SESSION_ATTRIBUTE}]`)].some((el) => isUnderway(el.getAttribute(SESSION_ATTRIBUTE)));
}

/** Calls back now and whenever that changes; returns the unsubscribe. */
export function watchSessions(root: HTMLElement, onChange: (underway: boolean) => void): () => void {
	let last = sessionUnderway(root);
	onChange(last);
	const observer = new MutationObserver(() => {
		const now = sessionUnderway(root);
		if (now !== last) onChange((last = now));
	});
	observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: [SESSION_ATTRIBUTE] });
	return () => observer.disconnect();
}
