/**
 * A Node test environment whose modules are compiled for the browser: the runes state classes
 * (`.svelte.ts`) then run with Svelte's client runtime, where effects and reactivity work.
 * Files named `*.svelte.test.ts` run in it (see vite.config.ts).
 */
import type { Environment } from 'vitest/environments';

export default {
	name: 'runes',
	viteEnvironment: 'client',
	setup() {
		return { teardown() {} };
	}
} satisfies Environment;
