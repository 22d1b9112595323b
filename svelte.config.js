import adapter from './scripts/adapter/limber-node.js';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// LIMBER_BUILD_DIR: the offline e2e test makes a second build beside the first, to
		// check that a new version's service worker keeps the downloads.
		adapter: adapter({ out: process.env.LIMBER_BUILD_DIR ?? 'build' }),
		// Strict CSP: nothing may load from a third-party host (privacy rule).
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'img-src': ['self', 'data:', 'blob:'],
				'media-src': ['self', 'blob:'],
				'style-src': ['self', 'unsafe-inline'],
				'connect-src': ['self'],
				'worker-src': ['self', 'blob:'],
				'object-src': ['none'],
				'base-uri': ['self'],
				// No other site may frame Limber (the same is sent on every other answer: src/hooks.server.ts).
				'frame-ancestors': ['none'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
