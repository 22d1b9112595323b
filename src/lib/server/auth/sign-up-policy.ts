/**
 * Whether anyone may make an account. Closed by default: with home programmes, an account
 * can publish text under the clinic's address. LIMBER_OPEN_SIGNUP=1 keeps the old open
 * sign-up, for a demo or a test server.
 */
export function isSignUpOpen(env: NodeJS.ProcessEnv = process.env): boolean {
	return env.LIMBER_OPEN_SIGNUP?.trim() === '1';
}
