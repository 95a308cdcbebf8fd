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
import { fitLabel } from './fit-text';

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
			denied: conf('denied'),
			unassessed: conf('unassessed')
		}
	};
}

export interface TimelinePicture {
	lanes: readonly Lane[];
	/**
	 * The items for a plot this many pixels wide: clusters are worked out at the picture's own
	 * width, not the screen's (a wider picture has room for more single events).
	 */
	layout: (plotWidthPx: number) => readonly TimelineItem[];
	window: Span;
	width: number;
	caption: string;
	/** Axis tick labels, formatted by the caller (through Intl). */
	tickLabel: (ms: number, stepMs: number) => string;
	clusterLabel: (n: number) => string;
	palette: Palette;
	/** How wide a label is drawn (12 px, bold or not); a canvas measures the palette's font. */
	measure?: (text: string, bold: boolean) => number;
}

const LABEL_PX = 170;
const ROW_PX = 26;
const AXIS_PX = 28;
const FONT_PX = 12;
/** The widest an event's title may run beside its marker before it is ellipsised. */
const TITLE_MAX_PX = 300;
/** Less room than this to the right, and the title goes to the marker's left if it fits better. */
const TITLE_MIN_PX = 120;
const EDGE_PX = 12;

type Svg = Selection<SVGSVGElement, undefined, null, undefined>;

/** Measures text with a canvas in the palette's font, at the picture's 12 px. */
export function canvasMeasure(font: string): (text: string, bold: boolean) => number {
	const context = document.createElement('canvas').getContext('2d');
	// Without a canvas, a generous average keeps labels from running into each other.
	if (!context) return (text, bold) => text.length * (bold ? 7.6 : 7);
	return (text, bold) => {
		context.font = `${bold ? 600 : 400} ${FONT_PX}px ${font}`;
		return context.measureText(text).width;
	};
}

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

/** An item placed in the picture: its row in its lane, its fitted label and where it goes. */
interface Placed {
	item: TimelineItem;
	row: number;
	/** The label as drawn (fitted to its room); empty when no whole word fits. */
	label: string;
	/** The full text, kept as the element's tooltip when the label is shortened. */
	full: string;
	/** The label's anchor x, and whether it runs leftwards from there. */
	labelX: number;
	leftwards: boolean;
	/** A cluster's box width (its label and padding, or its span). */
	boxWidth: number;
}

/**
 * Where each item of the window goes: its label fitted by measured width at word boundaries
 * (to the marker's right, or its left near the picture's right edge), and items stacked into
 * rows so no two labels or markers overlap. Pure given `x` and `measure`.
 */
export function placeItems(
	items: readonly TimelineItem[],
	window: Span,
	width: number,
	x: (ms: number) => number,
	text: (item: TimelineItem) => string,
	measure: (text: string, bold: boolean) => number
): Map<string, Placed[]> {
	const byLane = new Map<string, Placed[]>();
	const rowEnds = new Map<string, number[]>();
	const inWindow = items
		.filter((i) => i.end >= window.start && i.start <= window.end)
		.toSorted((a, b) => a.start - b.start);
	for (const item of inWindow) {
		const full = text(item);
		const left = x(Math.max(item.start, window.start));
		const right = x(Math.min(item.end, window.end));
		let from: number;
		let to: number;
		let label: string;
		let labelX: number;
		let leftwards = false;
		let boxWidth = 0;
		if (item.kind === 'cluster') {
			label = full;
			boxWidth = Math.max(right - left, measure(full, true) + 12);
			// A cluster near the right edge keeps its box inside the picture.
			const boxLeft = Math.min(left, width - EDGE_PX - boxWidth);
			labelX = boxLeft + 6;
			from = boxLeft;
			to = boxLeft + boxWidth;
		} else {
			const gap = item.type === 'range' ? 5 : 9;
			const roomRight = width - EDGE_PX - (left + gap);
			const roomLeft = left - 9 - LABEL_PX;
			const fits = measure(full, false);
			leftwards = roomRight < Math.min(fits, TITLE_MIN_PX) && roomLeft > roomRight;
			const room = Math.min(TITLE_MAX_PX, leftwards ? roomLeft : roomRight);
			label = fitLabel(full, room, (s) => measure(s, false));
			const drawn = label === '' ? 0 : measure(label, false);
			labelX = leftwards ? left - 9 : left + gap;
			from = leftwards ? labelX - drawn : left - 5;
			to = Math.max(right, leftwards ? left + 5 : labelX + drawn);
		}
		let ends = rowEnds.get(item.lane);
		if (!ends) rowEnds.set(item.lane, (ends = []));
		let row = ends.findIndex((end) => end < from - 4);
		if (row === -1) row = ends.length;
		ends[row] = to;
		let list = byLane.get(item.lane);
		if (!list) byLane.set(item.lane, (list = []));
		list.push({ item, row, label, full, labelX, leftwards, boxWidth });
	}
	return byLane;
}

/** The timeline's window as an SVG: lanes, items stacked where they overlap, axis, caption. */
export function timelineSvg(p: TimelinePicture): SVGSVGElement {
	const x = scaleUtc()
		.domain([p.window.start, p.window.end])
		.range([LABEL_PX, p.width - EDGE_PX]);
	const measure = p.measure ?? canvasMeasure(p.palette.font);
	const items = p.layout(p.width - LABEL_PX - EDGE_PX);
	const placed = placeItems(
		items,
		p.window,
		p.width,
		(ms) => x(ms),
		(item) => (item.kind === 'cluster' ? p.clusterLabel(item.count) : item.title),
		measure
	);
	let y = AXIS_PX;
	const laneY = new Map<string, { top: number; rows: number }>();
	for (const lane of p.lanes) {
		const rows = Math.max(1, ...(placed.get(lane.id) ?? []).map((r) => r.row + 1));
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
		.attr('font-size', FONT_PX);
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
		// A tick near the right edge keeps its line; its label would run off the picture.
		const label = p.tickLabel(tick.getTime(), step);
		if (tx + 3 + measure(label, false) > p.width - 4) continue;
		axis
			.append('text')
			.attr('x', tx + 3)
			.attr('y', AXIS_PX - 10)
			.attr('fill', p.palette.muted)
			.attr('font-size', 11)
			.text(label);
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
		const name = fitLabel(lane.label, LABEL_PX - 24, (s) => measure(s, true));
		const label = g
			.append('text')
			.attr('x', 12)
			.attr('y', box.top + 17)
			.attr('fill', p.palette.text)
			.attr('font-weight', 600)
			.text(name);
		if (name !== lane.label) label.append('title').text(lane.label);
		const drawn = g.append('g');
		for (const placedItem of placed.get(lane.id) ?? []) {
			drawItem(drawn, placedItem, box.top + placedItem.row * ROW_PX, x, p);
		}
	}
	addCaption(svg, p.width, y, p.caption, p.palette);
	const node = svg.node();
	if (!node) throw new MessageError(msg('picture.notDrawn'));
	return node;
}

function drawItem(
	g: Selection<SVGGElement, undefined, null, undefined>,
	placed: Placed,
	top: number,
	x: (d: number) => number,
	p: TimelinePicture
) {
	const { item, label, full } = placed;
	const left = x(Math.max(item.start, p.window.start));
	const right = x(Math.min(item.end, p.window.end));
	const el = g.append('g').attr('class', 'item');
	// The whole title stays in the file, as the item's tooltip, when its label is shortened.
	if (label !== full) el.append('title').text(full);
	if (item.kind === 'cluster') {
		el.attr('data-cluster', item.count);
		el.append('rect')
			.attr('x', placed.labelX - 6)
			.attr('y', top + 3)
			.attr('width', placed.boxWidth)
			.attr('height', ROW_PX - 6)
			.attr('rx', 4)
			.attr('fill', p.palette.grid)
			.attr('stroke', p.palette.muted);
		el.append('text')
			.attr('x', placed.labelX)
			.attr('y', top + 17)
			.attr('fill', p.palette.text)
			.attr('font-weight', 600)
			.text(label);
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
	if (label === '') return;
	el.append('text')
		.attr('x', placed.labelX)
		.attr('y', top + 17)
		.attr('text-anchor', placed.leftwards ? 'end' : null)
		.attr('fill', p.palette.text)
		.attr('font-style', e.uncertain ? 'italic' : null)
		.attr('text-decoration', e.confidence === 'denied' ? 'line-through' : null)
		.text(label);
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
 * A picture of a drawing made on a canvas (the network with every actor): the drawing, painted
 * again at {@link PNG_SCALE} times the view's size and placed as an image, under the same legend
 * and caption as a copy of an SVG drawing. `live` is the view's canvas, where the legend is
 * placed as the view shows it. For PNG only: an SVG file holding a raster image would promise
 * lines it does not have.
 */
export function canvasPicture(
	drawing: HTMLCanvasElement,
	live: Element,
	width: number,
	height: number,
	caption: string,
	palette: Palette,
	legend: readonly LegendEntry[] = []
): SVGSVGElement {
	const total = height + CAPTION_PX;
	const svg = create('svg')
		.attr('xmlns', SVG_NS)
		.attr('width', width)
		.attr('height', total)
		.attr('viewBox', `0 0 ${width} ${total}`)
		.attr('font-family', palette.font);
	svg.append('rect').attr('width', width).attr('height', total).attr('fill', palette.background);
	svg
		.append('image')
		.attr('href', drawing.toDataURL('image/png'))
		.attr('width', width)
		.attr('height', height);
	drawLegend(svg, live, legend, width, height, palette, measurer(palette.font));
	addCaption(svg, width, height, caption, palette);
	const node = svg.node();
	if (!node) throw new MessageError(msg('picture.noCanvas'));
	return node;
}

/**
 * The colour key, in rows from the bottom left where the view keeps its legend (the fit leaves
 * that band free of nodes). Returns the box it takes.
 */
function drawLegend(
	svg: Svg,
	live: Element,
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
