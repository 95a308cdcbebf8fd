/**
 * The actor graph of a window, built from columns of numbers: what the graph worker holds and
 * answers from. The page turns its events into columns once per change of the data
 * (`graphColumns`), hands them to the worker (their buffers move, nothing is copied), and each
 * window's graph comes back as numbers too (`graphOfColumns`), which the page turns into the
 * graph the views read (`columnGraph`), each link's events decoded only when asked for. Pure:
 * the tests check it against `buildGraph`, link for link.
 */
import type { Span } from '../model/dates';
import { actorIdsOf, type EventKey, type KeyedEvent } from '../model/events';
import type { ActorId, Confidence, RelationType } from '../model/schema';
import { CONFIDENCES, isDirected } from '../model/vocab';
import { edgeId, type ActorGraph, type EdgeRelation, type GraphEdge } from './graph';

/** The events as the graph needs them, one entry per event in the events' (time) order. */
export interface GraphColumns {
	startMs: Float64Array;
	endMs: Float64Array;
	/** The index of the event's confidence in `CONFIDENCES` (0 the strongest). */
	confidence: Uint8Array;
	/** Event i's actors are `actors[actorStart[i]]` up to `actors[actorStart[i + 1]]`. */
	actorStart: Uint32Array;
	/** Actor numbers: indexes into `actorIds`, in `actorIdsOf` order. */
	actors: Uint32Array;
	/** Event i's relations are `relations[4r…4r+3]` for r from `relationStart[i]`. */
	relationStart: Uint32Array;
	/** Per relation: type number (into `types`), source and target actor numbers, directed (0/1). */
	relations: Uint32Array;
	/** The longest span of any event (to find long events that began before a window). */
	maxSpanMs: number;
}

/** What stays on the page: the names behind the numbers. */
export interface GraphNames {
	actorIds: ActorId[];
	types: RelationType[];
}

/** The events as columns, and the names their numbers stand for. */
export function graphColumns(
	events: readonly KeyedEvent[],
	maxSpanMs: number
): { columns: GraphColumns; names: GraphNames } {
	const steps = graphColumnSteps(events, maxSpanMs);
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
	}
}

/** Events between the pauses of {@link graphColumnSteps}: a few milliseconds' work. */
const STEP_EVENTS = 2000;

/**
 * {@link graphColumns} a few thousand events at a time: it pauses (yields) between them, so a
 * caller can let the page draw and answer input while 100,000 events are made columns (0.1 s).
 */
export function* graphColumnSteps(
	events: readonly KeyedEvent[],
	maxSpanMs: number
): Generator<void, { columns: GraphColumns; names: GraphNames }> {
	const n = events.length;
	const numberOf = new Map<ActorId, number>();
	const actorIds: ActorId[] = [];
	const typeOf = new Map<RelationType, number>();
	const types: RelationType[] = [];
	const actorOf = (id: ActorId) => {
		let k = numberOf.get(id);
		if (k === undefined) {
			k = actorIds.length;
			numberOf.set(id, k);
			actorIds.push(id);
		}
		return k;
	};
	const startMs = new Float64Array(n);
	const endMs = new Float64Array(n);
	const confidence = new Uint8Array(n);
	const actorStart = new Uint32Array(n + 1);
	const relationStart = new Uint32Array(n + 1);
	const actors: number[] = [];
	const relations: number[] = [];
	for (let i = 0; i < n; i++) {
		if (i > 0 && i % STEP_EVENTS === 0) yield;
		const e = events[i] as KeyedEvent;
		startMs[i] = e.startMs;
		endMs[i] = e.endMs;
		confidence[i] = CONFIDENCES.indexOf(e.event.confidence);
		actorStart[i] = actors.length;
		for (const id of actorIdsOf(e.event)) actors.push(actorOf(id));
		relationStart[i] = relations.length / 4;
		for (const r of e.event.relations) {
			let type = typeOf.get(r.type);
			if (type === undefined) {
				type = types.length;
				typeOf.set(r.type, type);
				types.push(r.type);
			}
			relations.push(type, actorOf(r.source), actorOf(r.target), isDirected(r) ? 1 : 0);
		}
	}
	actorStart[n] = actors.length;
	relationStart[n] = relations.length / 4;
	return {
		columns: {
			startMs,
			endMs,
			confidence,
			actorStart,
			actors: Uint32Array.from(actors),
			relationStart,
			relations: Uint32Array.from(relations),
			maxSpanMs
		},
		names: { actorIds, types }
	};
}

/** The buffers of columns or an answer: what a message to or from the worker moves. */
export function buffersOf(value: object): ArrayBuffer[] {
	return Object.values(value).flatMap((v: unknown) =>
		ArrayBuffer.isView(v) ? [v.buffer as ArrayBuffer] : []
	);
}

/**
 * A window's graph in numbers. Nodes by actor number with their event counts, the busiest
 * first; links by their two actor numbers (`a` the one whose id sorts first), their weight and
 * strongest confidence, their events as event indexes, and their relations.
 */
export interface GraphAnswer {
	nodeActors: Uint32Array;
	nodeEvents: Uint32Array;
	edgeA: Uint32Array;
	edgeB: Uint32Array;
	edgeConfidence: Uint8Array;
	/** Link j's events are `edgeEvents[edgeEventStart[j]]` up to `[edgeEventStart[j + 1]]`. */
	edgeEventStart: Uint32Array;
	edgeEvents: Uint32Array;
	/** Link j's relations are `edgeRelations[5r…5r+4]` for r from `edgeRelationStart[j]`. */
	edgeRelationStart: Uint32Array;
	/** Per relation: type, source, target, directed (0/1), count. */
	edgeRelations: Uint32Array;
}

/** Actor numbers stay below this, so two make one exact number (up to 2^53). */
const PAIR_BASE = 2 ** 26;

/** The first event that starts at or after `ms` (the events are in time order). */
function firstFrom(startMs: Float64Array, ms: number): number {
	let lo = 0;
	let hi = startMs.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if ((startMs[mid] as number) < ms) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/**
 * The graph of a window, as `buildGraph` makes it, in numbers. `idOrder` ranks the actor
 * numbers by id, so links and relations orient and nodes tie-break as `buildGraph` does. With
 * `kept`, only the events marked there (1 at their index) count: the graph of those events,
 * with the links' events still numbered among all.
 */
export function graphOfColumns(
	c: GraphColumns,
	idOrder: Uint32Array,
	window: Span,
	kept?: Uint8Array
): GraphAnswer {
	const nodeCount = new Map<number, number>();
	interface Link {
		a: number;
		b: number;
		confidence: number;
		events: number[];
		relations: Map<string, number[]>;
	}
	const links = new Map<number, Link>();
	const earliest = window.start - c.maxSpanMs;
	const n = c.startMs.length;
	for (let k = firstFrom(c.startMs, earliest); k < n; k++) {
		const start = c.startMs[k] as number;
		if (start >= window.end) break;
		if (!(start < window.end && (c.endMs[k] as number) > window.start)) continue;
		if (kept && kept[k] !== 1) continue;
		const from = c.actorStart[k] as number;
		const to = c.actorStart[k + 1] as number;
		for (let i = from; i < to; i++) {
			const x = c.actors[i] as number;
			nodeCount.set(x, (nodeCount.get(x) ?? 0) + 1);
		}
		const confidence = c.confidence[k] as number;
		for (let i = from; i < to; i++) {
			for (let j = i + 1; j < to; j++) {
				const x = c.actors[i] as number;
				const y = c.actors[j] as number;
				const pair = x < y ? x * PAIR_BASE + y : y * PAIR_BASE + x;
				let link = links.get(pair);
				if (!link) {
					const [a, b] = (idOrder[x] as number) < (idOrder[y] as number) ? [x, y] : [y, x];
					link = { a, b, confidence, events: [], relations: new Map() };
					links.set(pair, link);
				}
				if (confidence < link.confidence) link.confidence = confidence;
				link.events.push(k);
			}
		}
		const rFrom = c.relationStart[k] as number;
		const rTo = c.relationStart[k + 1] as number;
		for (let r = rFrom; r < rTo; r++) {
			const type = c.relations[4 * r] as number;
			const s = c.relations[4 * r + 1] as number;
			const t = c.relations[4 * r + 2] as number;
			const directed = c.relations[4 * r + 3] as number;
			const [source, target] =
				directed || (idOrder[s] as number) < (idOrder[t] as number) ? [s, t] : [t, s];
			const key = `${source} ${target} ${type} ${directed}`;
			const link = links.get(
				source < target ? source * PAIR_BASE + target : target * PAIR_BASE + source
			);
			// Never missing: a relation's two actors take part in its event, so their link exists.
			if (!link) continue;
			const found = link.relations.get(key);
			if (found) found[4] = (found[4] as number) + 1;
			else link.relations.set(key, [type, source, target, directed, 1]);
		}
	}
	const nodes = [...nodeCount].sort(
		(p, q) => q[1] - p[1] || (idOrder[p[0]] as number) - (idOrder[q[0]] as number)
	);
	const list = [...links.values()];
	const edgeEventStart = new Uint32Array(list.length + 1);
	const edgeRelationStart = new Uint32Array(list.length + 1);
	let events = 0;
	let relations = 0;
	list.forEach((l, j) => {
		edgeEventStart[j] = events;
		edgeRelationStart[j] = relations;
		events += l.events.length;
		relations += l.relations.size;
	});
	edgeEventStart[list.length] = events;
	edgeRelationStart[list.length] = relations;
	const edgeEvents = new Uint32Array(events);
	const edgeRelations = new Uint32Array(relations * 5);
	list.forEach((l, j) => {
		edgeEvents.set(l.events, edgeEventStart[j]);
		let r = edgeRelationStart[j] as number;
		for (const rel of l.relations.values()) edgeRelations.set(rel, 5 * r++);
	});
	return {
		nodeActors: Uint32Array.from(nodes, (p) => p[0]),
		nodeEvents: Uint32Array.from(nodes, (p) => p[1]),
		edgeA: Uint32Array.from(list, (l) => l.a),
		edgeB: Uint32Array.from(list, (l) => l.b),
		edgeConfidence: Uint8Array.from(list, (l) => l.confidence),
		edgeEventStart,
		edgeEvents,
		edgeRelationStart,
		edgeRelations
	};
}

/** Each actor number's rank among the actor ids (for `graphOfColumns`). */
export function idOrderOf(names: GraphNames): Uint32Array {
	const order = names.actorIds
		.map((id, i) => [id, i] as const)
		.sort((p, q) => (p[0] < q[0] ? -1 : 1));
	const rank = new Uint32Array(names.actorIds.length);
	order.forEach(([, i], r) => (rank[i] = r));
	return rank;
}

/**
 * Where a graph's links read their events: `eventOf` gives the event at an index, and `found`
 * keeps what each link listed once read. Whoever hands graphs out can let a generation go by
 * emptying both (see `GraphService`): a link kept by a view's leftovers (a derived value nobody
 * reads keeps its last one) then keeps none of its events, listed or not.
 */
export interface LinkSource {
	eventOf: (index: number) => KeyedEvent | undefined;
	found: WeakMap<GraphEdge, { events: KeyedEvent[]; keys?: EventKey[] }>;
}

/** A link of an answer: its events (and their keys) are found when first read. */
class ColumnEdge implements GraphEdge {
	readonly id: string;
	readonly a: ActorId;
	readonly b: ActorId;
	readonly weight: number;
	readonly relations: EdgeRelation[];
	confidence: Confidence;
	readonly #events: Uint32Array;
	readonly #source: LinkSource;

	constructor(
		a: ActorId,
		b: ActorId,
		confidence: Confidence,
		relations: EdgeRelation[],
		events: Uint32Array,
		source: LinkSource
	) {
		this.id = edgeId(a, b);
		this.a = a;
		this.b = b;
		this.weight = events.length;
		this.confidence = confidence;
		this.relations = relations;
		this.#events = events;
		this.#source = source;
	}

	#listed(): { events: KeyedEvent[]; keys?: EventKey[] } {
		let listed = this.#source.found.get(this);
		if (!listed) {
			const events: KeyedEvent[] = [];
			for (const i of this.#events) {
				const e = this.#source.eventOf(i);
				if (e) events.push(e);
			}
			listed = { events };
			this.#source.found.set(this, listed);
		}
		return listed;
	}

	ends(): readonly [KeyedEvent, KeyedEvent] | undefined {
		// Once listed, from the list; else only the two events are read.
		const listed = this.#source.found.get(this)?.events;
		const n = this.#events.length;
		if (!listed && n === 0) return undefined;
		const first = listed ? listed[0] : this.#source.eventOf(this.#events[0] as number);
		const last = listed ? listed.at(-1) : this.#source.eventOf(this.#events[n - 1] as number);
		return first && last ? [first, last] : undefined;
	}

	/** The link's events; none once their generation is let go (see `LinkSource`). */
	get events(): KeyedEvent[] {
		return this.#listed().events;
	}

	get eventKeys(): EventKey[] {
		const listed = this.#listed();
		listed.keys ??= listed.events.map((e) => e.key);
		return listed.keys;
	}
}

/** The graph the views read, from an answer; its links read their events from `events`. */
export function columnGraph(
	answer: GraphAnswer,
	names: GraphNames,
	events: LinkSource | ((index: number) => KeyedEvent | undefined)
): ActorGraph {
	const source: LinkSource =
		typeof events === 'function' ? { eventOf: events, found: new WeakMap() } : events;
	const id = (k: number) => names.actorIds[k] as ActorId;
	const nodes = Array.from(answer.nodeActors, (k, i) => ({
		id: id(k),
		events: answer.nodeEvents[i] as number
	}));
	const edges: GraphEdge[] = [];
	for (let j = 0; j < answer.edgeA.length; j++) {
		const relations: EdgeRelation[] = [];
		for (
			let r = answer.edgeRelationStart[j] as number;
			r < (answer.edgeRelationStart[j + 1] as number);
			r++
		) {
			const v = answer.edgeRelations.subarray(5 * r, 5 * r + 5);
			relations.push({
				type: names.types[v[0] as number] as RelationType,
				source: id(v[1] as number),
				target: id(v[2] as number),
				directed: v[3] === 1,
				count: v[4] as number
			});
		}
		relations.sort((p, q) => q.count - p.count || p.type.localeCompare(q.type));
		edges.push(
			new ColumnEdge(
				id(answer.edgeA[j] as number),
				id(answer.edgeB[j] as number),
				CONFIDENCES[answer.edgeConfidence[j] as number] as Confidence,
				relations,
				answer.edgeEvents.subarray(answer.edgeEventStart[j], answer.edgeEventStart[j + 1]),
				source
			)
		);
	}
	return { nodes, edges };
}
