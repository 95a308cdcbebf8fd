/**
 * Full event records, read by key when a view shows them: the selected event's details, the
 * table's drawn rows, the table's word filter. The views draw from event heads (see
 * `EventHead`); only what is on screen is read in full, so the page never holds every record.
 *
 * Reads asked for in the same moment go to the store as one `bulkGet`. The cache forgets
 * everything when the data changes (a new generation of heads), and holds at most `limit`
 * records, the oldest read going first.
 */
import type { RecordRef, StoredEvent } from '../db/repository';
import { eventKey, type EventKey } from '../model/events';

/**
 * Reads full records, in the order asked (undefined where none is stored); each by its key, and
 * its record block when the view that asks knows it (see `RecordRef`). It may hand `alongside`
 * other records it read on the way (the rest of their blocks), which the cache keeps too.
 */
export type ReadRecords = (
	refs: readonly RecordRef[],
	alongside?: (records: readonly StoredEvent[]) => void
) => Promise<(StoredEvent | undefined)[]>;

/** The record block a head names (see `LocatedHead.recordBlock`), if it is a located head. */
export const blockOf = (head: object): number | undefined =>
	'recordBlock' in head && typeof head.recordBlock === 'number' ? head.recordBlock : undefined;

export class RecordCache {
	readonly #read: ReadRecords;
	readonly #limit: number;
	// Plain collections on purpose: views re-read through `#version`, bumped once per batch.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#records = new Map<EventKey, StoredEvent | null>();
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#wanted = new Map<EventKey, number | undefined>();
	#flushing = false;
	/** Bumped when records arrive, so views that asked read again. */
	#version = $state(0);
	readonly #generationOf: () => unknown;
	/**
	 * The generation the records belong to. An object (the heads' array) is held weakly: the
	 * cache must not keep a whole generation of heads alive once the views have let it go.
	 */
	#generation: WeakRef<object> | { value: unknown } | undefined;
	#error: unknown;

	/**
	 * `generation` changes whenever the data does (the heads' array does): records read for an
	 * older generation are forgotten.
	 */
	constructor(read: ReadRecords, generation: () => unknown, limit = 5000) {
		this.#read = read;
		this.#generationOf = generation;
		this.#limit = limit;
	}

	/** Why the last read failed, if it did: the views say so instead of waiting. */
	get error(): unknown {
		void this.#version;
		return this.#error;
	}

	#renew(): void {
		const generation = this.#generationOf();
		const held = this.#generation;
		const same =
			held instanceof WeakRef
				? held.deref() !== undefined && held.deref() === generation
				: held !== undefined && held.value === generation;
		if (same) return;
		this.#generation =
			typeof generation === 'object' && generation !== null
				? new WeakRef(generation)
				: { value: generation };
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		this.#records = new Map();
		this.#wanted.clear();
		this.#error = undefined;
	}

	/**
	 * The full record, or undefined while it is being read (the view reads this again when it
	 * arrives) or when none is stored (`missing` tells the two apart). `block` is its record block
	 * when the view has its head (`LocatedHead.recordBlock`).
	 */
	get(key: EventKey, block?: number): StoredEvent | undefined {
		void this.#version;
		this.#renew();
		const found = this.#records.get(key);
		if (found === undefined) this.#want(key, block);
		return found ?? undefined;
	}

	/** True when the record was read and is not stored (deleted meanwhile). */
	missing(key: EventKey): boolean {
		void this.#version;
		this.#renew();
		return this.#records.get(key) === null;
	}

	/** Reads many records at once, in chunks, without keeping them (exports). */
	async readAll(keys: readonly EventKey[], chunk = 2000): Promise<StoredEvent[]> {
		const out: StoredEvent[] = [];
		await this.readEach(keys, (records) => void out.push(...records), undefined, chunk);
		return out;
	}

	/**
	 * Reads many records a chunk at a time, handing each chunk to `onChunk` and keeping none (the
	 * table's word filter reads every event's text this way): memory for one chunk, not for all
	 * (the whole list held 200,000 records, 150 MB, until the last was read). Stops before the
	 * next chunk once `stop` says so (the filter was cleared, or the data changed).
	 */
	async readEach(
		keys: readonly EventKey[],
		onChunk: (records: StoredEvent[]) => void,
		stop?: () => boolean,
		chunk = 2000
	): Promise<void> {
		for (let i = 0; i < keys.length; i += chunk) {
			if (stop?.()) return;
			const refs = keys.slice(i, i + chunk).map((key) => ({ key }));
			const records = (await this.#read(refs)).filter((r): r is StoredEvent => r !== undefined);
			if (stop?.()) return;
			onChunk(records);
		}
	}

	#want(key: EventKey, block: number | undefined): void {
		if (block !== undefined || !this.#wanted.has(key)) this.#wanted.set(key, block);
		if (this.#flushing) return;
		this.#flushing = true;
		queueMicrotask(() => void this.#flush());
	}

	async #flush(): Promise<void> {
		const refs = [...this.#wanted].map(([key, block]) => ({ key, block }));
		const keys = refs.map((r) => r.key);
		this.#wanted.clear();
		const generation = this.#generation;
		// The rest of the blocks read, for the rows next to these: kept only while there is room,
		// and never in place of a record asked for.
		const beside: StoredEvent[] = [];
		try {
			const records = await this.#read(refs, (more) => {
				if (beside.length + more.length <= this.#limit / 4) beside.push(...more);
			});
			if (generation !== this.#generation) return;
			for (const record of beside) {
				const key = eventKey(record);
				if (!this.#records.has(key)) this.#records.set(key, record);
			}
			keys.forEach((key, i) => this.#records.set(key, records[i] ?? null));
			for (const key of this.#records.keys()) {
				if (this.#records.size <= this.#limit) break;
				this.#records.delete(key);
			}
			this.#version++;
			this.#error = undefined;
		} catch (error) {
			this.#error = error;
			this.#version++;
		} finally {
			this.#flushing = false;
			const [next] = this.#wanted;
			if (next) this.#want(...next);
		}
	}
}
