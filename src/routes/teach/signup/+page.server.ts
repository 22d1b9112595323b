import { fail, redirect } from '@sveltejs/kit';
import { createInstructor } from '$lib/server/auth/accounts';
import { hasAnyAccount } from '$lib/server/auth/administrator';
import { CLOSED_SIGN_UP_MESSAGE, inviteRefusal, inviteState } from '$lib/server/auth/invites';
import { PASSWORD_MIN_LENGTH } from '$lib/server/auth/password';
import { createSession, setSessionCookie } from '$lib/server/auth/sessions';
import { isSignUpOpen } from '$lib/server/auth/sign-up-policy';
import { getDatabase } from '$lib/server/db';
import { readForm } from '$lib/server/request-body';
import type { Actions, PageServerLoad } from './$types';

/** Invite tokens are 43 base64url characters; anything far longer is not one. */
const INVITE_MAX_LENGTH = 100;

function inviteOf(value: FormDataEntryValue | string | null): string {
	const invite = String(value ?? '').trim();
	return invite.length > INVITE_MAX_LENGTH ? '' : invite;
}

/**
 * What the page shows: the form (first account, open sign-up, a usable invite) or, while
 * sign-up is closed, why this person cannot make an account and how to get an invite.
 */
export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.instructor) redirect(303, '/teach');
	const invite = inviteOf(url.searchParams.get('invite'));
	const database = await getDatabase();
	const base = { passwordMinLength: PASSWORD_MIN_LENGTH, invite };
	if (!(await hasAnyAccount(database))) return { ...base, mode: 'first' as const, refusal: null };
	if (isSignUpOpen()) return { ...base, mode: 'open' as const, refusal: null };
	if (!invite) return { ...base, mode: 'closed' as const, refusal: CLOSED_SIGN_UP_MESSAGE };
	const state = await inviteState(database, invite);
	if (state !== 'usable') return { ...base, mode: 'closed' as const, refusal: inviteRefusal(state) };
	return { ...base, mode: 'invite' as const, refusal: null };
};

export const actions: Actions = {
	default: async ({ request, cookies, url }) => {
		const body = await readForm(request);
		if (!body.ok) return fail(body.status, { email: '', message: body.message });
		const form = body.value;
		const email = String(form.get('email') ?? '');
		const password = String(form.get('password') ?? '');
		const inviteToken = inviteOf(form.get('invite') ?? url.searchParams.get('invite'));
		const database = await getDatabase();
		const created = await createInstructor(database, email, password, Date.now(), { open: isSignUpOpen(), inviteToken });
		if (!created.ok) return fail(400, { email, message: created.message });
		const session = await createSession(database, created.instructor.id);
		setSessionCookie(cookies, url, session.token, session.expiresAt);
		redirect(303, '/teach');
	}
};
