import { json } from '@sveltejs/kit';
import { versionedVoiceManifest } from '$lib/server/tracks';
import type { RequestHandler } from './$types';

// Made at build time, so it is a static file, and part of the offline app shell.
export const prerender = true;

export const GET: RequestHandler = () => json(versionedVoiceManifest());
