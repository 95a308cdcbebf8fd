/**
 * Where the network's labels go, in screen pixels. Pure: the view and the picture both place
 * their labels with it, and the tests check its promises: a label never overlaps another label
 * or another node, stays inside its bounds and clear of the obstacles (the legend, the controls);
 * the busiest actors are labelled first, and those that do not fit are left unlabelled (the view
 * shows them on hover, focus or selection).
 */

/** An axis-aligned box: left, top, right, bottom. */
export interface Box {
	x0: number;
	y0: number;
	x1: number;
	y1: number;
}

/** A node as drawn: its centre and radius on screen. */
export interface Disc {
	x: number;
	y: number;
	r: number;
}

/** A node that would like a label. */
export interface LabelRequest<K> extends Disc {
	id: K;
	/** The label's width on screen (measured text). */
	width: number;
	/** Higher first: usually the node's number of events. */
	priority: number;
	/**
	 * Always labelled, before any other (hovered, focused or selected): if no free place is left,
	 * it takes the place that overlaps least.
	 */
	forced?: boolean;
}

export interface PlacedLabel<K> {
	id: K;
	/** The label's box; the text is centred in it. */
	box: Box;
}

export interface PlacementOptions {
	/** The label's height on screen (the text's line box). */
	height: number;
	/** Space between a node's rim and its label. */
	gap?: number;
	/** Space kept free around every label. */
	margin?: number;
	/** Labels stay inside this box (the visible drawing). */
	bounds?: Box;
	/** Boxes no label may cover (a legend, controls drawn over the drawing). */
	obstacles?: readonly Box[];
}

/** How much further out the last candidates sit. */
const FAR = 8;

/** Grid cell size of the spatial index, in pixels. */
const CELL = 48;

/** A uniform grid of boxes and discs: collision queries look at nearby cells only. */
class Grid {
	readonly #cells = new Map<string, (Box | Disc)[]>();

	add(item: Box | Disc): void {
		const b = 'r' in item ? discBox(item) : item;
		for (const key of this.#keys(b)) {
			const list = this.#cells.get(key);
			if (list) list.push(item);
			else this.#cells.set(key, [item]);
		}
	}

	/** How many items the box touches (each counted once). */
	hits(box: Box, margin: number, except?: Disc): number {
		const seen = new Set<Box | Disc>();
		for (const key of this.#keys(box)) {
			for (const item of this.#cells.get(key) ?? []) {
				if (item === except || seen.has(item)) continue;
				seen.add(item);
			}
		}
		let n = 0;
		for (const item of seen) {
			if ('r' in item ? discTouchesBox(item, box, margin) : boxesTouch(item, box, margin)) n++;
		}
		return n;
	}

	/** Whether the box touches any item: stops at the first (a crowded drawing has many). */
	any(box: Box, margin: number, except?: Disc): boolean {
		const i0 = Math.floor(box.x0 / CELL) - 1;
		const i1 = Math.floor(box.x1 / CELL) + 1;
		const j0 = Math.floor(box.y0 / CELL) - 1;
		const j1 = Math.floor(box.y1 / CELL) + 1;
		for (let i = i0; i <= i1; i++)
			for (let j = j0; j <= j1; j++)
				for (const item of this.#cells.get(`${i},${j}`) ?? []) {
					if (item === except) continue;
					if ('r' in item ? discTouchesBox(item, box, margin) : boxesTouch(item, box, margin))
						return true;
				}
		return false;
	}

	*#keys(b: Box): Generator<string> {
		const i0 = Math.floor(b.x0 / CELL) - 1;
		const i1 = Math.floor(b.x1 / CELL) + 1;
		const j0 = Math.floor(b.y0 / CELL) - 1;
		const j1 = Math.floor(b.y1 / CELL) + 1;
		for (let i = i0; i <= i1; i++) for (let j = j0; j <= j1; j++) yield `${i},${j}`;
	}
}

const discBox = (d: Disc): Box => ({ x0: d.x - d.r, y0: d.y - d.r, x1: d.x + d.r, y1: d.y + d.r });

/** True when two boxes overlap or come closer than `margin`. */
export function boxesTouch(p: Box, q: Box, margin = 0): boolean {
	return (
		p.x0 < q.x1 + margin && q.x0 < p.x1 + margin && p.y0 < q.y1 + margin && q.y0 < p.y1 + margin
	);
}

/** True when a disc and a box overlap or come closer than `margin`. */
export function discTouchesBox(d: Disc, b: Box, margin = 0): boolean {
	const nx = Math.max(b.x0, Math.min(d.x, b.x1));
	const ny = Math.max(b.y0, Math.min(d.y, b.y1));
	return Math.hypot(d.x - nx, d.y - ny) < d.r + margin;
}

const inside = (b: Box, bounds: Box | undefined) =>
	!bounds || (b.x0 >= bounds.x0 && b.y0 >= bounds.y0 && b.x1 <= bounds.x1 && b.y1 <= bounds.y1);

/**
 * The places a label may take around its node, best first: below, above, right, left, then the
 * four corners, then below, above, right and left again a little further out (a crowded hub's
 * name can still find room, close enough to read as its own).
 */
export function candidateBoxes(node: Disc, width: number, height: number, gap: number): Box[] {
	const { x, y, r } = node;
	const at = (left: number, top: number): Box => ({
		x0: left,
		y0: top,
		x1: left + width,
		y1: top + height
	});
	const d = r * Math.SQRT1_2 + gap;
	return [
		at(x - width / 2, y + r + gap),
		at(x - width / 2, y - r - gap - height),
		at(x + r + gap, y - height / 2),
		at(x - r - gap - width, y - height / 2),
		at(x + d, y + d),
		at(x + d, y - d - height),
		at(x - d - width, y + d),
		at(x - d - width, y - d - height),
		at(x - width / 2, y + r + gap + FAR),
		at(x - width / 2, y - r - gap - FAR - height),
		at(x + r + gap + FAR, y - height / 2),
		at(x - r - gap - FAR - width, y - height / 2)
	];
}

/**
 * Places labels greedily: forced ones first, then by priority (then id, so the result is
 * stable). Each takes the first of its candidate places that is inside the bounds and touches no
 * placed label, no other node and no obstacle (the last candidate, for a large node, is across
 * the node itself); a label with no such place is left out, unless forced.
 */
export function placeLabels<K extends string>(
	requests: readonly LabelRequest<K>[],
	nodes: readonly Disc[],
	options: PlacementOptions
): PlacedLabel<K>[] {
	const gap = options.gap ?? 3;
	const margin = options.margin ?? 2;
	const grid = new Grid();
	for (const n of nodes) grid.add(n);
	for (const o of options.obstacles ?? []) grid.add(o);
	const order = [...requests].sort(
		(p, q) =>
			Number(q.forced ?? false) - Number(p.forced ?? false) ||
			q.priority - p.priority ||
			(p.id < q.id ? -1 : p.id > q.id ? 1 : 0)
	);
	const discAt = new Map(nodes.map((n) => [`${n.x},${n.y},${n.r}`, n]));
	const placed: PlacedLabel<K>[] = [];
	for (const req of order) {
		const boxes = candidateBoxes(req, req.width, options.height, gap);
		let chosen = boxes.find((b) => inside(b, options.bounds) && !grid.any(b, margin));
		// A hub crowded on every side: its name across its own disc (the text has a halo), when
		// the disc is tall enough and the name covers nothing else.
		if (!chosen && 2 * req.r >= options.height + 4) {
			const own = discAt.get(`${req.x},${req.y},${req.r}`);
			const across: Box = {
				x0: req.x - req.width / 2,
				y0: req.y - options.height / 2,
				x1: req.x + req.width / 2,
				y1: req.y + options.height / 2
			};
			if (inside(across, options.bounds) && !grid.any(across, margin, own)) chosen = across;
		}
		if (!chosen && req.forced) {
			// Must show: the place inside the bounds that overlaps least.
			const fits = boxes.filter((b) => inside(b, options.bounds));
			const pool = fits.length ? fits : boxes;
			chosen = pool.reduce((best, b) =>
				grid.hits(b, margin) < grid.hits(best, margin) ? b : best
			);
		}
		if (!chosen) continue;
		grid.add(chosen);
		placed.push({ id: req.id, box: chosen });
	}
	return placed;
}
