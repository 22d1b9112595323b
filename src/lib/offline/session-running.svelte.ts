/**
 * Whether a session is under way on this page, so that the layout never offers to reload
 * for a new version in the middle of one. Each player reports its engine's state with one
 * line in its script: `reportSession(() => view.state);`
 */
import type { EngineState } from '../playback/events';

let running = $state(0);

/** A session under way: started and not yet over (paused and buffering count). */
export function isUnderway(state: EngineState): boolean {
	return state !== 'ready' && state !== 'finished' && state !== 'stopped';
}

export const sessionActivity = {
	get running(): boolean {
		return running > 0;
	}
};

/** Call during a player component's setup; it stops counting when the player goes. */
export function reportSession(state: () => EngineState): void {
	$effect(() => {
		if (!isUnderway(state())) return;
		running++;
		return () => {
			running--;
		};
	});
}
