import type { Actor } from '../model/schema';

/**
 * The filter's questions and answers (types, the facets' names, and reading an answer's keys):
 * what the page, the address and saved searches speak of, apart from the index that answers (it
 * loads in a worker, with the full-text library).
 */

export const FACETS = [
	'dataset',
	'confidence',
	'kind',
	'actor',
	'actorKind',
	'country',
	'tag',
	'publisher',
	'precision',
	'coords'
] as const;
export type FacetName = (typeof FACETS)[number];

/** The values chosen in each facet: an event is kept when it has one of them, in every facet. */
export type FacetSelection = Partial<Record<FacetName, readonly string[]>>;

export interface FilterQuery {
	text: string;
	facets: FacetSelection;
}

export interface FacetCount {
	value: string;
	/** How many events this value would keep, under the text and the other facets' choices. */
	count: number;
}

export interface FacetCounts {
	values: FacetCount[];
	/** Values with events left out of `values` (the list is long; the search narrows it). */
	more: number;
}

/** An event the words match, for the result list. */
export interface SearchHit {
	key: string;
	title: string;
	start: string;
	score: number;
}

/**
 * Each facet's counts under a question: they follow its answer (`FilterAnswer`), in a message of
 * their own, so the views need not wait for them.
 */
export type FacetCountsAll = Record<FacetName, FacetCounts>;

export interface FilterAnswer {
	/** The query asks for something (words or a facet choice). */
	active: boolean;
	/**
	 * The events kept, when active, by their places in the store's head blocks, block by block:
	 * numbers only, which cross from the worker at once (as many strings as events kept took
	 * most of a keystroke's time). The page finds its events by these places, or, in a block it
	 * has not read at that revision, by the block's keys (`BlockKeys`).
	 */
	blocks?: KeptInBlock[];
	/**
	 * The keys of the events kept that no block names (a block without a revision or places),
	 * when active: one text, a key a line (see `keysOf`).
	 */
	keys?: string;
	matched: number;
	total: number;
	/** The best matches of the words, best first (none without words). */
	hits: SearchHit[];
	/**
	 * Words are looked for in titles, places and tags only: past `LIGHT_FROM` events the full
	 * text would not fit in memory (see `FilterIndex`).
	 */
	light?: boolean;
}

/** Between two keys in `FilterAnswer.keys` (an id never holds a line break). */
export const KEY_SEPARATOR = '\n';

const keyLists = new WeakMap<FilterAnswer, string[]>();

/** The keys of the events an answer keeps that no block names (read once per answer). */
export function keysOf(answer: FilterAnswer): string[] {
	let keys = keyLists.get(answer);
	if (!keys) {
		keys = answer.keys ? answer.keys.split(KEY_SEPARATOR) : [];
		keyLists.set(answer, keys);
	}
	return keys;
}

/**
 * Some of the events kept, those of one head block at one revision (`HeadBlock.rev`): their
 * positions among the block's heads as stored.
 */
export interface KeptInBlock {
	rev: string;
	at: Int32Array;
}

/**
 * The keys of the blocks answers name, each block's once per revision: `added` by revision
 * (keys by position among the block's heads, a line each; '' where none), and the revisions
 * the index no longer holds (`dropped`).
 */
export interface BlockKeys {
	added: [rev: string, keys: string][];
	dropped: string[];
}

/** A head block the page shows, and which writing of it. */
export interface BlockRef {
	datasetId: string;
	block: number;
	rev: string;
}

export type ActorInfo = Pick<Actor, 'id' | 'name' | 'aliases' | 'kind'>;

/** How far the index is: blocks of events (up to 5,000 each) read of those shown. */
export interface IndexProgress {
	done: number;
	total: number;
}

/**
 * Past this many events, the index keeps no full-text index (MiniSearch) and words are looked
 * for in titles, places and tags by a scan of their folded text: the full text of 1,000,000
 * events would take about 1.6 GB in the worker (160 MB at 100,000), which shares the page's
 * process and would take the page down with it.
 */
export const LIGHT_FROM = 400_000;
