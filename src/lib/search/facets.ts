import type { Actor } from '../model/schema';

/**
 * The filter's questions and answers (types and the facets' names, no code): what the page, the
 * address and saved searches speak of, apart from the index that answers (it loads in a worker,
 * with the full-text library).
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

export interface FilterAnswer {
	/** The query asks for something (words or a facet choice). */
	active: boolean;
	/** The keys of the events kept, when active, in the index's order. */
	keys?: string[];
	/**
	 * Where the same events are in the store's head blocks, block by block, in the same order
	 * (when active): the page finds its events by these places, and by `keys` those of a block
	 * it has not read at that revision.
	 */
	blocks?: KeptInBlock[];
	matched: number;
	total: number;
	counts: Record<FacetName, FacetCounts>;
	/** The best matches of the words, best first (none without words). */
	hits: SearchHit[];
	/**
	 * Words are looked for in titles, places and tags only: past `LIGHT_FROM` events the full
	 * text would not fit in memory (see `FilterIndex`).
	 */
	light?: boolean;
}

/**
 * Some of the events kept, those of one head block at one revision (`HeadBlock.rev`): their
 * positions among the block's heads as stored, for the keys `keys[from]` onwards.
 */
export interface KeptInBlock {
	rev: string;
	from: number;
	at: Int32Array;
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
