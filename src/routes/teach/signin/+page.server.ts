import { fail, redirect } from '@sveltejs/kit';
import { checkCredentials, normalizeEmail } from '$lib/server/auth/accounts';
import { signInByEmail, signInByIp } from '$lib/server/auth/limits';
import { safeNext } from '$lib/server/auth/redirect';
import { createSession, setSessionCookie } from '$lib/server/auth/sessions';
import { getDatabase } from '$lib/server/db';
import { readForm } from '$lib/server/request-body';
import { retryAfterText } from '$lib/server/security/rate-limit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.instructor) redirect(303, safeNext(url.searchParams.get('next')));
	return {};
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const body = await readForm(request);
		if (!body.ok) return fail(body.status, { email: '', message: body.message });
		const form = body.value;
		const email = String(form.get('email') ?? '');
		const password = String(form.get('password') ?? '');
		const key = normalizeEmail(email);
		const ip = getClientAddress();
		const database = await getDatabase();
		const [byEmail, byIp] = await Promise.all([signInByEmail.check(database, key), signInByIp.check(database, ip)]);
		if (!byEmail.allowed || !byIp.allowed) {
			const wait = Math.max(byEmail.allowed ? 0 : byEmail.retryAfterMs, byIp.allowed ? 0 : byIp.retryAfterMs);
			return fail(429, {
				email,
				message: `Too many failed sign-ins. For your account's safety, try again in ${retryAfterText(wait)}.`
			});
		}
		if (!key || !password) return fail(400, { email, message: 'Enter your email and password' });
		const instructor = await checkCredentials(database, email, password);
		if (!instructor) {
			await Promise.all([signInByEmail.fail(database, key), signInByIp.fail(database, ip)]);
			return fail(400, { email, message: 'That email and password do not match an account. Check both and try again.' });
		}
		await signInByEmail.reset(database, key);
		const session = await createSession(database, instructor.id);
		setSessionCookie(cookies, url, session.token, session.expiresAt);
		redirect(303, safeNext(url.searchParams.get('next')));
	}
};
