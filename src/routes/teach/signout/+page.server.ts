import { redirect } from '@sveltejs/kit';
import { clearSessionCookie, deleteSession, SESSION_COOKIE } from '$lib/server/auth/sessions';
import { getDatabase } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';

/** Signing out is a POST (a link or a prefetch must not sign anyone out); a GET goes home. */
export const load: PageServerLoad = () => redirect(303, '/teach');

export const actions: Actions = {
	default: async ({ cookies, url }) => {
		const token = cookies.get(SESSION_COOKIE);
		if (token) await deleteSession(await getDatabase(), token);
		clearSessionCookie(cookies, url);
		redirect(303, '/teach/signin');
	}
};
