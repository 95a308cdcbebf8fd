import { defineConfig } from '@playwright/test';
import base from '../../playwright.config';

/**
 * Benchmarks: one worker, no time limit per test, no trace, the same Chromium and server as the
 * e2e tests.
 */
export default defineConfig({
	...base,
	testDir: '.',
	testMatch: '*.bench.ts',
	fullyParallel: false,
	workers: 1,
	timeout: 15 * 60_000,
	reporter: 'list',
	// No trace: recording one keeps a screencast of the page running, which costs frames the
	// figures would then count against the app.
	use: { ...base.use, trace: 'off' }
});
