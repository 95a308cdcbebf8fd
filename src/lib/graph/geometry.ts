/**
 * The drawing of one link: a line from rim to rim and its arrowheads. Pure. A line ends at the
 * node's radius, so an arrowhead points at the rim and never covers the node; an arrowhead grows
 * with the line's width up to a cap, and shrinks when the nodes are too close for it.
 */
import type { Disc } from './labels';

export interface Segment {
	x1: number;
	y1: number;
	x2: number;
	y2: number;
}

export interface EdgeShape {
	/** The visible line, shortened under its arrowheads. */
	line: Segment;
	/** The whole span from rim to rim (the line's hit area). */
	span: Segment;
	/** Arrowhead triangles as SVG path data: at `b` first, then at `a`. */
	heads: string[];
	/** The line as SVG path data (to draw many links as one path). */
	path: string;
}

export interface EdgeShapeOptions {
	/** Arrowheads at `b` (the edge points to it) and at `a`. */
	toB: boolean;
	toA: boolean;
	/** The line's width, in the same units as the positions. */
	width: number;
	/** Space between a rim and the line's end. */
	gap: number;
	/** The longest an arrowhead may be. */
	maxHead: number;
}

/** An arrowhead's length for a line of a given width: 3 widths plus a little, capped. */
export function headLength(width: number, maxHead: number): number {
	return Math.min(maxHead, 3 * width + 4);
}

/** A link's line, span and arrowheads as numbers: each head is its tip and base corners. */
export interface EdgeGeometry {
	line: Segment;
	span: Segment;
	/** Triangles, six numbers each (tip x, y, then the base's corners): at `b` first, then at `a`. */
	heads: number[][];
}

/** The line and arrowheads between two discs; undefined when the discs touch or overlap. */
export function edgeGeometry(a: Disc, b: Disc, o: EdgeShapeOptions): EdgeGeometry | undefined {
	const dx = b.x - a.x;
	const dy = b.y - a.y;
	const d = Math.hypot(dx, dy);
	const free = d - a.r - b.r - 2 * o.gap;
	if (d === 0 || free <= 0) return undefined;
	const ux = dx / d;
	const uy = dy / d;
	const span: Segment = {
		x1: a.x + ux * (a.r + o.gap),
		y1: a.y + uy * (a.r + o.gap),
		x2: b.x - ux * (b.r + o.gap),
		y2: b.y - uy * (b.r + o.gap)
	};
	const heads = Number(o.toA) + Number(o.toB);
	// Arrowheads take at most two thirds of the free length between them.
	const len = heads ? Math.min(headLength(o.width, o.maxHead), (free * 2) / 3 / heads) : 0;
	const half = Math.max(len * 0.45, o.width * 0.75);
	const head = (tipX: number, tipY: number, dirX: number, dirY: number): number[] => {
		const bx = tipX - dirX * len;
		const by = tipY - dirY * len;
		const px = -dirY * half;
		const py = dirX * half;
		return [tipX, tipY, bx + px, by + py, bx - px, by - py];
	};
	// The line stops inside the arrowhead's base, so its round cap never shows past the tip.
	const inset = len * 0.7;
	const line: Segment = {
		x1: o.toA ? span.x1 + ux * inset : span.x1,
		y1: o.toA ? span.y1 + uy * inset : span.y1,
		x2: o.toB ? span.x2 - ux * inset : span.x2,
		y2: o.toB ? span.y2 - uy * inset : span.y2
	};
	const out: number[][] = [];
	if (o.toB) out.push(head(span.x2, span.y2, ux, uy));
	if (o.toA) out.push(head(span.x1, span.y1, -ux, -uy));
	return { line, span, heads: out };
}

/** The same as {@link edgeGeometry}, with the arrowheads as SVG path data. */
export function edgeShape(a: Disc, b: Disc, o: EdgeShapeOptions): EdgeShape | undefined {
	const g = edgeGeometry(a, b, o);
	if (!g) return undefined;
	const f = (n: number) => Math.round(n * 100) / 100;
	const l = g.line;
	return {
		line: l,
		span: g.span,
		path: `M${f(l.x1)},${f(l.y1)}L${f(l.x2)},${f(l.y2)}`,
		heads: g.heads.map(
			([x0, y0, x1, y1, x2, y2]) =>
				`M${f(x0 as number)},${f(y0 as number)}L${f(x1 as number)},${f(y1 as number)}L${f(x2 as number)},${f(y2 as number)}Z`
		)
	};
}

/** The distance from a point to a segment. */
export function segmentDistance(x: number, y: number, s: Segment): number {
	const dx = s.x2 - s.x1;
	const dy = s.y2 - s.y1;
	const length2 = dx * dx + dy * dy;
	const t =
		length2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - s.x1) * dx + (y - s.y1) * dy) / length2));
	return Math.hypot(x - s.x1 - t * dx, y - s.y1 - t * dy);
}

/**
 * The item whose segment passes nearest a point, no farther than `within`; undefined when none
 * does. Ties go to the later item (drawn on top).
 */
export function nearestSegment<T>(
	x: number,
	y: number,
	items: Iterable<T>,
	segmentOf: (item: T) => Segment | undefined,
	within: number
): T | undefined {
	let best: T | undefined;
	let bestDistance = within;
	for (const item of items) {
		const s = segmentOf(item);
		if (!s) continue;
		const d = segmentDistance(x, y, s);
		if (d <= bestDistance) {
			best = item;
			bestDistance = d;
		}
	}
	return best;
}

/** How a link is drawn: its emphasis, whether it rests on claims only, its width on screen. */
export interface LinkLook {
	tier: 'dim' | 'plain' | 'lit';
	claims: boolean;
	/** The line's width in screen pixels. */
	widthPx: number;
}

/** Links drawn alike, as one path of lines and one of arrowheads. */
export interface LinkBatch extends LinkLook {
	/** Stable while the same kind of link is drawn: tier, claims and width. */
	key: string;
	/** Path data: one `M…L…` per link. */
	lines: string;
	/** Path data: the arrowheads' triangles. */
	heads: string;
	/** How many links it draws. */
	count: number;
}

const TIER_ORDER = { dim: 0, plain: 1, lit: 2 } as const;
/** Line widths are drawn to the nearest half pixel, so links fall into a few batches. */
const WIDTH_STEP_PX = 0.5;

/**
 * Groups the links of a large drawing by how they look, so the drawing needs a few paths instead
 * of an element per link (every tick of the layout rewrites each). Batches come in painting
 * order: dimmed links first, highlighted ones last (on top), thinner before wider.
 */
export function batchLinks(links: Iterable<{ shape: EdgeShape; look: LinkLook }>): LinkBatch[] {
	const batches = new Map<string, LinkBatch & { parts: string[]; headParts: string[] }>();
	for (const { shape, look } of links) {
		const widthPx = Math.max(
			WIDTH_STEP_PX,
			Math.round(look.widthPx / WIDTH_STEP_PX) * WIDTH_STEP_PX
		);
		const key = `${look.tier}-${look.claims ? 'claims' : 'sure'}-${widthPx}`;
		let batch = batches.get(key);
		if (!batch) {
			batch = { ...look, widthPx, key, lines: '', heads: '', count: 0, parts: [], headParts: [] };
			batches.set(key, batch);
		}
		batch.parts.push(shape.path);
		batch.headParts.push(...shape.heads);
		batch.count++;
	}
	return [...batches.values()]
		.map(({ parts, headParts, ...batch }) => ({
			...batch,
			lines: parts.join(''),
			heads: headParts.join('')
		}))
		.sort(
			(p, q) =>
				TIER_ORDER[p.tier] - TIER_ORDER[q.tier] ||
				Number(p.claims) - Number(q.claims) ||
				p.widthPx - q.widthPx
		);
}
