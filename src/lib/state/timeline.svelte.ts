/**
 * The state the linked time views share: the one time window (the truth that the main timeline
 * and the overview follow), lane grouping, selection and hover. Views write to it only on user
 * action, and say who moved the window, so programmatic moves never echo back.
 */
import { countryName, t } from '../i18n';
import type { StoredHead } from '../db/repository';
import { viewSlot } from '../db/head-columns';
import type { Span } from '../model/dates';
import type { Actor, ActorId } from '../model/schema';
import {
	actorName,
	eventKey,
	firstStartingFrom,
	indexBy,
	type EventKey,
	type KeyedEvent,
	type Lit,
	type NumberedChunk
} from '../model/events';
import { addEventsByActor, eventsByActor, keySet } from '../graph/graph';
import {
	buildLanes,
	clusterWindow,
	layoutItems,
	numberActors,
	type ClusterItem,
	type Grouping,
	type Lanes
} from '../time/items';
import {
	clampWindow,
	dataDomain,
	fitSpans,
	focusWindow,
	panWindow,
	presetWindow,
	recentreWindow,
	zoomWindow,
	type Preset
} from '../time/zoom';

/** Who moved the window last. The main timeline ignores its own moves, the overview its own. */
export type WindowSource = 'timeline' | 'overview' | 'control' | 'url';

/** What the timeline reads from outside, reactively: each getter is read inside a `$derived`. */
export interface TimelineSources {
	/** The events of the datasets shown, less those the filter leaves out. */
	events: () => readonly StoredHead[];
	/**
	 * Every event of the datasets shown, the filter's choice or not (in time order): the domain
	 * follows these, so a filter does not move the world, and the overview draws them behind the
	 * events kept. The same array as `events` when nothing is filtered.
	 */
	all?: () => readonly StoredHead[];
	/**
	 * Where each of `events` stands in `all` (`events()[j]` is `all()[places[j]]`), when the
	 * filter leaves some out: the timeline then takes their keyed events by place, not by lookup.
	 */
	places?: () => ArrayLike<number> | undefined;
	actors: () => ReadonlyMap<ActorId, Actor>;
	/** The events to highlight (the actor network's selected actor or link), if any. */
	highlight?: () => Lit | undefined;
	/** The actor the user chose, whose lane the main timeline brings into view. */
	actor?: () => ActorId | undefined;
}

/**
 * `events` sorted by the start of their span: themselves when they are in that order already
 * (the store hands them over so), otherwise sorted in place (a stable sort).
 */
function inTimeOrder(events: KeyedEvent[]): KeyedEvent[] {
	return isInTimeOrder(events) ? events : events.sort((a, b) => a.startMs - b.startMs);
}

/**
 * All of a generation's keyed events in time order (themselves when they are in it already;
 * else sorted by a stable sort, with `rank` giving each one's place in it) and their longest span.
 */
function timeOrdered(keyed: KeyedEvent[]): {
	keyed: KeyedEvent[];
	sorted: KeyedEvent[];
	rank?: Int32Array;
	maxSpanMs: number;
} {
	let maxSpanMs = 0;
	for (const k of keyed) maxSpanMs = Math.max(maxSpanMs, k.endMs - k.startMs);
	if (isInTimeOrder(keyed)) return { keyed, sorted: keyed, maxSpanMs };
	// Sorted by their starts read from one array, ties in their order (what a stable sort gives).
	const starts = new Float64Array(keyed.length);
	for (let i = 0; i < keyed.length; i++) starts[i] = (keyed[i] as KeyedEvent).startMs;
	const order = new Int32Array(keyed.length);
	for (let i = 0; i < order.length; i++) order[i] = i;
	order.sort((a, b) => (starts[a] as number) - (starts[b] as number) || a - b);
	const rank = new Int32Array(keyed.length);
	const sorted = new Array<KeyedEvent>(keyed.length);
	for (let p = 0; p < order.length; p++) {
		const i = order[p] as number;
		rank[i] = p;
		sorted[p] = keyed[i] as KeyedEvent;
	}
	return { keyed, sorted, rank, maxSpanMs };
}

/** Each actor's events, being gathered (from the first `done` events so far). */
interface ByActorBuilt {
	out: Map<ActorId, KeyedEvent[]>;
	done: number;
}

/**
 * A stored head keyed for the timeline. Its span is read from the head, not copied: the engine
 * keeps each such number as an object of its own, and a million events' copies were two million
 * of them (about 24 MB). Its key is made when first asked for: most events are never drawn,
 * listed or looked up by key (100,000 keys were 3.2 MB). The lanes' numbers' place is
 * made now, so every one has one shape.
 */
class KeyedHead implements KeyedEvent {
	actorChunk: NumberedChunk | undefined = undefined;
	actorAt = 0;
	#key: EventKey | undefined = undefined;
	constructor(readonly event: StoredHead) {}
	get key(): EventKey {
		return (this.#key ??= eventKey(this.event));
	}
	get startMs(): number {
		return this.event.startMs;
	}
	get endMs(): number {
		return this.event.endMs;
	}
}

function isInTimeOrder(events: readonly KeyedEvent[]): boolean {
	for (let i = 1; i < events.length; i++)
		if ((events[i] as KeyedEvent).startMs < (events[i - 1] as KeyedEvent).startMs) return false;
	return true;
}

export class TimelineState {
	readonly #events: () => readonly StoredHead[];
	readonly #all: () => readonly StoredHead[];
	readonly #places: () => ArrayLike<number> | undefined;
	readonly #actors: () => ReadonlyMap<ActorId, Actor>;
	readonly #highlight: () => Lit | undefined;
	readonly #actor: () => ActorId | undefined;

	/** The window the user chose; undefined shows the whole domain. */
	#window = $state.raw<Span | undefined>(undefined);
	windowSource = $state<WindowSource>('control');
	grouping = $state<Grouping>('actor');
	expandOthers = $state(false);
	selectedKey = $state<EventKey | undefined>(undefined);
	hoveredKey = $state<EventKey | undefined>(undefined);
	/** The main timeline's drawing width in pixels, reported by its view. */
	widthPx = $state(1000);
	/** Show only the highlighted events (the selected actor's or edge's). */
	filterToHighlight = $state(false);

	constructor(sources: TimelineSources) {
		this.#events = sources.events;
		this.#all = sources.all ?? sources.events;
		this.#places = sources.places ?? (() => undefined);
		this.#actors = sources.actors;
		this.#highlight = sources.highlight ?? (() => undefined);
		this.#actor = sources.actor ?? (() => undefined);
	}

	/**
	 * Events as the timeline needs them, sorted by the start of their span. The store hands them
	 * over in chronological order already, so the sort is skipped when it has nothing to do.
	 * Every event of the datasets shown is keyed once per generation (`#keyedAll`): with nothing
	 * filtered this is that same array (and the lookups made from it are kept), and the events a
	 * filter keeps are taken from it by their places.
	 */
	readonly events: KeyedEvent[] = $derived.by(() => {
		const all = this.#all();
		const shown = this.#events();
		const keyedAll = this.#keyedAll(all);
		if (shown === all) return keyedAll.sorted;
		const subset = this.#subset;
		if (!subset) return inTimeOrder(shown.map((e) => this.#keyedOne(e)));
		// The events kept, read off all of them in time order: no sort.
		const { sorted, kept } = subset;
		const events = new Array<KeyedEvent>(shown.length);
		for (let p = 0, j = 0; p < kept.length; p++)
			if (kept[p] === 1) events[j++] = sorted[p] as KeyedEvent;
		return events;
	});

	/**
	 * The events the filter keeps, as marks over every event of the datasets shown in time order
	 * (`all`), when their places among the heads are known and checked (each: an answer about
	 * other data is not used); undefined when nothing is filtered or the places cannot be used.
	 * The graph worker holds every event and is handed these marks, not the events kept.
	 */
	readonly #subset:
		{ sorted: readonly KeyedEvent[]; kept: Uint8Array; maxSpanMs: number } | undefined =
		$derived.by(() => {
			const all = this.#all();
			const shown = this.#events();
			if (shown === all) return undefined;
			const places = this.#places();
			if (!places || places.length !== shown.length) return undefined;
			const { keyed, sorted, rank, maxSpanMs } = this.#keyedAll(all);
			const kept = new Uint8Array(sorted.length);
			for (let j = 0; j < shown.length; j++) {
				const i = places[j] as number;
				const k = keyed[i];
				if (!k || k.event !== shown[j]) return undefined;
				kept[rank ? (rank[i] as number) : i] = 1;
			}
			return { sorted, kept, maxSpanMs };
		});

	/**
	 * What the actor graph is built from: the events shown, or every event with marks on those
	 * the filter keeps (the same graph; the worker then keeps one copy of all of them, and a
	 * keystroke sends it marks instead of the events kept). In time order either way.
	 */
	readonly graphSource: { events: readonly KeyedEvent[]; kept?: Uint8Array; maxSpanMs: number } =
		$derived.by(() => {
			const subset = this.#subset;
			return subset
				? { events: subset.sorted, kept: subset.kept, maxSpanMs: subset.maxSpanMs }
				: { events: this.events, maxSpanMs: this.maxSpanMs };
		});

	/**
	 * Each generation of all events: keyed in their order, in time order (the same array when
	 * they are in time order already; else `rank` gives each one's place in time order), and
	 * their longest span.
	 */
	readonly #keyedAllOf = new WeakMap<
		readonly StoredHead[],
		{ keyed: KeyedEvent[]; sorted: KeyedEvent[]; rank?: Int32Array; maxSpanMs: number }
	>();

	#keyedAll(all: readonly StoredHead[]): {
		keyed: KeyedEvent[];
		sorted: KeyedEvent[];
		rank?: Int32Array;
		maxSpanMs: number;
	} {
		let found = this.#keyedAllOf.get(all);
		if (!found) {
			found = timeOrdered(all.map((e) => this.#keyedOne(e)));
			this.#keyedAllOf.set(all, found);
		}
		return found;
	}

	/**
	 * Makes what the views' first build of new heads would make in one task, `budgetMs` at a
	 * time with `pause` between: the heads' keyed events with their actors numbered, all of them
	 * in time order, their domain, their lanes and the events in the window (an import of
	 * 100,000 events was drawn in one task of about 260 ms, about 100 of it these). The views
	 * find them made when the heads are handed over, in a task of its own.
	 */
	async prepareHeads(
		heads: readonly StoredHead[],
		pause: () => Promise<void>,
		budgetMs = 20
	): Promise<void> {
		const SLICE = 2000;
		let since = performance.now();
		const breathe = async (): Promise<void> => {
			if (performance.now() - since <= budgetMs) return;
			await pause();
			since = performance.now();
		};
		const keyed = new Array<KeyedEvent>(heads.length);
		let start = Infinity;
		let end = -Infinity;
		for (let from = 0; from < heads.length; from += SLICE) {
			const to = Math.min(heads.length, from + SLICE);
			for (let i = from; i < to; i++) {
				const k = this.#keyedOne(heads[i] as StoredHead);
				keyed[i] = k;
				if (k.startMs < start) start = k.startMs;
				if (k.endMs > end) end = k.endMs;
			}
			numberActors(keyed.slice(from, to));
			await breathe();
		}
		if (!this.#domainOf.has(heads))
			this.#domainOf.set(heads, dataDomain(heads.length ? { start, end } : undefined));
		if (!this.#keyedAllOf.has(heads)) this.#keyedAllOf.set(heads, timeOrdered(keyed));
		await breathe();
		// Their lanes, and those in the window (the whole domain, unless one was chosen), when the
		// timeline is to draw all of them (nothing filtered now).
		const made = this.#keyedAllOf.get(heads);
		if (made && this.#events() === this.#all() && !this.filterToHighlight) {
			this.#lanesOf(made.sorted);
			const domain = this.#domainOf.get(heads);
			if (!this.windowChosen && domain) this.#inWindow(made.sorted, made.maxSpanMs, domain);
		}
		// The views' build of them starts a task of its own.
		await pause();
	}

	/**
	 * A head's keyed event, made once and kept on the head (see `viewSlot`): a filter that keeps
	 * some events, then all again, and a write that changes one event, hand the views the same
	 * objects for the heads they had (heads are never changed in place; a new version is a new
	 * head).
	 */
	#keyedOne(e: StoredHead): KeyedEvent {
		const slotted = Object.hasOwn(e, viewSlot);
		const kept = this.#keptOf(e, slotted);
		if (kept) return kept;
		const k = new KeyedHead(e);
		if (slotted) e[viewSlot] = k;
		else this.#keyed.set(e, k);
		return k;
	}

	/** The keyed event made of this very head before, if any (`slotted`: the head has the slot). */
	#keptOf(e: StoredHead, slotted = Object.hasOwn(e, viewSlot)): KeyedHead | undefined {
		const kept = slotted ? e[viewSlot] : this.#keyed.get(e);
		return kept instanceof KeyedHead && kept.event === e ? kept : undefined;
	}

	/**
	 * The keyed events of heads made without a slot for them (see `viewSlot`): those of blocks
	 * written as text, and heads made by hand.
	 */
	readonly #keyed = new WeakMap<StoredHead, KeyedHead>();

	/**
	 * A stored head's key: the one its keyed event keeps, when the timeline has made it. A table
	 * of 16,834 rows keys every row on each new filter, and a key kept is neither built nor hashed
	 * again by the lookups it goes into.
	 */
	keyOf(head: StoredHead): EventKey {
		return this.#keptOf(head)?.key ?? eventKey(head);
	}

	/**
	 * Lookups built from one generation of events, once each, on the first question: kept by the
	 * events' array, so they go with it (a derived keeps its last value until it is read again,
	 * and with it every event of a generation long replaced).
	 */
	readonly #byKeyOf = new WeakMap<readonly KeyedEvent[], ReadonlyMap<EventKey, KeyedEvent>>();
	readonly #byActorOf = new WeakMap<
		readonly KeyedEvent[],
		ReadonlyMap<ActorId, readonly KeyedEvent[]>
	>();

	/** The events by key. */
	get byKey(): ReadonlyMap<EventKey, KeyedEvent> {
		const events = this.events;
		let found = this.#byKeyOf.get(events);
		if (!found) {
			found = indexBy(events, (e) => e.key);
			this.#byKeyOf.set(events, found);
		}
		return found;
	}

	/**
	 * Each actor's events among `events` (all, or those shown), in time order: built once per
	 * change of the data, on the first question, so an actor click does not read every event.
	 */
	#byActor(events: readonly KeyedEvent[]): ReadonlyMap<ActorId, readonly KeyedEvent[]> {
		let found = this.#byActorOf.get(events);
		if (!found) {
			found = eventsByActor(events);
			this.#byActorOf.set(events, found);
		}
		return found;
	}

	/** The longest span of any event, to find long events that began before a window. */
	readonly maxSpanMs: number = $derived.by(() => {
		const all = this.#all();
		// Nothing filtered: the generation's own, measured once with its keys.
		if (this.#events() === all) return this.#keyedAll(all).maxSpanMs;
		return this.events.reduce((m, e) => Math.max(m, e.endMs - e.startMs), 0);
	});

	/**
	 * Every event of the datasets shown when the filter leaves some out (the overview draws them
	 * behind those kept); undefined when nothing is filtered.
	 */
	readonly unfiltered: readonly StoredHead[] | undefined = $derived.by(() => {
		const all = this.#all();
		return all === this.#events() ? undefined : all;
	});

	/**
	 * The range the timeline may show: the extent of the data of the datasets shown (whatever the
	 * filter keeps) plus a margin.
	 */
	readonly domain: Span = $derived.by(() => {
		const all = this.#all();
		let domain = this.#domainOf.get(all);
		if (!domain) {
			let start = Infinity;
			let end = -Infinity;
			for (const e of all) {
				start = Math.min(start, e.startMs);
				end = Math.max(end, e.endMs);
			}
			domain = dataDomain(all.length ? { start, end } : undefined);
			this.#domainOf.set(all, domain);
		}
		return domain;
	});

	/**
	 * The domain of each generation of events, found once: a filter's answer changes the events
	 * kept, not every event, and reading all of them again (100,000) cost a keystroke 4–17 ms.
	 */
	readonly #domainOf = new WeakMap<readonly StoredHead[], Span>();

	/** Someone chose the window (a zoom, a pan, a preset, a link); otherwise it is the domain. */
	get windowChosen(): boolean {
		return this.#window !== undefined;
	}

	/** The visible window: the chosen one, kept inside the domain, or the whole domain. */
	readonly window: Span = $derived.by(() =>
		this.#window ? clampWindow(this.#window, this.domain) : this.domain
	);

	/**
	 * The window a link should keep: the visible one, or, with nothing shown (every dataset
	 * hidden), the one the user chose if any (the placeholder range is nobody's choice).
	 */
	readonly linkWindow: Span | undefined = $derived.by(() =>
		this.events.length === 0 ? this.#window : this.window
	);

	readonly highlight: Lit | undefined = $derived.by(() => this.#highlight());

	/** The actor the user chose, if any: the main timeline scrolls its lane into view. */
	readonly focusedActor: ActorId | undefined = $derived.by(() => this.#actor());

	/**
	 * Asks the main timeline to bring the focused actor's lane into view again, once it has drawn
	 * the window (lanes grow and shrink with what they stack there).
	 */
	laneRequests = $state(0);

	/**
	 * The main timeline has painted its first drawing (or could not load): a large first network
	 * graph waits for it, so that what a reader sees first is the timeline, not a blank page.
	 */
	painted = $state(false);

	/** The events drawn: all, or only the highlighted ones when the filter is on. */
	readonly shownEvents: KeyedEvent[] = $derived.by(() => {
		const lit = this.highlight;
		return this.filterToHighlight && lit ? this.events.filter((e) => lit.lights(e)) : this.events;
	});

	/**
	 * What the views show now, as stored events: the datasets shown, the highlight filter and the
	 * window, in the data's (chronological) order. "Export what is shown" exports exactly these.
	 */
	readonly shownInWindow: readonly StoredHead[] = $derived.by(() => this.shownIn(this.window));

	/** The events shown (datasets, actor filter) that overlap `window`, in time order. */
	shownIn(window: Span): readonly StoredHead[] {
		return this.#inWindow(this.shownEvents, this.maxSpanMs, window);
	}

	/**
	 * The last list of events in a window of each generation of events (`prepareHeads` makes it
	 * ahead), kept by the events: it goes with them, never holding a generation gone.
	 */
	readonly #inWindowOf = new WeakMap<
		readonly KeyedEvent[],
		{ start: number; end: number; out: readonly StoredHead[] }
	>();

	/** Those of `events` (in time order, none longer than `maxSpanMs`) that overlap `window`. */
	#inWindow(events: readonly KeyedEvent[], maxSpanMs: number, window: Span): readonly StoredHead[] {
		const { start, end } = window;
		const made = this.#inWindowOf.get(events);
		if (made?.start === start && made.end === end) return made.out;
		// Events are in time order: start from the first that may reach into the window.
		// The test is `overlaps`', inline: no span made for each of 100,000 events.
		const out: StoredHead[] = [];
		for (let i = firstStartingFrom(events, start - maxSpanMs); i < events.length; i++) {
			const e = events[i] as KeyedEvent;
			if (e.startMs >= end) break;
			// The events are the store's heads (see `events`): each is a stored head.
			if (e.endMs > start) out.push(e.event as StoredHead);
		}
		this.#inWindowOf.set(events, { start, end, out });
		return out;
	}

	readonly lanes: Lanes = $derived.by(() => this.#lanesOf(this.shownEvents));

	/**
	 * The lanes last built of each generation of events, and with what (`prepareHeads` builds
	 * them ahead of the views), kept by the events: they go with them.
	 */
	readonly #lanesMadeOf = new WeakMap<
		readonly KeyedEvent[],
		{
			grouping: Grouping;
			expandOthers: boolean;
			actors: ReadonlyMap<ActorId, Actor>;
			locale: string;
			lanes: Lanes;
		}
	>();

	/** The lanes of `events` with the grouping, the actors and the language of now. */
	#lanesOf(events: readonly KeyedEvent[]): Lanes {
		const actors = this.#actors();
		const { grouping, expandOthers } = this;
		const made = this.#lanesMadeOf.get(events);
		if (
			made?.grouping === grouping &&
			made.expandOthers === expandOthers &&
			made.actors === actors &&
			made.locale === t.locale
		)
			return made.lanes;
		const lanes = buildLanes(
			events,
			grouping,
			{
				actorName: (id) => actorName(actors, id),
				kind: (k) => t.eventKind[k],
				country: countryName,
				others: (n) => t.timeline.others(n),
				noActor: t.timeline.noActor,
				noPlace: t.timeline.noPlace,
				otherTags: (n) => t.legend.otherTags(n),
				noTag: t.legend.noTag,
				all: t.timeline.allEvents
			},
			{ expandOthers }
		);
		this.#lanesMadeOf.set(events, { grouping, expandOthers, actors, locale: t.locale, lanes });
		return lanes;
	}

	/** The events a cluster click opened, and the width of the window it opened them in. */
	#opened = $state.raw<{ keys: ReadonlySet<EventKey>; width: number } | undefined>(undefined);

	/**
	 * What the main timeline draws now: items and clusters for the window. Events a cluster
	 * click opened stay one by one until the window grows wider than the one they opened in.
	 */
	readonly items = $derived.by(() => {
		const opened = this.#opened;
		const open =
			opened && this.window.end - this.window.start <= opened.width * 1.001
				? opened.keys
				: undefined;
		return layoutItems(this.shownEvents, this.lanes, this.window, this.widthPx, this.maxSpanMs, {
			open,
			maxRows: rowsPerLane(this.lanes.lanes.length)
		});
	});

	/** Zooms to a cluster's members, drawn one by one there. */
	openCluster(cluster: ClusterItem): void {
		const target = clusterWindow(cluster);
		this.#opened = { keys: keySet(cluster.keys), width: target.end - target.start };
		this.setWindow(target, 'control');
	}

	readonly selected: KeyedEvent | undefined = $derived.by(() =>
		this.selectedKey === undefined ? undefined : this.byKey.get(this.selectedKey)
	);

	/** An actor of the data the views show, by id (undefined when no dataset has it). */
	actorOf(id: ActorId): Actor | undefined {
		return this.#actors().get(id);
	}

	/** Sets the window; `source` says who moved it, so that view does not echo it back. */
	setWindow(span: Span, source: WindowSource): void {
		this.windowSource = source;
		// With nothing shown (every dataset hidden, or none yet) the domain is a placeholder:
		// keep the window asked for, so showing the data again finds it (the getter clamps).
		this.#window = this.events.length === 0 ? span : clampWindow(span, this.domain);
	}

	zoom(factor: number, anchor?: number): void {
		this.setWindow(zoomWindow(this.window, factor, this.domain, anchor), 'control');
	}

	pan(fraction: number): void {
		this.setWindow(panWindow(this.window, fraction, this.domain), 'control');
	}

	/** A preset width around the selected event, or around the window's centre near events. */
	preset(preset: Preset): void {
		const selected = this.selected;
		const focus = selected
			? { selected: { start: selected.startMs, end: selected.endMs } }
			: { events: this.shownEvents.map((e) => ({ start: e.startMs, end: e.endMs })) };
		this.setWindow(presetWindow(this.window, preset, this.domain, focus), 'control');
	}

	/** The events (shown or not by the confidence filter) an actor takes part in, in time order. */
	eventsOfActor(id: ActorId): readonly KeyedEvent[] {
		return this.#byActor(this.events).get(id) ?? [];
	}

	/**
	 * Builds the lookups an actor click reads (each actor's events), so that the first click does
	 * not, for about `budgetMs` (at least a slice): true when they are built. The dashboard calls
	 * this when the page is idle after new data, again until it is done (all at once, at 100,000
	 * events, this was one task of about 110 ms).
	 */
	prepare(budgetMs = Infinity): boolean {
		const SLICE = 2000;
		const since = performance.now();
		for (const events of [this.events, this.shownEvents]) {
			if (this.#byActorOf.has(events)) continue;
			let built = this.#byActorBuilding.get(events);
			if (!built) {
				// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a lookup built once, read by clicks
				built = { out: new Map(), done: 0 };
				this.#byActorBuilding.set(events, built);
			}
			while (built.done < events.length) {
				const to = Math.min(events.length, built.done + SLICE);
				addEventsByActor(built.out, events, built.done, to);
				built.done = to;
				if (to < events.length && performance.now() - since > budgetMs) return false;
			}
			this.#byActorOf.set(events, built.out);
			this.#byActorBuilding.delete(events);
		}
		return true;
	}

	/**
	 * Each actor's events being gathered by `prepare`, and how many of them it has gone through:
	 * kept by the events they are gathered from (a generation replaced before they were done
	 * takes them along).
	 */
	readonly #byActorBuilding = new WeakMap<readonly KeyedEvent[], ByActorBuilt>();

	/** How many of the events shown an actor takes part in, in any window. */
	actorEventCount(id: ActorId): number {
		return this.#byActor(this.shownEvents).get(id)?.length ?? 0;
	}

	/** Shows every event shown that an actor takes part in; false when there is none. */
	fitActor(id: ActorId): boolean {
		const spans = (this.#byActor(this.shownEvents).get(id) ?? []).map((e) => ({
			start: e.startMs,
			end: e.endMs
		}));
		const window = fitSpans(spans, this.domain);
		if (!window) return false;
		this.setWindow(window, 'control');
		this.laneRequests += 1;
		return true;
	}

	/**
	 * Shows every event: the window follows the data's whole range from now on, so events still
	 * arriving (an import the views are taking in) are shown too, not only those there now.
	 */
	fit(): void {
		this.windowSource = 'control';
		this.#window = undefined;
	}

	recentre(instant: number, source: WindowSource): void {
		this.setWindow(recentreWindow(this.window, instant, this.domain), source);
	}

	/** Zooms to an event (or a cluster's extent) with room around it. */
	focus(span: Span): void {
		this.setWindow(focusWindow(span, this.domain), 'control');
	}

	/** The event after (or before) the selected one in time, among all shown events. */
	neighbour(direction: 1 | -1): KeyedEvent | undefined {
		const events = this.shownEvents;
		if (events.length === 0) return undefined;
		const index =
			this.selectedKey === undefined ? -1 : events.findIndex((e) => e.key === this.selectedKey);
		if (index === -1) return direction === 1 ? events[0] : events.at(-1);
		return events[index + direction];
	}

	/** Moves the window, if needed, so the event is in view; keeps the zoom where it fits. */
	bringIntoView(e: KeyedEvent): void {
		const w = this.window;
		if (e.startMs >= w.start && e.endMs <= w.end) return;
		if (e.endMs - e.startMs < (w.end - w.start) * 0.8) {
			this.recentre((e.startMs + e.endMs) / 2, 'control');
		} else {
			this.focus({ start: e.startMs, end: e.endMs });
		}
	}
}

/**
 * Rows a lane may stack before crowded events are aggregated: few lanes share the height, so
 * each may stack more (one lane: 8 rows; four or more: 3).
 */
export function rowsPerLane(lanes: number): number {
	return Math.max(3, Math.min(8, Math.floor(12 / Math.max(1, lanes))));
}
