import { memoryBackend, wantsMemory } from '$lib/db/memory';
import type { LayoutLoad } from './$types';

// The whole app runs in the browser: data lives in IndexedDB, nothing is rendered on a server.
export const ssr = false;
export const prerender = false;

/** The store: the browser's, or one in memory where the browser keeps nothing (see `db/memory`). */
export const load: LayoutLoad = async ({ url }) =>
	wantsMemory(url) ? { memory: await memoryBackend() } : {};
