/**
 * The actor network's state: the graph of the time window (recomputed at most once per
 * animation frame as the window moves), the selected actor or edge, what the timeline should
 * highlight because of them, the colours and their key, and a handle on the drawing (for its
 * picture).
 */
import { countryName, t } from '../i18n';
import type { Span } from '../model/dates';
import type { ActorId } from '../model/schema';
import { ACTOR_KINDS } from '../model/vocab';
import {
	buildGraph,
	connectionsOf,
	restsOnClaims,
	egoNetwork,
	keySet,
	type ActorGraph,
	type GraphEdge
} from '../graph/graph';
import { countryPalette } from '../graph/colours';
import type { GraphService } from '../graph/graph-client';
import { involves, type KeyedEvent, type Lit } from '../model/events';
import type { TimelineState } from './timeline.svelte';

export type ColorBy = 'kind' | 'country';

/** One entry of the colour key: what a colour means under the current colour-by. */
export interface LegendItem {
	/** Stable across redraws (an actor kind, a country code, or `other`). */
	key: string;
	label: string;
	/** A CSS colour; kinds use the theme's variables, so a picture must resolve it first. */
	colour: string;
	/** A kind of line rather than a fill: links drawn dashed. */
	line?: 'dashed';
}

/**
 * The most actors the drawing shows at once. A window of a large database may hold thousands of
 * actors and a hundred thousand links: drawn, that is neither readable nor fast. The busiest are
 * drawn (with the selection always among them) and the view says how many are left out; the
 * panels still count every actor and link of the window.
 */
export const MAX_DRAWN_ACTORS = 100;
/** The most links drawn: the heaviest among the drawn actors (and the selected ones). */
export const MAX_DRAWN_LINKS = 800;
/**
 * At the reader's request ("Draw all"), the drawing goes on a canvas, laid out by a worker, and
 * shows up to this many actors and links: past them, the busiest and heaviest, saying so.
 */
export const MAX_ALL_ACTORS = 5000;
export const MAX_ALL_LINKS = 50_000;
/**
 * Past this many links drawn, links are drawn a few paths at a time (see `batchLinks`) instead
 * of an element each: the layout rewrites every link on each of its ticks. Below it, each link
 * is its own element with its own name for assistive technology.
 */
export const BATCH_LINKS = 150;
/**
 * A graph this large (links in the window) is rebuilt only once the window rests, not on every
 * frame of a zoom: building it takes longer than a frame.
 */
export const LARGE_GRAPH_LINKS = 3000;
/**
 * A drawing of more links than this is drawn again only once the window rests, as a large graph
 * is: drawing it costs more than a frame (at 10,000 events, the 800 links and 100 actors drawn
 * took about 15 ms of each wheel step of a zoom, with the browser's work after). A smaller one
 * follows the window frame by frame.
 */
export const LIVE_DRAWN_LINKS = 300;
/** How long the window must rest before a large graph, or a large drawing, is made again. */
export const SETTLE_MS = 150;

/** Up to this many events, the first graph is built with the first paint (it costs little). */
const FIRST_GRAPH_EVENTS = 5000;
/** Past this many events, graphs are built by the graph worker (when there is one), off the page. */
export const WORKER_GRAPH_EVENTS = 1000;

/**
 * What the graph worker is asked: the events (a new list sends them again), which of them count
 * (marks, when the filter keeps some; undefined: all) and the window.
 */
export interface GraphQuery {
	events: readonly KeyedEvent[];
	kept?: Uint8Array;
	maxSpanMs: number;
	window: Span;
}

const EMPTY_GRAPH: ActorGraph = { nodes: [], edges: [] };

/** What the network draws of the window's graph, and how much it leaves out. */
export interface DrawnGraph {
	nodes: ActorGraph['nodes'];
	edges: ActorGraph['edges'];
	/** Actors of the window not drawn. */
	hiddenActors: number;
	/** Links of the window not drawn. */
	hiddenLinks: number;
}

/** The fill of actors whose country has no colour of its own (or no country). */
const OTHER_COLOUR = 'var(--text-3)';

/** Runs a callback before the next paint; returns a cancel. Tests hand in their own. */
export type FrameScheduler = (callback: () => void) => () => void;

const animationFrame: FrameScheduler = (callback) => {
	const id = requestAnimationFrame(callback);
	return () => cancelAnimationFrame(id);
};

/** What the network reads of the actors, reactively. */
export interface NetworkActors {
	nameOf: (id: ActorId) => string;
	/** False once the actor is gone (its dataset deleted). */
	has: (id: ActorId) => boolean;
}

/** The canvas drawing of every actor, as a picture sees it. */
export interface CanvasDrawing {
	/** The canvas on the page (where the view shows its legend). */
	element: HTMLCanvasElement;
	/**
	 * The last drawing painted again on a new canvas, `scale` times the view's size, without the
	 * keyboard's focus ring; undefined until a drawing has been made.
	 */
	paint(scale: number): { canvas: HTMLCanvasElement; width: number; height: number } | undefined;
}

export class NetworkState {
	readonly #tl: TimelineState;
	readonly #nameOf: (id: ActorId) => string;
	readonly #hasActor: (id: ActorId) => boolean;
	readonly #schedule: FrameScheduler;
	selectedActor = $state<ActorId | undefined>(undefined);
	selectedEdge = $state<string | undefined>(undefined);
	colorBy = $state<ColorBy>('kind');
	/** The reader asked for every actor of the window (up to {@link MAX_ALL_ACTORS}), on a canvas. */
	drawAll = $state(false);
	/** The window the graph was last built for; follows the timeline's once per frame. */
	#frameWindow = $state.raw<Span | undefined>(undefined);
	#cancelFrame: (() => void) | undefined;

	readonly #graphs: GraphService | undefined;

	constructor(
		tl: TimelineState,
		actors: NetworkActors,
		schedule: FrameScheduler = animationFrame,
		graphs?: GraphService
	) {
		this.#tl = tl;
		this.#nameOf = actors.nameOf;
		this.#hasActor = actors.has;
		this.#schedule = schedule;
		this.#graphs = graphs;
	}

	/** The selected actor, if it still exists (a dataset may have been deleted since). */
	readonly actor: ActorId | undefined = $derived.by(() =>
		this.selectedActor !== undefined && this.#hasActor(this.selectedActor)
			? this.selectedActor
			: undefined
	);

	/**
	 * Call when the timeline's window moves: the graph catches up on the next frame, or, when it
	 * or its drawing is large, once the window has rested for {@link SETTLE_MS}.
	 */
	windowMoved(): void {
		if (this.#lastLinks > LARGE_GRAPH_LINKS || this.#lastDrawnLinks > LIVE_DRAWN_LINKS) {
			this.#cancelFrame?.();
			const timer = setTimeout(() => {
				this.#cancelFrame = undefined;
				this.#frameWindow = this.#tl.window;
			}, SETTLE_MS);
			this.#cancelFrame = () => clearTimeout(timer);
			return;
		}
		if (this.#cancelFrame) return;
		this.#cancelFrame = this.#schedule(() => {
			this.#cancelFrame = undefined;
			this.#frameWindow = this.#tl.window;
		});
	}

	/**
	 * Brings the graph to the timeline's window at once: the dashboard calls it when the graph
	 * is looked at again after the window moved while nobody was (the table's tab was open).
	 */
	catchUp(): void {
		this.#cancelFrame?.();
		this.#cancelFrame = undefined;
		const w = this.#tl.window;
		const f = this.#frameWindow;
		if (!f || f.start !== w.start || f.end !== w.end) this.#frameWindow = w;
	}

	readonly window: Span = $derived.by(() => this.#frameWindow ?? this.#tl.window);

	/**
	 * The window's graph. With many events it is built only once the first window has been
	 * reported (`windowMoved`, on the frame after), so the timeline paints first and a large
	 * graph never delays it; a small one is built at once.
	 */
	readonly graph: ActorGraph = $derived.by(() => {
		// Many events: the graph worker's last answer (see `ask`).
		if (this.#viaWorker) return this.#answer?.graph ?? EMPTY_GRAPH;
		const small = this.#tl.events.length <= FIRST_GRAPH_EVENTS;
		// A large graph waits for the timeline's first paint: the reader sees the timeline first.
		if (!small && !this.#tl.painted) return EMPTY_GRAPH;
		const window = this.#frameWindow ?? (small ? this.#tl.window : undefined);
		const graph =
			window === undefined ? EMPTY_GRAPH : buildGraph(this.#tl.events, window, this.#tl.maxSpanMs);
		this.#lastLinks = graph.edges.length;
		return graph;
	});

	/**
	 * How many links the last graph built had: whether the next one waits for the window to rest.
	 * Read without building a graph nobody shows (the table's tab may be open).
	 */
	#lastLinks = 0;

	/** The graph worker builds the graphs: there is one, and many events. */
	readonly #viaWorker: boolean = $derived.by(
		() => this.#graphs !== undefined && this.#tl.events.length > WORKER_GRAPH_EVENTS
	);

	/** The worker's last answer, and the events (and marks) it was built from. */
	#answer = $state.raw<
		{ graph: ActorGraph; events: readonly KeyedEvent[]; kept: Uint8Array | undefined } | undefined
	>(undefined);

	/** Whether the worker's last answer is of the data shown now. */
	#answerIsCurrent(): boolean {
		const source = this.#tl.graphSource;
		return this.#answer?.events === source.events && this.#answer.kept === source.kept;
	}

	/**
	 * What the graph worker should answer now, when it builds the graphs: the events and the
	 * window, once the timeline has painted (see `graph`). The dashboard passes it to `ask` while
	 * someone looks at the graph.
	 */
	readonly graphQuery: GraphQuery | undefined = $derived.by(() => {
		if (!this.#viaWorker || !this.#tl.painted) return undefined;
		const window = this.#frameWindow;
		if (window === undefined) return undefined;
		const { events, kept, maxSpanMs } = this.#tl.graphSource;
		return { events, ...(kept ? { kept } : {}), maxSpanMs, window };
	});

	#sent: readonly KeyedEvent[] | undefined;
	/** The latest question, and the timer that hands new data to the worker. */
	#latest: GraphQuery | undefined;
	#handover: ReturnType<typeof setTimeout> | undefined;

	/**
	 * Asks the graph worker for a window's graph; the answer becomes `graph` unless a newer
	 * question replaced it. New data goes to the worker in a task of its own (making its columns
	 * takes 0.1 s at 100,000 events), not in the one that paints the timeline. Should the worker
	 * fail, the graph is built on the page.
	 */
	ask(query: GraphQuery | undefined): void {
		const graphs = this.#graphs;
		// What the page holds of the worker's data: its last answer, or the events sent to it.
		const held = this.#answer !== undefined || this.#sent !== undefined;
		const current = () =>
			this.#answer ? this.#answerIsCurrent() : this.#sent === this.#tl.graphSource.events;
		if (!query && held && (!this.#viaWorker || !current())) {
			// Few events now (datasets hidden or deleted), or other data while nobody looks: let
			// the last large graph, and the events its links point into, go (the worker's copy too).
			this.#answer = undefined;
			this.#sent = undefined;
			this.#latest = undefined;
			this.#asked = undefined;
			clearTimeout(this.#handover);
			this.#handover = undefined;
			graphs?.forget();
		}
		if (!query || !graphs) return;
		this.#latest = query;
		if (query.events !== this.#sent) {
			this.#sent = query.events;
			clearTimeout(this.#handover);
			this.#handover = setTimeout(() => {
				this.#handover = undefined;
				const latest = this.#latest ?? query;
				graphs.setData(latest.events, latest.maxSpanMs);
				this.#question(graphs, latest);
			}, 0);
			return;
		}
		if (this.#handover === undefined) this.#question(graphs, query);
	}

	/**
	 * The last question put to the worker: the same question again (the graph's tab shown again,
	 * nothing changed) is not put, its answer is the graph already shown or on its way. Asked
	 * again, the worker built the same graph, and it arrived in the middle of a first click.
	 */
	#asked: GraphQuery | undefined;

	#question(graphs: GraphService, query: GraphQuery): void {
		const asked = this.#asked;
		if (
			asked &&
			asked.events === query.events &&
			asked.kept === query.kept &&
			asked.window.start === query.window.start &&
			asked.window.end === query.window.end
		)
			return;
		this.#asked = query;
		graphs.graph(query.window, query.kept).then(
			(graph) => {
				if (!graph) {
					// No answer, and none is coming unless a newer question was put: ask again.
					if (this.#asked === query) this.#asked = undefined;
					return;
				}
				this.#lastLinks = graph.edges.length;
				this.#answer = { graph, events: query.events, kept: query.kept };
			},
			() => {
				const events = query.kept
					? query.events.filter((_, i) => query.kept?.[i] === 1)
					: query.events;
				const graph = buildGraph(events, query.window, query.maxSpanMs);
				this.#lastLinks = graph.edges.length;
				this.#answer = { graph, events: query.events, kept: query.kept };
			}
		);
	}

	/** The first graph of many events is still to be built (on the next frame, or by the worker). */
	readonly pending: boolean = $derived.by(() =>
		this.#viaWorker
			? !this.#answerIsCurrent()
			: this.graph === EMPTY_GRAPH && this.#tl.events.length > FIRST_GRAPH_EVENTS
	);

	/**
	 * What the view draws: every actor and link of the window, or, past {@link MAX_DRAWN_ACTORS}
	 * actors or {@link MAX_DRAWN_LINKS} links, the busiest actors and the heaviest links among
	 * them, the selected actor or link and its links to drawn actors always included. A click on a
	 * drawn actor keeps the same actors (see {@link layoutLinks}).
	 */
	readonly drawn: DrawnGraph = $derived.by(() => {
		const drawn = this.#drawnOf();
		this.#lastDrawnLinks = drawn.edges.length;
		return drawn;
	});

	/**
	 * How many links the last drawing had: whether the next graph waits for the window to rest.
	 * Read without making a drawing nobody shows.
	 */
	#lastDrawnLinks = 0;

	#drawnOf(): DrawnGraph {
		const base = this.#busiest;
		const g = this.graph;
		if (base.hiddenActors === 0 && base.hiddenLinks === 0) return base;
		const selectedEdge = this.selectedEdge;
		const edge =
			selectedEdge === undefined ? undefined : g.edges.find((e) => e.id === selectedEdge);
		const must = [
			...(edge ? [edge.a, edge.b] : []),
			...(this.actor !== undefined ? [this.actor] : [])
		];
		const drawnIds = this.#busiestIds;
		if (!must.every((id) => drawnIds.has(id))) return this.#part(g, keySet(must), selectedEdge);
		// The selection is among the busiest: add its links to other drawn actors, if any are left out.
		const touching = keySet(must);
		const drawnBefore = keySet(base.edges);
		const added = g.edges.filter(
			(e) =>
				!drawnBefore.has(e) &&
				drawnIds.has(e.a) &&
				drawnIds.has(e.b) &&
				(e === edge || touching.has(e.a) || touching.has(e.b))
		);
		if (added.length === 0) return base;
		const drawnEdges = keySet([...base.edges, ...added]);
		const edges = g.edges.filter((e) => drawnEdges.has(e));
		return { ...base, edges, hiddenLinks: g.edges.length - edges.length };
	}

	/**
	 * The links the layout places the drawn actors by: the busiest part's while a selection only
	 * adds links to it, so that a click never shakes the drawing.
	 */
	readonly layoutLinks: readonly GraphEdge[] = $derived.by(() =>
		this.drawn.nodes === this.#busiest.nodes ? this.#busiest.edges : this.drawn.edges
	);

	/**
	 * The graph is drawn on a canvas: every actor was asked for, and there are more than the SVG
	 * drawing shows.
	 */
	readonly canvas: boolean = $derived.by(
		() =>
			this.drawAll &&
			(this.graph.nodes.length > MAX_DRAWN_ACTORS || this.graph.edges.length > MAX_DRAWN_LINKS)
	);

	/** How many actors and links the drawing may show. */
	readonly #limits = $derived(
		this.canvas
			? { actors: MAX_ALL_ACTORS, links: MAX_ALL_LINKS }
			: { actors: MAX_DRAWN_ACTORS, links: MAX_DRAWN_LINKS }
	);

	/** The busiest part of the window's graph, before any selection. */
	readonly #busiest: DrawnGraph = $derived.by(() => {
		const g = this.graph;
		const limits = this.#limits;
		if (g.nodes.length <= limits.actors && g.edges.length <= limits.links)
			return { nodes: g.nodes, edges: g.edges, hiddenActors: 0, hiddenLinks: 0 };
		return this.#part(g, keySet<ActorId>([]), undefined);
	});

	readonly #busiestIds: ReadonlySet<ActorId> = $derived.by(() =>
		keySet(this.#busiest.nodes.map((n) => n.id))
	);

	/**
	 * The busiest actors (those in `must` always among them) and the heaviest links among them
	 * (those touching `must` and the `selectedEdge` always among them), each in the graph's order.
	 */
	#part(g: ActorGraph, must: ReadonlySet<ActorId>, selectedEdge: string | undefined): DrawnGraph {
		const limits = this.#limits;
		const nodes = g.nodes.filter((n) => must.has(n.id));
		for (const n of g.nodes) {
			if (nodes.length >= limits.actors) break;
			if (!must.has(n.id)) nodes.push(n);
		}
		nodes.sort((p, q) => q.events - p.events || (p.id < q.id ? -1 : 1));
		const kept = keySet(nodes.map((n) => n.id));
		const among = g.edges.filter((e) => kept.has(e.a) && kept.has(e.b));
		let edges = among;
		if (among.length > limits.links) {
			const touches = (e: GraphEdge) => e.id === selectedEdge || must.has(e.a) || must.has(e.b);
			const first = among.filter(touches);
			const chosen = keySet([
				...first,
				...among
					.filter((e) => !touches(e))
					.sort((p, q) => q.weight - p.weight)
					.slice(0, Math.max(0, limits.links - first.length))
			]);
			edges = among.filter((e) => chosen.has(e));
		}
		return {
			nodes,
			edges,
			hiddenActors: g.nodes.length - nodes.length,
			hiddenLinks: g.edges.length - edges.length
		};
	}

	/** The window has events but none with an actor (a file whose groups became tags). */
	readonly actorless: boolean = $derived.by(() => {
		const w = this.window;
		let any = false;
		for (const e of this.#tl.events) {
			if (e.startMs >= w.end) break;
			if (e.endMs <= w.start) continue;
			if (e.event.participants.length > 0) return false;
			any = true;
		}
		return any;
	});

	readonly edge = $derived.by(() =>
		this.selectedEdge === undefined
			? undefined
			: this.graph.edges.find((e) => e.id === this.selectedEdge)
	);

	readonly ego = $derived.by(() =>
		this.actor === undefined ? undefined : egoNetwork(this.graph, this.actor)
	);

	readonly connections = $derived.by(() =>
		this.actor === undefined ? [] : connectionsOf(this.graph, this.actor, this.#nameOf)
	);

	/**
	 * Events the timeline lights: the selected link's, else the selected actor's (told by their
	 * actors: see `Lit`).
	 */
	readonly lit: Lit | undefined = $derived.by(() => {
		const edge = this.edge;
		if (edge) {
			// A link's events all involve both its actors: those that do not are told so without
			// their key (hashing each key the timeline's clusters hold took 40 ms of a click at
			// 100,000 events).
			const keys = keySet(edge.eventKeys);
			const { a, b } = edge;
			return {
				lights: (e: KeyedEvent) => involves(e.event, a) && involves(e.event, b) && keys.has(e.key),
				among: edge.events
			};
		}
		const actor = this.actor;
		if (actor === undefined) return undefined;
		return { lights: (e: KeyedEvent) => involves(e.event, actor) };
	});

	/** The most common countries of the graph's actors, a colour each; the rest share grey. */
	readonly #countryColours: ReadonlyMap<string, string> = $derived.by(() =>
		countryPalette(this.graph.nodes.map((n) => this.#tl.actorOf(n.id)?.country))
	);

	/** An actor's fill under the current colour-by. */
	colourOf(id: ActorId): string {
		const actor = this.#tl.actorOf(id);
		if (this.colorBy === 'kind') return `var(--kind-${actor?.kind ?? 'person'})`;
		return this.#countryColours.get(actor?.country ?? '') ?? OTHER_COLOUR;
	}

	/** True when some link of the window rests only on claimed or denied events. */
	readonly hasClaimsOnly: boolean = $derived.by(() => this.graph.edges.some(restsOnClaims));

	/**
	 * The key of the current colour-by, then what a dashed link means (when one is drawn): the
	 * view shows it, a picture carries it.
	 */
	readonly legend: LegendItem[] = $derived.by(() => [
		...(this.colorBy === 'kind'
			? ACTOR_KINDS.map((k) => ({ key: k, label: t.actorKind[k], colour: `var(--kind-${k})` }))
			: [
					...[...this.#countryColours].map(([c, colour]) => ({
						key: c,
						label: countryName(c),
						colour
					})),
					{ key: 'other', label: t.network.otherCountries, colour: OTHER_COLOUR }
				]),
		...(this.hasClaimsOnly
			? [
					{
						key: 'claims-only',
						label: t.networkLayout.claimsOnly,
						colour: 'var(--edge)',
						line: 'dashed' as const
					}
				]
			: [])
	]);

	/** The network's drawing while a view shows it: what its picture copies. */
	#svg = $state.raw<SVGSVGElement | undefined>(undefined);

	get svg(): SVGSVGElement | undefined {
		return this.#svg;
	}

	/**
	 * An attachment for the view's `<svg>` (`{@attach network.attachSvg}`): registers the drawing
	 * and forgets it when the view goes, so a picture never copies a detached element.
	 */
	readonly attachSvg = (svg: SVGSVGElement): (() => void) => {
		this.#svg = svg;
		return () => {
			if (this.#svg === svg) this.#svg = undefined;
		};
	};

	/** The canvas drawing while it is shown (every actor): what its picture paints again. */
	#canvasDrawing = $state.raw<CanvasDrawing | undefined>(undefined);

	get canvasDrawing(): CanvasDrawing | undefined {
		return this.#canvasDrawing;
	}

	/** Registers the canvas drawing while it is shown; the returned function forgets it. */
	registerCanvas(drawing: CanvasDrawing): () => void {
		this.#canvasDrawing = drawing;
		return () => {
			if (this.#canvasDrawing === drawing) this.#canvasDrawing = undefined;
		};
	}

	selectActor(id: ActorId | undefined): void {
		this.selectedActor = id;
		this.selectedEdge = undefined;
	}

	selectEdge(id: string | undefined): void {
		this.selectedEdge = id;
	}

	destroy(): void {
		this.#cancelFrame?.();
		this.#cancelFrame = undefined;
		clearTimeout(this.#handover);
		this.#graphs?.destroy();
	}
}
