/**
 * The search index kept in step with the store (no DOM): told which head blocks the page shows
 * and at which revision, it reads only the blocks it does not have at that revision, a block at
 * a time, and drops those no longer shown. The worker runs one; where no worker can run (tests),
 * the page does.
 */
import { FilterIndex, type IndexedEvent } from './filter-index';
import { HEAD_BLOCK_SIZE } from '../db/database';
import {
	LIGHT_FROM,
	type ActorInfo,
	type BlockKeys,
	type BlockRef,
	type FacetCountsAll,
	type FilterAnswer,
	type FilterQuery,
	type IndexProgress
} from './facets';

/** Reads the events of one head block (see `Repository.headBlockEvents`). */
export type BlockReader = (
	datasetId: string,
	block: number
) => Promise<{ rev: string; events: readonly IndexedEvent[]; at?: readonly number[] } | undefined>;

export const segmentId = (ref: Pick<BlockRef, 'datasetId' | 'block'>): string =>
	`${ref.datasetId}\u001f${ref.block}`;

export class SearchEngine {
	index: FilterIndex;
	readonly #read: BlockReader;
	readonly #lightFrom: number;
	#actors: readonly ActorInfo[] = [];
	#syncing: Promise<void> = Promise.resolve();
	#wanted: BlockRef[] | undefined;
	/** The blocks' keys handed to `keys` (see `BlockKeys`), by revision. */
	#mirrored = new Map<string, string>();
	/** Told the keys of the blocks answers name, as they change (the page keeps a copy). */
	keys: ((change: BlockKeys) => void) | undefined;

	/** `lightFrom`: past this many events (blocks of up to 5,000), words in titles only. */
	constructor(read: BlockReader, lightFrom = LIGHT_FROM) {
		this.#read = read;
		this.#lightFrom = lightFrom;
		this.index = new FilterIndex();
	}

	setActors(actors: readonly ActorInfo[]): void {
		this.#actors = actors;
		this.index.setActors(actors);
	}

	/**
	 * Brings the index to these blocks (the latest call wins: a sync under way stops at its next
	 * block and the newest list is read). Resolves when the index holds them.
	 */
	sync(blocks: readonly BlockRef[], progress?: (p: IndexProgress) => void): Promise<void> {
		this.#wanted = [...blocks];
		this.#syncing = this.#syncing.then(() => this.#run(progress));
		return this.#syncing;
	}

	async #run(progress?: (p: IndexProgress) => void): Promise<void> {
		const blocks = this.#wanted;
		if (!blocks) return;
		this.#wanted = undefined;
		// Too many events for the full text (counted as full blocks: a bound, not a count): a
		// light index, or back to a full one, made anew.
		const light = blocks.length * HEAD_BLOCK_SIZE > this.#lightFrom;
		if (light !== this.index.light) {
			this.index = new FilterIndex({ light });
			this.index.setActors(this.#actors);
		}
		const ids = new Set(blocks.map(segmentId));
		this.index.retain(ids);
		const have = this.index.revisions();
		const missing = blocks.filter((b) => b.rev === '' || have.get(segmentId(b)) !== b.rev);
		let done = blocks.length - missing.length;
		for (const b of missing) {
			if (this.#wanted) return; // a newer list came: the next run reads it
			const read = await this.#read(b.datasetId, b.block);
			if (read) {
				const { events, at } = read;
				this.index.put({
					id: segmentId(b),
					rev: read.rev,
					datasetId: b.datasetId,
					events,
					...(at ? { at } : {})
				});
			} else this.index.remove(segmentId(b));
			progress?.({ done: ++done, total: blocks.length });
		}
		this.index.prepare();
		this.#mirror();
	}

	/** Hands `keys` the blocks' keys it does not have, and the revisions gone. */
	#mirror(): void {
		const now = this.index.blockKeys();
		const change: BlockKeys = { added: [], dropped: [] };
		for (const [rev, keys] of now)
			if (this.#mirrored.get(rev) !== keys) change.added.push([rev, keys]);
		for (const rev of this.#mirrored.keys()) if (!now.has(rev)) change.dropped.push(rev);
		this.#mirrored = now;
		if (change.added.length || change.dropped.length) this.keys?.(change);
	}

	/** Answers, with the facets' counts, once the index holds what the last sync asked for. */
	async query(q: FilterQuery): Promise<FilterAnswer & { counts: FacetCountsAll }> {
		await this.#synced();
		return this.index.query(q);
	}

	/**
	 * Answers once the index holds what the last sync asked for; the facets' counts when asked
	 * (see `FilterIndex.ask`).
	 */
	async ask(q: FilterQuery): Promise<ReturnType<FilterIndex['ask']>> {
		await this.#synced();
		return this.index.ask(q);
	}

	/**
	 * Answers `q`, then, in a task of its own, counts its facets (see `FilterIndex.ask`): the
	 * page draws the events kept meanwhile, and the counts are not made once `current` says a
	 * newer question has come.
	 */
	async answerThenCount(
		q: FilterQuery,
		send: { answer(answer: FilterAnswer): void; counts(counts: FacetCountsAll): void },
		current: () => boolean
	): Promise<void> {
		const asked = await this.ask(q);
		send.answer(asked.answer);
		await new Promise((resolve) => setTimeout(resolve, 0));
		if (!current()) return;
		const counts = asked.counts();
		if (counts) send.counts(counts);
	}

	async #synced(): Promise<void> {
		let current: Promise<void>;
		do {
			current = this.#syncing;
			await current;
		} while (current !== this.#syncing);
	}
}
