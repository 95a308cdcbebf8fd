import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	server: { port: 5173 },
	// The import worker imports modules; ES workers keep code splitting.
	worker: { format: 'es' },
	preview: { port: 4173, strictPort: true },
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
				// Runes state classes run as the browser runs them: compiled for the client against
				// Svelte's browser runtime (on the server build, effects and live queries never run).
				extends: true,
				resolve: { conditions: ['browser'] },
				test: {
					name: 'runes',
					include: ['tests/unit/**/*.svelte.test.ts'],
					environment: './tests/unit/runes-environment.ts'
				}
			}
		]
	}
});
