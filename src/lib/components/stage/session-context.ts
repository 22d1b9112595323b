/**
 * The session a stage shows, handed to the stage's components by context (as
 * shadcn-svelte's sidebar does), so they read one object instead of a dozen props.
 */
import { getContext, setContext } from 'svelte';
import type { PlayerSession } from '$lib/playback/player-session.svelte';

const KEY = Symbol('limber-player-session');

export function setPlayerSession(session: PlayerSession): PlayerSession {
	return setContext(KEY, session);
}

export function usePlayerSession(): PlayerSession {
	const session = getContext<PlayerSession | undefined>(KEY);
	if (!session) throw new Error('usePlayerSession() needs a SessionStage (or setPlayerSession) above it');
	return session;
}
