/**
 * The actor graph of a time window: actors who take part in events overlapping the window,
 * joined by the events they share. Pure: the network view, the actor panel and the tests all
 * read it.
 */
import type { Span } from '../model/dates';
import {
	actorIdsOf,
	firstStartingFrom,
	overlaps,
	type EventKey,
	type KeyedEvent
} from '../model/events';
import type { ActorId, Confidence, RelationType } from '../model/schema';
import { CONFIDENCES, isDirected } from '../model/vocab';

export interface GraphNode {
	id: ActorId;
	/** Events in the window this actor takes part in. */
	events: number;
}

/** One typed relation on an edge, counted over the window's events. */
export interface EdgeRelation {
	type: RelationType;
	source: ActorId;
	target: ActorId;
	directed: boolean;
	/** How many of the window's events evidence it. */
	count: number;
}

export interface GraphEdge {
	/** `a` and `b` in a stable order (a < b), whatever the relations' direction. */
	id: string;
	a: ActorId;
	b: ActorId;
	/** The number of events in the window the two share. */
	weight: number;
	/** Those events, by key, in chronological order. */
	eventKeys: EventKey[];
	/**
	 * Those events themselves, in the same order: a panel reads their dates and titles from here,
	 * with no lookup of every event by key (built on the first click: 0.3 s at 1,000,000).
	 */
	events: KeyedEvent[];
	/**
	 * The first and the last of those events, without listing the rest (a panel's span of 40
	 * links listed their events, thousands each, on an actor's first click); see `edgeEnds`.
	 */
	ends?(): readonly [KeyedEvent, KeyedEvent] | undefined;
	relations: EdgeRelation[];
	/** The strongest confidence among those events: a link is as sure as its best evidence. */
	confidence: Confidence;
}

/** A link's first and last events in time, or undefined when it has none (any longer). */
export function edgeEnds(edge: GraphEdge): readonly [KeyedEvent, KeyedEvent] | undefined {
	if (edge.ends) return edge.ends();
	const first = edge.events[0];
	const last = edge.events.at(-1);
	return first && last ? [first, last] : undefined;
}

/**
 * The rank of a confidence, 0 the strongest: the order of `CONFIDENCES` (confirmed, reported,
 * then weaker claims, denied last).
 */
export const confidenceRank = (c: Confidence): number => CONFIDENCES.indexOf(c);

/** The stronger of two confidences. */
export const strongerConfidence = (p: Confidence, q: Confidence): Confidence =>
	confidenceRank(q) < confidenceRank(p) ? q : p;

/** Confidences that do not make a link sure: one party's word, or a party's denial. */
const WEAK: ReadonlySet<Confidence> = new Set<Confidence>(['claimed', 'denied']);

/** True when every event of the edge is only claimed or denied: the link is drawn as doubtful. */
export const restsOnClaims = (edge: Pick<GraphEdge, 'confidence'>): boolean =>
	WEAK.has(edge.confidence);

export interface ActorGraph {
	nodes: GraphNode[];
	edges: GraphEdge[];
}

/** Actor numbers in a window stay below this, so two make one exact number (up to 2^53). */
const PAIR_BASE = 2 ** 26;

export const edgeId = (x: ActorId, y: ActorId) => (x < y ? `${x}\u001f${y}` : `${y}\u001f${x}`);

/**
 * Builds the graph for a window. `events` must be sorted by `startMs`; `maxSpanMs` is the
 * longest span among them (to find long events that began before the window).
 */
export function buildGraph(
	events: readonly KeyedEvent[],
	window: Span,
	maxSpanMs = Infinity
): ActorGraph {
	const eventCount = new Map<ActorId, number>();
	// Links by a number made of their two actors' numbers: building a string id for every pair of
	// every event costs more than the rest of the graph (the string id is made once per link).
	const numberOf = new Map<ActorId, number>();
	const edges = new Map<number, GraphEdge>();
	const relationIndex = new Map<string, EdgeRelation>();
	const earliest = window.start - maxSpanMs;
	// Skip the events that end before the window began, by their start (events are in order).
	for (let k = firstStartingFrom(events, earliest); k < events.length; k++) {
		const e = events[k] as KeyedEvent;
		if (e.startMs >= window.end) break;
		if (!overlaps({ start: e.startMs, end: e.endMs }, window)) continue;
		const ids = actorIdsOf(e.event);
		const numbers: number[] = [];
		for (const id of ids) {
			eventCount.set(id, (eventCount.get(id) ?? 0) + 1);
			let n = numberOf.get(id);
			if (n === undefined) numberOf.set(id, (n = numberOf.size));
			numbers.push(n);
		}
		for (let i = 0; i < ids.length; i++) {
			for (let j = i + 1; j < ids.length; j++) {
				const x = ids[i] as ActorId;
				const y = ids[j] as ActorId;
				const nx = numbers[i] as number;
				const ny = numbers[j] as number;
				const pair = nx < ny ? nx * PAIR_BASE + ny : ny * PAIR_BASE + nx;
				let edge = edges.get(pair);
				if (!edge) {
					const [a, b] = x < y ? [x, y] : [y, x];
					const confidence = e.event.confidence;
					edge = {
						id: edgeId(a, b),
						a,
						b,
						weight: 0,
						eventKeys: [],
						events: [],
						relations: [],
						confidence
					};
					edges.set(pair, edge);
				}
				edge.confidence = strongerConfidence(edge.confidence, e.event.confidence);
				edge.weight++;
				edge.eventKeys.push(e.key);
				edge.events.push(e);
			}
		}
		for (const r of e.event.relations) {
			const directed = isDirected(r);
			const [source, target] =
				directed || r.source < r.target ? [r.source, r.target] : [r.target, r.source];
			const key = `${edgeId(source, target)}\u001f${r.type}\u001f${directed ? `${source}>` : '='}`;
			const found = relationIndex.get(key);
			if (found) {
				found.count++;
				continue;
			}
			const relation: EdgeRelation = { type: r.type, source, target, directed, count: 1 };
			relationIndex.set(key, relation);
			const ns = numberOf.get(source);
			const nt = numberOf.get(target);
			if (ns === undefined || nt === undefined) continue;
			edges.get(ns < nt ? ns * PAIR_BASE + nt : nt * PAIR_BASE + ns)?.relations.push(relation);
		}
	}
	const nodes = [...eventCount].map(([id, events]) => ({ id, events }));
	nodes.sort((p, q) => q.events - p.events || (p.id < q.id ? -1 : 1));
	const edgeList = [...edges.values()];
	for (const edge of edgeList)
		edge.relations.sort((p, q) => q.count - p.count || p.type.localeCompare(q.type));
	return { nodes, edges: edgeList };
}

export interface Connection {
	/** The other actor. */
	actor: ActorId;
	edge: GraphEdge;
}

/** An actor's connections in the graph, the heaviest first (then by the other actor's name). */
export function connectionsOf(
	graph: ActorGraph,
	actor: ActorId,
	nameOf: (id: ActorId) => string = (id) => id
): Connection[] {
	const list: Connection[] = [];
	for (const edge of graph.edges) {
		if (edge.a === actor) list.push({ actor: edge.b, edge });
		else if (edge.b === actor) list.push({ actor: edge.a, edge });
	}
	return list.sort(
		(p, q) => q.edge.weight - p.edge.weight || nameOf(p.actor).localeCompare(nameOf(q.actor))
	);
}

/** The ego network: the actor and its neighbours, and the edges among them touching the actor. */
export function egoNetwork(
	graph: ActorGraph,
	actor: ActorId
): { nodes: Set<ActorId>; edges: Set<string> } {
	const nodes = new Set<ActorId>([actor]);
	const edgeIds = new Set<string>();
	for (const edge of graph.edges) {
		if (edge.a === actor || edge.b === actor) {
			nodes.add(edge.a);
			nodes.add(edge.b);
			edgeIds.add(edge.id);
		}
	}
	return { nodes, edges: edgeIds };
}

/** Each actor's events (participant or party to a relation), in the events' order. */
export function eventsByActor<E extends KeyedEvent>(
	events: readonly E[]
): ReadonlyMap<ActorId, readonly E[]> {
	return addEventsByActor(new Map<ActorId, E[]>(), events, 0, events.length);
}

/**
 * Adds `events[from..to)` to each of their actors' lists in `out` (so a long list can be gone
 * through a slice at a time, in order): `out`.
 */
export function addEventsByActor<E extends KeyedEvent>(
	out: Map<ActorId, E[]>,
	events: readonly E[],
	from: number,
	to: number
): Map<ActorId, E[]> {
	for (let i = from; i < to; i++) {
		const e = events[i] as E;
		for (const id of actorIdsOf(e.event)) {
			const list = out.get(id);
			if (list) list.push(e);
			else out.set(id, [e]);
		}
	}
	return out;
}

/** A set of keys, as a read-only set. */
export function keySet<K>(keys: readonly K[]): ReadonlySet<K> {
	return new Set(keys);
}
