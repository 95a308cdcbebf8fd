/**
 * The page's side of the graph worker: hands it the events as columns once per change of the
 * data, asks for one window's graph at a time (a newer question replaces one still waiting),
 * and turns each answer into the graph the views read. Where no worker can run (tests, or a
 * worker that fails to load), the same code answers on the page.
 */
import type { Span } from '../model/dates';
import type { KeyedEvent } from '../model/events';
import type { ActorGraph } from './graph';
import {
	buffersOf,
	columnGraph,
	graphColumns,
	graphColumnSteps,
	graphOfColumns,
	idOrderOf,
	type GraphAnswer,
	type GraphColumns,
	type GraphNames,
	type LinkSource
} from './columns';

export type ToGraphWorker =
	| { kind: 'data'; generation: number; columns: GraphColumns; idOrder: Uint32Array }
	| { kind: 'graph'; id: number; generation: number; window: Span; kept?: Uint8Array }
	| { kind: 'forget' };

export type FromGraphWorker =
	| { kind: 'graph'; id: number; generation: number; answer: GraphAnswer }
	| { kind: 'stale'; id: number }
	| { kind: 'error'; id: number; message: string };

/** What the client needs of a worker; tests hand in their own. */
export type GraphWorkerLike = Pick<Worker, 'postMessage' | 'terminate' | 'onmessage' | 'onerror'>;

const defaultFactory = (): GraphWorkerLike | undefined =>
	typeof Worker === 'undefined'
		? undefined
		: new Worker(new URL('./graph.worker.ts', import.meta.url), {
				type: 'module',
				name: 'trama-graph'
			});

/** The longest a slice of making the columns holds the page's thread (see `setData`). */
const SLICE_MS = 8;

/**
 * The events of one `setData`: the links of its graphs read their events through it, and keep
 * what they listed in `found` (see `LinkSource`). Let go by emptying both.
 */
interface Source {
	events: readonly KeyedEvent[];
	found: LinkSource['found'];
	generation: number;
}

/** Empties a holder: its generation's links read no events and keep none they listed. */
function letGo(source: Source): void {
	source.events = [];
	source.found = new WeakMap();
}

interface Asked {
	window: Span;
	kept: Uint8Array | undefined;
	resolve: (graph: ActorGraph | undefined) => void;
	reject: (error: Error) => void;
}

export class GraphService {
	readonly #factory: () => GraphWorkerLike | undefined;
	#worker: GraphWorkerLike | undefined;
	/** No worker could be started, or it failed: answer on the page. */
	#inPage = false;
	#generation = 0;
	/**
	 * The events graphs are built from. Each answer's links read their events' keys through the
	 * holder of their generation, which `forget` empties: a graph kept somewhere (a view's last
	 * drawing) must not keep a whole generation of events alive once nobody looks at it.
	 */
	#source: Source = { events: [], found: new WeakMap(), generation: 0 };

	get #events(): readonly KeyedEvent[] {
		return this.#source.events;
	}

	/** How the links of a generation read its events; none once that generation is let go. */
	static #linkSource(source: Source): LinkSource {
		return {
			eventOf: (index) => source.events[index],
			get found() {
				return source.found;
			}
		};
	}

	/**
	 * The holder of the last graph handed out. Once a graph of newer data is handed out, the
	 * older graphs' links let their events go: the views draw the newer one, and an older link
	 * kept by a view's leftovers (a keyed list keeps each row's first value) would otherwise keep
	 * a whole generation of events alive: 45 MB for each at 100,000 events.
	 */
	#handed: Source | undefined;

	/** The graph of an answer, its links reading their events through `source`. */
	#graphOf(answer: GraphAnswer, names: GraphNames, source: Source): ActorGraph {
		const handed = this.#handed;
		if (!handed || handed.generation < source.generation) {
			if (handed) letGo(handed);
			this.#handed = source;
		}
		return columnGraph(answer, names, GraphService.#linkSource(source));
	}
	#names: GraphNames = { actorIds: [], types: [] };
	/** The columns, kept on the page only when it answers itself. */
	#local: { columns: GraphColumns; idOrder: Uint32Array } | undefined;
	#busy: (Asked & { id: number }) | undefined;
	#waiting: Asked | undefined;
	#ids = 0;

	/**
	 * `pause`: awaited whenever making the columns has held the thread for `sliceMs` (see
	 * `setData`); without it they are made at once.
	 */
	constructor(
		factory: () => GraphWorkerLike | undefined = defaultFactory,
		options: { pause?: () => Promise<void>; sliceMs?: number } = {}
	) {
		this.#factory = factory;
		this.#pause = options.pause;
		this.#sliceMs = options.sliceMs ?? SLICE_MS;
	}

	readonly #pause: (() => Promise<void>) | undefined;
	readonly #sliceMs: number;
	/** The columns of the data last set are being made: questions wait for them. */
	#preparing = false;

	/**
	 * The events graphs are built from (in time order), and their longest span. Their columns
	 * are made in slices of at most {@link SLICE_MS} with a `pause` between (100,000 events took
	 * one task of 0.1 s); a question asked meanwhile is answered once they are in.
	 */
	setData(events: readonly KeyedEvent[], maxSpanMs: number): void {
		const generation = ++this.#generation;
		this.#source = { events, found: new WeakMap(), generation };
		this.#preparing = true;
		const steps = graphColumnSteps(events, maxSpanMs);
		const pause = this.#pause;
		const run = (): void => {
			// A newer `setData`, or `forget`, replaced these events.
			if (generation !== this.#generation) return;
			const began = performance.now();
			for (;;) {
				const step = steps.next();
				if (step.done) {
					this.#preparing = false;
					this.#hand(generation, step.value);
					this.#pump();
					return;
				}
				if (pause && performance.now() - began >= this.#sliceMs) {
					void pause().then(run);
					return;
				}
			}
		};
		run();
	}

	/** Hands the columns of generation `generation` to the worker, or keeps them to answer here. */
	#hand(generation: number, { columns, names }: { columns: GraphColumns; names: GraphNames }) {
		const idOrder = idOrderOf(names);
		this.#names = names;
		const worker = this.#ensureWorker();
		if (worker) {
			this.#local = undefined;
			const message: ToGraphWorker = {
				kind: 'data',
				generation,
				columns,
				idOrder
			};
			worker.postMessage(message, [...buffersOf(columns), idOrder.buffer]);
		} else {
			this.#local = { columns, idOrder };
		}
	}

	/**
	 * The graph of a window of the data last set, of the events marked in `kept` (by their
	 * places in it) or of all; undefined when a newer question replaced this one before it was
	 * answered.
	 */
	graph(window: Span, kept?: Uint8Array): Promise<ActorGraph | undefined> {
		return new Promise((resolve, reject) => {
			this.#waiting?.resolve(undefined);
			this.#waiting = { window, kept, resolve, reject };
			this.#pump();
		});
	}

	/**
	 * Lets the data go (the events, their names and columns; the worker's too) until the next
	 * `setData`: a question asked meanwhile has no answer.
	 */
	forget(): void {
		this.#generation++;
		this.#preparing = false;
		letGo(this.#source);
		if (this.#handed) letGo(this.#handed);
		this.#handed = undefined;
		this.#source = { events: [], found: new WeakMap(), generation: this.#generation };
		this.#names = { actorIds: [], types: [] };
		this.#local = undefined;
		this.#worker?.postMessage({ kind: 'forget' } satisfies ToGraphWorker);
	}

	destroy(): void {
		// Columns still being made are dropped (their last slice would start a worker again).
		this.#generation++;
		this.#preparing = false;
		this.#worker?.terminate();
		this.#worker = undefined;
		this.#waiting?.resolve(undefined);
		this.#busy?.resolve(undefined);
		this.#waiting = this.#busy = undefined;
	}

	#ensureWorker(): GraphWorkerLike | undefined {
		if (this.#worker || this.#inPage) return this.#worker;
		try {
			this.#worker = this.#factory();
		} catch {
			this.#worker = undefined;
		}
		if (!this.#worker) {
			this.#inPage = true;
			return undefined;
		}
		this.#worker.onmessage = (event: MessageEvent<FromGraphWorker>) => this.#answered(event.data);
		this.#worker.onerror = () => this.#fail();
		return this.#worker;
	}

	/** The worker could not run: from now on the page answers, from the data it still has. */
	#fail(): void {
		this.#worker?.terminate();
		this.#worker = undefined;
		this.#inPage = true;
		const asked = this.#busy;
		this.#busy = undefined;
		// The columns went to the worker: make them again from the events the page holds.
		const events = this.#events;
		const { columns, names } = graphColumns(events, this.#maxSpan(events));
		this.#names = names;
		this.#local = { columns, idOrder: idOrderOf(names) };
		if (asked && !this.#waiting) this.#waiting = asked;
		else asked?.resolve(undefined);
		this.#pump();
	}

	#maxSpan(events: readonly KeyedEvent[]): number {
		let max = 0;
		for (const e of events) max = Math.max(max, e.endMs - e.startMs);
		return max;
	}

	#pump(): void {
		if (this.#busy || !this.#waiting || this.#preparing) return;
		const asked = this.#waiting;
		this.#waiting = undefined;
		const local = this.#local;
		if (!this.#worker || local) {
			// On the page: still answered after the current task, as the worker would.
			const source = this.#source;
			const names = this.#names;
			queueMicrotask(() => {
				if (!local) {
					asked.resolve(undefined);
					return;
				}
				try {
					const answer = graphOfColumns(local.columns, local.idOrder, asked.window, asked.kept);
					asked.resolve(this.#graphOf(answer, names, source));
				} catch (error) {
					asked.reject(error instanceof Error ? error : new Error(String(error)));
				}
			});
			return;
		}
		const id = ++this.#ids;
		this.#busy = { ...asked, id };
		const message: ToGraphWorker = {
			kind: 'graph',
			id,
			generation: this.#generation,
			window: asked.window,
			...(asked.kept ? { kept: asked.kept } : {})
		};
		this.#worker.postMessage(message);
	}

	#answered(message: FromGraphWorker): void {
		const asked = this.#busy;
		if (!asked || asked.id !== message.id) return;
		this.#busy = undefined;
		if (message.kind === 'error') asked.reject(new Error(message.message));
		else if (message.kind === 'stale' || message.generation !== this.#generation || this.#waiting)
			asked.resolve(undefined);
		else {
			asked.resolve(this.#graphOf(message.answer, this.#names, this.#source));
		}
		this.#pump();
	}
}
