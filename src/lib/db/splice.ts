/**
 * One event in or out of a dataset's blocks, writing only the blocks it leaves and enters.
 *
 * A dataset's events are stored twice, in chronological order: heads in blocks of up to 5,000
 * and full records in blocks of up to 200 (see `HeadBlock`, `RecordBlock`). An edit, a new event
 * or a deleted one changes one place in that order, so writing the whole dataset again (100,000
 * events: 520 blocks, two seconds) is not needed: the event's head block is found by its id in
 * the blocks' text, the place it goes by a binary search over the head blocks, and its record
 * block from its neighbour's head. A block may grow past its usual size this way; past
 * {@link MAX_GROWTH} times it, the dataset's blocks are built again from its events.
 */
import { actorIdsOf, compareDated, headOf, type Dated } from '../model/events';
import type { ActorId, DatasetId, EventId } from '../model/schema';
import {
	datasetBlocks,
	HEAD_BLOCK_SIZE,
	headsOf,
	newRevision,
	storedHeads,
	type HeadBlock,
	RECORD_BLOCK_SIZE,
	type LocatedHead,
	type RecordBlock,
	type StoredEvent,
	type TramaDatabase
} from './database';
import { columnsHoldId } from './head-columns';

/** How far past its usual size a block may grow before the dataset's blocks are rebuilt. */
export const MAX_GROWTH = 3;

/** A head block as read here: its heads parsed, and whether they changed. */
interface OpenHeads {
	heads: LocatedHead[];
	changed: boolean;
}

interface OpenRecords {
	block: RecordBlock;
	changed: boolean;
}

/** Whether a stored head block holds the head of the event `id`, found without its heads. */
function blockHoldsId(block: HeadBlock, id: EventId): boolean {
	if (block.cols) return columnsHoldId(block.cols, id);
	return block.text?.includes(headMarker(id)) ?? false;
}

/** The text a head block's JSON holds at the start of the head of the event `id`. */
function headMarker(id: EventId): string {
	// A head is written with its id first (see `headOf`); quotes inside text are escaped in JSON,
	// so a title cannot contain this marker.
	return `{"id":${JSON.stringify(id)},`;
}

/**
 * The blocks of one dataset, opened for a few changes inside a read-write transaction over
 * `heads` and `records`: `remove` and `insert` change them in memory, `write` stores what changed.
 */
export class BlockSplice {
	readonly #db: TramaDatabase;
	readonly #datasetId: DatasetId;
	/** The dataset's head block numbers, in order (read once). */
	#order: number[] | undefined;
	readonly #heads = new Map<number, OpenHeads>();
	readonly #records = new Map<number, OpenRecords>();
	/** The record block the last removal took an event from: an edit puts it back there. */
	#removedFrom: number | undefined;

	constructor(db: TramaDatabase, datasetId: DatasetId) {
		this.#db = db;
		this.#datasetId = datasetId;
	}

	/*
	 * What was read once is kept, and taken from the cache without an `await`: Dexie keeps a
	 * transaction across a limited number of awaits that do not touch the database, and a long
	 * run of changes in one transaction (hundreds of events) would pass it.
	 */

	async #headOrder(): Promise<number[]> {
		this.#order ??= (
			await this.#db.heads
				.where('[datasetId+block]')
				.between([this.#datasetId, -Infinity], [this.#datasetId, Infinity], true, true)
				.primaryKeys()
		).map(([, block]) => block);
		return this.#order;
	}

	async #openHeads(block: number, read?: HeadBlock): Promise<OpenHeads> {
		let open = this.#heads.get(block);
		if (!open) {
			const stored = read ?? (await this.#db.heads.get([this.#datasetId, block]));
			open = { heads: stored ? headsOf(stored) : [], changed: false };
			this.#heads.set(block, open);
		}
		return open;
	}

	async #openRecords(block: number): Promise<OpenRecords> {
		let open = this.#records.get(block);
		if (!open) {
			const stored = await this.#db.records.get([this.#datasetId, block]);
			open = {
				block: stored ?? { datasetId: this.#datasetId, block, events: [] },
				changed: false
			};
			this.#records.set(block, open);
		}
		return open;
	}

	/** The head block holding the event `id`, if any. */
	async #headBlockOf(id: EventId): Promise<number | undefined> {
		for (const block of this.#order ?? (await this.#headOrder())) {
			const open = this.#heads.get(block);
			if (open) {
				if (open.heads.some((h) => h.id === id)) return block;
				continue;
			}
			// Read one block at a time, and stop at the first that has it.
			const stored = await this.#db.heads.get([this.#datasetId, block]);
			if (stored && blockHoldsId(stored, id)) {
				await this.#openHeads(block, stored);
				return block;
			}
		}
		return undefined;
	}

	/** Whether the dataset holds an event with this id. */
	async has(id: EventId): Promise<boolean> {
		return (await this.#headBlockOf(id)) !== undefined;
	}

	/** Takes the event `id` out of the blocks; its stored record, or undefined when none. */
	async remove(id: EventId): Promise<StoredEvent | undefined> {
		const block = await this.#headBlockOf(id);
		if (block === undefined) return undefined;
		const heads = this.#heads.get(block) ?? (await this.#openHeads(block));
		const at = heads.heads.findIndex((h) => h.id === id);
		const head = heads.heads[at] as LocatedHead;
		heads.heads.splice(at, 1);
		heads.changed = true;
		const records =
			this.#records.get(head.recordBlock) ?? (await this.#openRecords(head.recordBlock));
		const index = records.block.events.findIndex((e) => e.id === id);
		if (index === -1) return undefined;
		const [removed] = records.block.events.splice(index, 1);
		records.changed = true;
		this.#removedFrom = head.recordBlock;
		return removed;
	}

	/**
	 * Puts an event into the blocks at its place in date order. The caller makes sure no event
	 * with its id is there (see `has`).
	 */
	async insert(event: StoredEvent): Promise<void> {
		const order = this.#order ?? (await this.#headOrder());
		// The last head block whose first head comes before the event (blocks left empty by a
		// removal are skipped); the first block when none does.
		const candidates: number[] = [];
		for (const block of order) {
			const open = this.#heads.get(block);
			if (!open || open.heads.length > 0) candidates.push(block);
		}
		let lo = 0;
		let hi = candidates.length - 1;
		let found = -1;
		while (lo <= hi) {
			const mid = (lo + hi) >> 1;
			const block = candidates[mid] as number;
			const open = this.#heads.get(block) ?? (await this.#openHeads(block));
			const first = open.heads[0] as Dated;
			if (compareDated(first, event) <= 0) {
				found = mid;
				lo = mid + 1;
			} else hi = mid - 1;
		}
		const headBlock = candidates[Math.max(0, found)] ?? order[0] ?? 0;
		if (!order.includes(headBlock)) order.push(headBlock);
		const heads = this.#heads.get(headBlock) ?? (await this.#openHeads(headBlock));
		const at = firstAfter(heads.heads, event);
		// The record goes beside its neighbour in date order: after the one before it, or before
		// the one after it; into the dataset's first record block when it has no other event. An
		// event put back where it was taken from (an edit that keeps its place) stays in its block.
		let before = heads.heads[at - 1];
		let after = heads.heads[at];
		const back = this.#removedFrom;
		if (back !== undefined && before?.recordBlock !== back && after?.recordBlock === back)
			before = undefined;
		else after = before ? undefined : after;
		const neighbour = before ?? after;
		const recordBlock = neighbour?.recordBlock ?? (await this.#firstRecordBlock());
		const records = this.#records.get(recordBlock) ?? (await this.#openRecords(recordBlock));
		const events = records.block.events;
		const beside = neighbour ? events.findIndex((e) => e.id === neighbour.id) : -1;
		events.splice(beside === -1 ? firstAfter(events, event) : beside + (before ? 1 : 0), 0, event);
		records.changed = true;
		this.#removedFrom = undefined;
		const { datasetId, startMs, endMs } = event;
		heads.heads.splice(at, 0, { ...headOf(event), datasetId, startMs, endMs, recordBlock });
		heads.changed = true;
	}

	async #firstRecordBlock(): Promise<number> {
		const first = await this.#db.records
			.where('[datasetId+block]')
			.between([this.#datasetId, -Infinity], [this.#datasetId, Infinity], true, true)
			.first();
		return first?.block ?? 0;
	}

	/** Whether a block has grown too far past its usual size (the dataset is rebuilt then). */
	#overgrown(): boolean {
		for (const { heads } of this.#heads.values())
			if (heads.length > HEAD_BLOCK_SIZE * MAX_GROWTH) return true;
		for (const { block } of this.#records.values())
			if (block.events.length > RECORD_BLOCK_SIZE * MAX_GROWTH) return true;
		return false;
	}

	/**
	 * Stores the blocks that changed (an emptied block is deleted). When a block has grown too
	 * far, the dataset's blocks are built again from its events instead.
	 */
	async write(): Promise<void> {
		const { heads, records } = this.#db;
		const key = (block: number): [DatasetId, number] => [this.#datasetId, block];
		if (this.#overgrown()) return this.#rebuild();
		for (const [block, open] of this.#heads) {
			if (!open.changed) continue;
			if (open.heads.length === 0) await heads.delete(key(block));
			else {
				const actorIds = new Set<ActorId>();
				for (const h of open.heads) for (const a of actorIdsOf(h)) actorIds.add(a);
				await heads.put({
					datasetId: this.#datasetId,
					block,
					...storedHeads(open.heads),
					actorIds: [...actorIds],
					rev: newRevision()
				});
			}
		}
		for (const [block, open] of this.#records) {
			if (!open.changed) continue;
			if (open.block.events.length === 0) await records.delete(key(block));
			else await records.put(open.block);
		}
	}

	/** Builds the dataset's blocks again from its events, with the changes made here. */
	async #rebuild(): Promise<void> {
		const { heads, records } = this.#db;
		const range = [
			[this.#datasetId, -Infinity],
			[this.#datasetId, Infinity]
		] as const;
		const stored = await records
			.where('[datasetId+block]')
			.between(...range, true, true)
			.toArray();
		const events = stored.flatMap((b) => (this.#records.get(b.block)?.block ?? b).events);
		for (const [block, open] of this.#records)
			if (!stored.some((b) => b.block === block)) events.push(...open.block.events);
		const blocks = datasetBlocks(this.#datasetId, events);
		await heads
			.where('[datasetId+block]')
			.between(...range, true, true)
			.delete();
		await records
			.where('[datasetId+block]')
			.between(...range, true, true)
			.delete();
		await records.bulkPut(blocks.records);
		await heads.bulkPut(blocks.heads);
	}
}

/** The index of the first item that comes after `item` in date order (binary search). */
function firstAfter(sorted: readonly Dated[], item: Dated): number {
	let lo = 0;
	let hi = sorted.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (compareDated(sorted[mid] as Dated, item) <= 0) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}
