/**
 * The one Dexie database of Trama, with every schema version it has ever had. Only
 * `src/lib/db/` imports this file; the rest of the app goes through the repository.
 */
import Dexie, { type PromiseExtended, type Table } from 'dexie';
import type { ChangeKind } from '../model/changes';
import { MessageError } from '../model/errors';
import { msg, type Message } from '../model/messages';
import {
	DamagedColumns,
	headColumns,
	headsFromColumns,
	type HeadColumns,
	type viewSlot
} from './head-columns';
import {
	actorIdsOf,
	compareDated,
	eventKey,
	eventSpan,
	headOf,
	type EventHead
} from '../model/events';
import type {
	Actor,
	ActorId,
	Confidence,
	Dataset,
	DatasetId,
	EventId,
	Period,
	PeriodId,
	TramaEvent
} from '../model/schema';

/** An event as stored: the model's event plus what the views and the blocks need. */
export interface StoredEvent extends TramaEvent {
	datasetId: DatasetId;
	/** First millisecond of the event's span (see `eventSpan`), UTC. */
	startMs: number;
	/** First millisecond after the event's span, UTC. */
	endMs: number;
	/** Every actor the event involves. */
	actorIds: ActorId[];
}

/** An event's head as stored in a block: what the views draw from (see `EventHead`). */
export interface StoredHead extends EventHead {
	datasetId: DatasetId;
	startMs: number;
	endMs: number;
	/** See `viewSlot`. Heads made from columns have it from the start (one shape). */
	[viewSlot]?: unknown;
}

/** A head as the head blocks keep it: with where the event's full record is. */
export interface LocatedHead extends StoredHead {
	/** The record block (see `RecordBlock`) that holds this event's full record. */
	recordBlock: number;
}

/**
 * The heads of up to {@link HEAD_BLOCK_SIZE} events of one dataset, in chronological order
 * (block 0 first). The page reads these few large records instead of every event: a reload of
 * 100,000 events reads 20 blocks. Every write of a dataset rewrites its blocks in the same
 * transaction as its records, so the two never disagree.
 */
export interface HeadBlock {
	datasetId: DatasetId;
	block: number;
	/**
	 * The block's heads in columns (see `head-columns.ts`), as Trama writes them since schema
	 * version 11: a few typed arrays and strings, which IndexedDB hands over whole.
	 */
	cols?: HeadColumns;
	/**
	 * The block's heads (`LocatedHead[]`) as JSON text (see `headsOf`), as schema versions 7 to
	 * 10 wrote them; a block whose heads are not all as Trama writes them stays so (see
	 * `checkedHeadsOf`). IndexedDB hands a page a stored object by rebuilding it, object by
	 * object, on the page's thread: for the heads of 100,000 events that took 0.8 s; one string
	 * per block comes across whole, and `JSON.parse` built the same heads in about half the time.
	 */
	text?: string;
	/** Every actor the block's events involve, once each: the index that says an actor is used. */
	actorIds: ActorId[];
	/**
	 * Which writing of the block this is: a new value each time its heads are written (blocks
	 * written before this field existed have none). A reader that parsed a block of the same
	 * revision already has its heads (see `Repository.heads`).
	 */
	rev?: string;
}

let revisions = 0;
/** A revision no other block write in this or any other tab has (see `HeadBlock.rev`). */
export function newRevision(): string {
	return `${Date.now().toString(36)}.${Math.random().toString(36).slice(2, 10)}.${++revisions}`;
}

/**
 * The heads a head block holds, in its (chronological) order. Throws when the block cannot be
 * read (see `checkedHeadsOf` for the heads the views can draw).
 */
export function headsOf(block: Pick<HeadBlock, 'text' | 'cols' | 'datasetId'>): LocatedHead[] {
	if (block.cols) return headsFromColumns(block.cols, block.datasetId);
	return JSON.parse(block.text ?? '[]') as LocatedHead[];
}

/** Lets go of a block's heads as stored (read once, they are kept as heads, not twice). */
export function releaseBlock(block: HeadBlock): void {
	delete block.cols;
	delete block.text;
}

/** A stored event the views cannot draw: where it is and which field is not as Trama writes it. */
export interface SetAside {
	datasetId: DatasetId;
	block: number;
	/** The event's id, when it has one that is text. */
	id?: string;
	/** The first field found wrong (`participants`), or '' when the block itself is unreadable. */
	field: string;
	/** What was stored, as it was: for the user to download and repair. */
	stored: unknown;
	/** For a whole block set aside: how many events it holds, when its columns say so. */
	events?: number;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown) => typeof v === 'string';
const listOf = (v: unknown, item: (x: unknown) => boolean) => Array.isArray(v) && v.every(item);

/** Each field the views read from a head, and what it must be. */
const HEAD_FIELDS: [string, (value: unknown) => boolean][] = [
	['id', isText],
	['title', isText],
	['start', isText],
	['startMs', Number.isFinite],
	['endMs', Number.isFinite],
	['recordBlock', Number.isInteger],
	['confidence', isText],
	['kind', isText],
	['tags', (v) => listOf(v, isText)],
	['participants', (v) => listOf(v, (p) => isObject(p) && isText(p.actor))],
	[
		'relations',
		(v) => listOf(v, (r) => isObject(r) && isText(r.source) && isText(r.target) && isText(r.type))
	]
];

/**
 * The heads of a block that the views can draw, and those they cannot (written by an older or
 * a foreign program): set aside, never drawn, never dropped from the store. Cheap: a type check
 * per field the views read, about 1 ms per 10,000 heads.
 */
export function checkedHeadsOf(block: Pick<HeadBlock, 'text' | 'cols' | 'datasetId' | 'block'>): {
	heads: LocatedHead[];
	setAside: SetAside[];
	/** With heads set aside: where each stored head is among `heads` (-1 for those set aside). */
	checkedAt?: Int32Array;
} {
	const where = { datasetId: block.datasetId, block: block.block };
	// Columns are written by Trama alone, whole: they are read whole, or not at all.
	if (block.cols) {
		try {
			return { heads: headsFromColumns(block.cols, block.datasetId), setAside: [] };
		} catch (error) {
			if (!(error instanceof DamagedColumns)) throw error;
			const { count, titles } = block.cols as Partial<HeadColumns>;
			const said = Number.isInteger(count) && Array.isArray(titles) && titles.length === count;
			return {
				heads: [],
				setAside: [{ ...where, field: '', stored: block.cols, ...(said ? { events: count } : {}) }]
			};
		}
	}
	let parsed: unknown;
	try {
		parsed = JSON.parse(block.text ?? '');
	} catch {
		return { heads: [], setAside: [{ ...where, field: '', stored: block.text }] };
	}
	if (!Array.isArray(parsed))
		return { heads: [], setAside: [{ ...where, field: '', stored: parsed }] };
	const heads: LocatedHead[] = [];
	const setAside: SetAside[] = [];
	const checkedAt = new Int32Array(parsed.length).fill(-1);
	(parsed as unknown[]).forEach((head, i) => {
		const wrong = isObject(head) ? HEAD_FIELDS.find(([field, ok]) => !ok(head[field]))?.[0] : '';
		if (wrong === undefined) {
			checkedAt[i] = heads.length;
			heads.push(head as LocatedHead);
		} else
			setAside.push({
				...where,
				...(isObject(head) && isText(head.id) ? { id: head.id } : {}),
				field: wrong,
				stored: head
			});
	});
	return setAside.length ? { heads, setAside, checkedAt } : { heads, setAside };
}

const optionalText = (v: unknown) => v === undefined || isText(v);

/** The optional fields a head keeps in columns, and what each must be when there. */
const COLUMN_FIELDS: [string, (value: unknown) => boolean][] = [
	['end', isText],
	['uncertainty', isObject],
	['place', (v) => isObject(v) && optionalText(v.country)],
	['participants', (v) => listOf(v, (p) => isObject(p) && optionalText(p.role))],
	[
		'relations',
		(v) =>
			listOf(
				v,
				(r) =>
					isObject(r) &&
					(r.directed === undefined || typeof r.directed === 'boolean') &&
					optionalText(r.label)
			)
	]
];

/**
 * Heads as a block stores them: in columns, or as JSON text when some head is not as Trama
 * writes it (another program's, an older version's), so that it is kept as it was and set
 * aside when read (see `checkedHeadsOf`), never made into something it was not.
 */
export function storedHeads(heads: readonly LocatedHead[]): Pick<HeadBlock, 'cols' | 'text'> {
	const drawable = heads.every(
		(head) =>
			isObject(head) &&
			HEAD_FIELDS.every(([field, ok]) => ok(head[field])) &&
			COLUMN_FIELDS.every(([field, ok]) => head[field] === undefined || ok(head[field]))
	);
	return drawable ? { cols: headColumns(heads) } : { text: JSON.stringify(heads) };
}

/**
 * The full records of up to {@link RECORD_BLOCK_SIZE} events of one dataset, in chronological
 * order. IndexedDB's cost is per record stored, not per byte: 100,000 events written one record
 * each took 14 s in Chromium, in blocks a tenth of that. A block is small enough that reading
 * one event (the details panel) reads little else, and a page of table rows in date order reads
 * one or two blocks.
 */
export interface RecordBlock {
	datasetId: DatasetId;
	block: number;
	events: StoredEvent[];
}

export const HEAD_BLOCK_SIZE = 5000;
export const RECORD_BLOCK_SIZE = 200;

/** The model event inside a stored one (the index fields removed). */
export function fromStored(stored: StoredEvent): TramaEvent {
	const { datasetId: _d, startMs: _s, endMs: _e, actorIds: _a, ...event } = stored;
	return event;
}

/** The longest name a dataset may have. */
export const MAX_DATASET_NAME = 200;

/** Adds what the views and blocks need to a model event. */
export function toStored(event: TramaEvent, datasetId: DatasetId): StoredEvent {
	const span = eventSpan(event);
	return {
		...event,
		datasetId,
		startMs: span.start,
		endMs: span.end,
		actorIds: actorIdsOf(event)
	};
}

/** A dataset's stored events in blocks: its heads and its full records, both chronological. */
export interface DatasetBlocks {
	heads: HeadBlock[];
	records: RecordBlock[];
}

/**
 * The head and record blocks of a dataset's stored events (sorted here; the input is not).
 * Throws when an event has no id or two share one: a block, unlike a record of its own, has no
 * key to make IndexedDB refuse them, and a record that cannot be found again must not be written.
 */
export function datasetBlocks(datasetId: DatasetId, events: readonly StoredEvent[]): DatasetBlocks {
	const ids = new Set<string>();
	events.forEach((e, index) => {
		if (typeof e.id !== 'string' || e.id === '')
			throw new MessageError(msg('store.eventWithoutId', { dataset: datasetId, index }));
		if (ids.has(e.id))
			throw new MessageError(msg('store.eventIdTwice', { dataset: datasetId, id: e.id }));
		ids.add(e.id);
	});
	const sorted = [...events].sort(compareDated);
	const records: RecordBlock[] = [];
	for (let i = 0; i < sorted.length; i += RECORD_BLOCK_SIZE)
		records.push({
			datasetId,
			block: records.length,
			events: sorted.slice(i, i + RECORD_BLOCK_SIZE)
		});
	const heads: HeadBlock[] = [];
	for (let i = 0; i < sorted.length; i += HEAD_BLOCK_SIZE) {
		const part = sorted.slice(i, i + HEAD_BLOCK_SIZE);
		const actorIds = new Set<ActorId>();
		const blockHeads = part.map((e, j): LocatedHead => {
			for (const a of e.actorIds) actorIds.add(a);
			return {
				...headOf(e),
				datasetId,
				startMs: e.startMs,
				endMs: e.endMs,
				recordBlock: Math.floor((i + j) / RECORD_BLOCK_SIZE)
			};
		});
		heads.push({
			datasetId,
			block: heads.length,
			...storedHeads(blockHeads),
			actorIds: [...actorIds],
			rev: newRevision()
		});
	}
	return { heads, records };
}

export interface StoredPeriod extends Period {
	datasetId: DatasetId;
}

/**
 * Moves datasets' stored contents (head and record blocks, periods) from one id to another. Every
 * source is read before anything is written, so two datasets can trade places (the undo of an
 * import that replaced a dataset). The events inside keep the dataset id they were written with:
 * contents moved to a trash id are never read as events (their dataset is marked deleted), and
 * they only ever come back to the id they had. Call inside a transaction over heads, records and
 * periods.
 */
export async function moveContents(
	db: TramaDatabase,
	moves: readonly { from: DatasetId; to: DatasetId }[]
): Promise<void> {
	const blocksOf = <T>(table: Table<T, [DatasetId, number]>, id: DatasetId) =>
		table.where('[datasetId+block]').between([id, -Infinity], [id, Infinity], true, true);
	const periodsOf = (id: DatasetId) => db.periods.where('datasetId').equals(id);
	const read = [];
	for (const { from } of moves)
		read.push({
			heads: await blocksOf(db.heads, from).toArray(),
			records: await blocksOf(db.records, from).toArray(),
			periods: await periodsOf(from).toArray()
		});
	for (const { from } of moves) {
		await blocksOf(db.heads, from).delete();
		await blocksOf(db.records, from).delete();
		await periodsOf(from).delete();
	}
	for (const [i, { to }] of moves.entries()) {
		const { heads, records, periods } = read[i]!;
		await db.heads.bulkPut(heads.map((b) => ({ ...b, datasetId: to })));
		await db.records.bulkPut(records.map((b) => ({ ...b, datasetId: to })));
		await db.periods.bulkPut(periods.map((p) => ({ ...p, datasetId: to })));
	}
}

/**
 * A dataset's replaced contents, kept under a trash id so the replacement can be undone: undoing
 * and redoing it trade the two ids' contents (see `moveContents`).
 */
export interface DatasetSwap {
	datasetId: DatasetId;
	trash: DatasetId;
}

export type { ChangeKind } from '../model/changes';

/** One event as a change left it: its record before and after (absent: not there). */
export interface EventStep {
	datasetId: DatasetId;
	before?: StoredEvent;
	after?: StoredEvent;
}

/** One actor as a change left it: its record before and after (absent: not there). */
export interface ActorStep {
	before?: Actor;
	after?: Actor;
}

/** One dataset's record as a change left it (a rename; a deletion, which marks it deleted). */
export interface DatasetStep {
	before?: Dataset;
	after?: Dataset;
}

/**
 * One change a user made, kept so it can be undone and redone across reloads (schema version 8),
 * and as the history of the events it touched (version 10 finds them by key). A change of one
 * event keeps its record before and after (`before`, `after`); a change of an actor that reaches
 * into events (an edit, a deletion, a merge) keeps every record it touched (`events`,
 * `actors`). Undoing writes the `before` records back, and only over records still as the
 * change left them (another tab may have changed them since). A new change drops the changes
 * undone before it: history is a line.
 */
export interface ChangeRecord {
	/** Order of the changes, from 1 (IndexedDB's auto-increment). */
	seq?: number;
	/** When the change was made (ISO 8601, UTC). */
	at: string;
	kind: ChangeKind;
	/** The one event changed (an event's edit, creation or deletion). */
	datasetId?: DatasetId;
	eventId?: EventId;
	/** The event before the change; absent when the change created it. */
	before?: StoredEvent;
	/** The event after the change; absent when the change deleted it. */
	after?: StoredEvent;
	/** Every event a change of several records touched (see `EventStep`). */
	events?: EventStep[];
	/** Every actor it touched (see `ActorStep`). */
	actors?: ActorStep[];
	/** Every dataset record it touched (see `DatasetStep`). */
	datasets?: DatasetStep[];
	/** Datasets whose contents the change replaced, the old ones kept in the trash. */
	swaps?: DatasetSwap[];
	/** The keys of every event the change touched: the index of an event's history. */
	eventKeys: string[];
	/** Undone (and not yet redone). */
	undone: boolean;
}

/** Small key–value records: first-start flags and settings. */
export interface MetaRecord {
	key: string;
	value: unknown;
}

export const DEFAULT_DATABASE_NAME = 'trama';

/** An implementation of IndexedDB to store in, other than the browser's. */
export interface StoreBackend {
	indexedDB: IDBFactory;
	IDBKeyRange: typeof IDBKeyRange;
}

/**
 * Whether a stored dataset came from a file that states no confidence (TimelineJS3, vis-timeline,
 * a list of records), whose events earlier versions stored as `reported`, a judgement the file
 * never made. Version 3 makes those events `unassessed`.
 *
 * The store does not record a dataset's format, only its origin (a file's name, an address,
 * pasted text), so this reads what those importers always wrote: a dataset id made from the
 * input's name (`import-…`; a Trama file names its own dataset) and events that all have the
 * confidence `reported`, the kind `other`, and no relations, uncertainty, notes or country (those
 * importers could fill in none of them). Every dataset those importers wrote matches this.
 *
 * What it cannot know: whether a dataset that matches came from such a file. A Trama file whose
 * dataset id begins with `import-` and whose events all look like that (a Trama export of such
 * an import does) is made `unassessed` too; a judgement of `reported` an analyst wrote into such
 * a file by hand cannot be told from the importer's. Backups made before version 3 still hold
 * `reported` and restore it as they hold it.
 */
export function importedWithoutConfidence(
	dataset: Pick<Dataset, 'id' | 'origin'>,
	events: readonly Pick<
		TramaEvent,
		'confidence' | 'kind' | 'relations' | 'uncertainty' | 'notes' | 'place'
	>[]
): boolean {
	return (
		dataset.origin.kind !== 'default' &&
		dataset.id.startsWith('import-') &&
		events.length > 0 &&
		events.every(
			(e) =>
				e.confidence === 'reported' &&
				e.kind === 'other' &&
				e.relations.length === 0 &&
				e.uncertainty === undefined &&
				e.notes === undefined &&
				e.place?.country === undefined
		)
	);
}

const UNASSESSED: Confidence = 'unassessed';

export class TramaDatabase extends Dexie {
	records!: Table<RecordBlock, [DatasetId, number]>;
	actors!: Table<Actor, ActorId>;
	datasets!: Table<Dataset, DatasetId>;
	periods!: Table<StoredPeriod, [DatasetId, PeriodId]>;
	heads!: Table<HeadBlock, [DatasetId, number]>;
	meta!: Table<MetaRecord, string>;
	changes!: Table<ChangeRecord, number>;

	/**
	 * Creating the object opens nothing: IndexedDB is first touched by the first query. `backend`
	 * is another IndexedDB than the browser's: one kept in memory (see `memory.ts`).
	 */
	constructor(name: string = DEFAULT_DATABASE_NAME, backend?: StoreBackend) {
		// No query cache: Dexie's (on by default) deep-copies every result it hands out, which for
		// the head blocks of 100,000 events cost half a second and as much again in garbage at
		// each load. Live queries still hear every write, this tab's and other tabs'.
		const factory = backend?.indexedDB ?? globalThis.indexedDB;
		super(name, {
			cache: 'disabled',
			...backend,
			...(factory
				? {
						indexedDB: guarded(
							factory,
							() => new Set([...TABLES_EVER, ...this.tables.map((t) => t.name)]),
							(names) => (this.refusal = msg('store.unknownTables', { names }))
						)
					}
				: {})
		});
		// Version 1. Later versions go below it, each with its own upgrade; never edit a shipped one.
		this.version(1).stores({
			events: '[datasetId+id], startMs, [datasetId+startMs], *actorIds, kind',
			actors: 'id, name',
			datasets: 'id',
			periods: '[datasetId+id], datasetId',
			meta: 'key'
		});
		// Version 2 drops the indexes no query uses (events by start, by kind; actors by name):
		// each cost every write. Records stay as they are, so no upgrade function is needed;
		// tables it does not name keep their version-1 schema.
		this.version(2).stores({
			events: '[datasetId+id], [datasetId+startMs], *actorIds',
			actors: 'id'
		});
		// Version 3 adds the confidence `unassessed`; events imported from formats that state
		// none get it instead of the `reported` earlier versions gave them. No index changes.
		this.version(3)
			.stores({})
			.upgrade(async (tx) => {
				const datasets = (await tx.table('datasets').toArray()) as Dataset[];
				const events = tx.table('events') as Table<StoredEvent>;
				for (const dataset of datasets) {
					const own = events
						.where('[datasetId+startMs]')
						.between([dataset.id, -Infinity], [dataset.id, Infinity], true, true);
					if (importedWithoutConfidence(dataset, await own.toArray()))
						await own.modify({ confidence: UNASSESSED });
				}
			});
		// Version 4 added the head blocks. Its upgrade built them from the stored events; version 5
		// rebuilds them in a new shape, so building them here as well would be wasted work.
		this.version(4).stores({ heads: '[datasetId+block]' });
		// Version 5 stores each event's full record in blocks (see `RecordBlock`) instead of one
		// record per event, and the head blocks say which actors they use (the `*actorIds` index)
		// and where each event's record is. Built here from the stored events, one dataset at a
		// time; version 6 then drops the old table (Dexie reads a table in an upgrade only in a
		// version before the one that deletes it).
		this.version(5)
			.stores({ records: '[datasetId+block]', heads: '[datasetId+block], *actorIds' })
			.upgrade(async (tx) => {
				const datasets = (await tx.table('datasets').toArray()) as Dataset[];
				const events = tx.table('events') as Table<StoredEvent>;
				const heads = tx.table('heads') as Table<HeadBlock>;
				const records = tx.table('records') as Table<RecordBlock>;
				await heads.clear();
				for (const dataset of datasets) {
					const own = await events
						.where('[datasetId+startMs]')
						.between([dataset.id, -Infinity], [dataset.id, Infinity], true, true)
						.toArray();
					const blocks = datasetBlocks(dataset.id, own);
					await heads.bulkPut(blocks.heads);
					await records.bulkPut(blocks.records);
				}
			});
		this.version(6).stores({ events: null });
		// Version 7 keeps each head block's heads as JSON text (see `HeadBlock.text`). Blocks that
		// version 5 has just written in this same upgrade are already text.
		this.version(7)
			.stores({})
			.upgrade(async (tx) => {
				await tx
					.table('heads')
					.toCollection()
					.modify((block: HeadBlock & { heads?: LocatedHead[] }) => {
						if (!Array.isArray(block.heads)) return;
						block.text = JSON.stringify(block.heads);
						delete block.heads;
					});
			});
		// Version 8 keeps the changes a user makes in the app, to undo and redo them.
		this.version(8).stores({ changes: '++seq' });
		// Version 9 finds an event's changes (its history) by the event's id, which each change
		// now names; changes version 8 kept were all edits, so their record says it.
		this.version(9)
			.stores({ changes: '++seq, [datasetId+eventId]' })
			.upgrade(async (tx) => {
				await tx
					.table('changes')
					.toCollection()
					.modify((change: ChangeRecord) => {
						const record = change.after ?? change.before;
						if (record) change.eventId = record.id;
					});
			});
		// Version 10 finds an event's history through every change that touched it (a merge of
		// actors touches many): each change lists the keys of its events.
		this.version(10)
			.stores({ changes: '++seq, *eventKeys' })
			.upgrade(async (tx) => {
				await tx
					.table('changes')
					.toCollection()
					.modify((change: ChangeRecord) => {
						change.eventKeys =
							change.datasetId !== undefined && change.eventId !== undefined
								? [eventKey({ datasetId: change.datasetId, id: change.eventId })]
								: [];
					});
			});
		// Version 11 keeps each head block's heads in columns (see `HeadBlock.cols`). A block with
		// heads the views cannot draw (see `checkedHeadsOf`) stays text, as stored, to be set aside.
		this.version(11)
			.stores({})
			.upgrade(async (tx) => {
				await tx
					.table('heads')
					.toCollection()
					.modify((block: HeadBlock) => {
						if (block.cols || typeof block.text !== 'string') return;
						// Text that is not a list of heads (not even JSON) stays as it is, too.
						const checked = checkedHeadsOf(block);
						if (checked.setAside.length) return;
						const stored = storedHeads(checked.heads);
						if (!stored.cols) return;
						block.cols = stored.cols;
						delete block.text;
					});
			});
		// A database a newer Trama wrote: Dexie opens it as it finds it, and this version would
		// then read and write it in its older shapes. Refuse instead, before any read or write, and
		// close it. (Dexie has by then added any table this version declares and the newer one
		// lacks, empty, with a version one higher: a newer Trama still opens that.)
		const declared = this.verno;
		this.on('ready', (db) => {
			const installed = db.backendDB().version / 10;
			if (installed <= declared) return;
			db.close();
			throw new MessageError(msg('store.newer'));
		});
	}

	/**
	 * Why this database was not opened, when Trama itself refused it (see `guarded`): said in
	 * place of the browser's bare "AbortError".
	 */
	refusal: Message | undefined;

	override open(): PromiseExtended<Dexie> {
		return super.open().catch((error: unknown) => {
			throw this.refusal ? new MessageError(this.refusal, { cause: error }) : error;
		});
	}
}

/** Tables of earlier versions that later ones deleted (`events` until version 6), and Dexie's own. */
const TABLES_EVER = ['events', '$meta'];

/**
 * The browser's IndexedDB, watching every upgrade Dexie starts: an upgrade deletes each table the
 * new schema does not name, so when the stored database has a table Trama never wrote (another
 * program's, on this site), the upgrade is aborted before it deletes anything, and `refuse` is
 * told which tables they are.
 */
function guarded(
	factory: IDBFactory,
	known: () => ReadonlySet<string>,
	refuse: (names: string[]) => void
): IDBFactory {
	const open = (name: string, version?: number): IDBOpenDBRequest => {
		const request = factory.open(name, version);
		// Registered before Dexie's own handler, so it runs first.
		request.addEventListener('upgradeneeded', (event) => {
			if (event.oldVersion === 0) return;
			const names = known();
			const unknown = [...request.result.objectStoreNames].filter((n) => !names.has(n));
			if (unknown.length === 0) return;
			refuse(unknown);
			request.transaction?.abort();
		});
		return request;
	};
	return new Proxy(factory, {
		get: (target, property) => {
			if (property === 'open') return open;
			// The browser's methods work only on the factory itself (`cmp`, `deleteDatabase`).
			const value: unknown = Reflect.get(target, property);
			return typeof value === 'function'
				? (value as (...args: unknown[]) => unknown).bind(target)
				: value;
		}
	});
}
