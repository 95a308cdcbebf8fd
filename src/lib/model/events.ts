/** What the rest of the app asks of an event: its span in time, its order, its actors. */
import { endMs, startMs, type Span } from './dates';
import type { ActorId, TramaEvent } from './schema';

/** Identifies an event across datasets: ids are unique within a dataset only. */
export type EventKey = string & { readonly __brand: 'EventKey' };

const KEY_SEPARATOR = '\u001f';

/**
 * The key of an event of a dataset. Joined, not concatenated: a join makes one flat string, a
 * concatenation two linked pieces, flattened into a third when it is first hashed (a million
 * events' keys were 3 million strings).
 */
export const eventKey = (e: { datasetId: string; id: string }): EventKey =>
	[e.datasetId, e.id].join(KEY_SEPARATOR) as EventKey;

/** The dataset part of an event key. */
export const datasetOfKey = (key: EventKey): string => key.slice(0, key.indexOf(KEY_SEPARATOR));

/**
 * What the views draw an event from without opening it: the timeline's items and lanes, the
 * network's links, the lists' rows. The store keeps these apart from the full records (in
 * blocks, see `db/database.ts`), so the page reads a few compact blocks, not every record; the
 * full record (summary, sources, notes, media, place name and coordinates) is read by key when
 * it is shown.
 */
export interface EventHead extends Pick<
	TramaEvent,
	| 'id'
	| 'title'
	| 'start'
	| 'end'
	| 'uncertainty'
	| 'kind'
	| 'confidence'
	| 'tags'
	| 'participants'
	| 'relations'
> {
	place?: { country?: string };
}

/** An event's head: the fields the views draw it from (see {@link EventHead}). */
export function headOf(event: TramaEvent): EventHead {
	const head: EventHead = {
		id: event.id,
		title: event.title,
		start: event.start,
		kind: event.kind,
		confidence: event.confidence,
		tags: event.tags,
		participants: event.participants,
		relations: event.relations
	};
	if (event.end !== undefined) head.end = event.end;
	if (event.uncertainty !== undefined) head.uncertainty = event.uncertainty;
	if (event.place?.country !== undefined) head.place = { country: event.place.country };
	return head;
}

/** Numbers of the values of many events, side by side: event `at`'s are `val[off[at]…off[at + 1]]`. */
export interface NumberedChunk {
	off: Uint32Array;
	val: Uint32Array;
}

/** An event with its key and its span (see `eventSpan`), as the views and the graph take it. */
export interface KeyedEvent {
	key: EventKey;
	event: EventHead;
	startMs: number;
	endMs: number;
	/**
	 * Where the event's actors, and its tags, are as numbers: made by the timeline's lanes on
	 * first use and kept with the event (see `Numbering` in `time/items.ts`), so a new filter
	 * counts numbers, not names.
	 */
	actorChunk?: NumberedChunk | undefined;
	actorAt?: number;
	tagChunk?: NumberedChunk | undefined;
	tagAt?: number;
}

/**
 * The events the timeline lights (the others fade): a selected actor's, a selected link's, those
 * the filter keeps. Asked of each event drawn or kept, never listed: an actor's events are told
 * by their actors, so a click makes no set of tens of thousands of keys (at 100,000 events the
 * busiest actor's took about 20 ms of the first click, and its garbage more).
 */
export interface Lit {
	lights(e: KeyedEvent): boolean;
	/**
	 * When the highlight knows them and they are few (a link's events), every event it may light,
	 * in time order: a cluster is then told whether it holds a lit event by looking those few up
	 * in it, not by asking each of its members (at 100,000 events, a link click asked about
	 * 200,000 faded members: 28 ms of the click).
	 */
	among?: readonly KeyedEvent[];
}

/** The events of these keys, lit. */
export const litKeys = (keys: ReadonlySet<EventKey>): Lit => ({ lights: (e) => keys.has(e.key) });

/** Whether an actor takes part in the event, or is one end of one of its relations. */
export function involves(
	event: Pick<TramaEvent, 'participants' | 'relations'>,
	actor: ActorId
): boolean {
	for (const p of event.participants) if (p.actor === actor) return true;
	for (const r of event.relations) if (r.source === actor || r.target === actor) return true;
	return false;
}

/**
 * The stretch of time an event may cover: from its start to the end of its end's precision (a
 * month-precision September event spans all of September). Uncertainty bounds, when given,
 * replace either edge: the event happened no earlier than `earliest`, no later than `latest`.
 */
export function eventSpan(event: Pick<TramaEvent, 'start' | 'end' | 'uncertainty'>): Span {
	const u = event.uncertainty;
	return {
		start: startMs(u?.earliest ?? event.start),
		end: endMs(u?.latest ?? event.end ?? event.start)
	};
}

/**
 * The index of the first event (of events in time order) that starts at or after `ms`, searched
 * between `lo` and `hi` (the whole list unless given).
 */
export function firstStartingFrom(
	events: readonly { startMs: number }[],
	ms: number,
	lo = 0,
	hi = events.length
): number {
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if ((events[mid] as { startMs: number }).startMs < ms) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** Overlap semantics: an event belongs to a window if its span overlaps the window at all. */
export function overlaps(span: Span, window: Span): boolean {
	return span.start < window.end && span.end > window.start;
}

/** What chronological order needs: the span in UTC milliseconds, a title and an id. */
export interface Dated {
	startMs: number;
	endMs: number;
	title: string;
	id: string;
}

/**
 * Chronological order by span: by the first instant the event may cover, the longer (coarser)
 * span first at equal starts, then by title and id. Stored events carry their span, so sorting
 * them parses no dates.
 */
export function compareDated(a: Dated, b: Dated): number {
	return (
		a.startMs - b.startMs ||
		b.endMs - a.endMs ||
		a.title.localeCompare(b.title) ||
		(a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
	);
}

/** {@link compareDated} for model events, whose span is computed on the way. */
export function compareEvents(a: TramaEvent, b: TramaEvent): number {
	const sa = eventSpan(a);
	const sb = eventSpan(b);
	return compareDated(
		{ startMs: sa.start, endMs: sa.end, title: a.title, id: a.id },
		{ startMs: sb.start, endMs: sb.end, title: b.title, id: b.id }
	);
}

/** Every actor an event involves: participants, then any relation end not among them. */
export function actorIdsOf(event: Pick<TramaEvent, 'participants' | 'relations'>): ActorId[] {
	// Called for every event whenever a view is built: a few actors each, so a linear check
	// beats a Set (no allocation beyond the array).
	const ids: ActorId[] = [];
	const add = (id: ActorId) => {
		if (!ids.includes(id)) ids.push(id);
	};
	for (const p of event.participants) add(p.actor);
	for (const r of event.relations) {
		add(r.source);
		add(r.target);
	}
	return ids;
}

/** An actor's name, or its id when no actor has it (a reference to a missing actor shows as is). */
export function actorName(actors: ReadonlyMap<ActorId, { name: string }>, id: ActorId): string {
	return actors.get(id)?.name ?? id;
}

/** Every actor some of the events involve, in order of first appearance. */
export function actorsUsedBy(
	events: readonly Pick<TramaEvent, 'participants' | 'relations'>[]
): Set<ActorId> {
	return new Set(events.flatMap(actorIdsOf));
}

/** A lookup by a key; the records are not copied. */
export function indexBy<K, T>(records: readonly T[], key: (record: T) => K): ReadonlyMap<K, T> {
	return new Map(records.map((r) => [key(r), r]));
}

/** A lookup by id; the records are not copied. */
export function indexById<K extends string, T extends { id: K }>(
	records: readonly T[]
): ReadonlyMap<K, T> {
	return indexBy(records, (r) => r.id);
}
