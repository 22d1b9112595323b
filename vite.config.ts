import { sveltekit } from '@sveltejs/kit/vite';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { mediaFiles } from './scripts/build/media-files.js';
import { videojsUiTrim } from './scripts/build/videojs-ui-trim.js';

const vendorStub = (name: string) => fileURLToPath(new URL(`./src/lib/media/vendor/${name}.ts`, import.meta.url));

/**
 * Source maps for the server build only: an error's log line names the source file and line
 * it was thrown at (src/lib/server/error-report.ts; the adapter chains these maps through its
 * own bundle), while browsers get no maps to download or precache.
 */
const serverSourceMaps: Plugin = {
	name: 'limber-server-source-maps',
	configEnvironment: (name) => ({ build: { sourcemap: name === 'ssr' } })
};

export default defineConfig({
	plugins: [sveltekit(), mediaFiles(), videojsUiTrim(), serverSourceMaps],
	resolve: {
		// video.js's text-track emulation (vtt.js) and the request library it fetches tracks
		// with: Limber gives video.js no text tracks, and these are about 10 KB gzip of the
		// player route's 150 KB budget. See src/lib/media/vendor/.
		alias: [
			{ find: /^videojs-vtt\.js$/, replacement: vendorStub('no-vtt') },
			{ find: /^@videojs\/xhr$/, replacement: vendorStub('no-xhr') }
		]
	},
	test: {
		// scripts/test-all.ts sums this report (reports/, not test-results/, which Playwright empties).
		reporters: ['default', 'json'],
		// Property tests run whole sessions many times: seconds of CPU on these 2-core machines,
		// several times that while other work runs beside them. The limit catches hangs, not speed.
		testTimeout: 60_000,
		outputFile: { json: 'reports/unit.json' },
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					environment: 'node',
					include: ['tests/unit/**/*.test.ts'],
					exclude: ['tests/unit/**/*.svelte.test.ts']
				}
			},
			{
				extends: true,
				resolve: { conditions: ['browser'] },
				test: {
					name: 'components',
					environment: 'jsdom',
					include: ['tests/unit/**/*.svelte.test.ts']
				}
			}
		]
	}
});
