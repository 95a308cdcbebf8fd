/**
 * From events to what the main timeline draws: lanes (by actor, kind, country, or none) and
 * items. An event with several participants appears on each participant's lane; every copy
 * carries the event's key. Where items would pile up unreadably at the current zoom, they are
 * aggregated into clusters that show a count; zooming in splits them.
 *
 * Pure: no DOM, no vis-timeline. The adapter turns the result into vis DataSet rows.
 */
import type { Span } from '../model/dates';
import type { EventKey, KeyedEvent } from '../model/events';
import type { ActorId, Confidence, EventKind } from '../model/schema';
import { precisionOf } from '../model/dates';

export type Grouping = 'actor' | 'kind' | 'country' | 'none';
export const GROUPINGS: readonly Grouping[] = ['actor', 'kind', 'country', 'none'];

export const OTHERS_LANE = 'lane:others';
export const ALL_LANE = 'lane:all';

export interface Lane {
	id: string;
	/** What the lane label says (an actor's name, a kind, a country). */
	label: string;
	/** Events in this lane. */
	count: number;
	/** The actor a lane belongs to, when grouped by actor. */
	actorId?: ActorId;
	/** True for the shared lane of the less busy actors. */
	others?: boolean;
}

export interface LaneLabels {
	actorName: (id: ActorId) => string;
	kind: (kind: EventKind) => string;
	country: (code: string) => string;
	others: (actors: number) => string;
	noActor: string;
	noPlace: string;
	all: string;
}

export interface Lanes {
	lanes: Lane[];
	/** For each event key, the lanes its copies go on. */
	membership: Map<EventKey, string[]>;
}

/**
 * Assigns events to lanes. Grouped by actor, the `maxLanes` busiest actors get a lane each and
 * the rest share an "others" lane, unless `expandOthers` asks for every actor to have one.
 */
export function buildLanes(
	events: readonly KeyedEvent[],
	grouping: Grouping,
	labels: LaneLabels,
	options: { maxLanes?: number; expandOthers?: boolean } = {}
): Lanes {
	const membership = new Map<EventKey, string[]>();
	const counts = new Map<string, number>();
	const add = (laneId: string, key: EventKey) => {
		const list = membership.get(key);
		if (list) {
			if (!list.includes(laneId)) list.push(laneId);
		} else membership.set(key, [laneId]);
	};

	if (grouping === 'none') {
		for (const e of events) add(ALL_LANE, e.key);
		return {
			lanes: events.length ? [{ id: ALL_LANE, label: labels.all, count: events.length }] : [],
			membership
		};
	}

	if (grouping === 'kind' || grouping === 'country') {
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
			add(id, e.key);
		}
		const lanes = [...counts].map(([id, count]) => ({ id, label: labelOf.get(id) ?? id, count }));
		lanes.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
		return { lanes, membership };
	}

	// By actor: count each actor's events first, to know which actors get their own lane.
	const actorCounts = new Map<ActorId, number>();
	for (const e of events) {
		for (const p of e.event.participants) {
			actorCounts.set(p.actor, (actorCounts.get(p.actor) ?? 0) + 1);
		}
	}
	const ranked = [...actorCounts].sort(
		(a, b) => b[1] - a[1] || labels.actorName(a[0]).localeCompare(labels.actorName(b[0]))
	);
	const maxLanes = options.expandOthers ? Infinity : (options.maxLanes ?? 12);
	// Without an "others" lane all actors fit; with one, it takes the last place.
	const ownLanes = ranked.length <= maxLanes ? ranked : ranked.slice(0, Math.max(0, maxLanes - 1));
	const own = new Set(ownLanes.map(([id]) => id));
	const othersCount = new Set<EventKey>();
	const noActorKeys: EventKey[] = [];
	for (const e of events) {
		if (e.event.participants.length === 0) {
			noActorKeys.push(e.key);
			continue;
		}
		for (const p of e.event.participants) {
			if (own.has(p.actor)) add(`actor:${p.actor}`, e.key);
			else {
				add(OTHERS_LANE, e.key);
				othersCount.add(e.key);
			}
		}
	}
	const lanes: Lane[] = ownLanes.map(([id, count]) => ({
		id: `actor:${id}`,
		label: labels.actorName(id),
		count,
		actorId: id
	}));
	const hidden = ranked.length - ownLanes.length;
	if (hidden > 0) {
		lanes.push({
			id: OTHERS_LANE,
			label: labels.others(hidden),
			count: othersCount.size,
			others: true
		});
	}
	if (noActorKeys.length) {
		for (const key of noActorKeys) add('actor:', key);
		lanes.push({ id: 'actor:', label: labels.noActor, count: noActorKeys.length });
	}
	return { lanes, membership };
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
	/** Month or year precision: drawn as a faded, dashed range. */
	imprecise: boolean;
	/** Circa, or earliest–latest bounds. */
	uncertain: boolean;
	confidence: Confidence;
	eventKind: EventKind;
}

export interface ClusterItem {
	kind: 'cluster';
	/** `range` over its events' extent when that is wide enough for its label, else a `box`. */
	type: 'range' | 'box';
	id: string;
	lane: string;
	count: number;
	/** The events inside, by key. */
	keys: EventKey[];
	start: number;
	end: number;
}

export type TimelineItem = EventItem | ClusterItem;

export interface LayoutOptions {
	/** Pixels an item needs to be readable (its label). */
	itemPx?: number;
	/** Most items one lane shows side by side (stacked) in one bin before they are aggregated. */
	maxPerBin?: number;
	/** A range narrower than this on screen is drawn as a point. */
	minRangePx?: number;
	/** A cluster narrower than this on screen is drawn as a box (its label would not fit). */
	clusterPx?: number;
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

/** Items just outside the window are laid out too (a tenth of it each side), for smooth pans. */
const PAD = 0.1;

export function binWidth(msPerPx: number, itemPx: number): number {
	const wanted = msPerPx * itemPx;
	return STEPS.find((s) => s >= wanted) ?? wanted;
}

/**
 * The items to draw for a window `widthPx` wide: events overlapping the window (plus a tenth
 * of it each side, so a pan shows items before the next layout), one copy per lane, with
 * crowded bins of a lane aggregated into a cluster. `events` must be sorted by `startMs`;
 * `maxSpanMs` is the longest event span (to find long events that started before the window).
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
	const maxPerBin = options.maxPerBin ?? 2;
	const minRangePx = options.minRangePx ?? 24;
	const clusterPx = options.clusterPx ?? 72;
	const w = window.end - window.start;
	const msPerPx = w / Math.max(1, widthPx);
	const from = window.start - w * PAD;
	const to = window.end + w * PAD;

	// Binary search for the first event that may overlap: started after from - maxSpan.
	let lo = 0;
	let hi = events.length;
	const earliest = from - maxSpanMs;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if ((events[mid]?.startMs ?? 0) < earliest) lo = mid + 1;
		else hi = mid;
	}

	const step = binWidth(msPerPx, itemPx);
	// lane -> bin index -> events
	const bins = new Map<string, Map<number, KeyedEvent[]>>();
	for (let i = lo; i < events.length; i++) {
		const e = events[i];
		if (!e) continue;
		if (e.startMs >= to) break;
		if (e.endMs <= from) continue;
		const b = Math.floor(e.startMs / step);
		for (const lane of lanes.membership.get(e.key) ?? []) {
			let laneBins = bins.get(lane);
			if (!laneBins) bins.set(lane, (laneBins = new Map<number, KeyedEvent[]>()));
			const list = laneBins.get(b);
			if (list) list.push(e);
			else laneBins.set(b, [e]);
		}
	}

	const items: TimelineItem[] = [];
	for (const [lane, laneBins] of bins) {
		for (const [b, list] of laneBins) {
			if (list.length > maxPerBin) {
				// From the first start to the last end, cut at the bin's end: a cluster stands for
				// the events that begin in its bin, not for the years a long one may run on.
				let start = Infinity;
				let end = -Infinity;
				for (const e of list) {
					start = Math.min(start, e.startMs);
					end = Math.max(end, e.endMs);
				}
				end = Math.max(start, Math.min(end, (b + 1) * step));
				items.push({
					kind: 'cluster',
					type: (end - start) / msPerPx >= clusterPx ? 'range' : 'box',
					id: `cluster:${lane}:${step}:${b}`,
					lane,
					count: list.length,
					keys: list.map((e) => e.key),
					start,
					end
				});
				continue;
			}
			for (const e of list) {
				const precision = precisionOf(e.event.start);
				const u = e.event.uncertainty;
				items.push({
					kind: 'event',
					id: `${e.key}@${lane}`,
					lane,
					key: e.key,
					eventId: e.event.id,
					title: e.event.title,
					type: (e.endMs - e.startMs) / msPerPx >= minRangePx ? 'range' : 'point',
					start: e.startMs,
					end: e.endMs,
					imprecise: precision === 'year' || precision === 'month',
					uncertain: Boolean(u?.circa || u?.earliest || u?.latest),
					confidence: e.event.confidence,
					eventKind: e.event.kind
				});
			}
		}
	}
	return items;
}
