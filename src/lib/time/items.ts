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
import { firstStartingFrom, type EventKey, type KeyedEvent } from '../model/events';
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
	 * For each event, the lanes its copies go on. Keyed by the event object, not its key: the
	 * objects hash by identity, while 100,000 key strings each had to be flattened and hashed.
	 */
	membership: Map<KeyedEvent, string[]>;
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

/** Adds an event to a lane once. */
function addTo(membership: Map<KeyedEvent, string[]>, laneId: string, e: KeyedEvent): void {
	const list = membership.get(e);
	if (list) {
		if (!list.includes(laneId)) list.push(laneId);
	} else membership.set(e, [laneId]);
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
	const lanes = assignLanes(events, grouping, labels, options);
	const byLane = new Map<string, KeyedEvent[]>();
	for (const e of events) {
		for (const lane of lanes.membership.get(e) ?? []) {
			const list = byLane.get(lane);
			if (list) list.push(e);
			else byLane.set(lane, [e]);
		}
	}
	return { ...lanes, byLane };
}

function assignLanes(
	events: readonly KeyedEvent[],
	grouping: Grouping,
	labels: LaneLabels,
	options: LaneOptions
): Lanes {
	if (grouping === 'actor') {
		const fallback = laneFallback(events);
		if (fallback === 'tag') return { ...tagLanes(events, labels, options), fallback };
		if (fallback) return { ...assignLanes(events, fallback, labels, options), fallback };
		return actorLanes(events, labels, options);
	}

	const membership = new Map<KeyedEvent, string[]>();
	if (grouping === 'none') {
		for (const e of events) addTo(membership, ALL_LANE, e);
		return {
			lanes: events.length ? [{ id: ALL_LANE, label: labels.all, count: events.length }] : [],
			membership
		};
	}

	const counts = new Map<string, number>();
	const labelOf = new Map<string, string>();
	for (const e of events) {
		let value: string;
		let label: string;
		if (grouping === 'kind') {
			value = e.event.kind;
			label = labels.kind(e.event.kind);
		} else {
			value = e.event.place?.country ?? '';
			label = value ? labels.country(value) : labels.noPlace;
		}
		const id = `${grouping}:${value}`;
		labelOf.set(id, label);
		counts.set(id, (counts.get(id) ?? 0) + 1);
		addTo(membership, id, e);
	}
	const lanes = [...counts].map(([id, count]) => ({ id, label: labelOf.get(id) ?? id, count }));
	lanes.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
	return { lanes, membership };
}

/**
 * Lanes for values an event may have several of (actors, tags): the busiest get a lane each, the
 * rest share one, and events with none go last.
 */
function manyToMany<V extends string>(
	events: readonly KeyedEvent[],
	valuesOf: (e: KeyedEvent) => readonly V[],
	lane: (value: V, count: number) => Lane,
	others: (hidden: number, count: number) => Lane,
	none: (count: number) => Lane,
	nameOf: (value: V) => string,
	options: LaneOptions
): Lanes {
	const membership = new Map<KeyedEvent, string[]>();
	const counts = new Map<V, number>();
	for (const e of events) {
		const values = valuesOf(e);
		for (let i = 0; i < values.length; i++) {
			const v = values[i] as V;
			// A value counts once per event (a few values each: a linear check is cheapest).
			if (values.indexOf(v) !== i) continue;
			counts.set(v, (counts.get(v) ?? 0) + 1);
		}
	}
	const ranked = [...counts].sort(
		(a, b) => b[1] - a[1] || nameOf(a[0]).localeCompare(nameOf(b[0]))
	);
	const maxLanes = options.expandOthers ? Infinity : (options.maxLanes ?? 12);
	// Without an "others" lane all values fit; with one, it takes the last place.
	const ownLanes = ranked.length <= maxLanes ? ranked : ranked.slice(0, Math.max(0, maxLanes - 1));
	const own = new Map(ownLanes.map(([v, n]) => [v, lane(v, n)]));
	const othersEvents = new Set<KeyedEvent>();
	const noneEvents: KeyedEvent[] = [];
	for (const e of events) {
		const values = valuesOf(e);
		if (values.length === 0) {
			noneEvents.push(e);
			continue;
		}
		for (const v of values) {
			const l = own.get(v);
			if (l) addTo(membership, l.id, e);
			else {
				addTo(membership, OTHERS_LANE, e);
				othersEvents.add(e);
			}
		}
	}
	const lanes = [...own.values()];
	const hidden = ranked.length - ownLanes.length;
	if (hidden > 0) lanes.push(others(hidden, othersEvents.size));
	if (noneEvents.length) {
		const n = none(noneEvents.length);
		for (const e of noneEvents) addTo(membership, n.id, e);
		lanes.push(n);
	}
	return { lanes, membership };
}

function actorLanes(events: readonly KeyedEvent[], labels: LaneLabels, options: LaneOptions) {
	return manyToMany<ActorId>(
		events,
		(e) => e.event.participants.map((p) => p.actor),
		(id, count) => ({ id: `actor:${id}`, label: labels.actorName(id), count, actorId: id }),
		(hidden, count) => ({ id: OTHERS_LANE, label: labels.others(hidden), count, others: true }),
		(count) => ({ id: 'actor:', label: labels.noActor, count }),
		labels.actorName,
		options
	);
}

function tagLanes(events: readonly KeyedEvent[], labels: LaneLabels, options: LaneOptions) {
	return manyToMany<string>(
		events,
		(e) => e.event.tags,
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
 * The items to draw for a window `widthPx` wide: events overlapping the window (plus a tenth
 * of it each side, so a pan shows items before the next layout), one copy per lane. A lane
 * stacks its items in up to `maxRows` rows; where more would collide, the events of the crowded
 * bins of a fixed grid are aggregated into a cluster, as long as zooming in would pull them
 * apart. `events` must be sorted by `startMs`; `maxSpanMs` is the longest event span (to find
 * long events that started before the window).
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
	/** Whether a bin's events may be aggregated: zooming in would help, and none was opened. */
	const aggregable = (members: readonly KeyedEvent[]) =>
		members.length > 1 &&
		w > zoomGain * separation(members) &&
		!(open && members.some((e) => open.has(e.key)));
	const w = window.end - window.start;
	const msPerPx = w / Math.max(1, widthPx);
	const gap = (options.gapPx ?? 6) * msPerPx;
	const from = window.start - w * PAD;
	const to = window.end + w * PAD;

	// The first event that may overlap: started after from - maxSpan.
	const earliest = from - maxSpanMs;
	const lo = firstStartingFrom(events, earliest);

	// Each lane's events in the window, in time order.
	const byLane = new Map<string, KeyedEvent[]>();
	if (lanes.byLane) {
		for (const [lane, all] of lanes.byLane) {
			const list: KeyedEvent[] = [];
			for (let i = firstStartingFrom(all, earliest); i < all.length; i++) {
				const e = all[i] as KeyedEvent;
				if (e.startMs >= to) break;
				if (e.endMs > from) list.push(e);
			}
			if (list.length) byLane.set(lane, list);
		}
	} else {
		for (let i = lo; i < events.length; i++) {
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
	for (const [lane, list] of byLane) {
		const bins = new Map<number, KeyedEvent[]>();
		for (const e of list) {
			const b = binOf(e);
			const members = bins.get(b);
			if (members) members.push(e);
			else bins.set(b, [e]);
		}
		const clusters = new Map<number, ClusterItem>();
		/** Bins that are crowded but that zooming in would not help: their events stay. */
		const kept = new Set<number>();
		// A bin with more events than its rows could hold even if each took only its dot is
		// aggregated at once (when zooming in would help), sparing the passes below.
		const capacity = maxRows * (step / msPerPx / MIN_FOOTPRINT_PX + 1);
		for (const [b, members] of bins) {
			if (members.length > capacity && aggregable(members)) {
				clusters.set(b, clusterOf(lane, b, step, members, msPerPx, clusterPx));
			}
		}
		for (let pass = 0; pass < MAX_PASSES; pass++) {
			const footprints: Footprint[] = [];
			for (const [b, members] of bins) {
				const c = clusters.get(b);
				if (c) {
					const mid = (c.start + c.end) / 2;
					const half = (clusterPx / 2) * msPerPx;
					footprints.push(
						c.type === 'range'
							? { from: c.start, to: c.end, bin: b }
							: { from: mid - half, to: mid + half, bin: b }
					);
				} else {
					for (const e of members) footprints.push({ from: e.startMs, to: eventEnd(e), bin: b });
				}
			}
			footprints.sort((a, b) => a.from - b.from);
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
					const members = bins.get(f.bin) ?? [];
					if (!aggregable(members)) {
						kept.add(f.bin);
					} else if (members.length > bestCount) {
						best = f.bin;
						bestCount = members.length;
					}
				}
				if (best === undefined) continue;
				chosen.add(best);
				clusters.set(best, clusterOf(lane, best, step, bins.get(best) ?? [], msPerPx, clusterPx));
				added = true;
			}
			if (!added) break;
		}
		for (const [b, members] of bins) {
			const c = clusters.get(b);
			if (c) items.push(c);
			else for (const e of members) items.push(eventItem(e, lane, isRange(e)));
		}
	}
	return items;
}

/**
 * How far zooming in can pull events apart: the spread of their starts, or, for events that
 * begin together, the shortest of them (a window that narrow draws each as a span of its own).
 */
function separation(members: readonly KeyedEvent[]): number {
	let first = Infinity;
	let last = -Infinity;
	let shortest = Infinity;
	for (const e of members) {
		first = Math.min(first, e.startMs);
		last = Math.max(last, e.startMs);
		shortest = Math.min(shortest, e.endMs - e.startMs);
	}
	return Math.max(last - first, shortest, 1);
}

/** The cluster standing for the events that begin in bin `b` of a lane. */
function clusterOf(
	lane: string,
	b: number,
	step: number,
	members: readonly KeyedEvent[],
	msPerPx: number,
	clusterPx: number
): ClusterItem {
	// From the first start to the last end, cut at the bin's end: a cluster stands for the
	// events that begin in its bin, not for the years a long one may run on.
	let start = Infinity;
	let end = -Infinity;
	for (const e of members) {
		start = Math.min(start, e.startMs);
		end = Math.max(end, e.endMs);
	}
	end = Math.max(start, Math.min(end, (b + 1) * step));
	// The members' keys are listed when first read (a selection or highlight to mark, a click to
	// open): a zoom over a million events would otherwise list every one of them on each step.
	let keys: EventKey[] | undefined;
	return {
		kind: 'cluster',
		type: (end - start) / msPerPx >= clusterPx ? 'range' : 'box',
		id: `cluster:${lane}:${step}:${b}`,
		lane,
		count: members.length,
		get keys() {
			keys ??= members.map((e) => e.key);
			return keys;
		},
		eventIds: members.slice(0, MAX_LISTED).map((e) => e.event.id),
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
