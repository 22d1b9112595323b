// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { isUnderway, sessionUnderway, watchSessions } from '../../../src/lib/offline/session-running';

describe('session running', () => {
	it('counts a started session, paused or buffering, but not one ready or over', () => {
		for (const s of ['count-in', 'playing', 'paused', 'buffering']) expect(isUnderway(s)).toBe(true);
		for (const s of ['ready', 'finished', 'stopped', null]) expect(isUnderway(s)).toBe(false);
	});

	it('follows the players’ data-session-state on the page', async () => {
		document.body.innerHTML = '<main><section data-session-state="ready"></section></main>';
		const seen: boolean[] = [];
		const stop = watchSessions(document.body, (u) => seen.push(u));
		const player = document.querySelector('section') as HTMLElement;
		player.dataset.sessionState = 'playing';
		await new Promise((r) => setTimeout(r, 0));
		player.dataset.sessionState = 'paused';
		await new Promise((r) => setTimeout(r, 0));
		player.remove();
		await new Promise((r) => setTimeout(r, 0));
		expect(seen).toEqual([false, true, false]);
		expect(sessionUnderway(document.body)).toBe(false);
		stop();
	});
});
