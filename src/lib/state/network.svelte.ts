/**
 * The actor network's state: the graph of the time window (recomputed at most once per
 * animation frame as the window moves), the selected actor or edge, and what the timeline
 * should highlight because of them.
 */
import type { Span } from '../model/dates';
import type { ActorId } from '../model/schema';
import type { EventKey } from '../model/events';
import {
	buildGraph,
	connectionsOf,
	egoNetwork,
	eventKeysOfActor,
	keySet,
	type ActorGraph
} from '../graph/graph';
import type { TimelineState } from './timeline.svelte';

export type ColorBy = 'kind' | 'country';

export class NetworkState {
	readonly #tl: TimelineState;
	readonly #nameOf: (id: ActorId) => string;
	selectedActor = $state<ActorId | undefined>(undefined);
	selectedEdge = $state<string | undefined>(undefined);
	colorBy = $state<ColorBy>('kind');
	/** The window the graph was last built for; follows the timeline's once per frame. */
	#frameWindow = $state.raw<Span | undefined>(undefined);
	#frame = 0;

	readonly #hasActor: (id: ActorId) => boolean;

	constructor(
		tl: TimelineState,
		nameOf: (id: ActorId) => string,
		hasActor: (id: ActorId) => boolean
	) {
		this.#tl = tl;
		this.#nameOf = nameOf;
		this.#hasActor = hasActor;
	}

	/** The selected actor, if it still exists (a dataset may have been deleted since). */
	readonly actor: ActorId | undefined = $derived.by(() =>
		this.selectedActor !== undefined && this.#hasActor(this.selectedActor)
			? this.selectedActor
			: undefined
	);

	/** Call when the timeline's window moves: the graph catches up on the next frame. */
	windowMoved(): void {
		if (this.#frame) return;
		this.#frame = requestAnimationFrame(() => {
			this.#frame = 0;
			this.#frameWindow = this.#tl.window;
		});
	}

	readonly window: Span = $derived.by(() => this.#frameWindow ?? this.#tl.window);

	readonly graph: ActorGraph = $derived.by(() =>
		buildGraph(this.#tl.events, this.window, this.#tl.maxSpanMs)
	);

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

	/** Events the timeline highlights: the selected edge's, else the selected actor's. */
	readonly highlightKeys: ReadonlySet<EventKey> | undefined = $derived.by(() => {
		if (this.edge) return keySet(this.edge.eventKeys);
		if (this.actor !== undefined) return eventKeysOfActor(this.#tl.events, this.actor);
		return undefined;
	});

	selectActor(id: ActorId | undefined): void {
		this.selectedActor = id;
		this.selectedEdge = undefined;
	}

	selectEdge(id: string | undefined): void {
		this.selectedEdge = id;
	}

	clear(): void {
		this.selectedActor = undefined;
		this.selectedEdge = undefined;
	}

	destroy(): void {
		if (this.#frame) cancelAnimationFrame(this.#frame);
	}
}
