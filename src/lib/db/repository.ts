/**
 * Repository functions: everything the app reads from or writes to the database. Each write is
 * one transaction, so a failure leaves the database exactly as it was.
 */
import { liveQuery } from 'dexie';
import {
	actorsUsedBy,
	compareDated,
	datasetOfKey,
	eventKey,
	type Dated,
	type EventKey
} from '../model/events';
import { MessageError } from '../model/errors';
import { msg } from '../model/messages';
import { names } from '../model/actors';
import { sameValue } from '../model/changes';
import type {
	Actor,
	ActorId,
	Dataset,
	DatasetId,
	EventId,
	NativeFile,
	Origin,
	Period,
	TramaEvent
} from '../model/schema';
import {
	datasetBlocks,
	fromStored,
	MAX_DATASET_NAME,
	moveContents,
	type ActorStep,
	type ChangeKind,
	type ChangeRecord,
	type DatasetStep,
	type DatasetSwap,
	checkedHeadsOf,
	headsOf,
	RECORD_BLOCK_SIZE,
	type SetAside,
	toStored,
	TramaDatabase,
	type HeadBlock,
	type LocatedHead,
	type StoredEvent,
	type StoredPeriod
} from './database';

export type { ActorStep, ChangeKind, ChangeRecord, DatasetStep, EventStep } from './database';
export type { MergePlan } from './changes';
import type { ChangeWriter, MergePlan } from './changes';
export type { LocatedHead, StoredEvent, StoredHead, StoredPeriod } from './database';

/**
 * Where to find an event's full record: its key, and the record block its head names (see
 * `LocatedHead.recordBlock`) when the caller has the head. Without it, or when the record has
 * moved since, the dataset's heads are read to find it.
 */
export interface RecordRef {
	key: EventKey;
	block?: number | undefined;
}
export { fromStored, releaseBlock, toStored } from './database';

/** A dataset with its events and periods, as the model has them (no index fields). */
export interface DatasetContents extends Dataset {
	events: TramaEvent[];
	periods: Period[];
}

/**
 * Everything the store holds, dataset by dataset: what `contents` reads and `restoreBackup`
 * writes. A backup file is this inside an envelope, so a read backup can be restored as it is.
 */
export interface StoreContents {
	datasets: DatasetContents[];
	actors: Actor[];
}

/** The id under which the default dataset is stored. */
export const DEFAULT_DATASET_ID = 'default' as DatasetId;

const DEFAULT_LOADED_FLAG = 'defaultDatasetLoaded';

/** Something that pushes values over time, such as Dexie's live queries. */
export interface Subscribable<T> {
	subscribe(observer: { next: (value: T) => void; error: (error: unknown) => void }): {
		unsubscribe(): void;
	};
}

/** The longest dataset name (the schema's limit). */
const MAX_NAME = MAX_DATASET_NAME;

/** Record blocks are written this many at a time, so progress can be told and a write cancelled. */
const WRITE_CHUNK = 10;

export interface WriteOptions {
	/** Aborting it rolls the whole transaction back. */
	signal?: AbortSignal;
	onProgress?: (done: number, total: number) => void;
	/**
	 * Keep the contents a write replaces in the trash (see `DatasetSwap`), so that the write can
	 * be undone; the summary names the trash id.
	 */
	keep?: boolean;
}

export interface WriteSummary {
	datasetId: DatasetId;
	events: number;
	actors: number;
	periods: number;
	/** The dataset existed (and was not deleted) and was replaced. */
	replaced?: boolean;
	/** The dataset's record before the write, if it had one (deleted or not). */
	before?: Dataset;
	/** Where its replaced contents wait (see `WriteOptions.keep`). */
	trash?: DatasetId;
}

const byDate = compareDated;

/**
 * The contents of blocks in chronological order. Each dataset's blocks come in order (their
 * key), and each block is in order, so a dataset is one sorted run: the runs are merged, not
 * sorted again (100,086 heads of two datasets: a sort compared titles for 35 ms of a reload).
 */
export function mergeByDate<B extends { datasetId: DatasetId }, T extends Dated>(
	blocks: readonly B[],
	contents: (block: B) => T[]
): T[] {
	let runs: T[][] = [];
	let last: DatasetId | undefined;
	for (const block of blocks) {
		if (block.datasetId !== last || runs.length === 0) runs.push([]);
		last = block.datasetId;
		const run = runs[runs.length - 1] as T[];
		for (const item of contents(block)) run.push(item);
	}
	while (runs.length > 1) {
		const merged: T[][] = [];
		for (let i = 0; i < runs.length; i += 2) {
			const a = runs[i] as T[];
			const b = runs[i + 1];
			merged.push(b ? mergeTwo(a, b) : a);
		}
		runs = merged;
	}
	return runs[0] ?? [];
}

/** Two sorted runs as one; at equal places the first run's item comes first, as a stable sort. */
function mergeTwo<T extends Dated>(a: readonly T[], b: readonly T[]): T[] {
	if (a.length > b.length * 16 || b.length > a.length * 16) return mergeUneven(a, b);
	const out = new Array<T>(a.length + b.length);
	let i = 0;
	let j = 0;
	let k = 0;
	while (i < a.length && j < b.length)
		out[k++] = byDate(b[j] as T, a[i] as T) < 0 ? (b[j++] as T) : (a[i++] as T);
	while (i < a.length) out[k++] = a[i++] as T;
	while (j < b.length) out[k++] = b[j++] as T;
	return out;
}

/**
 * `mergeTwo` of a long run and a short one (the default dataset's 86 events beside an import of
 * a million): each event of the short run finds its place in the long one by binary search, and
 * the stretches between are copied without comparing (1,000,086 heads: 115 ms of comparisons
 * before). Equal events keep `a`'s first, as in `mergeTwo`.
 */
function mergeUneven<T extends Dated>(a: readonly T[], b: readonly T[]): T[] {
	const out = new Array<T>(a.length + b.length);
	let i = 0;
	let j = 0;
	let k = 0;
	while (i < a.length && j < b.length) {
		if (b.length - j <= a.length - i) {
			// b[j] goes before the first a[p] it sorts strictly before.
			const x = b[j] as T;
			let lo = i;
			let hi = a.length;
			while (lo < hi) {
				const mid = (lo + hi) >>> 1;
				if (byDate(x, a[mid] as T) < 0) hi = mid;
				else lo = mid + 1;
			}
			while (i < lo) out[k++] = a[i++] as T;
			out[k++] = b[j++] as T;
		} else {
			// a[i] goes before the first b[p] that does not sort strictly before it.
			const x = a[i] as T;
			let lo = j;
			let hi = b.length;
			while (lo < hi) {
				const mid = (lo + hi) >>> 1;
				if (byDate(b[mid] as T, x) < 0) lo = mid + 1;
				else hi = mid;
			}
			while (j < lo) out[k++] = b[j++] as T;
			out[k++] = a[i++] as T;
		}
	}
	while (i < a.length) out[k++] = a[i++] as T;
	while (j < b.length) out[k++] = b[j++] as T;
	return out;
}

/**
 * The actor steps (see `ActorStep`) that take the actors `current` to `next`: those added, and
 * those whose record differs; with `dropMissing`, those of `current` not in `next` go too.
 */
function actorSteps(
	current: readonly Actor[],
	next: readonly Actor[],
	dropMissing: boolean
): ActorStep[] {
	const stored = new Map(current.map((a) => [a.id, a]));
	const steps: ActorStep[] = [];
	for (const after of next) {
		const before = stored.get(after.id);
		stored.delete(after.id);
		if (!before) steps.push({ after });
		else if (!sameValue(before, after)) steps.push({ before, after });
	}
	if (dropMissing) for (const before of stored.values()) steps.push({ before });
	return steps;
}

/** How long a deleted dataset waits in the store, so its deletion can be undone: a week. */
export const TRASH_KEEP_MS = 7 * 86_400_000;

/** The title of the event a change is about (as it was after the change, if it still was). */
export function changeTitle(
	change: Pick<ChangeRecord, 'before' | 'after' | 'actors' | 'datasets'>
): string {
	const actor = change.actors?.[0];
	const dataset = change.datasets?.[0];
	return (
		(change.after ?? change.before)?.title ??
		(actor?.after ?? actor?.before)?.name ??
		(dataset?.before ?? dataset?.after)?.name ??
		''
	);
}

export class Repository {
	readonly db: TramaDatabase;

	constructor(db: TramaDatabase = new TramaDatabase()) {
		this.db = db;
	}

	// -- reading --------------------------------------------------------------------------------

	/** The datasets stored, by name; those deleted (waiting to be purged) are left out. */
	async datasets(): Promise<Dataset[]> {
		const all = (await this.db.datasets.toArray()).filter((d) => d.deleted === undefined);
		return all.sort((a, b) => a.name.localeCompare(b.name));
	}

	/** Every event of the given datasets (all when omitted), in chronological order. */
	async events(datasetIds?: readonly DatasetId[]): Promise<StoredEvent[]> {
		const ids = await this.#live(datasetIds);
		const blocks = (await Promise.all(ids.map((id) => this.recordsOfDataset(id).toArray()))).flat();
		return mergeByDate(blocks, (b) => b.events);
	}

	/** The datasets asked for (all when omitted) that are not deleted, in the order asked. */
	async #live(datasetIds?: readonly DatasetId[]): Promise<DatasetId[]> {
		const live = (await this.datasets()).map((d) => d.id);
		if (datasetIds === undefined) return live;
		const kept = new Set(live);
		return datasetIds.filter((id) => kept.has(id));
	}

	/** The record blocks of one dataset, through their key. */
	private recordsOfDataset(datasetId: DatasetId) {
		return this.db.records
			.where('[datasetId+block]')
			.between([datasetId, -Infinity], [datasetId, Infinity], true, true);
	}

	/** The events of one dataset as the model has them (no index fields), in chronological order. */
	async datasetEvents(datasetId: DatasetId): Promise<TramaEvent[]> {
		return (await this.events([datasetId])).map(fromStored);
	}

	/** The head blocks of one dataset, through their key. */
	private headsOfDataset(datasetId: DatasetId) {
		return this.db.heads
			.where('[datasetId+block]')
			.between([datasetId, -Infinity], [datasetId, Infinity], true, true);
	}

	/**
	 * The heads of every event of the given datasets (all when omitted), in chronological order:
	 * what the views draw from. A few large reads, not one per event. Each dataset's blocks are
	 * stored in order, so sorting merges a few ordered runs.
	 */
	async heads(datasetIds?: readonly DatasetId[]): Promise<LocatedHead[]> {
		return this.parseHeads(await this.headBlocks(datasetIds));
	}

	/**
	 * The head blocks of the given datasets (all when omitted), as stored: what `parseHeads` makes
	 * heads of. A live query reads this, and `parseHeads` runs outside it, a block at a time; with
	 * `ahead`, each block is parsed as it arrives, and `parseHeads` takes those heads.
	 */
	async headBlocks(
		datasetIds?: readonly DatasetId[],
		/** Parse each block as it arrives (see `parseAhead`), while later blocks are still read. */
		ahead = false
	): Promise<HeadBlock[]> {
		// Given ids are read as they are, with no other read before (a live query reads this: a
		// read after an await of our own is not seen by it, and a write there would not wake it).
		// The caller passes datasets it has just read (`datasets()`, never a deleted one).
		const ids = datasetIds ?? (await this.datasets()).map((d) => d.id);
		if (!ahead)
			return (await Promise.all(ids.map((id) => this.headsOfDataset(id).toArray()))).flat();
		// The blocks' keys first, then each block by its own request: each arrives in a task of
		// its own, and is parsed there while the store reads the next ones (one read of all the
		// blocks hands them over together, and parsing could only start after the last).
		const keys = (await Promise.all(ids.map((id) => this.headsOfDataset(id).primaryKeys()))).flat();
		const blocks = await Promise.all(
			keys.map((key) =>
				this.db.heads.get(key).then((block) => {
					if (block) this.parseAhead(block);
					return block;
				})
			)
		);
		return blocks.filter((block) => block !== undefined);
	}

	/**
	 * Parses a block read for `parseHeads` before it is called, unless the last `parseHeads` has
	 * this writing of it already: `parseHeads` takes the heads made here. Kept with the block
	 * object, so a read nobody parses (a newer one overtook it) takes its heads with it.
	 */
	parseAhead(block: HeadBlock): void {
		if (block.rev !== undefined && this.#parsed.has(block.rev)) return;
		if (!this.#ahead.has(block)) this.#ahead.set(block, checkedHeadsOf(block));
	}

	/** Heads parsed as their block arrived (see `parseAhead`), until `parseHeads` takes them. */
	#ahead = new WeakMap<HeadBlock, ReturnType<typeof checkedHeadsOf>>();

	/**
	 * The heads of head blocks (see `headBlocks`), in chronological order. Only blocks not parsed
	 * before are parsed (see `#parsed`). With `pause`, it is awaited whenever parsing has held
	 * the thread for `budgetMs`: the heads of 100,000 new events (20 blocks, about 150 ms and as
	 * much in garbage collection) are parsed in tasks the page can draw between.
	 */
	async parseHeads(
		blocks: readonly HeadBlock[],
		pause?: () => Promise<void>,
		budgetMs = 20
	): Promise<LocatedHead[]> {
		const parsed = new Map<string, LocatedHead[]>();
		const own = new Map<HeadBlock, LocatedHead[]>();
		const damaged = new Map<HeadBlock, SetAside[]>();
		const checkedAt = new Map<string, Int32Array>();
		let since = performance.now();
		for (const block of blocks) {
			const known = block.rev === undefined ? undefined : this.#parsed.get(block.rev);
			const early = known ? undefined : this.#ahead.get(block);
			this.#ahead.delete(block);
			if (!known && !early && pause && performance.now() - since > budgetMs) {
				await pause();
				since = performance.now();
			}
			let heads = known;
			if (!heads) {
				const checked = early ?? checkedHeadsOf(block);
				heads = checked.heads;
				if (checked.setAside.length) damaged.set(block, checked.setAside);
				if (checked.checkedAt && block.rev !== undefined)
					checkedAt.set(block.rev, checked.checkedAt);
			} else {
				const rev = block.rev ?? '';
				const before = this.#damaged.get(rev);
				if (before) damaged.set(block, before);
				const at = this.#checkedAt.get(rev);
				if (at) checkedAt.set(rev, at);
			}
			own.set(block, heads);
			if (block.rev !== undefined) parsed.set(block.rev, heads);
		}
		this.#parsed = parsed;
		this.#checkedAt = checkedAt;
		this.#damaged = new Map(
			[...damaged].flatMap(([b, list]) => (b.rev === undefined ? [] : [[b.rev, list] as const]))
		);
		this.setAside = [...damaged.values()].flat();
		return mergeByDate(blocks, (block) => own.get(block) ?? []);
	}

	/**
	 * The heads of the blocks the last `heads` read, by the blocks' revision (`HeadBlock.rev`). A
	 * write changes a block or two (see `BlockSplice`); the next read parses only those, and
	 * hands the same head objects for the rest (heads are never changed in place). Only the last
	 * read's blocks are kept: a hidden dataset's heads are let go. The blocks themselves are not
	 * kept: at 100,000 events their columns are 14 MB.
	 */
	#parsed = new Map<string, LocatedHead[]>();
	/** The stored events of those blocks the views cannot draw, by block revision. */
	#damaged = new Map<string, SetAside[]>();
	/** For those blocks: where each stored head is among the heads drawn (see `checkedHeadsOf`). */
	#checkedAt = new Map<string, Int32Array>();

	/**
	 * The heads of the block written at `rev` (`HeadBlock.rev`) as the last `parseHeads` made
	 * them, and, when some were set aside, where each stored head is among them (-1: set aside);
	 * undefined when that read had no such block. The search index names the events it keeps by
	 * their positions among a block's stored heads.
	 */
	parsedBlock(rev: string): { heads: readonly LocatedHead[]; checkedAt?: Int32Array } | undefined {
		const heads = this.#parsed.get(rev);
		if (!heads) return undefined;
		const checkedAt = this.#checkedAt.get(rev);
		return checkedAt ? { heads, checkedAt } : { heads };
	}

	/** The revisions of the blocks the last `parseHeads` read (see `parsedBlock`). */
	parsedRevs(): string[] {
		return [...this.#parsed.keys()];
	}

	/**
	 * The stored events the last `parseHeads` set aside: not as Trama writes them (an older or a
	 * foreign program's), never drawn, kept in the store as they are.
	 */
	setAside: SetAside[] = [];

	/**
	 * The full records of some events, in the order asked (undefined where none is stored). Reads
	 * the record blocks the references name, each once; a record not where its reference says
	 * (no block given, or written again since) is looked for through its dataset's heads.
	 * `alongside` is handed every record of the blocks read, asked for or not (a table scrolling
	 * in time order asks next for the records beside the ones it asked for now).
	 */
	async eventsByKey(
		refs: readonly (RecordRef | EventKey)[],
		alongside?: (records: readonly StoredEvent[]) => void
	): Promise<(StoredEvent | undefined)[]> {
		if (refs.length === 0) return [];
		const wanted = refs.map((r) => (typeof r === 'string' ? { key: r } : r));
		const found = await this.#fromBlocks(wanted, alongside);
		const lost = wanted.filter((r, i) => found[i] === undefined);
		if (lost.length === 0) return found;
		const located = await this.#locate(lost.map((r) => r.key));
		const again = await this.#fromBlocks(
			lost.map((r) => ({ key: r.key, block: located.get(r.key) })),
			alongside
		);
		const byKey = new Map(lost.map((r, i) => [r.key, again[i]]));
		return found.map((e, i) => e ?? byKey.get(wanted[i]!.key));
	}

	/** The records the references' blocks hold (undefined where a block does not hold it). */
	async #fromBlocks(
		refs: readonly RecordRef[],
		alongside?: (records: readonly StoredEvent[]) => void
	): Promise<(StoredEvent | undefined)[]> {
		const where = refs.map((r) => {
			const datasetId = datasetOfKey(r.key) as DatasetId;
			return { datasetId, id: r.key.slice(datasetId.length + 1) as EventId, block: r.block };
		});
		const blockKeys = new Map<string, [DatasetId, number]>();
		for (const w of where)
			if (w.block !== undefined) blockKeys.set(`${w.block} ${w.datasetId}`, [w.datasetId, w.block]);
		const blocks = await this.db.records.bulkGet([...blockKeys.values()]);
		const byBlock = new Map<string, Map<EventId, StoredEvent>>();
		for (const b of blocks) {
			if (!b) continue;
			byBlock.set(`${b.block} ${b.datasetId}`, new Map(b.events.map((e) => [e.id, e])));
			alongside?.(b.events);
		}
		return where.map((w) =>
			w.block === undefined ? undefined : byBlock.get(`${w.block} ${w.datasetId}`)?.get(w.id)
		);
	}

	/**
	 * The full records of the events of one head block, in its (chronological) order, with the
	 * block's revision and each event's position among the block's heads (`at`: a head whose
	 * record is missing has none); undefined when the block is gone. One read of the head block and one of
	 * the record blocks it names, in one transaction, so the two agree (the search index reads
	 * the store a block at a time this way).
	 */
	async headBlockEvents(
		datasetId: DatasetId,
		block: number
	): Promise<{ rev: string; events: StoredEvent[]; at: number[] } | undefined> {
		return this.db.transaction('r', this.db.heads, this.db.records, async () => {
			const head = await this.db.heads.get([datasetId, block]);
			if (!head) return undefined;
			const heads = headsOf(head);
			const numbers = [...new Set(heads.map((h) => h.recordBlock))];
			const records = await this.db.records.bulkGet(numbers.map((n) => [datasetId, n]));
			const byId = new Map<EventId, StoredEvent>();
			for (const r of records) for (const e of r?.events ?? []) byId.set(e.id, e);
			const events: StoredEvent[] = [];
			const at: number[] = [];
			heads.forEach((h, i) => {
				const e = byId.get(h.id);
				if (!e) return;
				events.push(e);
				at.push(i);
			});
			return { rev: head.rev ?? '', events, at };
		});
	}

	/** Which record block holds each event, from its dataset's heads (absent when none does). */
	async #locate(keys: readonly EventKey[]): Promise<Map<EventKey, number>> {
		const datasets = new Set(keys.map((k) => datasetOfKey(k) as DatasetId));
		const wanted = new Set(keys);
		const located = new Map<EventKey, number>();
		for (const datasetId of datasets)
			for (const block of await this.headsOfDataset(datasetId).toArray())
				for (const h of headsOf(block)) {
					const key = eventKey({ datasetId, id: h.id });
					if (wanted.has(key)) located.set(key, h.recordBlock);
				}
		return located;
	}

	async actors(): Promise<Actor[]> {
		return this.db.actors.toArray();
	}

	async periods(): Promise<StoredPeriod[]> {
		return this.db.periods.toArray();
	}

	// -- live queries ---------------------------------------------------------------------------

	/**
	 * A query that pushes a new result whenever the data it read changes, in this tab or in
	 * another one (Dexie broadcasts its writes between tabs).
	 */
	watch<T>(query: (repo: this) => Promise<T>): Subscribable<T> {
		return liveQuery(() => query(this));
	}

	// -- writing --------------------------------------------------------------------------------

	/**
	 * Writes a validated native file as one dataset, replacing that dataset's events and periods
	 * if it exists. Actors are shared between datasets and updated by id; actors only the old
	 * version used, and nothing else uses, go. One transaction.
	 */
	async writeDataset(
		file: NativeFile,
		origin: Origin,
		now: Date = new Date(),
		options: WriteOptions = {}
	): Promise<WriteSummary> {
		const datasetId = file.dataset.id;
		const dataset: Dataset = {
			...file.dataset,
			origin,
			importedAt: now.toISOString(),
			eventCount: file.events.length
		};
		const events = file.events.map((e) => toStored(e, datasetId));
		const periods: StoredPeriod[] = file.periods.map((p) => ({ ...p, datasetId }));
		const { db } = this;
		const put = await db.transaction(
			'rw',
			[db.records, db.actors, db.datasets, db.periods, db.heads],
			async () => {
				await db.actors.bulkPut(file.actors);
				const put = await this.#putContents(dataset, events, periods, now, options);
				for (const a of actorsUsedBy(file.events)) put.used.delete(a);
				for (const a of file.actors) put.used.delete(a.id);
				await this.dropUnusedActors(put.used);
				return put;
			}
		);
		const { before, trash } = put;
		return {
			datasetId,
			events: events.length,
			actors: file.actors.length,
			periods: periods.length,
			replaced: before !== undefined && before.deleted === undefined,
			...(before ? { before } : {}),
			...(trash !== undefined ? { trash } : {})
		};
	}

	/**
	 * Writes a dataset's record, events and periods over what it had (see `WriteOptions.keep`).
	 * Returns its record before, where its old contents went, and the actors they used when they
	 * were removed (the caller drops those no one uses any more). Call inside a transaction.
	 */
	async #putContents(
		dataset: Dataset,
		events: readonly StoredEvent[],
		periods: readonly StoredPeriod[],
		now: Date,
		options: WriteOptions
	): Promise<{ before?: Dataset; trash?: DatasetId; used: Set<ActorId> }> {
		const { db } = this;
		const datasetId = dataset.id;
		const blocks = datasetBlocks(datasetId, events);
		const before = await db.datasets.get(datasetId);
		// A deleted dataset waiting to be purged is replaced as if it were gone.
		if (before?.hidden && before.deleted === undefined) dataset = { ...dataset, hidden: true };
		let used = new Set<ActorId>();
		let trash: DatasetId | undefined;
		if (options.keep && before) {
			trash = await this.#toTrash(before, now);
		} else {
			used = await this.#removeBlocks(datasetId);
			await db.periods.where('datasetId').equals(datasetId).delete();
		}
		const { records } = blocks;
		for (let i = 0; i < records.length; i += WRITE_CHUNK) {
			options.signal?.throwIfAborted();
			await db.records.bulkPut(records.slice(i, i + WRITE_CHUNK));
			const done = Math.min((i + WRITE_CHUNK) * RECORD_BLOCK_SIZE, events.length);
			options.onProgress?.(done, events.length);
		}
		options.signal?.throwIfAborted();
		await db.heads.bulkPut(blocks.heads);
		await db.periods.bulkPut(periods);
		await db.datasets.put(dataset);
		return { ...(before ? { before } : {}), ...(trash !== undefined ? { trash } : {}), used };
	}

	/**
	 * Moves a dataset's contents to the trash, under an id no dataset has (it begins with a
	 * control character, which no one types, and names the time and the dataset), with its record
	 * marked deleted so nothing reads it until it is purged; its actors stay while the trash's
	 * blocks use them. The dataset's own record is left to the caller. Returns the trash id. Call
	 * inside a transaction.
	 */
	async #toTrash(dataset: Dataset, now: Date): Promise<DatasetId> {
		let trash: DatasetId;
		for (let n = 0; ; n++) {
			trash = `\u001etrash ${now.getTime()}${n ? `.${n}` : ''} ${dataset.id}` as DatasetId;
			if (!(await this.db.datasets.get(trash))) break;
		}
		await moveContents(this.db, [{ from: dataset.id, to: trash }]);
		await this.db.datasets.put({ ...dataset, id: trash, deleted: now.toISOString() });
		return trash;
	}

	/**
	 * The change a write of whole datasets makes (an import, a restore): undoing it puts back each
	 * dataset's record as it was and trades its contents with the trash (`swaps`); a dataset that
	 * did not exist is marked deleted instead (it waits in the trash, see `deleteDataset`).
	 */
	async #logWrites(
		kind: ChangeKind,
		summaries: readonly WriteSummary[],
		actors: ActorStep[],
		now: Date,
		also: { gone: DatasetStep[]; swaps: DatasetSwap[] } = { gone: [], swaps: [] }
	): Promise<void> {
		const datasets: DatasetStep[] = [...also.gone];
		const swaps: DatasetSwap[] = [...also.swaps];
		for (const s of summaries) {
			const after = await this.db.datasets.get(s.datasetId);
			if (!after) continue;
			datasets.push({ before: s.before ?? { ...after, deleted: now.toISOString() }, after });
			if (s.trash !== undefined) swaps.push({ datasetId: s.datasetId, trash: s.trash });
		}
		await this.#log(
			{
				kind,
				datasets,
				...(swaps.length ? { swaps } : {}),
				...(actors.length ? { actors } : {}),
				eventKeys: []
			},
			now
		);
	}

	/**
	 * Removes a dataset's head and record blocks and returns the actors its events used. Call
	 * inside a transaction.
	 */
	async #removeBlocks(datasetId: DatasetId): Promise<Set<ActorId>> {
		const heads = this.headsOfDataset(datasetId);
		const used = new Set((await heads.toArray()).flatMap((b: HeadBlock) => b.actorIds));
		await heads.delete();
		await this.recordsOfDataset(datasetId).delete();
		return used;
	}

	/** Deletes those of the actors no event uses any more. Call inside a transaction. */
	private async dropUnusedActors(candidates: Iterable<ActorId>): Promise<void> {
		const { db } = this;
		const maybe = [...candidates];
		if (maybe.length === 0) return;
		// One read of the heads' actor index says which of them some event still uses.
		const still = new Set(await db.heads.where('actorIds').anyOf(maybe).keys());
		const unused = maybe.filter((a) => !still.has(a));
		if (unused.length > 0) await db.actors.bulkDelete(unused);
	}

	/** Shows or hides a dataset in the views; its data stays. */
	async setDatasetHidden(datasetId: DatasetId, hidden: boolean): Promise<void> {
		const changed = await this.db.datasets.update(datasetId, { hidden });
		if (changed === 0) throw new MessageError(msg('store.noDataset', { id: datasetId }));
	}

	/**
	 * Renames a dataset; the name is trimmed and must not be empty (at most 200 characters). Kept
	 * as a change, so it can be undone.
	 */
	async renameDataset(datasetId: DatasetId, name: string, now: Date = new Date()): Promise<void> {
		const clean = name.trim();
		if (clean === '') throw new MessageError(msg('store.nameEmpty'));
		if (clean.length > MAX_NAME)
			throw new MessageError(msg('store.nameTooLong', { max: MAX_NAME }));
		await this.#changing(async () => {
			const before = await this.#dataset(datasetId);
			if (before.name === clean) return;
			const after = { ...before, name: clean };
			await this.db.datasets.put(after);
			await this.#log(
				{ kind: 'dataset.rename', datasets: [{ before, after }], eventKeys: [] },
				now
			);
		});
	}

	// -- changes a user makes in the app, and their undoing --------------------------------------

	/**
	 * Keeps a change, dropping the changes undone before it (history is a line). Call inside a
	 * transaction.
	 */
	async #log(change: Omit<ChangeRecord, 'at' | 'undone'>, now: Date): Promise<void> {
		await this.db.changes.filter((c) => c.undone).delete();
		await this.db.changes.add({ ...change, at: now.toISOString(), undone: false });
	}

	/**
	 * The change the next undo takes back, and the one the next redo makes again, if any. Undone
	 * changes are always the last ones, so only those and the one before them are read.
	 */
	async undoState(): Promise<{ undo?: ChangeRecord; redo?: ChangeRecord }> {
		const tail = await this.db.changes
			.reverse()
			.until((c) => !c.undone, true)
			.toArray();
		const last = tail.at(-1);
		const undo = last && !last.undone ? last : undefined;
		const redo = tail.findLast((c) => c.undone);
		return { ...(undo ? { undo } : {}), ...(redo ? { redo } : {}) };
	}

	/**
	 * The changes made to one event in the app, oldest first (changes undone are left out: as far
	 * as the record goes, they did not happen).
	 */
	async eventHistory(datasetId: DatasetId, id: EventId): Promise<ChangeRecord[]> {
		return this.db.changes
			.where('eventKeys')
			.equals(eventKey({ datasetId, id }))
			.filter((c) => !c.undone)
			.sortBy('seq');
	}

	// -- the change writer, loaded when first needed -------------------------------------------

	#writer: Promise<ChangeWriter> | undefined;

	/** The change writer (`changes.ts`), loaded on the first change a user makes. */
	#changes(): Promise<ChangeWriter> {
		this.#writer ??= import('./changes').then(
			({ ChangeWriter }) =>
				new ChangeWriter(this.db, {
					changing: (work) => this.#changing(work),
					dataset: (id) => this.#dataset(id),
					checkActors: (event) => this.#checkActors(event),
					log: (change, now) => this.#log(change, now),
					removeBlocks: (id) => this.#removeBlocks(id),
					eventsNaming: (id) => this.eventsNaming(id),
					undoState: () => this.undoState(),
					recordsOfDataset: (id) => this.recordsOfDataset(id),
					title: changeTitle
				})
		);
		return this.#writer;
	}

	/**
	 * Replaces one event of a dataset by its edited version (same id), and keeps the change so it
	 * can be undone; false when nothing changed. See `ChangeWriter.editEvent`.
	 */
	async editEvent(...args: Parameters<ChangeWriter['editEvent']>): Promise<boolean> {
		return (await this.#changes()).editEvent(...args);
	}

	/** Adds a new event to a dataset (see `ChangeWriter.createEvent`). */
	async createEvent(...args: Parameters<ChangeWriter['createEvent']>): Promise<void> {
		return (await this.#changes()).createEvent(...args);
	}

	/** Deletes one event of a dataset; its record (see `ChangeWriter.deleteEvent`). */
	async deleteEvent(...args: Parameters<ChangeWriter['deleteEvent']>): Promise<StoredEvent> {
		return (await this.#changes()).deleteEvent(...args);
	}

	/** Takes back the last change; the change it took back, or undefined when there is none. */
	async undo(): Promise<ChangeRecord | undefined> {
		return (await this.#changes()).undo();
	}

	/** Makes the last undone change again; the change, or undefined when there is none. */
	async redo(): Promise<ChangeRecord | undefined> {
		return (await this.#changes()).redo();
	}

	/** Adds or saves an actor; false when nothing changed (see `ChangeWriter.saveActor`). */
	async saveActor(...args: Parameters<ChangeWriter['saveActor']>): Promise<boolean> {
		return (await this.#changes()).saveActor(...args);
	}

	/** Deletes an actor (see `ChangeWriter.deleteActor`); how many events it was taken out of. */
	async deleteActor(...args: Parameters<ChangeWriter['deleteActor']>): Promise<number> {
		return (await this.#changes()).deleteActor(...args);
	}

	/** What merging one actor into another would change (see `ChangeWriter.mergePlan`). */
	async mergePlan(...args: Parameters<ChangeWriter['mergePlan']>): Promise<MergePlan> {
		return (await this.#changes()).mergePlan(...args);
	}

	/** Merges one actor into another (see `ChangeWriter.mergeActors`). */
	async mergeActors(...args: Parameters<ChangeWriter['mergeActors']>): Promise<MergePlan> {
		return (await this.#changes()).mergeActors(...args);
	}

	// -- actors ---------------------------------------------------------------------------------

	/**
	 * The events (their stored records) that name an actor, in every dataset, in date order: the
	 * head blocks' actor index says which blocks to read.
	 */
	async eventsNaming(id: ActorId): Promise<StoredEvent[]> {
		const shown = new Set((await this.datasets()).map((d) => d.id));
		const blocks = (await this.db.heads.where('actorIds').equals(id).toArray()).filter((b) =>
			shown.has(b.datasetId)
		);
		const refs: RecordRef[] = [];
		for (const block of blocks)
			for (const h of headsOf(block))
				if (names(h, id))
					refs.push({
						key: eventKey({ datasetId: block.datasetId, id: h.id }),
						block: h.recordBlock
					});
		const found = await this.eventsByKey(refs);
		return found.filter((e) => e !== undefined).sort(compareDated);
	}

	/**
	 * Finds what an interrupted write of an older version could have left half done, and repairs
	 * it without losing anything: events whose dataset record is missing become a dataset of
	 * their own, named as recovered, for the user to keep or delete. Reads only the blocks' keys
	 * (cheap at a million events). Every write of this version is one transaction, so after them
	 * it finds nothing. `nameOf` names a recovered dataset from its id. Returns how many datasets
	 * it recovered.
	 */
	async recoverOrphans(nameOf: (id: DatasetId) => string, now: Date = new Date()): Promise<number> {
		const { db } = this;
		return db.transaction('rw', [db.heads, db.records, db.datasets], async () => {
			const known = new Set(await db.datasets.toCollection().primaryKeys());
			const keys = [
				...(await db.heads.toCollection().primaryKeys()),
				...(await db.records.toCollection().primaryKeys())
			];
			const orphans = [...new Set(keys.map(([id]) => id))].filter((id) => !known.has(id));
			for (const id of orphans) {
				const blocks = await db.heads
					.where('[datasetId+block]')
					.between([id, -Infinity], [id, Infinity], true, true)
					.toArray();
				const eventCount = blocks.reduce((n, b) => n + headsOf(b).length, 0);
				await db.datasets.put({
					id,
					name: nameOf(id).slice(0, MAX_DATASET_NAME),
					origin: { kind: 'app' },
					importedAt: now.toISOString(),
					eventCount
				});
			}
			return orphans.length;
		});
	}

	/** One read-write transaction over what a change, an undo or a redo touches. */
	#changing<T>(work: () => Promise<T>): Promise<T> {
		const { db } = this;
		return db.transaction(
			'rw',
			[db.records, db.heads, db.datasets, db.actors, db.changes, db.periods],
			work
		);
	}

	/** A dataset, which must be stored. Call inside a transaction. */
	async #dataset(datasetId: DatasetId): Promise<Dataset> {
		const dataset = await this.db.datasets.get(datasetId);
		if (!dataset || dataset.deleted !== undefined)
			throw new MessageError(msg('store.noDataset', { id: datasetId }));
		return dataset;
	}

	/** Refuses an event that names an actor the store does not hold. Call inside a transaction. */
	async #checkActors(event: StoredEvent): Promise<void> {
		const ids = [...new Set(event.actorIds)];
		const found = await this.db.actors.bulkGet(ids);
		const missing = ids.find((_, i) => found[i] === undefined);
		if (missing !== undefined) throw new MessageError(msg('store.noActor', { id: missing }));
	}

	/**
	 * Deletes a dataset: it leaves every view, list and export at once, but its records wait in
	 * the store (marked deleted) so that the deletion can be undone, across reloads, until they
	 * are purged (see `purgeTrash`). Kept as a change.
	 */
	async deleteDataset(datasetId: DatasetId, now: Date = new Date()): Promise<void> {
		await this.#changing(async () => {
			const before = await this.#dataset(datasetId);
			const after: Dataset = { ...before, deleted: now.toISOString() };
			await this.db.datasets.put(after);
			await this.#log(
				{ kind: 'dataset.delete', datasets: [{ before, after }], eventKeys: [] },
				now
			);
		});
	}

	/**
	 * Removes for good the datasets deleted more than `keepMs` ago (a week unless given): their
	 * events and periods, and the actors no other dataset uses. Their deletion can no longer be
	 * undone (an undo says they were changed since). Returns how many datasets went.
	 */
	async purgeTrash(now: Date = new Date(), keepMs = TRASH_KEEP_MS): Promise<number> {
		return this.#changing(async () => {
			const old = (await this.db.datasets.toArray()).filter(
				(d) => d.deleted !== undefined && Date.parse(d.deleted) < now.getTime() - keepMs
			);
			const used = new Set<ActorId>();
			for (const d of old) {
				for (const a of await this.#removeBlocks(d.id)) used.add(a);
				await this.db.periods.where('datasetId').equals(d.id).delete();
				await this.db.datasets.delete(d.id);
			}
			await this.dropUnusedActors(used);
			return old.length;
		});
	}

	/**
	 * Writes imported files, each as its dataset (a new one, or the same origin's again), all in
	 * one transaction: if any write fails or the signal aborts, nothing is written. Unlike
	 * `writeDataset`, actors that already exist keep their stored record (another dataset may rely
	 * on it); only new actors are added.
	 */
	async importDatasets(
		files: readonly { file: NativeFile; origin: Origin }[],
		options: WriteOptions = {},
		now: Date = new Date()
	): Promise<WriteSummary[]> {
		const { db } = this;
		const total = files.reduce((n, f) => n + f.file.events.length, 0);
		return db.transaction(
			'rw',
			[db.records, db.actors, db.datasets, db.periods, db.heads, db.changes],
			async () => {
				const summaries: WriteSummary[] = [];
				let written = 0;
				for (const { file, origin } of files) {
					const known = new Set(
						(await db.actors.bulkGet(file.actors.map((a) => a.id)))
							.filter(Boolean)
							.map((a) => a?.id)
					);
					const fresh = file.actors.filter((a) => !known.has(a.id));
					const summary = await this.writeDataset({ ...file, actors: fresh }, origin, now, {
						...(options.signal ? { signal: options.signal } : {}),
						onProgress: (done) => options.onProgress?.(written + done, total),
						keep: true
					});
					written += summary.events;
					summaries.push(summary);
				}
				// Undoing the import marks the datasets it made deleted and brings back, from the
				// trash, the ones it replaced; redoing trades them again.
				await this.#logWrites('dataset.import', summaries, [], now);
				return summaries;
			}
		);
	}

	// -- backup and restore ---------------------------------------------------------------------

	/** Everything the store holds, read in one transaction (a consistent copy). */
	async contents(): Promise<StoreContents> {
		const { db } = this;
		return db.transaction('r', [db.records, db.actors, db.datasets, db.periods], async () => {
			const [datasets, blocks, actors, periods] = await Promise.all([
				this.datasets(),
				db.records.toArray(),
				db.actors.toArray(),
				db.periods.toArray()
			]);
			// Blocks come in key order: each dataset's events in chronological order.
			const events = new Map<DatasetId, TramaEvent[]>();
			for (const b of blocks) {
				const own = events.get(b.datasetId) ?? [];
				for (const e of b.events) own.push(fromStored(e));
				events.set(b.datasetId, own);
			}
			return {
				datasets: datasets.map((d) => ({
					...d,
					events: events.get(d.id) ?? [],
					periods: periods
						.filter((p) => p.datasetId === d.id)
						.map(({ datasetId: _d, ...period }) => period)
				})),
				actors
			};
		});
	}

	/**
	 * Replaces everything with the given contents (a backup's): one transaction, so a failure
	 * leaves the old store. The default dataset counts as loaded afterwards (it comes back only
	 * if the contents have it). Kept as a change: undoing it brings back every dataset as it was
	 * (from the trash) and every actor's record.
	 */
	async restoreBackup(
		contents: StoreContents,
		now: Date = new Date(),
		options: Pick<WriteOptions, 'signal' | 'onProgress'> = {}
	): Promise<void> {
		const { db } = this;
		const { signal, onProgress } = options;
		const total = contents.datasets.reduce((n, d) => n + d.events.length, 0);
		let written = 0;
		await this.transactAll(async () => {
			signal?.throwIfAborted();
			const actors = actorSteps(await db.actors.toArray(), contents.actors, true);
			await db.actors.clear();
			await db.actors.bulkPut(contents.actors);

			// Datasets the backup does not have go to the trash; those it has are written over,
			// their old contents kept in the trash too.
			const incoming = new Set(contents.datasets.map((d) => d.id));
			const gone: DatasetStep[] = [];
			const swaps: DatasetSwap[] = [];
			for (const before of await this.datasets()) {
				if (incoming.has(before.id)) continue;
				const trash = await this.#toTrash(before, now);
				await db.datasets.delete(before.id);
				gone.push({ before });
				swaps.push({ datasetId: before.id, trash });
			}
			const summaries: WriteSummary[] = [];
			for (const { events, periods, ...dataset } of contents.datasets) {
				const id = dataset.id;
				const put = await this.#putContents(
					{ ...dataset, eventCount: events.length },
					events.map((e) => toStored(e, id)),
					periods.map((p) => ({ ...p, datasetId: id })),
					now,
					{
						keep: true,
						...(signal ? { signal } : {}),
						onProgress: (done) => onProgress?.(written + done, total)
					}
				);
				written += events.length;
				summaries.push({
					datasetId: id,
					events: events.length,
					actors: 0,
					periods: periods.length,
					...(put.before ? { before: put.before } : {}),
					...(put.trash !== undefined ? { trash: put.trash } : {})
				});
			}
			signal?.throwIfAborted();
			await this.#logWrites('backup.restore', summaries, actors, now, { gone, swaps });
			await db.meta.put({ key: DEFAULT_LOADED_FLAG, value: true });
		});
	}

	// -- the default dataset --------------------------------------------------------------------

	/**
	 * Loads the default dataset on the very first start only. A stored flag remembers that it
	 * was loaded, so a user who deletes it does not see it come back. Safe when two tabs start
	 * at once: the flag is checked again inside the writing transaction.
	 */
	async ensureDefaultDataset(load: () => Promise<NativeFile>): Promise<'loaded' | 'present'> {
		if (await this.db.meta.get(DEFAULT_LOADED_FLAG)) return 'present';
		const file = await load();
		return this.transactAll(async () => {
			if (await this.db.meta.get(DEFAULT_LOADED_FLAG)) return 'present' as const;
			await this.writeDefault(file);
			return 'loaded' as const;
		});
	}

	/**
	 * Brings back the default dataset's events and actors as shipped; other datasets are left
	 * alone. Kept as a change: undoing it brings back the dataset as it was (from the trash) and
	 * the actors' records it overwrote.
	 */
	async restoreDefaultDataset(
		load: () => Promise<NativeFile>,
		now: Date = new Date()
	): Promise<WriteSummary> {
		const file = await load();
		return this.transactAll(async () => {
			const stored = await this.db.actors.bulkGet(file.actors.map((a) => a.id));
			const actors = actorSteps(
				stored.filter((a) => a !== undefined),
				file.actors,
				false
			);
			const summary = await this.writeDefault(file, now, true);
			await this.#logWrites('dataset.restore', [summary], actors, now);
			return summary;
		});
	}

	/** Writes the default dataset and remembers it was loaded. Call inside `transactAll`. */
	private async writeDefault(
		file: NativeFile,
		now = new Date(),
		keep = false
	): Promise<WriteSummary> {
		const summary = await this.writeDataset(file, { kind: 'default' }, now, { keep });
		await this.db.meta.put({ key: DEFAULT_LOADED_FLAG, value: true });
		return summary;
	}

	/** One read-write transaction over every table. */
	private transactAll<T>(work: () => Promise<T>): Promise<T> {
		const { db } = this;
		return db.transaction(
			'rw',
			[db.records, db.actors, db.datasets, db.periods, db.meta, db.heads, db.changes],
			work
		);
	}
}
