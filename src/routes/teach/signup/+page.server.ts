import { fail, redirect } from '@sveltejs/kit';
import { createInstructor } from '$lib/server/auth/accounts';
import { PASSWORD_MIN_LENGTH } from '$lib/server/auth/password';
import { createSession, setSessionCookie } from '$lib/server/auth/sessions';
import { getDatabase } from '$lib/server/db';
import { readForm } from '$lib/server/request-body';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.instructor) redirect(303, '/teach');
	return { passwordMinLength: PASSWORD_MIN_LENGTH };
};

export const actions: Actions = {
	default: async ({ request, cookies, url }) => {
		const body = await readForm(request);
		if (!body.ok) return fail(body.status, { email: '', message: body.message });
		const form = body.value;
		const email = String(form.get('email') ?? '');
		const password = String(form.get('password') ?? '');
		const database = await getDatabase();
		const created = await createInstructor(database, email, password);
		if (!created.ok) return fail(400, { email, message: created.message });
		const session = await createSession(database, created.instructor.id);
		setSessionCookie(cookies, url, session.token, session.expiresAt);
		redirect(303, '/teach');
	}
};
