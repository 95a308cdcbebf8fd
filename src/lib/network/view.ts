/**
 * What the network's two drawings share (SVG for small graphs, canvas for every actor of a
 * large window): sizes on screen, how a link and a node look under the selection, link names,
 * and the fit of the nodes into the view. Pure.
 */
import { select, zoomIdentity, type ZoomBehavior } from 'd3';
import { t } from '$lib/i18n';
import { restsOnClaims, type GraphEdge } from '$lib/graph/graph';
import type { Box } from '$lib/graph/labels';
import type { LinkLook } from '$lib/graph/geometry';
import type { ActorId } from '$lib/model/schema';
import type { NetworkState } from '$lib/state/network.svelte';

/** Labels are drawn in screen pixels, whatever the zoom: never smaller than this. */
export const LABEL_PX = 12;
/** The label's line box (its text's height on screen). */
export const LABEL_BOX_PX = 15;
/** While the nodes move, labels are placed again at most this often (they follow their nodes). */
export const LABEL_EVERY_MS = 200;
/** The fit never enlarges more than this (a few nodes would otherwise fill the view). */
const MAX_FIT_SCALE = 1.6;
/** On-screen widths of links: the lightest and the heaviest. */
const EDGE_MIN_PX = 1;
const EDGE_MAX_PX = 5;
/** The longest arrowhead on screen. */
export const HEAD_MAX_PX = 11;
/** The invisible band around a link that takes its clicks. */
export const HIT_PX = 10;
/** Room at the sides of the fit, so labels of the outer nodes fit too. */
const PAD_X = 28;
const PAD_Y = 6;

/** A node's radius from its number of events. */
export const radius = (events: number) => Math.min(34, 6 + Math.sqrt(events) * 3.2);

/** A link's width on screen, from its weight against the heaviest drawn. */
export const widthPx = (edge: GraphEdge, maxWeight: number) =>
	EDGE_MIN_PX + (edge.weight / maxWeight) * (EDGE_MAX_PX - EDGE_MIN_PX);

/** Arrowheads for the directions the edge's relations point. */
export function arrows(edge: GraphEdge): { toB: boolean; toA: boolean } {
	let toB = false;
	let toA = false;
	for (const r of edge.relations) {
		if (!r.directed) continue;
		if (r.target === edge.b) toB = true;
		else toA = true;
	}
	return { toB, toA };
}

/** An actor drawn faded: outside the selected actor's connections, or off the selected link. */
export function actorDimmed(network: NetworkState, id: ActorId): boolean {
	const ego = network.ego;
	if (network.edge) return id !== network.edge.a && id !== network.edge.b;
	return ego !== undefined && !ego.nodes.has(id);
}

/** A link drawn faded: not the selected link, or not among the selected actor's. */
export function edgeDimmed(network: NetworkState, id: string): boolean {
	if (network.edge) return id !== network.edge.id;
	const ego = network.ego;
	return ego !== undefined && !ego.edges.has(id);
}

/** How a link looks now: dimmed or lit by the selection and the pointer. */
export function linkLook(
	network: NetworkState,
	edge: GraphEdge,
	hoveredEdge: string | undefined,
	maxWeight: number
): LinkLook {
	const lit =
		network.edge?.id === edge.id ||
		hoveredEdge === edge.id ||
		(network.ego?.edges.has(edge.id) ?? false);
	return {
		// As with a link of its own element: dimmed wins (a dimmed link is behind the selection).
		tier: edgeDimmed(network, edge.id) ? 'dim' : lit ? 'lit' : 'plain',
		claims: restsOnClaims(edge),
		widthPx: widthPx(edge, maxWeight)
	};
}

/** A link's name: its actors, its shared events, its relation types, and whether it rests on claims. */
export function edgeLabel(edge: GraphEdge, name: (id: ActorId) => string): string {
	const types = [...new Set(edge.relations.map((r) => t.relation[r.type]))];
	const doubt = restsOnClaims(edge) ? ` · ${t.networkLayout.claimsOnly}` : '';
	return `${name(edge.a)} – ${name(edge.b)}: ${t.network.shared(edge.weight)}${types.length ? ` (${types.join(', ')})` : ''}${doubt}`;
}

/** A zoom and pan. */
export interface ViewTransform {
	x: number;
	y: number;
	k: number;
}

/**
 * The transform that fits every node into the free part of the view (`area`: clear of the
 * controls and the legend), keeping room for the outer labels; undefined with no nodes.
 */
export function fitTransform(
	nodes: readonly { x: number; y: number; r: number }[],
	area: Box
): ViewTransform | undefined {
	if (nodes.length === 0) return undefined;
	let x0 = Infinity;
	let y0 = Infinity;
	let x1 = -Infinity;
	let y1 = -Infinity;
	for (const p of nodes) {
		x0 = Math.min(x0, p.x - p.r);
		y0 = Math.min(y0, p.y - p.r);
		x1 = Math.max(x1, p.x + p.r);
		y1 = Math.max(y1, p.y + p.r);
	}
	// The lowest nodes' labels go under them, the highest nodes' above them when the space
	// under is taken (a hub at the top of a crowded drawing): a label's height free at both.
	const left = area.x0 + PAD_X;
	const right = area.x1 - PAD_X;
	const top = area.y0 + PAD_Y + LABEL_BOX_PX;
	const bottom = area.y1 - PAD_Y - LABEL_BOX_PX;
	const k = Math.max(
		0.05,
		Math.min(
			MAX_FIT_SCALE,
			(right - left) / Math.max(1, x1 - x0),
			(bottom - top) / Math.max(1, y1 - y0)
		)
	);
	return {
		x: (left + right) / 2 - (k * (x0 + x1)) / 2,
		y: (top + bottom) / 2 - (k * (y0 + y1)) / 2,
		k
	};
}

/** Hands a drawing its zoom (wheel, pinch, drag; no double-click zoom); returns its removal. */
export function bindZoom<E extends Element>(el: E, z: ZoomBehavior<E, unknown>): () => void {
	select(el).call(z).on('dblclick.zoom', null);
	return () => {
		select(el).on('.zoom', null);
	};
}

/** Moves a drawing's zoom to a transform (the fit), through its zoom behaviour. */
export function zoomTo<E extends Element>(
	el: E | undefined,
	z: ZoomBehavior<E, unknown> | undefined,
	target: ViewTransform | undefined
): void {
	if (!el || !z || !target) return;
	select(el).call((s) =>
		z.transform(s, zoomIdentity.translate(target.x, target.y).scale(target.k))
	);
}
