/**
 * Saved searches: a name for the filter (words and facet choices) and the window, to come back
 * to. They are kept among the browser's settings (`trama.savedSearches`), so a backup carries
 * them and a restore brings them back; another tab's change is heard.
 */
import { FACETS, type FacetName, type FilterQuery } from '../search/facets';
import type { Span } from '../model/dates';

export const SAVED_SEARCHES_KEY = 'trama.savedSearches';
/** The longest name a saved search may have. */
export const SAVED_NAME_MAX = 80;

export interface SavedSearch {
	name: string;
	query: FilterQuery;
	window?: Span;
	/** ISO 8601 instant it was saved. */
	savedAt: string;
}

export type SaveResult =
	{ ok: true; replaced: boolean } | { ok: false; error: 'empty' | 'long' | 'storage' };

const isStrings = (v: unknown): v is string[] =>
	Array.isArray(v) && v.every((x) => typeof x === 'string');

/** One stored entry, if it has the shape of a saved search (others are skipped, not thrown). */
function readOne(value: unknown): SavedSearch | undefined {
	if (typeof value !== 'object' || value === null) return undefined;
	const v = value as Record<string, unknown>;
	const q = v.query as Record<string, unknown> | undefined;
	if (typeof v.name !== 'string' || v.name.trim() === '' || typeof q !== 'object' || q === null)
		return undefined;
	if (typeof q.text !== 'string' || typeof q.facets !== 'object' || q.facets === null)
		return undefined;
	const facets: FilterQuery['facets'] = {};
	for (const [f, values] of Object.entries(q.facets as Record<string, unknown>)) {
		if (!(FACETS as readonly string[]).includes(f) || !isStrings(values)) return undefined;
		if (values.length) facets[f as FacetName] = values;
	}
	const w = v.window as { start?: unknown; end?: unknown } | undefined;
	const window =
		w && typeof w.start === 'number' && typeof w.end === 'number' && w.end > w.start
			? { start: w.start, end: w.end }
			: undefined;
	return {
		name: v.name.trim().slice(0, SAVED_NAME_MAX),
		query: { text: q.text, facets },
		...(window ? { window } : {}),
		savedAt: typeof v.savedAt === 'string' ? v.savedAt : ''
	};
}

/** The saved searches in a stored value (nothing for a missing or damaged one). */
export function parseSaved(text: string | null): SavedSearch[] {
	if (text === null) return [];
	try {
		const json: unknown = JSON.parse(text);
		return Array.isArray(json) ? json.flatMap((v) => readOne(v) ?? []) : [];
	} catch {
		return [];
	}
}

export class SavedSearches {
	list = $state.raw<SavedSearch[]>([]);
	readonly #storage: Pick<Storage, 'getItem' | 'setItem'> | undefined;

	constructor(storage?: Pick<Storage, 'getItem' | 'setItem'>) {
		this.#storage = storage;
		this.load();
	}

	/** Reads the list again (after a restore, or another tab's change). */
	load(): void {
		try {
			this.list = parseSaved(this.#storage?.getItem(SAVED_SEARCHES_KEY) ?? null);
		} catch {
			this.list = [];
		}
	}

	/** Saves the filter and window under a name (a search of the same name is replaced). */
	save(
		name: string,
		query: FilterQuery,
		window: Span | undefined,
		// A moment, not state: nothing reads it reactively.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		now = new Date()
	): SaveResult {
		const trimmed = name.trim().replace(/\s+/g, ' ');
		if (trimmed === '') return { ok: false, error: 'empty' };
		if (trimmed.length > SAVED_NAME_MAX) return { ok: false, error: 'long' };
		const replaced = this.list.some((s) => s.name === trimmed);
		const entry: SavedSearch = {
			name: trimmed,
			query: { text: query.text, facets: { ...query.facets } },
			...(window ? { window: { start: window.start, end: window.end } } : {}),
			savedAt: now.toISOString()
		};
		const next = [...this.list.filter((s) => s.name !== trimmed), entry];
		next.sort((a, b) => a.name.localeCompare(b.name));
		if (!this.#write(next)) return { ok: false, error: 'storage' };
		return { ok: true, replaced };
	}

	/** Forgets a saved search; false when storage refused. */
	remove(name: string): boolean {
		return this.#write(this.list.filter((s) => s.name !== name));
	}

	#write(list: SavedSearch[]): boolean {
		try {
			this.#storage?.setItem(SAVED_SEARCHES_KEY, JSON.stringify(list));
		} catch {
			return false;
		}
		this.list = list;
		return true;
	}
}
