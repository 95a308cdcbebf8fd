/**
 * The force layout of the actor network (d3-force), seeded so the same data lays out the same
 * way. Positions persist across updates: when the window changes, actors already placed keep
 * their places and new ones start beside a neighbour and ease in.
 */
import {
	forceCollide,
	forceLink,
	forceManyBody,
	forceSimulation,
	forceX,
	forceY,
	randomLcg,
	type ForceX,
	type ForceY,
	type Simulation,
	type SimulationLinkDatum,
	type SimulationNodeDatum
} from 'd3';
import type { ActorId } from '../model/schema';

export interface LayoutNode extends SimulationNodeDatum {
	id: ActorId;
	r: number;
	x: number;
	y: number;
}

interface LayoutLink extends SimulationLinkDatum<LayoutNode> {
	weight: number;
}

export interface LayoutInput {
	nodes: { id: ActorId; r: number }[];
	links: { a: ActorId; b: ActorId; weight: number }[];
}

/** Below this heat the layout stops: movement too small to see. */
export const ALPHA_MIN = 0.02;
/** Ticks run at once before the first paint of a new layout, so it opens nearly settled. */
const WARM_TICKS = 200;
/**
 * Past this many links, a layout (the first, or a new window's, a new filter's) is laid out to
 * rest at once and drawn once: every animated tick rewrites every link and node of the drawing, a
 * page's frame each (about 30 ms for 800 links), which a large graph cannot afford while the
 * reader zooms or types, and whose motion nobody could follow.
 */
export const LARGE_LAYOUT_LINKS = 300;
/**
 * Past this many actors (every actor of a large window, drawn on a canvas), the layout trades a
 * little precision for time: a coarser many-body approximation that ignores far actors, fewer
 * ticks before the first paint, and no collisions until those are done (collisions between
 * thousands of overlapping starting places cost more than everything else).
 */
export const LARGE_LAYOUT_NODES = 500;
const LARGE_WARM_TICKS = 40;
/** Ticks run at once when the drawing's proportions change. */
const RESHAPE_TICKS = 60;
/**
 * How hot an update starts when the same actors and links are drawn again (a new window of a
 * large database, where only sizes and weights change): a nudge of about ten ticks, not the
 * thirty of a new arrangement, each of which redraws every node and label.
 */
export const SAME_SHAPE_HEAT = 0.04;

export class ForceLayout {
	readonly #simulation: Simulation<LayoutNode, LayoutLink>;
	readonly #charge = forceManyBody<LayoutNode>().strength(-320);
	readonly #collide = forceCollide<LayoutNode>((n) => n.r + 12);
	readonly #nodes = new Map<ActorId, LayoutNode>();
	readonly #random: () => number;
	readonly #onTick: (nodes: LayoutNode[]) => void;
	/** Width over height of the area the network is drawn in. */
	#aspect = 1;
	/** What the last update laid out: the same graph again (a new window, same actors) is a no-op. */
	#signature = '';
	/** The actors and links (without sizes or weights) the last update laid out. */
	#shape = '';

	/**
	 * @param onTick receives the nodes after each animated tick (and after an update's first ticks)
	 * @param onEnd called when the layout stops moving (until the next update, pin or release)
	 */
	/**
	 * The user asked for less motion (`prefers-reduced-motion`): each update is laid out to rest
	 * before it is drawn, instead of easing into place on screen.
	 */
	still = false;

	constructor(onTick: (nodes: LayoutNode[]) => void, seed = 0.271828, onEnd?: () => void) {
		this.#onTick = onTick;
		this.#random = randomLcg(seed);
		this.#simulation = forceSimulation<LayoutNode, LayoutLink>()
			.randomSource(randomLcg(seed))
			.alphaDecay(0.06)
			// Stop once movement is too small to see: the layout settles in well under a second.
			.alphaMin(ALPHA_MIN)
			.velocityDecay(0.45)
			.force('charge', this.#charge)
			.force('x', forceX<LayoutNode>(0))
			.force('y', forceY<LayoutNode>(0))
			.force('collide', this.#collide)
			.on('tick', () => this.#onTick([...this.#nodes.values()]))
			.on('end', () => onEnd?.())
			.stop();
		this.#applyAspect();
	}

	/**
	 * Shapes the layout to the drawing's proportions: a wide, low area gets a wide, low network
	 * (a weaker pull sideways than up and down), so the fit can use the width.
	 */
	shape(aspect: number): void {
		const next = Math.min(4, Math.max(0.5, aspect));
		if (Math.abs(next - this.#aspect) / this.#aspect < 0.08) return;
		this.#aspect = next;
		this.#applyAspect();
		if (this.#nodes.size === 0) return;
		// Settle at once, not over the next frames: the same sizes give the same picture.
		this.#simulation.alpha(0.5).tick(RESHAPE_TICKS);
		this.#simulation.alpha(0.03);
		this.#onTick([...this.#nodes.values()]);
		this.#simulation.restart();
	}

	#applyAspect(): void {
		this.#simulation.force<ForceX<LayoutNode>>('x')?.strength(0.07 / this.#aspect);
		this.#simulation.force<ForceY<LayoutNode>>('y')?.strength(0.07 * this.#aspect ** 2);
	}

	/**
	 * Lays out a new set of nodes and links; returns once the first positions are known: false
	 * when nothing changed (the same actors, sizes and links as the last update).
	 */
	update(input: LayoutInput): boolean {
		const signature = JSON.stringify(input);
		if (signature === this.#signature) return false;
		this.#signature = signature;
		const shape = `${input.nodes.map((n) => n.id).join('\u001f')}\u001e${input.links
			.map((l) => `${l.a}\u001f${l.b}`)
			.join('\u001e')}`;
		const sameShape = shape === this.#shape;
		this.#shape = shape;
		const fresh = this.#nodes.size === 0;
		const keep = new Set(input.nodes.map((n) => n.id));
		for (const id of [...this.#nodes.keys()]) if (!keep.has(id)) this.#nodes.delete(id);
		const neighbours = new Map<ActorId, ActorId[]>();
		const neighbour = (x: ActorId, y: ActorId) => {
			const list = neighbours.get(x);
			if (list) list.push(y);
			else neighbours.set(x, [y]);
		};
		for (const l of input.links) {
			neighbour(l.a, l.b);
			neighbour(l.b, l.a);
		}
		let added = 0;
		for (const n of input.nodes) {
			const existing = this.#nodes.get(n.id);
			if (existing) {
				existing.r = n.r;
				continue;
			}
			// A new actor starts beside a placed neighbour, or near the middle.
			const anchor = (neighbours.get(n.id) ?? []).map((id) => this.#nodes.get(id)).find(Boolean);
			const angle = this.#random() * 2 * Math.PI;
			const distance = anchor ? 30 + this.#random() * 20 : 40 + this.#random() * 160;
			this.#nodes.set(n.id, {
				id: n.id,
				r: n.r,
				x: (anchor?.x ?? 0) + Math.cos(angle) * distance,
				y: (anchor?.y ?? 0) + Math.sin(angle) * distance
			});
			added++;
		}
		const nodes = [...this.#nodes.values()];
		const large = nodes.length > LARGE_LAYOUT_NODES;
		this.#charge.theta(large ? 1.5 : 0.9).distanceMax(large ? 400 : Infinity);
		const links: LayoutLink[] = input.links.map((l) => ({
			source: l.a,
			target: l.b,
			weight: l.weight
		}));
		this.#simulation.nodes(nodes);
		this.#simulation.force(
			'link',
			forceLink<LayoutNode, LayoutLink>(links)
				.id((n) => n.id)
				.distance((l) => 70 + 40 / Math.sqrt(l.weight))
				.strength((l) => Math.min(1, 0.15 + l.weight / 20))
		);
		if (fresh && large) {
			// Laid out to the end at once (in the worker): animating thousands of nodes shows nothing
			// a reader can follow, and each animated frame costs the page a whole drawing.
			this.#simulation.force('collide', null).alpha(1).tick(LARGE_WARM_TICKS);
			this.#simulation.force('collide', this.#collide).alpha(0.06);
			while (this.heat >= ALPHA_MIN) this.#simulation.tick();
		} else if (fresh) {
			this.#simulation.alpha(1);
			this.#simulation.tick(WARM_TICKS);
			this.#simulation.alpha(0.08);
		} else if (sameShape) {
			this.#simulation.alpha(Math.max(this.#simulation.alpha(), SAME_SHAPE_HEAT));
		} else this.#simulation.alpha(added > 0 ? 0.3 : 0.12);
		if (this.still || links.length > LARGE_LAYOUT_LINKS) {
			// No motion (asked for, or too many links to follow): laid out to rest, drawn once.
			while (this.heat >= ALPHA_MIN) this.#simulation.tick();
			this.#simulation.stop();
			this.#onTick(nodes);
			return true;
		}
		this.#onTick(nodes);
		this.#simulation.restart();
		return true;
	}

	/** The layout has stopped (until the next update, pin or release). */
	get settled(): boolean {
		return this.#simulation.alpha() < ALPHA_MIN;
	}

	/** The nodes laid out, as they are now. */
	get nodes(): LayoutNode[] {
		return [...this.#nodes.values()];
	}

	/** How much movement is left (d3's alpha): the layout stops below 0.02. */
	get heat(): number {
		return this.#simulation.alpha();
	}

	/** Holds a node where the user dragged it (until {@link release}). */
	pin(id: ActorId, x: number, y: number): void {
		const n = this.#nodes.get(id);
		if (!n) return;
		n.fx = x;
		n.fy = y;
		n.x = x;
		n.y = y;
		this.#simulation.alpha(Math.max(this.#simulation.alpha(), 0.2)).restart();
	}

	release(id: ActorId): void {
		const n = this.#nodes.get(id);
		if (!n) return;
		n.fx = null;
		n.fy = null;
		this.#simulation.alpha(0.2).restart();
	}

	stop(): void {
		this.#simulation.stop();
	}
}
