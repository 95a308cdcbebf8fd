import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	server: { port: 5173 },
	// The import worker imports modules; ES workers keep code splitting.
	worker: { format: 'es' },
	preview: { port: 4173, strictPort: true },
	// Unit tests of the runes state classes need Svelte's client runtime (effects, reactivity).
	resolve: process.env.VITEST ? { conditions: ['browser'] } : undefined,
	test: {
		setupFiles: ['tests/unit/setup.ts'],
		// Dates are stored and shown in UTC; a non-UTC zone proves nothing slides.
		env: { TZ: 'America/Los_Angeles' },
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['tests/unit/**/*.test.ts'],
					exclude: ['tests/unit/**/*.svelte.test.ts'],
					environment: 'node'
				}
			},
			{
				// The runes state classes, compiled for the browser so that effects run.
				extends: true,
				test: {
					name: 'state',
					include: ['tests/unit/**/*.svelte.test.ts'],
					environment: './tests/unit/runes-environment.ts'
				}
			}
		]
	}
});
