import { defineConfig } from '@playwright/test';
import base from '../../playwright.config';

/** Benchmarks: one worker, no time limit per test, the same Chromium and server as the e2e tests. */
export default defineConfig({
	...base,
	testDir: '.',
	testMatch: '*.bench.ts',
	fullyParallel: false,
	workers: 1,
	timeout: 15 * 60_000,
	reporter: 'list'
});
