// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Instructor } from '$lib/server/auth/accounts';

declare global {
	namespace App {
		interface Error {
			message: string;
			/** Quoted in the server's log line for this error (hooks.server.ts). */
			id?: string;
		}
		interface Locals {
			/** The signed-in instructor, or null; set by hooks.server.ts from the session cookie. */
			instructor: Instructor | null;
		}
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
}

export {};
