import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

// Another port (E2E_PORT) lets two checkouts run their browser tests side by side.
const PORT = Number(process.env.E2E_PORT ?? 4173);

/** Browser tests run against the built app (`vite build`, then `vite preview`) in Debian's Chromium. */
export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: true,
	// One worker: these machines have two cores, and a second worker only starves the first (the
	// large-import test would slow the timeline's); the whole run takes the same time.
	workers: 1,
	retries: 0,
	// Two cores: the longest tests (backup, delete, restore, reload) need room when the machine is busy.
	timeout: 60_000,
	reporter: process.env.CI ? 'list' : 'line',
	use: {
		baseURL: `http://localhost:${PORT}`,
		// Dates are stored and shown in UTC: a zone west of Greenwich proves a day never slides.
		timezoneId: 'America/Los_Angeles',
		locale: 'en-US',
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--disable-dev-shm-usage'
			]
		}
	},
	webServer: {
		// From the project's root (where the build is), whichever config file includes this one.
		cwd: fileURLToPath(new URL('.', import.meta.url)),
		command: `npx vite preview --port ${PORT} --strictPort`,
		url: `http://localhost:${PORT}`,
		reuseExistingServer: false,
		timeout: 60_000
	}
});
