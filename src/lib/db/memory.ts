/**
 * A store kept in memory, for a browser that will not let Trama keep data (IndexedDB missing,
 * or refused: private windows, some privacy settings). Everything works as with the browser's
 * store, over the same code (an IndexedDB written in JavaScript), except that nothing outlives
 * the tab. Loaded only then: the page that can store never downloads it.
 */
import Dexie from 'dexie';
import type { StoreBackend } from './database';

/** The URL parameter that opens Trama on a store in memory (the user chose it). */
export const MEMORY_PARAM = 'memory';

/** True when the browser has no IndexedDB at all, or the user chose a store in memory. */
export function wantsMemory(url: URL): boolean {
	return typeof indexedDB === 'undefined' || url.searchParams.has(MEMORY_PARAM);
}

/**
 * Loads the store in memory and makes it the page's IndexedDB for Dexie, whose live queries
 * read its global dependencies (they do nothing where the browser has no IndexedDB).
 */
export async function memoryBackend(): Promise<StoreBackend> {
	const { indexedDB, IDBKeyRange } = await import('fake-indexeddb');
	Dexie.dependencies.indexedDB = indexedDB;
	Dexie.dependencies.IDBKeyRange = IDBKeyRange;
	return { indexedDB, IDBKeyRange };
}
