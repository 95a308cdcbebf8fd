import { memoryBackend, wantsMemory } from '$lib/db/memory';
import { loadLanguage } from '$lib/i18n';
import type { LayoutLoad } from './$types';

// The whole app runs in the browser: data lives in IndexedDB, nothing is rendered on a server.
export const ssr = false;
export const prerender = false;

/** The store: the browser's, or one in memory where the browser keeps nothing (see `db/memory`). */
export const load: LayoutLoad = async ({ url }) => {
	// The interface's language first: every text the page shows is in it from the first render.
	await loadLanguage();
	return wantsMemory(url) ? { memory: await memoryBackend() } : {};
};
