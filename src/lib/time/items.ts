/**
 * From events to what the main timeline draws: lanes (by actor, kind, country, or none) and
 * items. An event with several participants appears on each participant's lane; every copy
 * carries the event's key. Where items would collide at the current zoom (more of them side by
 * side than a lane stacks), they are aggregated into clusters that show a count; zooming in to a
 * cluster's span splits it.
 *
 * Pure: no DOM, no vis-timeline. The adapter turns the result into vis DataSet rows.
 */
import type { Span } from '../model/dates';
import {
	firstStartingFrom,
	type EventKey,
	type KeyedEvent,
	type NumberedChunk
} from '../model/events';
import type { ActorId, Confidence, EventKind, TramaEvent } from '../model/schema';
import { precisionOf } from '../model/dates';

export type Grouping = 'actor' | 'kind' | 'country' | 'none';
export const GROUPINGS: readonly Grouping[] = ['actor', 'kind', 'country', 'none'];

/**
 * What lanes follow when lanes by actor were asked for but most events have no actor (a
 * TimelineJS3 file whose groups became tags): their tags, else their kinds, else one lane.
 */
export type LaneFallback = 'tag' | 'kind' | 'none';

export const OTHERS_LANE = 'lane:others';
export const ALL_LANE = 'lane:all';

export interface Lane {
	id: string;
	/** What the lane label says (an actor's name, a kind, a country, a tag). */
	label: string;
	/** Events in this lane. */
	count: number;
	/** The actor a lane belongs to, when grouped by actor. */
	actorId?: ActorId;
	/** True for the shared lane of the less busy actors (or tags). */
	others?: boolean;
}

export interface LaneLabels {
	actorName: (id: ActorId) => string;
	kind: (kind: EventKind) => string;
	country: (code: string) => string;
	others: (actors: number) => string;
	/** The shared lane of the less common tags. */
	otherTags: (tags: number) => string;
	noActor: string;
	noPlace: string;
	noTag: string;
	all: string;
}

export interface Lanes {
	lanes: Lane[];
	/**
	 * For each event, the lanes its copies go on, in the order of its values. Keyed by the event
	 * object, not its key. Made on first read: the layout walks {@link byLane}.
	 */
	readonly membership: Map<KeyedEvent, string[]>;
	/**
	 * Each lane's events, in the order given (time order): what a layout walks, a lane at a time,
	 * from the window's first event, without looking each event up.
	 */
	byLane?: Map<string, KeyedEvent[]>;
	/** Set when lanes by actor were asked for and most events have none: what lanes follow instead. */
	fallback?: LaneFallback;
}

interface LaneOptions {
	maxLanes?: number;
	expandOthers?: boolean;
}

/**
 * Each lane's events, in the order they are added. An event added to a lane twice in a row (two
 * of its actors share the "others" lane) is kept once.
 */
class LaneLists {
	readonly byLane = new Map<string, KeyedEvent[]>();

	add(laneId: string, e: KeyedEvent): void {
		const list = this.byLane.get(laneId);
		if (!list) this.byLane.set(laneId, [e]);
		else if (list[list.length - 1] !== e) list.push(e);
	}
}

/** Lanes whose events' lanes are listed on first read, through `lanesOf`. */
function withMembership(
	lanes: Lane[],
	byLane: Map<string, KeyedEvent[]>,
	events: readonly KeyedEvent[],
	lanesOf: (e: KeyedEvent) => string[]
): Lanes {
	let membership: Map<KeyedEvent, string[]> | undefined;
	return {
		lanes,
		byLane,
		get membership() {
			membership ??= new Map(events.map((e) => [e, lanesOf(e)]));
			return membership;
		}
	};
}

/**
 * Which lanes to draw when lanes by actor were asked for: undefined (by actor) unless more than
 * half of the events have no actor. Then tags when most of those events have one, else kinds
 * when they differ, else a single lane.
 */
export function laneFallback(events: readonly KeyedEvent[]): LaneFallback | undefined {
	const actorless = events.filter((e) => e.event.participants.length === 0);
	if (actorless.length * 2 <= events.length) return undefined;
	const tagged = actorless.filter((e) => e.event.tags.length > 0).length;
	if (tagged * 2 >= actorless.length) return 'tag';
	if (new Set(events.map((e) => e.event.kind)).size > 1) return 'kind';
	return 'none';
}

/**
 * Assigns events to lanes. Grouped by actor, the `maxLanes` busiest actors get a lane each and
 * the rest share an "others" lane, unless `expandOthers` asks for every actor to have one. When
 * most events have no actor, lanes by actor would put nearly everything in one "No actor" lane:
 * the lanes follow `laneFallback` instead, and say so in `fallback`.
 */
export function buildLanes(
	events: readonly KeyedEvent[],
	grouping: Grouping,
	labels: LaneLabels,
	options: LaneOptions = {}
): Lanes {
	return assignLanes(events, grouping, labels, options);
}

function assignLanes(
	events: readonly KeyedEvent[],
	grouping: Grouping,
	labels: LaneLabels,
	options: LaneOptions
): Lanes {
	if (grouping === 'actor') {
		// One pass counts the actors and the events without one; only when those are most of the
		// events is the fallback looked for (a pass over every event costs tens of ms at 100,000).
		const counted = countValues(events, ACTORS);
		const fallback = counted.without * 2 > events.length ? laneFallback(events) : undefined;
		if (fallback === 'tag') return Object.assign(tagLanes(events, labels, options), { fallback });
		if (fallback)
			return Object.assign(assignLanes(events, fallback, labels, options), { fallback });
		return actorLanes(events, labels, options, counted);
	}

	const lists = new LaneLists();
	if (grouping === 'none') {
		for (const e of events) lists.add(ALL_LANE, e);
		return withMembership(
			events.length ? [{ id: ALL_LANE, label: labels.all, count: events.length }] : [],
			lists.byLane,
			events,
			() => [ALL_LANE]
		);
	}

	const labelOf = new Map<string, string>();
	const idOf = (e: KeyedEvent) =>
		`${grouping}:${grouping === 'kind' ? e.event.kind : (e.event.place?.country ?? '')}`;
	for (const e of events) {
		const id = idOf(e);
		if (!labelOf.has(id)) {
			const value = id.slice(grouping.length + 1);
			labelOf.set(
				id,
				grouping === 'kind'
					? labels.kind(value as EventKind)
					: value
						? labels.country(value)
						: labels.noPlace
			);
		}
		lists.add(id, e);
	}
	const lanes = [...lists.byLane].map(([id, list]) => ({
		id,
		label: labelOf.get(id) ?? id,
		count: list.length
	}));
	lanes.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
	return withMembership(lanes, lists.byLane, events, (e) => [idOf(e)]);
}

/**
 * Values an event may have several of (actors, tags) as small numbers, the same for the life of
 * the page: lanes count them in arrays, not maps of names. The numbers of many events sit side
 * by side in one {@link NumberedChunk}, made for the events that had none yet, and each keyed
 * event keeps where its own are (`KeyedEvent.actorChunk` and `actorAt`): a change of the events
 * shown (a keystroke in the search box) reads numbers, not every event's participants again,
 * and 100,000 events take two typed arrays, not 100,000 small lists.
 */
class Numbering<V extends string> {
	readonly #numbers = new Map<V, number>();
	readonly values: V[] = [];

	numberOf(value: V): number {
		let n = this.#numbers.get(value);
		if (n === undefined) {
			n = this.values.length;
			this.#numbers.set(value, n);
			this.values.push(value);
		}
		return n;
	}
}

/** What one kind of value (actors or tags) is, and where a keyed event keeps its numbers. */
interface NumberedValues<V extends string> {
	numbering: Numbering<V>;
	/** The event's values, as it lists them (repeats are numbered once). */
	read(e: KeyedEvent, visit: (value: V) => void): void;
	chunk(e: KeyedEvent): NumberedChunk | undefined;
	at(e: KeyedEvent): number;
	keep(e: KeyedEvent, chunk: NumberedChunk, at: number): void;
}

const ACTORS: NumberedValues<ActorId> = {
	numbering: new Numbering<ActorId>(),
	read: (e, visit) => {
		for (const p of e.event.participants) visit(p.actor);
	},
	chunk: (e) => e.actorChunk,
	at: (e) => e.actorAt ?? 0,
	keep: (e, chunk, at) => {
		e.actorChunk = chunk;
		e.actorAt = at;
	}
};

const TAGS: NumberedValues<string> = {
	numbering: new Numbering<string>(),
	read: (e, visit) => {
		for (const tag of e.event.tags) visit(tag);
	},
	chunk: (e) => e.tagChunk,
	at: (e) => e.tagAt ?? 0,
	keep: (e, chunk, at) => {
		e.tagChunk = chunk;
		e.tagAt = at;
	}
};

/** Numbers the values of the events that have none yet, all of them in one new chunk. */
function numberAll<V extends string>(events: readonly KeyedEvent[], kind: NumberedValues<V>): void {
	let fresh: KeyedEvent[] | undefined;
	for (const e of events) if (kind.chunk(e) === undefined) (fresh ??= []).push(e);
	if (!fresh) return;
	const off = new Uint32Array(fresh.length + 1);
	let val = new Uint32Array(fresh.length * 2 + 16);
	let n = 0;
	let from = 0;
	const add = (value: V) => {
		const number = kind.numbering.numberOf(value);
		for (let j = from; j < n; j++) if (val[j] === number) return;
		if (n === val.length) {
			const grown = new Uint32Array(val.length * 2);
			grown.set(val);
			val = grown;
		}
		val[n++] = number;
	};
	fresh.forEach((e, i) => {
		off[i] = from = n;
		kind.read(e, add);
	});
	off[fresh.length] = n;
	const chunk: NumberedChunk = { off, val: val.slice(0, n) };
	fresh.forEach((e, i) => kind.keep(e, chunk, i));
}

/**
 * Numbers the actors of events not numbered yet (see `Numbering`): what the lanes by actor (the
 * default) do on their first build, done ahead (in slices, before the views see new events).
 * Tags are numbered when lanes by tag are first asked for.
 */
export function numberActors(events: readonly KeyedEvent[]): void {
	numberAll(events, ACTORS);
}

/** How many events have each value (once per event, by number), and how many have none. */
interface Counted {
	counts: Uint32Array;
	without: number;
}

function countValues<V extends string>(
	events: readonly KeyedEvent[],
	kind: NumberedValues<V>
): Counted {
	numberAll(events, kind);
	const counts = new Uint32Array(kind.numbering.values.length);
	let without = 0;
	for (const e of events) {
		const { off, val } = kind.chunk(e) as NumberedChunk;
		const at = kind.at(e);
		const end = off[at + 1] as number;
		let j = off[at] as number;
		if (j === end) without++;
		for (; j < end; j++) counts[val[j] as number]!++;
	}
	return { counts, without };
}

/**
 * The values that get a lane of their own, busiest first (ties by name). Without an "others"
 * lane all values fit; with one, it takes the last place. Names are compared only among the
 * values that could take the last places, not across thousands of actors on every change.
 */
function busiest<V extends string>(
	counted: Uint32Array,
	values: readonly V[],
	maxLanes: number,
	nameOf: (value: V) => string
): [number, number][] {
	const byName = (a: [number, number], b: [number, number]) =>
		b[1] - a[1] || nameOf(values[a[0]] as V).localeCompare(nameOf(values[b[0]] as V));
	const all: [number, number][] = [];
	counted.forEach((count, n) => {
		if (count > 0) all.push([n, count]);
	});
	if (all.length <= maxLanes) return all.sort(byName);
	const take = Math.max(0, maxLanes - 1);
	if (take === 0) return [];
	all.sort((a, b) => b[1] - a[1]);
	const least = all[take - 1]![1];
	let end = take;
	while (end < all.length && all[end]![1] === least) end++;
	return all.slice(0, end).sort(byName).slice(0, take);
}

/**
 * Lanes for values an event may have several of (actors, tags): the busiest get a lane each, the
 * rest share one, and events with none go last.
 */
function manyToMany<V extends string>(
	events: readonly KeyedEvent[],
	/** The kind of value, numbered (see `Numbering`). */
	kind: NumberedValues<V>,
	lane: (value: V, count: number) => Lane,
	others: (hidden: number, count: number) => Lane,
	none: (count: number) => Lane,
	nameOf: (value: V) => string,
	options: LaneOptions,
	/** The counts, when the caller has made them already. */
	counted: Counted = countValues(events, kind)
): Lanes {
	const { counts } = counted;
	const maxLanes = options.expandOthers ? Infinity : (options.maxLanes ?? 12);
	const values = kind.numbering.values;
	const ownLanes = busiest(counts, values, maxLanes, nameOf);
	// Lane slots: one per own lane, then "others", then "none"; each value's slot by number.
	const laneIds = [...ownLanes.map(([n]) => lane(values[n] as V, 0).id), OTHERS_LANE, none(0).id];
	const othersSlot = ownLanes.length;
	const noneSlot = othersSlot + 1;
	const slotOf = new Int32Array(counts.length).fill(othersSlot);
	ownLanes.forEach(([n], slot) => (slotOf[n] = slot));
	const lists: KeyedEvent[][] = laneIds.map(() => []);
	/** The slots in the order they first got an event: the order lanes' lists are handed on. */
	const order: number[] = [];
	for (const e of events) {
		const { off, val } = kind.chunk(e) as NumberedChunk;
		const at = kind.at(e);
		const first = off[at] as number;
		const end = off[at + 1] as number;
		if (first === end) {
			const to = lists[noneSlot] as KeyedEvent[];
			if (to.length === 0) order.push(noneSlot);
			to.push(e);
			continue;
		}
		for (let j = first; j < end; j++) {
			const slot = slotOf[val[j] as number] as number;
			const to = lists[slot] as KeyedEvent[];
			// Two of an event's values may share the "others" lane: one copy.
			if (to.length === 0) order.push(slot);
			else if (to[to.length - 1] === e) continue;
			to.push(e);
		}
	}
	const byLane = new Map<string, KeyedEvent[]>();
	for (const slot of order) byLane.set(laneIds[slot] as string, lists[slot] as KeyedEvent[]);
	const lanes = ownLanes.map(([n, count]) => lane(values[n] as V, count));
	const hidden = counts.reduce((k, c) => k + (c > 0 ? 1 : 0), 0) - ownLanes.length;
	if (hidden > 0) lanes.push(others(hidden, (lists[othersSlot] as KeyedEvent[]).length));
	const noneCount = (lists[noneSlot] as KeyedEvent[]).length;
	if (noneCount) lanes.push(none(noneCount));
	return withMembership(lanes, byLane, events, (e) => {
		const { off, val } = kind.chunk(e) as NumberedChunk;
		const at = kind.at(e);
		if (off[at] === off[at + 1]) return [laneIds[noneSlot] as string];
		const ids: string[] = [];
		for (let j = off[at] as number; j < (off[at + 1] as number); j++) {
			const id = laneIds[slotOf[val[j] as number] as number] as string;
			if (!ids.includes(id)) ids.push(id);
		}
		return ids;
	});
}

function actorLanes(
	events: readonly KeyedEvent[],
	labels: LaneLabels,
	options: LaneOptions,
	counted?: Counted
) {
	return manyToMany<ActorId>(
		events,
		ACTORS,
		(id, count) => ({ id: `actor:${id}`, label: labels.actorName(id), count, actorId: id }),
		(hidden, count) => ({ id: OTHERS_LANE, label: labels.others(hidden), count, others: true }),
		(count) => ({ id: 'actor:', label: labels.noActor, count }),
		labels.actorName,
		options,
		counted
	);
}

function tagLanes(events: readonly KeyedEvent[], labels: LaneLabels, options: LaneOptions) {
	return manyToMany<string>(
		events,
		TAGS,
		(tag, count) => ({ id: `tag:${tag}`, label: tag, count }),
		(hidden, count) => ({ id: OTHERS_LANE, label: labels.otherTags(hidden), count, others: true }),
		(count) => ({ id: 'tag:', label: labels.noTag, count }),
		(tag) => tag,
		options
	);
}

// -----------------------------------------------------------------------------------------------

export interface EventItem {
	kind: 'event';
	/** Unique per copy: the event key and the lane. */
	id: string;
	lane: string;
	key: EventKey;
	eventId: string;
	title: string;
	/** `range` when the span is wide enough on screen to read as one; otherwise a `point`. */
	type: 'range' | 'point';
	start: number;
	end: number;
	/** Month or year precision: drawn as a faded, hatched range. */
	imprecise: boolean;
	/** Circa, or earliest–latest bounds. */
	uncertain: boolean;
	confidence: Confidence;
	eventKind: EventKind;
	/**
	 * The event's dates as stored (the head itself, not a copy), for the date a hover shows:
	 * looking the event up by key instead built a map of every event on the first hover (0.7 s
	 * at 1,000,000 events, in the middle of a zoom).
	 */
	dates: Pick<TramaEvent, 'start' | 'end' | 'uncertainty'>;
	/** The event itself: what the timeline asks whether it is lit (see `Lit`). */
	event: KeyedEvent;
}

export interface ClusterItem {
	kind: 'cluster';
	/** `range` over its events' extent when that is wide enough for its label, else a `box`. */
	type: 'range' | 'box';
	id: string;
	lane: string;
	count: number;
	/** The events inside, by key, in time order. */
	keys: EventKey[];
	/** The events inside, by id (what the cluster's element lists), the first {@link MAX_LISTED}. */
	eventIds: string[];
	/** Whether any event inside passes the test (read in order, stopping at the first). */
	some(test: (e: KeyedEvent) => boolean): boolean;
	/** Whether the event is inside (found by its start, not by reading every member). */
	holds(e: KeyedEvent): boolean;
	/** From the first member's start to the last one's end, cut at the end of the cluster's bin. */
	start: number;
	end: number;
}

export type TimelineItem = EventItem | ClusterItem;

export interface LayoutOptions {
	/** Width in pixels of the grid that groups crowded items into clusters (at least a label's). */
	itemPx?: number;
	/** Rows a lane stacks items in before crowded ones are aggregated. */
	maxRows?: number;
	/** A range narrower than this on screen is drawn as a point. */
	minRangePx?: number;
	/** A cluster narrower than this on screen is drawn as a box (its label would not fit). */
	clusterPx?: number;
	/** Average width of a label's character, to tell how much room a point's title takes. */
	charPx?: number;
	/** Widest a point's label is drawn (the stylesheet cuts it there). */
	labelPx?: number;
	/** Room kept between items side by side. */
	gapPx?: number;
	/**
	 * Crowded events are aggregated only while the window is more than this many times as wide as
	 * their own span: closer in, zooming would not pull them apart, so they are stacked instead.
	 */
	zoomGain?: number;
	/** Events a click on their cluster opened: they are drawn one by one, never aggregated. */
	open?: ReadonlySet<EventKey> | undefined;
}

/** Bin widths (ms) a cluster grid snaps to, so clusters do not jitter while panning. */
const STEPS = [
	1,
	3,
	6,
	12,
	24,
	48,
	24 * 7,
	24 * 14,
	24 * 30,
	24 * 91,
	24 * 182,
	24 * 365,
	24 * 730,
	24 * 1826,
	24 * 3652,
	24 * 9131,
	24 * 18262,
	24 * 36524,
	24 * 365242
].map((h) => h * 3_600_000);

/** The most member ids a cluster lists on its element (it counts them all). */
export const MAX_LISTED = 200;

/** Items just outside the window are laid out too (a tenth of it each side), for smooth pans. */
const PAD = 0.1;

/** Passes of "stack, then cluster what overflows" before the layout settles for what it has. */
const MAX_PASSES = 24;

/** The least room an event takes on screen: its dot and the gap beside it. */
const MIN_FOOTPRINT_PX = 16;

export function binWidth(msPerPx: number, itemPx: number): number {
	const wanted = msPerPx * itemPx;
	return STEPS.find((s) => s >= wanted) ?? wanted;
}

/** Something that takes room in a lane: an event or a cluster, from `from` to `to` (ms). */
interface Footprint {
	from: number;
	to: number;
	/** The bin of the events it stands for. */
	bin: number;
}

/**
 * Stacks footprints (sorted by `from`) into at most `maxRows` rows, first fit, as vis-timeline
 * stacks items. For each one that finds no row, returns it with those it collides with.
 */
function collisions(footprints: readonly Footprint[], maxRows: number, gap: number): Footprint[][] {
	const rowEnds: number[] = [];
	const rowLast: Footprint[] = [];
	const out: Footprint[][] = [];
	for (const f of footprints) {
		const row = rowEnds.findIndex((end) => end + gap <= f.from);
		if (row !== -1) {
			rowEnds[row] = f.to;
			rowLast[row] = f;
		} else if (rowEnds.length < maxRows) {
			rowEnds.push(f.to);
			rowLast.push(f);
		} else out.push([f, ...rowLast]);
	}
	return out;
}

/**
 * A lane's events in the layout's reach, `src[a]` to `src[b - 1]`, in time order: most often a
 * stretch of the lane's own list, so nothing is copied however many events a wide window holds.
 */
interface Reach {
	src: readonly KeyedEvent[];
	a: number;
	b: number;
}

/** The first index in `[lo, hi)` whose event starts after `ms` (`hi` when none does). */
function firstStartingAfter(
	list: readonly KeyedEvent[],
	ms: number,
	lo: number,
	hi: number
): number {
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if ((list[mid] as KeyedEvent).startMs <= ms) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/**
 * The events of a lane's time-ordered list that overlap `from`–`to`: those that start before
 * `from` are kept only when they reach past it (looked at from `earliest`, the first start a
 * long event could have and still do so); those that start from `from` on, up to `to`, are one
 * stretch of the list.
 */
function reachOf(all: readonly KeyedEvent[], earliest: number, from: number, to: number): Reach {
	const lo = firstStartingFrom(all, earliest);
	const k = firstStartingAfter(all, from, lo, all.length);
	const hi = Math.max(k, firstStartingFrom(all, to));
	let before: KeyedEvent[] | undefined;
	for (let i = lo; i < k; i++) {
		const e = all[i] as KeyedEvent;
		if (e.endMs > from) (before ??= []).push(e);
	}
	if (!before) return { src: all, a: k, b: hi };
	if (before.length === k - lo) return { src: all, a: lo, b: hi };
	const src = before.concat(all.slice(k, hi));
	return { src, a: 0, b: src.length };
}

/**
 * The end of the stretch of `src` from `i` (before `b`) whose events fall in the same bin as
 * `src[i]`: the list is in time order, so a bin's events are side by side. Gallops, then
 * halves, so a bin of thousands of events costs a few steps, not a step per event.
 */
function binEnd(
	src: readonly KeyedEvent[],
	i: number,
	b: number,
	binOf: (e: KeyedEvent) => number
) {
	const bin = binOf(src[i] as KeyedEvent);
	let lo = i + 1;
	let jump = 1;
	let hi = lo;
	while (hi < b && binOf(src[hi] as KeyedEvent) === bin) {
		lo = hi + 1;
		hi = Math.min(b, i + (jump *= 2));
	}
	hi = Math.min(hi, b);
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (binOf(src[mid] as KeyedEvent) === bin) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** The events of one bin of a lane: `src[i]` to `src[j - 1]`. */
interface Bin {
	i: number;
	j: number;
}

/**
 * The items to draw for a window `widthPx` wide: events overlapping the window (plus a tenth
 * of it each side, so a pan shows items before the next layout), one copy per lane. A lane
 * stacks its items in up to `maxRows` rows; where more would collide, the events of the crowded
 * bins of a fixed grid are aggregated into a cluster, as long as zooming in would pull them
 * apart. `events` must be sorted by `startMs`; `maxSpanMs` is the longest event span (to find
 * long events that started before the window).
 *
 * A lane's events are walked a bin at a time, not an event at a time: a bin's events are side
 * by side in the lane's time-ordered list, so a crowded bin is found by a search and aggregated
 * from its two ends, and a window of a million events costs about what its bins do.
 */
export function layoutItems(
	events: readonly KeyedEvent[],
	lanes: Lanes,
	window: Span,
	widthPx: number,
	maxSpanMs: number,
	options: LayoutOptions = {}
): TimelineItem[] {
	const itemPx = options.itemPx ?? 100;
	const maxRows = options.maxRows ?? 3;
	const minRangePx = options.minRangePx ?? 24;
	const clusterPx = options.clusterPx ?? 84;
	const charPx = options.charPx ?? 6.6;
	const labelPx = options.labelPx ?? 200;
	const zoomGain = options.zoomGain ?? 2;
	const open = options.open;
	const w = window.end - window.start;
	const msPerPx = w / Math.max(1, widthPx);
	const gap = (options.gapPx ?? 6) * msPerPx;
	const from = window.start - w * PAD;
	const to = window.end + w * PAD;

	// The first start an event may have and still overlap: after from - maxSpan.
	const earliest = from - maxSpanMs;

	// Each lane's events in reach, in time order.
	const reaches = new Map<string, Reach>();
	if (lanes.byLane) {
		for (const [lane, all] of lanes.byLane) {
			const reach = reachOf(all, earliest, from, to);
			if (reach.b > reach.a) reaches.set(lane, reach);
		}
	} else {
		const byLane = new Map<string, KeyedEvent[]>();
		for (let i = firstStartingFrom(events, earliest); i < events.length; i++) {
			const e = events[i];
			if (!e) continue;
			if (e.startMs >= to) break;
			if (e.endMs <= from) continue;
			for (const lane of lanes.membership.get(e) ?? []) {
				const list = byLane.get(lane);
				if (list) list.push(e);
				else byLane.set(lane, [e]);
			}
		}
		for (const [lane, list] of byLane) reaches.set(lane, { src: list, a: 0, b: list.length });
	}

	const step = binWidth(msPerPx, itemPx);
	const binOf = (e: KeyedEvent) => Math.floor(e.startMs / step);
	const isRange = (e: KeyedEvent) => (e.endMs - e.startMs) / msPerPx >= minRangePx;
	/** Where an event's drawing ends: a range's end, or a point's dot and title. */
	const eventEnd = (e: KeyedEvent) =>
		isRange(e)
			? e.endMs
			: e.startMs + Math.min(labelPx, MIN_FOOTPRINT_PX + e.event.title.length * charPx) * msPerPx;

	const items: TimelineItem[] = [];
	for (const [lane, { src, a, b: end }] of reaches) {
		const bins = new Map<number, Bin>();
		for (let i = a; i < end;) {
			const j = binEnd(src, i, end, binOf);
			bins.set(binOf(src[i] as KeyedEvent), { i, j });
			i = j;
		}
		/**
		 * Whether a bin's events may be aggregated: more than one, zooming in would pull them
		 * apart (the window is wider than `zoomGain` times both the spread of their starts and
		 * the shortest of them: see `separation`), and none was opened.
		 */
		const aggregable = ({ i, j }: Bin): boolean => {
			if (j - i < 2) return false;
			const spread = (src[j - 1] as KeyedEvent).startMs - (src[i] as KeyedEvent).startMs;
			if (!(w > zoomGain * Math.max(spread, 1))) return false;
			let short = false;
			for (let x = i; x < j && !short; x++) {
				const e = src[x] as KeyedEvent;
				short = w > zoomGain * (e.endMs - e.startMs);
			}
			if (!short) return false;
			if (open) for (let x = i; x < j; x++) if (open.has((src[x] as KeyedEvent).key)) return false;
			return true;
		};
		const cluster = (bin: number, { i, j }: Bin) =>
			clusterOf(lane, bin, step, src, i, j, msPerPx, clusterPx);
		const clusters = new Map<number, ClusterItem>();
		/** Bins that are crowded but that zooming in would not help: their events stay. */
		const kept = new Set<number>();
		// A bin with more events than its rows could hold even if each took only its dot is
		// aggregated at once (when zooming in would help), sparing the passes below.
		const capacity = maxRows * (step / msPerPx / MIN_FOOTPRINT_PX + 1);
		for (const [bin, range] of bins) {
			if (range.j - range.i > capacity && aggregable(range)) clusters.set(bin, cluster(bin, range));
		}
		for (let pass = 0; pass < MAX_PASSES; pass++) {
			const footprints: Footprint[] = [];
			for (const [bin, { i, j }] of bins) {
				const c = clusters.get(bin);
				if (c) {
					const mid = (c.start + c.end) / 2;
					const half = (clusterPx / 2) * msPerPx;
					footprints.push(
						c.type === 'range'
							? { from: c.start, to: c.end, bin }
							: { from: mid - half, to: mid + half, bin }
					);
				} else {
					for (let x = i; x < j; x++) {
						const e = src[x] as KeyedEvent;
						footprints.push({ from: e.startMs, to: eventEnd(e), bin });
					}
				}
			}
			footprints.sort((p, q) => p.from - q.from);
			let added = false;
			// For each collision, aggregate one bin: the busiest of those involved that zooming
			// in would pull apart. A single event, events the window already nearly spans, or
			// events just opened stay as they are (stacked): a cluster would hide them with no
			// zoom to reveal them.
			const chosen = new Set<number>();
			for (const group of collisions(footprints, maxRows, gap)) {
				// A bin just chosen may resolve this collision too: see on the next pass.
				if (group.some((f) => chosen.has(f.bin))) continue;
				let best: number | undefined;
				let bestCount = 1;
				for (const f of group) {
					if (clusters.has(f.bin) || kept.has(f.bin)) continue;
					const range = bins.get(f.bin) as Bin;
					if (!aggregable(range)) {
						kept.add(f.bin);
					} else if (range.j - range.i > bestCount) {
						best = f.bin;
						bestCount = range.j - range.i;
					}
				}
				if (best === undefined) continue;
				chosen.add(best);
				clusters.set(best, cluster(best, bins.get(best) as Bin));
				added = true;
			}
			if (!added) break;
		}
		for (const [bin, { i, j }] of bins) {
			const c = clusters.get(bin);
			if (c) items.push(c);
			else
				for (let x = i; x < j; x++)
					items.push(eventItem(src[x] as KeyedEvent, lane, isRange(src[x] as KeyedEvent)));
		}
	}
	return items;
}

/**
 * The cluster standing for the events `src[i]` to `src[j - 1]`, which begin in bin `b` of a
 * lane. They are in time order, so the first starts first.
 */
function clusterOf(
	lane: string,
	b: number,
	step: number,
	src: readonly KeyedEvent[],
	i: number,
	j: number,
	msPerPx: number,
	clusterPx: number
): ClusterItem {
	// From the first start to the last end, cut at the bin's end: a cluster stands for the
	// events that begin in its bin, not for the years a long one may run on. Once one reaches
	// the cut, the others need not be read.
	const start = (src[i] as KeyedEvent).startMs;
	const cut = (b + 1) * step;
	let end = -Infinity;
	for (let x = i; x < j && end < cut; x++) end = Math.max(end, (src[x] as KeyedEvent).endMs);
	end = Math.max(start, Math.min(end, cut));
	// The members' keys are listed when first read (a selection or highlight to mark, a click to
	// open): a zoom over a million events would otherwise list every one of them on each step.
	let keys: EventKey[] | undefined;
	const eventIds: string[] = [];
	for (let x = i; x < Math.min(j, i + MAX_LISTED); x++)
		eventIds.push((src[x] as KeyedEvent).event.id);
	return {
		kind: 'cluster',
		type: (end - start) / msPerPx >= clusterPx ? 'range' : 'box',
		id: `cluster:${lane}:${step}:${b}`,
		lane,
		count: j - i,
		get keys() {
			if (!keys) {
				keys = [];
				for (let x = i; x < j; x++) keys.push((src[x] as KeyedEvent).key);
			}
			return keys;
		},
		eventIds,
		some(test) {
			for (let x = i; x < j; x++) if (test(src[x] as KeyedEvent)) return true;
			return false;
		},
		holds(e) {
			// The members are in time order: from the first that starts with `e`, those that
			// start when it does.
			for (
				let x = firstStartingFrom(src, e.startMs, i, j);
				x < j && (src[x] as KeyedEvent).startMs === e.startMs;
				x++
			)
				if ((src[x] as KeyedEvent).key === e.key) return true;
			return false;
		},
		start,
		end
	};
}

function eventItem(e: KeyedEvent, lane: string, range: boolean): EventItem {
	const precision = precisionOf(e.event.start);
	const u = e.event.uncertainty;
	return {
		kind: 'event',
		id: `${e.key}@${lane}`,
		lane,
		key: e.key,
		eventId: e.event.id,
		title: e.event.title,
		type: range ? 'range' : 'point',
		start: e.startMs,
		end: e.endMs,
		imprecise: precision === 'year' || precision === 'month',
		uncertain: Boolean(u?.circa || u?.earliest || u?.latest),
		confidence: e.event.confidence,
		dates: e.event,
		event: e,
		eventKind: e.event.kind
	};
}

/**
 * The window a click on a cluster zooms to: its members' span with a little room either side
 * (at least an hour). Laid out with the members `open`, they are drawn one by one there.
 */
export function clusterWindow(cluster: ClusterItem, minWidth = 3_600_000): Span {
	const span = Math.max(cluster.end - cluster.start, minWidth / 1.2);
	const centre = (cluster.start + cluster.end) / 2;
	return { start: centre - span * 0.6, end: centre + span * 0.6 };
}
