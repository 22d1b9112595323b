import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
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
