/**
 * The force layout of the network, run by a worker (`layout.worker.ts`): the page hands it the
 * actors and links and gets positions back on each tick, so no layout holds a frame of the page
 * (thousands of actors on the canvas; the SVG drawing's 150 busiest, whose first ticks took
 * 100 ms and more at a time). The same calls as {@link ForceLayout}; where no worker can
 * run (tests, or a worker that fails to load), the layout runs on the page.
 */
import type { ActorId } from '../model/schema';
import { ForceLayout, type LayoutInput, type LayoutNode } from './layout';

export type ToLayoutWorker =
	| { kind: 'update'; input: LayoutInput }
	| { kind: 'shape'; aspect: number }
	| { kind: 'pin'; id: ActorId; x: number; y: number }
	| { kind: 'release'; id: ActorId }
	| { kind: 'stop' }
	/** Lay each update out to rest before drawing it (the reader asked for less motion). */
	| { kind: 'still'; still: boolean }
	/** The page has taken in the last frame: the worker may send the next. */
	| { kind: 'drawn' };

/**
 * Positions after a tick: x, y, r and pinned (1 or 0) per node, in the order of `ids` (sent
 * only when the nodes changed), and how much movement is left.
 */
export interface LayoutFrame {
	kind: 'frame';
	ids?: ActorId[];
	xyrp: Float32Array;
	heat: number;
	/** The layout stopped: no node will move until the next update, pin or release. */
	settled: boolean;
}

export type LayoutWorkerLike = Pick<Worker, 'postMessage' | 'terminate' | 'onmessage' | 'onerror'>;

/** What a network drawing asks of its layout, on the page or in the worker. */
export interface Layout {
	shape(aspect: number): void;
	update(input: LayoutInput): void;
	/** Each update laid out to rest before it is drawn, instead of easing into place. */
	still: boolean;
	pin(id: ActorId, x: number, y: number): void;
	release(id: ActorId): void;
	stop(): void;
}

/** Receives positions, and whether the layout has stopped moving. */
export type OnLayoutTick = (nodes: LayoutNode[], settled: boolean) => void;

const defaultFactory = (): LayoutWorkerLike | undefined =>
	typeof Worker === 'undefined'
		? undefined
		: new Worker(new URL('./layout.worker.ts', import.meta.url), {
				type: 'module',
				name: 'trama-layout'
			});

const nextFrame = (callback: () => void): void => {
	if (typeof requestAnimationFrame === 'function') requestAnimationFrame(callback);
	else setTimeout(callback, 16);
};

/** Encodes nodes as a frame (the worker's side; exported for the tests). */
export function frameOf(nodes: readonly LayoutNode[], withIds: boolean, heat: number): LayoutFrame {
	const xyrp = new Float32Array(nodes.length * 4);
	nodes.forEach((n, i) => {
		xyrp[i * 4] = n.x;
		xyrp[i * 4 + 1] = n.y;
		xyrp[i * 4 + 2] = n.r;
		xyrp[i * 4 + 3] = n.fx == null ? 0 : 1;
	});
	return {
		kind: 'frame',
		...(withIds ? { ids: nodes.map((n) => n.id) } : {}),
		xyrp,
		heat,
		settled: false
	};
}

/** Decodes a frame into nodes (a pinned node keeps its place as `fx`/`fy`). */
export function nodesOf(ids: readonly ActorId[], xyrp: Float32Array): LayoutNode[] {
	const out: LayoutNode[] = [];
	for (let i = 0; i < ids.length; i++) {
		const x = xyrp[i * 4] as number;
		const y = xyrp[i * 4 + 1] as number;
		const pinned = xyrp[i * 4 + 3] === 1;
		out.push({
			id: ids[i] as ActorId,
			x,
			y,
			r: xyrp[i * 4 + 2] as number,
			...(pinned ? { fx: x, fy: y } : {})
		});
	}
	return out;
}

export class WorkerLayout implements Layout {
	readonly #onTick: OnLayoutTick;
	#worker: LayoutWorkerLike | undefined;
	/** The page's own layout, when no worker runs. */
	#local: ForceLayout | undefined;
	#ids: ActorId[] = [];
	/** The last update and shape, replayed on the page if the worker fails. */
	#input: LayoutInput | undefined;
	#aspect: number | undefined;
	#still = false;

	constructor(onTick: OnLayoutTick, factory: () => LayoutWorkerLike | undefined = defaultFactory) {
		this.#onTick = onTick;
		let worker: LayoutWorkerLike | undefined;
		try {
			worker = factory();
		} catch {
			worker = undefined;
		}
		if (!worker) {
			this.#local = this.#inPage();
			return;
		}
		this.#worker = worker;
		worker.onmessage = ({ data }: MessageEvent<LayoutFrame>) => {
			if (data.ids) this.#ids = data.ids;
			if (data.xyrp.length === this.#ids.length * 4)
				this.#onTick(nodesOf(this.#ids, data.xyrp), data.settled);
			// Ready for the next frame once this one is painted.
			nextFrame(() => this.#send({ kind: 'drawn' }));
		};
		worker.onerror = (event) => {
			event.preventDefault?.();
			this.#fallBack();
		};
	}

	#inPage(): ForceLayout {
		const layout: ForceLayout = new ForceLayout(
			(nodes) =>
				this.#onTick(
					nodes.map((n) => ({ ...n })),
					false
				),
			undefined,
			() =>
				this.#onTick(
					layout.nodes.map((n) => ({ ...n })),
					true
				)
		);
		layout.still = this.#still;
		return layout;
	}

	get still(): boolean {
		return this.#still;
	}

	set still(still: boolean) {
		this.#still = still;
		if (this.#local) this.#local.still = still;
		else this.#send({ kind: 'still', still });
	}

	/** The worker failed: lay out on the page from the last update. */
	#fallBack(): void {
		this.#worker?.terminate();
		this.#worker = undefined;
		this.#local = this.#inPage();
		if (this.#aspect !== undefined) this.#local.shape(this.#aspect);
		if (this.#input) this.#local.update(this.#input);
	}

	#send(message: ToLayoutWorker): void {
		this.#worker?.postMessage(message);
	}

	shape(aspect: number): void {
		this.#aspect = aspect;
		if (this.#local) this.#local.shape(aspect);
		else this.#send({ kind: 'shape', aspect });
	}

	update(input: LayoutInput): void {
		this.#input = input;
		const local = this.#local;
		if (!local) this.#send({ kind: 'update', input });
		else if (!local.update(input)) this.#onTick(local.nodes, local.settled);
	}

	pin(id: ActorId, x: number, y: number): void {
		if (this.#local) this.#local.pin(id, x, y);
		else this.#send({ kind: 'pin', id, x, y });
	}

	release(id: ActorId): void {
		if (this.#local) this.#local.release(id);
		else this.#send({ kind: 'release', id });
	}

	stop(): void {
		this.#local?.stop();
		this.#send({ kind: 'stop' });
		this.#worker?.terminate();
		this.#worker = undefined;
	}
}
