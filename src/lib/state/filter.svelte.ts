/**
 * The one filter of the dashboard: the search box's words and the facets' choices. It asks the
 * search index (a worker) which events they keep, and every view shows only those (through
 * `AppState.shownEvents`): the timeline, the overview, the network, the table, the counts and
 * "export what is shown". The facets' counts follow each answer.
 */
import type { IndexProgress } from '../search/facets';
import {
	FACETS,
	type FacetName,
	type FacetCountsAll,
	type FacetSelection,
	type FilterAnswer,
	type FilterQuery,
	type KeptInBlock
} from '../search/facets';
import { isBlankQuery } from '../search/query';
import type { SearchClient } from '../search/search-client';

const sameValues = (a: readonly string[] = [], b: readonly string[] = []): boolean =>
	a.length === b.length && a.every((v, i) => v === b[i]);

/** Whether two questions ask the same. */
export function sameQuery(a: FilterQuery, b: FilterQuery): boolean {
	return a.text === b.text && FACETS.every((f) => sameValues(a.facets[f], b.facets[f]));
}

export class FilterState {
	readonly #client: SearchClient;

	/** The search box's text, as typed. */
	text = $state('');
	/** The values chosen in each facet. */
	facets = $state.raw<FacetSelection>({});
	/** The latest answer, and the question it answers. */
	answer = $state.raw<FilterAnswer | undefined>(undefined);
	answered = $state.raw<FilterQuery | undefined>(undefined);
	/**
	 * The facets' counts, and the answer they go with: they follow it (see `SearchClient`), so
	 * for a moment after an answer they are the last question's.
	 */
	counts = $state.raw<FacetCountsAll | undefined>(undefined);
	counted = $state.raw<FilterAnswer | undefined>(undefined);
	/** How far the index is while it reads the data shown (undefined once it has all of it). */
	progress = $state.raw<IndexProgress | undefined>(undefined);
	/** Why the last question could not be answered. */
	error = $state<string | undefined>(undefined);
	/**
	 * What becomes of the events the filter leaves out: they leave the views (`hide`), or the
	 * timeline and the table fade them (`dim`; the network and the counts then show every event).
	 */
	mode = $state<'hide' | 'dim'>('hide');

	/**
	 * Makes ready, before the first question, what turning an answer into the events shown reads
	 * (a lookup of every head shown: 10–30 ms at 100,000). Called when the search box or the
	 * facets are about to be used, so the first keystroke does not pay for it.
	 */
	readonly prepare: () => void;

	constructor(client: SearchClient, prepare: () => void = () => {}) {
		this.#client = client;
		this.prepare = prepare;
		client.listen({
			answer: (query, answer) => {
				this.answered = query;
				this.answer = answer;
				this.error = undefined;
			},
			counts: (query, counts) => {
				// The counts of the question answered last go with its answer.
				if (!this.answered || !sameQuery(query, this.answered)) return;
				this.counts = counts;
				this.counted = this.answer;
			},
			progress: (p) => (this.progress = p.done < p.total ? p : undefined),
			error: (message) => (this.error = message)
		});
	}

	/** The question as it stands. */
	readonly query: FilterQuery = $derived.by(() => ({ text: this.text, facets: this.facets }));

	/** Whether anything is asked (words or a choice): otherwise every event is shown. */
	readonly active: boolean = $derived.by(
		() => !isBlankQuery(this.text) || FACETS.some((f) => (this.facets[f]?.length ?? 0) > 0)
	);

	/** The filter leaves events out of the views (it asks for something, and hides the rest). */
	readonly hiding: boolean = $derived(this.active && this.mode === 'hide');

	/** The facets' counts go with the answer shown (not the one before it). */
	readonly counting: boolean = $derived(this.answer !== undefined && this.counted !== this.answer);

	/** The answer is for an older question (a newer one is on its way). */
	readonly pending: boolean = $derived.by(
		() => this.answered === undefined || !sameQuery(this.answered, this.query)
	);

	/**
	 * The answer whose events are kept, when the filter asks for something: the latest (while a
	 * newer question is answered, the views keep the last answer's events). Undefined: all.
	 */
	readonly kept: FilterAnswer | undefined = $derived.by(() =>
		this.active && this.answer?.keys !== undefined ? this.answer : undefined
	);

	/** Where the events kept are in the store's head blocks (see `FilterAnswer`). */
	readonly keptBlocks: readonly KeptInBlock[] | undefined = $derived.by(() => this.kept?.blocks);

	/** A block's keys by position, at one revision, when an answer names it (see `SearchClient`). */
	blockKeys(rev: string): readonly string[] | undefined {
		return this.#client.blockKeys(rev);
	}

	/** Sends the question to the index (called by an effect when it changes). */
	ask(): void {
		// A plain copy (the choices are lists of text): cheaper than a snapshot's structured clone.
		const facets: FacetSelection = {};
		for (const f of FACETS) {
			const values = this.facets[f];
			if (values) facets[f] = [...values];
		}
		this.#client.ask({ text: this.text, facets });
	}

	/** Whether a facet value is chosen. */
	chosen(facet: FacetName, value: string): boolean {
		return this.facets[facet]?.includes(value) ?? false;
	}

	/** Chooses or un-chooses one value of a facet. */
	choose(facet: FacetName, value: string, on: boolean): void {
		const before = this.facets[facet] ?? [];
		const others = before.filter((v) => v !== value);
		const next = on ? [...others, value] : others;
		const facets = { ...this.facets };
		if (next.length) facets[facet] = next;
		else delete facets[facet];
		this.facets = facets;
	}

	/** Clears a facet's choices, or every choice and the words. */
	clear(facet?: FacetName): void {
		if (facet) {
			const facets = { ...this.facets };
			delete facets[facet];
			this.facets = facets;
			return;
		}
		this.facets = {};
		this.text = '';
	}

	/** Replaces the whole question (a link, a saved search). */
	set(query: FilterQuery): void {
		this.text = query.text;
		this.facets = query.facets;
	}
}
