/**
 * The one Dexie database of Trama, with every schema version it has ever had. Only
 * `src/lib/db/` imports this file; the rest of the app goes through the repository.
 */
import Dexie, { type Table } from 'dexie';
import type {
	Actor,
	ActorId,
	Dataset,
	DatasetId,
	EventId,
	Period,
	PeriodId,
	TramaEvent
} from '../model/schema';

/** An event as stored: the model's event plus what the indexes need. */
export interface StoredEvent extends TramaEvent {
	datasetId: DatasetId;
	/** First millisecond of the event's span (see `eventSpan`), UTC. */
	startMs: number;
	/** First millisecond after the event's span, UTC. */
	endMs: number;
	/** Every actor the event involves, for the multiEntry index. */
	actorIds: ActorId[];
}

export interface StoredPeriod extends Period {
	datasetId: DatasetId;
}

/** Small key–value records: first-start flags and settings. */
export interface MetaRecord {
	key: string;
	value: unknown;
}

export const DEFAULT_DATABASE_NAME = 'trama';

export class TramaDatabase extends Dexie {
	events!: Table<StoredEvent, [DatasetId, EventId]>;
	actors!: Table<Actor, ActorId>;
	datasets!: Table<Dataset, DatasetId>;
	periods!: Table<StoredPeriod, [DatasetId, PeriodId]>;
	meta!: Table<MetaRecord, string>;

	/** Creating the object opens nothing: IndexedDB is first touched by the first query. */
	constructor(name: string = DEFAULT_DATABASE_NAME) {
		super(name);
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
	}
}
