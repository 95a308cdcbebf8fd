import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	server: { port: 5173 },
	// The import worker imports modules; ES workers keep code splitting.
	worker: { format: 'es' },
	preview: { port: 4173, strictPort: true },
	test: {
		include: ['tests/unit/**/*.test.ts'],
		environment: 'node',
		setupFiles: ['tests/unit/setup.ts'],
		// Dates are stored and shown in UTC; a non-UTC zone proves nothing slides.
		env: { TZ: 'America/Los_Angeles' }
	}
});
