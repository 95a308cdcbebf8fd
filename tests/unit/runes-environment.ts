/**
 * A Node environment whose modules are compiled for the client: Vitest's `node` environment
 * compiles `.svelte.ts` for the server, where `$effect` and `createSubscriber` do nothing.
 * There is no DOM here; state classes that need none are tested as the browser runs them.
 */
import type { Environment } from 'vitest/environments';

export default {
	name: 'runes',
	viteEnvironment: 'client',
	setup() {
		return { teardown() {} };
	}
} satisfies Environment;
