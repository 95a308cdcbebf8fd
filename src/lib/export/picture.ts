/**
 * Pictures of the views, as standalone SVG and PNG. vis-timeline draws HTML, so the timeline is
 * redrawn here with D3 from the same lanes and items the main timeline shows for its window. The
 * network is already SVG: it is copied with its computed colours written onto each element (the
 * page's CSS variables do not travel). Text goes in as DOM text, so it is escaped on output.
 * Browser only (uses the DOM and a canvas).
 */
import { create, scaleUtc, type Selection } from 'd3';
import { placeLabels, type Box, type Disc, type LabelRequest } from '../graph/labels';
import type { EventItem, Lane, TimelineItem } from '../time/items';
import type { Span } from '../model/dates';
import { MessageError } from '../model/errors';
import { msg } from '../model/messages';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Height of the caption band under every picture. */
export const CAPTION_PX = 44;
/** PNG pixels per SVG pixel: sharp on high-density screens and in print. */
export const PNG_SCALE = 2;

export interface Palette {
	background: string;
	text: string;
	muted: string;
	grid: string;
	font: string;
	confidence: Record<string, { stroke: string; fill: string }>;
}

/** The page's current colours, resolved from its CSS variables. */
export function currentPalette(root: HTMLElement = document.documentElement): Palette {
	const css = getComputedStyle(root);
	const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
	const conf = (name: string) => ({
		stroke: v(`--conf-${name}`, '#555'),
		fill: v(`--conf-${name}-bg`, '#eee')
	});
	return {
		background: v('--surface', '#ffffff'),
		text: v('--text', '#111111'),
		muted: v('--text-2', '#555555'),
		grid: v('--border', '#dddddd'),
		font: getComputedStyle(document.body).fontFamily || 'sans-serif',
		confidence: {
			confirmed: conf('confirmed'),
			reported: conf('reported'),
			claimed: conf('claimed'),
			denied: conf('denied')
		}
	};
}

export interface TimelinePicture {
	lanes: readonly Lane[];
	items: readonly TimelineItem[];
	window: Span;
	width: number;
	caption: string;
	/** Axis tick labels, formatted by the caller (through Intl). */
	tickLabel: (ms: number, stepMs: number) => string;
	clusterLabel: (n: number) => string;
	palette: Palette;
}

const LABEL_PX = 170;
const ROW_PX = 26;
const AXIS_PX = 28;
const CHAR_PX = 6.4;
const BOLD_CHAR_PX = 7.4;

type Svg = Selection<SVGSVGElement, undefined, null, undefined>;

function addCaption(svg: Svg, width: number, y: number, caption: string, palette: Palette) {
	svg
		.append('line')
		.attr('x1', 12)
		.attr('x2', width - 12)
		.attr('y1', y + 8)
		.attr('y2', y + 8)
		.attr('stroke', palette.grid);
	svg
		.append('text')
		.attr('class', 'caption')
		.attr('x', 12)
		.attr('y', y + 30)
		.attr('fill', palette.muted)
		.attr('font-size', 12)
		.text(caption);
}

/** The timeline's window as an SVG: lanes, items stacked where they overlap, axis, caption. */
export function timelineSvg(p: TimelinePicture): SVGSVGElement {
	const x = scaleUtc()
		.domain([p.window.start, p.window.end])
		.range([LABEL_PX, p.width - 12]);
	// Stack each lane's items into rows so their labels do not overlap.
	const rowsOf = new Map<string, { item: TimelineItem; row: number; text: string }[]>();
	const rowEnds = new Map<string, number[]>();
	for (const lane of p.lanes) {
		rowsOf.set(lane.id, []);
		rowEnds.set(lane.id, []);
	}
	for (const item of [...p.items].sort((a, b) => a.start - b.start)) {
		const list = rowsOf.get(item.lane);
		const ends = rowEnds.get(item.lane);
		if (!list || !ends) continue;
		const text = item.kind === 'cluster' ? p.clusterLabel(item.count) : item.title;
		const left = x(Math.max(item.start, p.window.start));
		const shown = Math.min(text.length, 60);
		const right = Math.max(x(Math.min(item.end, p.window.end)), left + 14 + shown * CHAR_PX);
		let row = ends.findIndex((end) => end < left - 4);
		if (row === -1) row = ends.length;
		ends[row] = right;
		list.push({ item, row, text });
	}
	let y = AXIS_PX;
	const laneY = new Map<string, { top: number; rows: number }>();
	for (const lane of p.lanes) {
		const rows = Math.max(1, ...(rowsOf.get(lane.id) ?? []).map((r) => r.row + 1));
		laneY.set(lane.id, { top: y, rows });
		y += rows * ROW_PX + 6;
	}
	const height = y + CAPTION_PX;
	const svg: Svg = create('svg')
		.attr('xmlns', SVG_NS)
		.attr('width', p.width)
		.attr('height', height)
		.attr('viewBox', `0 0 ${p.width} ${height}`)
		.attr('font-family', p.palette.font)
		.attr('font-size', 12);
	svg
		.append('rect')
		.attr('width', p.width)
		.attr('height', height)
		.attr('fill', p.palette.background);

	// Axis: ticks and grid lines.
	const ticks = x.ticks(Math.max(2, Math.floor((p.width - LABEL_PX) / 110)));
	const step = ticks.length > 1 ? (ticks[1]?.getTime() ?? 0) - (ticks[0]?.getTime() ?? 0) : 0;
	const axis = svg.append('g').attr('class', 'axis');
	for (const tick of ticks) {
		const tx = x(tick);
		axis
			.append('line')
			.attr('x1', tx)
			.attr('x2', tx)
			.attr('y1', AXIS_PX - 6)
			.attr('y2', y)
			.attr('stroke', p.palette.grid);
		axis
			.append('text')
			.attr('x', tx + 3)
			.attr('y', AXIS_PX - 10)
			.attr('fill', p.palette.muted)
			.attr('font-size', 11)
			.text(p.tickLabel(tick.getTime(), step));
	}

	for (const lane of p.lanes) {
		const box = laneY.get(lane.id);
		if (!box) continue;
		const g = svg.append('g').attr('class', 'lane').attr('data-lane', lane.id);
		g.append('line')
			.attr('x1', 0)
			.attr('x2', p.width)
			.attr('y1', box.top + box.rows * ROW_PX + 3)
			.attr('y2', box.top + box.rows * ROW_PX + 3)
			.attr('stroke', p.palette.grid);
		g.append('text')
			.attr('x', 12)
			.attr('y', box.top + 17)
			.attr('fill', p.palette.text)
			.attr('font-weight', 600)
			.text(truncate(lane.label, 22));
		const items = g.append('g');
		for (const { item, row, text } of rowsOf.get(lane.id) ?? []) {
			drawItem(items, item, text, box.top + row * ROW_PX, x, p);
		}
	}
	addCaption(svg, p.width, y, p.caption, p.palette);
	const node = svg.node();
	if (!node) throw new MessageError(msg('picture.notDrawn'));
	return node;
}

function truncate(text: string, max: number): string {
	return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function drawItem(
	g: Selection<SVGGElement, undefined, null, undefined>,
	item: TimelineItem,
	text: string,
	top: number,
	x: (d: number) => number,
	p: TimelinePicture
) {
	const left = x(Math.max(item.start, p.window.start));
	const right = x(Math.min(item.end, p.window.end));
	const el = g.append('g').attr('class', 'item');
	if (item.kind === 'cluster') {
		el.attr('data-cluster', item.count);
		el.append('rect')
			.attr('x', left)
			.attr('y', top + 3)
			.attr('width', Math.max(right - left, text.length * BOLD_CHAR_PX + 12))
			.attr('height', ROW_PX - 6)
			.attr('rx', 4)
			.attr('fill', p.palette.grid)
			.attr('stroke', p.palette.muted);
		el.append('text')
			.attr('x', left + 6)
			.attr('y', top + 17)
			.attr('fill', p.palette.text)
			.attr('font-weight', 600)
			.text(text);
		return;
	}
	const e: EventItem = item;
	const colour = p.palette.confidence[e.confidence] ?? {
		stroke: p.palette.text,
		fill: p.palette.grid
	};
	el.attr('data-event-id', e.eventId);
	const dashed = e.imprecise || e.uncertain ? '4 3' : null;
	if (e.type === 'range') {
		el.append('rect')
			.attr('x', left)
			.attr('y', top + 3)
			.attr('width', Math.max(2, right - left))
			.attr('height', ROW_PX - 6)
			.attr('rx', 3)
			.attr('fill', e.confidence === 'denied' ? 'none' : colour.fill)
			.attr('stroke', colour.stroke)
			.attr('stroke-dasharray', dashed);
	} else {
		el.append('circle')
			.attr('cx', left)
			.attr('cy', top + ROW_PX / 2)
			.attr('r', 4.5)
			.attr('fill', e.confidence === 'denied' ? p.palette.background : colour.stroke)
			.attr('stroke', colour.stroke)
			.attr('stroke-dasharray', dashed);
	}
	el.append('text')
		.attr('x', e.type === 'range' ? left + 5 : left + 9)
		.attr('y', top + 17)
		.attr('fill', p.palette.text)
		.attr('font-style', e.uncertain ? 'italic' : null)
		.attr('text-decoration', e.confidence === 'denied' ? 'line-through' : null)
		.text(truncate(text, 60));
}

const STYLE_PROPS = [
	'fill',
	'fill-opacity',
	'stroke',
	'stroke-width',
	'stroke-dasharray',
	'stroke-opacity',
	'opacity',
	'font-family',
	'font-size',
	'font-weight',
	'text-anchor',
	'dominant-baseline',
	'paint-order',
	'visibility',
	'display'
] as const;

/** A colour key, drawn where the view shows its own (bottom left), clear of the nodes. */
export interface LegendEntry {
	label: string;
	/** Any CSS colour, theme variables included: it is resolved before it is written. */
	colour: string;
	/** A kind of line rather than a fill (links drawn dashed). */
	line?: 'dashed';
}

/** Labels and legend of the network picture, in pixels. */
const NET_LABEL_PX = 12;
const NET_LABEL_BOX_PX = 15;
const NET_LEGEND_ROW_PX = 18;

/** Text widths on a canvas, for placing the picture's labels and legend. */
function measurer(font: string): (text: string, weight?: number, size?: number) => number {
	const context = document.createElement('canvas').getContext('2d');
	return (text, weight = 400, size = 12) => {
		if (!context) return text.length * size * 0.62;
		context.font = `${weight} ${size}px ${font}`;
		return context.measureText(text).width;
	};
}

/** The live drawing's nodes, as the picture sees them (its pixels are the view's). */
function drawnNodes(live: SVGSVGElement) {
	const origin = live.getBoundingClientRect();
	return [...live.querySelectorAll<SVGGElement>('[data-actor-id][data-name]')].flatMap((g) => {
		const dot = g.querySelector('circle.dot') ?? g.querySelector('circle');
		if (!dot) return [];
		const b = dot.getBoundingClientRect();
		return [
			{
				id: g.getAttribute('data-actor-id') ?? '',
				name: g.getAttribute('data-name') ?? '',
				events: Number(g.getAttribute('data-events') ?? 0),
				dim: g.classList.contains('dim'),
				selected: g.getAttribute('aria-pressed') === 'true',
				x: b.left - origin.left + b.width / 2,
				y: b.top - origin.top + b.height / 2,
				r: b.width / 2
			}
		];
	});
}

/** A CSS colour as the page resolves it now: the file has none of the page's variables. */
function resolveColour(colour: string): string {
	const probe = document.createElement('span');
	probe.style.color = colour;
	document.body.appendChild(probe);
	const resolved = getComputedStyle(probe).color;
	probe.remove();
	return resolved || colour;
}

/** A standalone copy of a live SVG (the network): computed styles inlined, caption added. */
export function copySvg(
	live: SVGSVGElement,
	caption: string,
	palette: Palette,
	legend: readonly LegendEntry[] = []
): SVGSVGElement {
	const width = live.clientWidth || Number(live.getAttribute('width')) || 800;
	const height = live.clientHeight || Number(live.getAttribute('height')) || 600;
	const copy = live.cloneNode(true) as SVGSVGElement;
	const source = [live, ...live.querySelectorAll('*')];
	const target = [copy, ...copy.querySelectorAll('*')];
	source.forEach((el, i) => {
		const out = target[i];
		if (!(out instanceof SVGElement) || !(el instanceof SVGElement)) return;
		const style = getComputedStyle(el);
		for (const prop of STYLE_PROPS) {
			const value = style.getPropertyValue(prop);
			if (value) out.style.setProperty(prop, value);
		}
		out.removeAttribute('class');
		out.removeAttribute('tabindex');
	});
	const total = height + CAPTION_PX;
	copy.setAttribute('xmlns', SVG_NS);
	copy.setAttribute('width', String(width));
	copy.setAttribute('height', String(total));
	copy.setAttribute('viewBox', `0 0 ${width} ${total}`);
	copy.removeAttribute('style');
	const bg = document.createElementNS(SVG_NS, 'rect');
	bg.setAttribute('width', String(width));
	bg.setAttribute('height', String(total));
	bg.setAttribute('fill', palette.background);
	copy.insertBefore(bg, copy.firstChild);
	const svg = create('svg');
	addCaption(svg, width, height, caption, palette);
	const measure = measurer(palette.font);
	const legendBox = drawLegend(svg, live, legend, width, height, palette, measure);
	drawLabels(copy, svg, live, width, height, legendBox, palette, measure);
	for (const child of [...(svg.node()?.childNodes ?? [])]) copy.appendChild(child);
	copy.setAttribute('font-family', palette.font);
	return copy;
}

/**
 * The colour key, in rows from the bottom left where the view keeps its legend (the fit leaves
 * that band free of nodes). Returns the box it takes.
 */
function drawLegend(
	svg: Svg,
	live: SVGSVGElement,
	legend: readonly LegendEntry[],
	width: number,
	height: number,
	palette: Palette,
	measure: (text: string) => number
): Box | undefined {
	if (legend.length === 0) return undefined;
	const sample = (entry: LegendEntry) => (entry.line ? 22 : 10);
	const rows: LegendEntry[][] = [[]];
	let x = 18;
	for (const entry of legend) {
		const w = sample(entry) + 5 + measure(entry.label);
		const row = rows[rows.length - 1];
		if (row && row.length > 0 && x + w > width - 12) {
			rows.push([]);
			x = 18;
		}
		rows[rows.length - 1]?.push(entry);
		x += w + 14;
	}
	// The view's legend: where its top is, if the view shows one.
	const shown = live.parentElement?.querySelector('.legend')?.getBoundingClientRect();
	const origin = live.getBoundingClientRect();
	const fallback = height - 8 - rows.length * NET_LEGEND_ROW_PX;
	const top = shown && shown.height > 0 ? Math.min(shown.top - origin.top + 4, fallback) : fallback;
	let right = 0;
	rows.forEach((row, i) => {
		const cy = top + i * NET_LEGEND_ROW_PX + NET_LEGEND_ROW_PX / 2;
		let at = 18;
		for (const entry of row) {
			const colour = resolveColour(entry.colour);
			if (entry.line) {
				svg
					.append('line')
					.attr('x1', at)
					.attr('x2', at + 22)
					.attr('y1', cy)
					.attr('y2', cy)
					.attr('stroke', colour)
					.attr('stroke-width', 2)
					.attr('stroke-dasharray', '4 3');
			} else {
				svg
					.append('circle')
					.attr('cx', at + 5)
					.attr('cy', cy)
					.attr('r', 5)
					.attr('fill', colour);
			}
			at += sample(entry) + 5;
			svg
				.append('text')
				.attr('x', at)
				.attr('y', cy + 4)
				.attr('fill', palette.muted)
				.attr('font-size', 12)
				.text(entry.label);
			at += measure(entry.label) + 14;
		}
		right = Math.max(right, at);
	});
	return { x0: 10, y0: top - 2, x1: right, y1: top + rows.length * NET_LEGEND_ROW_PX + 2 };
}

/**
 * Labels every node that fits without overlap, with the view's own placement but the picture's
 * room (no controls over it): the selection first, then the busiest; names that fit nowhere are
 * left out rather than drawn over another. The view's labels (which follow hover and focus) are
 * dropped from the copy.
 */
function drawLabels(
	copy: SVGSVGElement,
	svg: Svg,
	live: SVGSVGElement,
	width: number,
	height: number,
	legend: Box | undefined,
	palette: Palette,
	measure: (text: string, weight?: number, size?: number) => number
): void {
	for (const el of copy.querySelectorAll('[data-label-for]')) el.remove();
	const nodes = drawnNodes(live);
	const byId = new Map(nodes.map((n) => [n.id, n]));
	const anyDim = nodes.some((n) => n.dim);
	const requests: LabelRequest<string>[] = nodes.map((n) => ({
		id: n.id,
		x: n.x,
		y: n.y,
		r: n.r,
		width: measure(n.name, 600, NET_LABEL_PX) + 2,
		priority: n.events + (anyDim && !n.dim ? 1e6 : 0),
		forced: n.selected
	}));
	const discs: Disc[] = nodes;
	const placed = placeLabels(requests, discs, {
		height: NET_LABEL_BOX_PX,
		gap: 3,
		margin: 3,
		bounds: { x0: 4, y0: 4, x1: width - 4, y1: height - 4 },
		obstacles: legend ? [legend] : []
	});
	const g = svg.append('g').attr('class', 'labels').attr('font-size', NET_LABEL_PX);
	for (const label of placed) {
		const node = byId.get(label.id);
		if (!node) continue;
		g.append('text')
			.attr('x', (label.box.x0 + label.box.x1) / 2)
			.attr('y', (label.box.y0 + label.box.y1) / 2)
			.attr('text-anchor', 'middle')
			.attr('dominant-baseline', 'central')
			.attr('font-weight', 600)
			.attr('fill', palette.text)
			.attr('stroke', palette.background)
			.attr('stroke-width', 3)
			.attr('stroke-linejoin', 'round')
			.attr('paint-order', 'stroke')
			.attr('opacity', node.dim ? 0.35 : null)
			.attr('data-label-for', label.id)
			.text(node.name);
	}
}

/** The SVG as the text of a file. */
export function svgText(svg: SVGSVGElement): string {
	return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}`;
}

/** Draws the SVG onto a canvas, PNG_SCALE times its size, and encodes it as PNG. */
export async function svgToPng(svg: SVGSVGElement): Promise<Blob> {
	const width = Number(svg.getAttribute('width'));
	const height = Number(svg.getAttribute('height'));
	const url = URL.createObjectURL(new Blob([svgText(svg)], { type: 'image/svg+xml' }));
	try {
		const image = new Image();
		image.decoding = 'sync';
		await new Promise<void>((resolve, reject) => {
			image.onload = () => resolve();
			image.onerror = () => reject(new MessageError(msg('picture.pngNotDrawn')));
			image.src = url;
		});
		const canvas = document.createElement('canvas');
		canvas.width = Math.round(width * PNG_SCALE);
		canvas.height = Math.round(height * PNG_SCALE);
		const context = canvas.getContext('2d');
		if (!context) throw new MessageError(msg('picture.noCanvas'));
		context.scale(PNG_SCALE, PNG_SCALE);
		context.drawImage(image, 0, 0, width, height);
		return await new Promise<Blob>((resolve, reject) =>
			canvas.toBlob(
				(blob) => (blob ? resolve(blob) : reject(new MessageError(msg('picture.pngNotEncoded')))),
				'image/png'
			)
		);
	} finally {
		URL.revokeObjectURL(url);
	}
}

/** Hands a file to the browser's downloads. */
export function download(content: Blob | string, name: string, type = 'application/json'): void {
	const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = name;
	document.body.appendChild(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
