/**
 * Repository functions: everything the app reads from or writes to the database. Each write is
 * one transaction, so a failure leaves the database exactly as it was.
 */
import { liveQuery } from 'dexie';
import { actorsUsedBy, compareDated, datasetOfKey, type EventKey } from '../model/events';
import { MessageError } from '../model/errors';
import { msg } from '../model/messages';
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
	headBlocks,
	toStored,
	TramaDatabase,
	type StoredEvent,
	type StoredHead,
	type StoredPeriod
} from './database';

export type { StoredEvent, StoredHead, StoredPeriod } from './database';
export { toStored } from './database';

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
const MAX_NAME = 200;

/** Events are written in chunks of this many, so progress can be told and a write cancelled. */
const WRITE_CHUNK = 2000;

export interface WriteOptions {
	/** Aborting it rolls the whole transaction back. */
	signal?: AbortSignal;
	onProgress?: (done: number, total: number) => void;
}

export interface WriteSummary {
	datasetId: DatasetId;
	events: number;
	actors: number;
	periods: number;
}

/** The model event inside a stored one (the index fields removed). */
export function fromStored(stored: StoredEvent): TramaEvent {
	const { datasetId: _d, startMs: _s, endMs: _e, actorIds: _a, ...event } = stored;
	return event;
}

const byDate = compareDated;

export class Repository {
	readonly db: TramaDatabase;

	constructor(db: TramaDatabase = new TramaDatabase()) {
		this.db = db;
	}

	// -- reading --------------------------------------------------------------------------------

	async datasets(): Promise<Dataset[]> {
		const all = await this.db.datasets.toArray();
		return all.sort((a, b) => a.name.localeCompare(b.name));
	}

	/** Every event of the given datasets (all when omitted), in chronological order. */
	async events(datasetIds?: readonly DatasetId[]): Promise<StoredEvent[]> {
		const rows =
			datasetIds === undefined
				? await this.db.events.toArray()
				: (await Promise.all(datasetIds.map((id) => this.eventsOfDataset(id).toArray()))).flat();
		return rows.sort(byDate);
	}

	/** The events of one dataset, through the [datasetId+startMs] index. */
	private eventsOfDataset(datasetId: DatasetId) {
		return this.db.events
			.where('[datasetId+startMs]')
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
	async heads(datasetIds?: readonly DatasetId[]): Promise<StoredHead[]> {
		const blocks =
			datasetIds === undefined
				? await this.db.heads.toArray()
				: (await Promise.all(datasetIds.map((id) => this.headsOfDataset(id).toArray()))).flat();
		const heads = blocks.flatMap((b) => b.heads);
		return new Set(blocks.map((b) => b.datasetId)).size > 1 ? heads.sort(byDate) : heads;
	}

	/** The full records of some events, by key, in the order asked (undefined where none is). */
	async eventsByKey(keys: readonly EventKey[]): Promise<(StoredEvent | undefined)[]> {
		if (keys.length === 0) return [];
		return this.db.events.bulkGet(
			keys.map((key) => {
				const datasetId = datasetOfKey(key) as DatasetId;
				return [datasetId, key.slice(datasetId.length + 1) as EventId] as [DatasetId, EventId];
			})
		);
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
		await db.transaction(
			'rw',
			[db.events, db.actors, db.datasets, db.periods, db.heads],
			async () => {
				const before = await db.datasets.get(datasetId);
				if (before?.hidden) dataset.hidden = true;
				const old = this.eventsOfDataset(datasetId);
				const used = actorsUsedBy(await old.toArray());
				await old.delete();
				await db.periods.where('datasetId').equals(datasetId).delete();
				await db.actors.bulkPut(file.actors);
				for (let i = 0; i < events.length; i += WRITE_CHUNK) {
					options.signal?.throwIfAborted();
					await db.events.bulkPut(events.slice(i, i + WRITE_CHUNK));
					options.onProgress?.(Math.min(i + WRITE_CHUNK, events.length), events.length);
				}
				options.signal?.throwIfAborted();
				await this.headsOfDataset(datasetId).delete();
				await db.heads.bulkPut(headBlocks(datasetId, events));
				await db.periods.bulkPut(periods);
				await db.datasets.put(dataset);
				for (const a of actorsUsedBy(file.events)) used.delete(a);
				for (const a of file.actors) used.delete(a.id);
				await this.dropUnusedActors(used);
			}
		);
		return {
			datasetId,
			events: events.length,
			actors: file.actors.length,
			periods: periods.length
		};
	}

	/** Deletes those of the actors no event uses any more. Call inside a transaction. */
	private async dropUnusedActors(candidates: Iterable<ActorId>): Promise<void> {
		const { db } = this;
		for (const actorId of candidates) {
			if ((await db.events.where('actorIds').equals(actorId).count()) === 0) {
				await db.actors.delete(actorId);
			}
		}
	}

	/** Shows or hides a dataset in the views; its data stays. */
	async setDatasetHidden(datasetId: DatasetId, hidden: boolean): Promise<void> {
		const changed = await this.db.datasets.update(datasetId, { hidden });
		if (changed === 0) throw new MessageError(msg('store.noDataset', { id: datasetId }));
	}

	/** Renames a dataset; the name is trimmed and must not be empty (at most 200 characters). */
	async renameDataset(datasetId: DatasetId, name: string): Promise<void> {
		const clean = name.trim();
		if (clean === '') throw new MessageError(msg('store.nameEmpty'));
		if (clean.length > MAX_NAME)
			throw new MessageError(msg('store.nameTooLong', { max: MAX_NAME }));
		const changed = await this.db.datasets.update(datasetId, { name: clean });
		if (changed === 0) throw new MessageError(msg('store.noDataset', { id: datasetId }));
	}

	/**
	 * Deletes a dataset with its events and periods. Actors its events used go too, unless an
	 * event of another dataset still uses them. One transaction.
	 */
	async deleteDataset(datasetId: DatasetId): Promise<void> {
		const { db } = this;
		await db.transaction(
			'rw',
			[db.events, db.actors, db.datasets, db.periods, db.heads],
			async () => {
				const own = this.eventsOfDataset(datasetId);
				const used = actorsUsedBy(await own.toArray());
				await own.delete();
				await this.headsOfDataset(datasetId).delete();
				await db.periods.where('datasetId').equals(datasetId).delete();
				await db.datasets.delete(datasetId);
				await this.dropUnusedActors(used);
			}
		);
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
			[db.events, db.actors, db.datasets, db.periods, db.heads],
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
						onProgress: (done) => options.onProgress?.(written + done, total)
					});
					written += summary.events;
					summaries.push(summary);
				}
				return summaries;
			}
		);
	}

	// -- backup and restore ---------------------------------------------------------------------

	/** Everything the store holds, read in one transaction (a consistent copy). */
	async contents(): Promise<StoreContents> {
		const { db } = this;
		return db.transaction('r', [db.events, db.actors, db.datasets, db.periods], async () => {
			const [datasets, events, actors, periods] = await Promise.all([
				this.datasets(),
				db.events.toArray(),
				db.actors.toArray(),
				db.periods.toArray()
			]);
			events.sort(byDate);
			return {
				datasets: datasets.map((d) => ({
					...d,
					events: events.filter((e) => e.datasetId === d.id).map(fromStored),
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
	 * if the contents have it).
	 */
	async restoreBackup(contents: StoreContents): Promise<void> {
		const { db } = this;
		await this.transactAll(async () => {
			await Promise.all([
				db.events.clear(),
				db.actors.clear(),
				db.datasets.clear(),
				db.periods.clear(),
				db.heads.clear()
			]);
			await db.actors.bulkPut(contents.actors);
			for (const { events, periods, ...dataset } of contents.datasets) {
				const id = dataset.id;
				const stored = events.map((e) => toStored(e, id));
				await db.events.bulkPut(stored);
				await db.heads.bulkPut(headBlocks(id, stored));
				await db.periods.bulkPut(periods.map((p) => ({ ...p, datasetId: id })));
				await db.datasets.put({ ...dataset, eventCount: events.length });
			}
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

	/** Brings back the default dataset's events as shipped; other datasets are left alone. */
	async restoreDefaultDataset(load: () => Promise<NativeFile>): Promise<WriteSummary> {
		const file = await load();
		return this.transactAll(() => this.writeDefault(file));
	}

	/** Writes the default dataset and remembers it was loaded. Call inside `transactAll`. */
	private async writeDefault(file: NativeFile): Promise<WriteSummary> {
		const summary = await this.writeDataset(file, { kind: 'default' });
		await this.db.meta.put({ key: DEFAULT_LOADED_FLAG, value: true });
		return summary;
	}

	/** One read-write transaction over every table. */
	private transactAll<T>(work: () => Promise<T>): Promise<T> {
		const { db } = this;
		return db.transaction(
			'rw',
			[db.events, db.actors, db.datasets, db.periods, db.meta, db.heads],
			work
		);
	}
}
