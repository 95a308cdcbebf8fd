/**
 * The canvas drawing of a large network: links grouped by look (one stroke and one fill per
 * group, as the SVG drawing batches them), then the nodes by colour, rings, and labels. Pure
 * but for the canvas it paints.
 */
import { edgeGeometry, type LinkLook, type Segment } from '$lib/graph/geometry';
import type { GraphEdge } from '$lib/graph/graph';
import type { Box, Disc } from '$lib/graph/labels';
import type { ActorId } from '$lib/model/schema';

/** A node on screen. */
export interface Dot extends Disc {
	id: ActorId;
	events: number;
}

/** Links drawn alike, as one stroke and one fill. */
export interface LinkGroup extends LinkLook {
	/** x1, y1, x2, y2 per link. */
	lines: number[];
	/** Six numbers per arrowhead: tip, then the base's corners. */
	heads: number[];
}

const TIER_ORDER = { dim: 0, plain: 1, lit: 2 } as const;
/** Links or arrowheads per path painted. */
const CHUNK = 256;

export interface LinkFacts {
	toA: boolean;
	toB: boolean;
}

/**
 * The links grouped by look, in painting order (dimmed first, lit last, thinner before wider),
 * with each link's span for hit tests: in the layout's units, sized for the zoom `scale` (a
 * line's width and its arrowheads stay the same on screen), so a pan needs no new geometry.
 */
export function groupLinks(
	edges: readonly GraphEdge[],
	nodeOf: (id: ActorId) => Disc | undefined,
	factsOf: (edge: GraphEdge) => LinkFacts,
	lookOf: (edge: GraphEdge) => LinkLook,
	view: { scale: number; headMaxPx: number }
): { groups: LinkGroup[]; spans: Map<GraphEdge, Segment> } {
	const groups = new Map<string, LinkGroup>();
	const spans = new Map<GraphEdge, Segment>();
	const k = view.scale;
	for (const edge of edges) {
		const a = nodeOf(edge.a);
		const b = nodeOf(edge.b);
		if (!a || !b) continue;
		const look = lookOf(edge);
		const widthPx = Math.max(0.5, Math.round(look.widthPx * 2) / 2);
		// Worked out on screen (sizes in pixels), then brought back to the layout's units.
		const g = edgeGeometry(
			{ x: a.x * k, y: a.y * k, r: a.r * k },
			{ x: b.x * k, y: b.y * k, r: b.r * k },
			{ ...factsOf(edge), width: widthPx, gap: 2, maxHead: view.headMaxPx }
		);
		if (!g) continue;
		const back = (s: Segment): Segment => ({
			x1: s.x1 / k,
			y1: s.y1 / k,
			x2: s.x2 / k,
			y2: s.y2 / k
		});
		const line = back(g.line);
		spans.set(edge, back(g.span));
		const key = `${look.tier}-${look.claims}-${widthPx}`;
		let group = groups.get(key);
		if (!group) {
			group = { tier: look.tier, claims: look.claims, widthPx, lines: [], heads: [] };
			groups.set(key, group);
		}
		group.lines.push(line.x1, line.y1, line.x2, line.y2);
		for (const h of g.heads) for (const n of h) group.heads.push(n / k);
	}
	const ordered = [...groups.values()].sort(
		(p, q) =>
			TIER_ORDER[p.tier] - TIER_ORDER[q.tier] ||
			Number(p.claims) - Number(q.claims) ||
			p.widthPx - q.widthPx
	);
	return { groups: ordered, spans };
}

/** The page's colours the drawing uses, resolved. */
export interface Palette {
	edge: string;
	accent: string;
	surface: string;
	text: string;
	text2: string;
	focus: string;
}

/** A label placed on screen, and where its node was when it was placed. */
export interface CanvasLabel {
	id: ActorId;
	text: string;
	box: Box;
	dim: boolean;
	/** How far the node moved since the label was placed: the label follows it. */
	dx: number;
	dy: number;
}

export interface Scene {
	width: number;
	height: number;
	dpr: number;
	/** The zoom and pan: links and nodes are in the layout's units, labels on screen. */
	transform: { x: number; y: number; k: number };
	groups: readonly LinkGroup[];
	/** The nodes, with their resolved fill and whether they are dimmed. */
	nodes: readonly (Disc & { fill: string; dim: boolean })[];
	pinned: readonly Disc[];
	selected: Disc | undefined;
	focused: Disc | undefined;
	labels: readonly CanvasLabel[];
	font: string;
	palette: Palette;
}

/**
 * A segment cut to a box (Liang–Barsky): its visible part as x1, y1, x2, y2, or undefined when
 * none of it is inside.
 */
export function clip(
	x1: number,
	y1: number,
	x2: number,
	y2: number,
	b: Box
): [number, number, number, number] | undefined {
	const dx = x2 - x1;
	const dy = y2 - y1;
	let t0 = 0;
	let t1 = 1;
	const edges: [number, number][] = [
		[-dx, x1 - b.x0],
		[dx, b.x1 - x1],
		[-dy, y1 - b.y0],
		[dy, b.y1 - y1]
	];
	for (const [p, q] of edges) {
		if (p === 0) {
			if (q < 0) return undefined;
			continue;
		}
		const r = q / p;
		if (p < 0) {
			if (r > t1) return undefined;
			if (r > t0) t0 = r;
		} else {
			if (r < t0) return undefined;
			if (r < t1) t1 = r;
		}
	}
	return [x1 + t0 * dx, y1 + t0 * dy, x1 + t1 * dx, y1 + t1 * dy];
}

function circles(ctx: CanvasRenderingContext2D, dots: Iterable<Disc>, grow = 0): void {
	ctx.beginPath();
	for (const d of dots) {
		ctx.moveTo(d.x + d.r + grow, d.y);
		ctx.arc(d.x, d.y, d.r + grow, 0, 2 * Math.PI);
	}
}

/** Paints a scene on a canvas sized to it (in device pixels). */
export function paintScene(canvas: HTMLCanvasElement, s: Scene): void {
	const ctx = canvas.getContext('2d');
	if (!ctx) return;
	const w = Math.round(s.width * s.dpr);
	const h = Math.round(s.height * s.dpr);
	if (canvas.width !== w) canvas.width = w;
	if (canvas.height !== h) canvas.height = h;
	ctx.setTransform(s.dpr, 0, 0, s.dpr, 0, 0);
	ctx.clearRect(0, 0, s.width, s.height);
	const p = s.palette;
	const { x: tx, y: ty, k } = s.transform;
	ctx.setTransform(s.dpr * k, 0, 0, s.dpr * k, s.dpr * tx, s.dpr * ty);
	// The view in the layout's units, a little larger (a line's width, an arrowhead).
	const pad = 12 / k;
	const view: Box = {
		x0: -tx / k - pad,
		y0: -ty / k - pad,
		x1: (s.width - tx) / k + pad,
		y1: (s.height - ty) / k + pad
	};

	for (const g of s.groups) {
		ctx.globalAlpha = (g.tier === 'dim' ? 0.15 : 1) * (g.claims ? 0.75 : 1);
		const ink = g.tier === 'lit' ? p.accent : p.edge;
		ctx.strokeStyle = ink;
		ctx.fillStyle = ink;
		ctx.lineWidth = g.widthPx / k;
		ctx.lineCap = g.claims ? 'butt' : 'round';
		ctx.setLineDash(g.claims ? [5 / k, 4 / k] : []);
		// Only what is in view, each line cut to it (a dashed line zoomed far in would otherwise
		// be dashed along its whole length), in paths of a few hundred parts: the rasteriser's cost
		// grows faster than a path's length.
		const l = g.lines;
		let parts = 0;
		ctx.beginPath();
		for (let i = 0; i < l.length; i += 4) {
			const cut = clip(
				l[i] as number,
				l[i + 1] as number,
				l[i + 2] as number,
				l[i + 3] as number,
				view
			);
			if (!cut) continue;
			ctx.moveTo(cut[0], cut[1]);
			ctx.lineTo(cut[2], cut[3]);
			if (++parts % CHUNK === 0) {
				ctx.stroke();
				ctx.beginPath();
			}
		}
		ctx.stroke();
		const hd = g.heads;
		parts = 0;
		ctx.beginPath();
		for (let i = 0; i < hd.length; i += 6) {
			const x = hd[i] as number;
			const y = hd[i + 1] as number;
			if (x < view.x0 || x > view.x1 || y < view.y0 || y > view.y1) continue;
			ctx.moveTo(x, y);
			ctx.lineTo(hd[i + 2] as number, hd[i + 3] as number);
			ctx.lineTo(hd[i + 4] as number, hd[i + 5] as number);
			ctx.closePath();
			if (++parts % CHUNK === 0) {
				ctx.fill();
				ctx.beginPath();
			}
		}
		ctx.fill();
	}
	ctx.setLineDash([]);

	// Nodes: dimmed ones first (behind), each colour as one fill, then their rims.
	for (const dim of [true, false]) {
		const part = s.nodes.filter((d) => d.dim === dim);
		if (part.length === 0) continue;
		ctx.globalAlpha = dim ? 0.18 : 1;
		const fills = new Map<string, Disc[]>();
		for (const d of part) {
			const list = fills.get(d.fill);
			if (list) list.push(d);
			else fills.set(d.fill, [d]);
		}
		for (const [fill, list] of fills) {
			ctx.fillStyle = fill;
			circles(ctx, list);
			ctx.fill();
		}
		ctx.strokeStyle = p.surface;
		ctx.lineWidth = 1.5 / k;
		circles(ctx, part);
		ctx.stroke();
	}
	ctx.globalAlpha = 1;
	ctx.setLineDash([3 / k, 2 / k]);
	ctx.strokeStyle = p.text2;
	ctx.lineWidth = 1.5 / k;
	circles(ctx, s.pinned);
	ctx.stroke();
	ctx.setLineDash([]);
	if (s.selected) {
		ctx.strokeStyle = p.text;
		ctx.lineWidth = 3 / k;
		circles(ctx, [s.selected]);
		ctx.stroke();
	}
	if (s.focused) {
		ctx.strokeStyle = p.focus;
		ctx.lineWidth = 2.5 / k;
		circles(ctx, [s.focused], 4 / k);
		ctx.stroke();
	}
	ctx.setTransform(s.dpr, 0, 0, s.dpr, 0, 0);

	// Labels in screen pixels, over everything; each follows its node between placements.
	ctx.font = s.font;
	ctx.textAlign = 'center';
	ctx.textBaseline = 'middle';
	ctx.lineJoin = 'round';
	ctx.lineWidth = 3;
	ctx.strokeStyle = p.surface;
	ctx.fillStyle = p.text;
	for (const label of s.labels) {
		const x = (label.box.x0 + label.box.x1) / 2 + label.dx;
		const y = (label.box.y0 + label.box.y1) / 2 + label.dy;
		ctx.globalAlpha = label.dim ? 0.35 : 1;
		ctx.strokeText(label.text, x, y);
		ctx.fillText(label.text, x, y);
	}
	ctx.globalAlpha = 1;
}

/** Resolves CSS colours for the canvas: theme variables (`var(--x)`) read from `style`. */
export function colourResolver(style: CSSStyleDeclaration): (colour: string) => string {
	const cache = new Map<string, string>();
	return (colour) => {
		let out = cache.get(colour);
		if (out === undefined) {
			const v = /^var\((--[\w-]+)\)$/.exec(colour);
			out = v ? style.getPropertyValue(v[1] as string).trim() || colour : colour;
			cache.set(colour, out);
		}
		return out;
	};
}
