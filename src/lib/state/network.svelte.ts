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

export class NetworkState {
	readonly #tl: TimelineState;
	readonly #nameOf: (id: ActorId) => string;
	readonly #hasActor: (id: ActorId) => boolean;
	readonly #schedule: FrameScheduler;
	selectedActor = $state<ActorId | undefined>(undefined);
	selectedEdge = $state<string | undefined>(undefined);
	colorBy = $state<ColorBy>('kind');
	/** The window the graph was last built for; follows the timeline's once per frame. */
	#frameWindow = $state.raw<Span | undefined>(undefined);
	#cancelFrame: (() => void) | undefined;

	constructor(tl: TimelineState, actors: NetworkActors, schedule: FrameScheduler = animationFrame) {
		this.#tl = tl;
		this.#nameOf = actors.nameOf;
		this.#hasActor = actors.has;
		this.#schedule = schedule;
	}

	/** The selected actor, if it still exists (a dataset may have been deleted since). */
	readonly actor: ActorId | undefined = $derived.by(() =>
		this.selectedActor !== undefined && this.#hasActor(this.selectedActor)
			? this.selectedActor
			: undefined
	);

	/** Call when the timeline's window moves: the graph catches up on the next frame. */
	windowMoved(): void {
		if (this.#cancelFrame) return;
		this.#cancelFrame = this.#schedule(() => {
			this.#cancelFrame = undefined;
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

	destroy(): void {
		this.#cancelFrame?.();
		this.#cancelFrame = undefined;
	}
}
