import { error, fail, redirect } from '@sveltejs/kit';
import { listAccounts, removeAccount } from '$lib/server/auth/administrator';
import { createInvite, INVITE_DAYS, openInvites, revokeInvite } from '$lib/server/auth/invites';
import { signInUrl } from '$lib/server/auth/redirect';
import { isSignUpOpen } from '$lib/server/auth/sign-up-policy';
import { getDatabase } from '$lib/server/db';
import { readForm } from '$lib/server/request-body';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const NOT_ADMIN = 'Only the administrator (the first account made on this Limber) manages accounts and invites.';

function requireAdmin({ locals, url }: Pick<RequestEvent, 'locals' | 'url'>): NonNullable<App.Locals['instructor']> {
	if (!locals.instructor) redirect(303, signInUrl(url));
	if (!locals.instructor.isAdmin) error(403, NOT_ADMIN);
	return locals.instructor;
}

export const load: PageServerLoad = async (event) => {
	const me = requireAdmin(event);
	const database = await getDatabase();
	const [accounts, invites] = await Promise.all([listAccounts(database), openInvites(database)]);
	return { me: me.id, accounts, invites, inviteDays: INVITE_DAYS, openSignUp: isSignUpOpen() };
};

export const actions: Actions = {
	invite: async (event) => {
		const me = requireAdmin(event);
		const body = await readForm(event.request);
		if (!body.ok) return fail(body.status, { message: body.message });
		const created = await createInvite(await getDatabase(), me.id);
		if (!created.ok) return fail(400, { message: created.message });
		return { inviteLink: `${event.url.origin}/teach/signup?invite=${created.token}`, inviteExpiresAt: created.expiresAt };
	},
	revoke: async (event) => {
		requireAdmin(event);
		const body = await readForm(event.request);
		if (!body.ok) return fail(body.status, { message: body.message });
		const id = String(body.value.get('invite') ?? '');
		if (!(await revokeInvite(await getDatabase(), id))) return fail(400, { message: 'That invite is no longer open: it was used, revoked or has expired.' });
		return { notice: 'The invite was revoked: its link no longer works.' };
	},
	remove: async (event) => {
		requireAdmin(event);
		const body = await readForm(event.request);
		if (!body.ok) return fail(body.status, { message: body.message });
		const id = String(body.value.get('account') ?? '');
		const removed = await removeAccount(await getDatabase(), id);
		if (!removed.ok) return fail(400, { message: removed.message });
		return { notice: `The account ${removed.email} was removed, with its classes.` };
	}
};
