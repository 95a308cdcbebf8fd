/**
 * The browser history as the state classes see it: the address's query, and entries that carry
 * a view. The app hands in SvelteKit's shallow routing (`src/routes/kit-history.ts`); tests hand
 * in a list in memory.
 */
import type { View } from './view';

export interface HistoryPort {
	/** The address's query now, without the `?` (read once per use, not reactive). */
	search(): string;
	/** The address's path now. */
	pathname(): string;
	/** The whole address now, which relative addresses in links are resolved against. */
	href(): string;
	/** A new entry for `url` (a query, or the path alone) showing `view`. */
	push(url: string, view: View): void;
	/** Replaces the current entry's address and view. */
	replace(url: string, view: View | undefined): void;
	/** The view the current entry carries, if any. Reactive: reading it in an effect follows back and forward. */
	view(): View | undefined;
}
