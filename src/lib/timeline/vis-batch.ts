/**
 * Hands vis-timeline a change of many items as one drawing.
 *
 * Left to itself, vis-timeline (8.5) draws a change of items in two costly ways, both measured
 * while zooming over 100,000 events (`npm run bench`, and a CPU profile in
 * `tests/bench/RESULTS.md`):
 *
 * - every change of its item `DataSet` (a removal, an addition, an update: a zoom makes all
 *   three) redraws the whole item set at once, before the next frame, besides the redraw the
 *   change asks for on that frame;
 * - an item joining a lane is drawn the moment it joins (`Group.add` → `show` → `redraw`), and an
 *   item on screen whose data changes is redrawn the moment it changes (`Item.setData`), each
 *   with its size read straight after: every such item forces the browser to lay out the page.
 *
 * {@link batchItemChanges} draws them the way vis-timeline itself draws items coming into view:
 * inside it, the item set's synchronous redraw does nothing, an added item joins its lane without
 * being drawn (the lane's redraw on the next frame draws every new item in one batch), and the
 * changed items on screen are redrawn together at its end: all of their elements first, then all
 * of their sizes, so the page is laid out once. Everything a change asks for is still drawn.
 *
 * These are internals of the pinned vis-timeline line (`~8.5` in package.json). When they are
 * not where this expects them, it changes nothing and the timeline draws as vis-timeline would.
 */

interface VisItem {
	id: string | number;
	data: { subgroup?: unknown };
	setParent(group: unknown): void;
}

interface VisDrawnItem extends VisItem {
	displayed: boolean;
	parent: unknown;
	data: VisItem['data'] & { group?: unknown };
	setData: (this: VisDrawnItem, data: { group?: unknown }) => void;
	/** With `true`, the steps of the drawing, to be run in order (vis-timeline's batching). */
	redraw: (this: VisDrawnItem, returnQueue: true) => (() => void)[] | undefined;
}

interface VisGroup {
	items: Record<string | number, VisItem>;
	stackDirty: boolean;
	add: (this: VisGroup, item: VisItem) => void;
}

interface VisItemSet {
	redraw: (this: void, ...args: unknown[]) => unknown;
	groups?: Record<string, object>;
	items?: Record<string, object>;
}

const PATCHED = Symbol('trama.lazyAdd');

/** Makes `Group.add` keep the item without drawing it: the lane's next redraw draws it. */
function addWithoutDrawing(itemSet: VisItemSet): void {
	const proto = definingPrototype<VisGroup & { [PATCHED]?: true }>(
		Object.values(itemSet.groups ?? {}),
		['add', '_checkIfVisible']
	);
	if (!proto || proto[PATCHED]) return;
	const original = proto.add;
	proto.add = function (this: VisGroup, item: VisItem) {
		// Subgroups (Trama draws none) keep vis-timeline's own way.
		if (item.data.subgroup !== undefined) return original.call(this, item);
		this.items[item.id] = item;
		item.setParent(this);
		this.stackDirty = true;
	};
	proto[PATCHED] = true;
}

/** The prototype of `obj` (or above it) that defines all of `names`. */
function definingPrototype<T>(objects: Iterable<object>, names: string[]): T | undefined {
	for (const obj of objects) {
		let proto: object | null = Object.getPrototypeOf(obj) as object | null;
		while (proto && proto !== Object.prototype) {
			const p = proto;
			if (names.every((n) => Object.hasOwn(p, n))) return proto as T;
			proto = Object.getPrototypeOf(proto) as object | null;
		}
	}
	return undefined;
}

/** Items on screen whose data changed inside the running batch, to be redrawn at its end. */
let changedOnScreen: Set<VisDrawnItem> | undefined;

/**
 * Makes `Item.setData` of an item on screen, inside a batch, leave its redrawing to the batch's
 * end. A change of lane keeps vis-timeline's own way (it moves the element between lanes).
 */
function setDataWithoutDrawing(itemSet: VisItemSet): void {
	const proto = definingPrototype<VisDrawnItem & { [PATCHED]?: true }>(
		Object.values(itemSet.items ?? {}),
		['setData', 'select', 'unselect']
	);
	if (!proto || proto[PATCHED]) return;
	const original = proto.setData;
	proto.setData = function (this: VisDrawnItem, data: { group?: unknown }) {
		const batch = changedOnScreen;
		if (!batch || !this.displayed || (data.group !== undefined && data.group !== this.data.group))
			return original.call(this, data);
		this.displayed = false;
		try {
			original.call(this, data);
		} finally {
			this.displayed = true;
		}
		batch.add(this);
	};
	proto[PATCHED] = true;
}

/** Redraws items together: every item's first step, then every item's second, and so on. */
function redrawTogether(items: Iterable<VisDrawnItem>): void {
	const queues: (() => void)[][] = [];
	for (const item of items) {
		if (!item.displayed || !item.parent) continue;
		const queue = item.redraw(true);
		if (queue) queues.push(queue);
	}
	const steps = Math.max(0, ...queues.map((q) => q.length));
	for (let i = 0; i < steps; i++) for (const q of queues) q[i]?.();
}

/**
 * Runs `change` (removals, additions and updates of the timeline's item `DataSet`) so that
 * vis-timeline draws its result once, on the next frame, instead of once per change and once
 * per added item.
 */
export function batchItemChanges(timeline: unknown, change: () => void): void {
	const itemSet = (timeline as { itemSet?: VisItemSet } | undefined)?.itemSet;
	if (!itemSet || typeof itemSet.redraw !== 'function') {
		change();
		return;
	}
	addWithoutDrawing(itemSet);
	setDataWithoutDrawing(itemSet);
	const own = Object.hasOwn(itemSet, 'redraw');
	const redraw = itemSet.redraw;
	itemSet.redraw = () => false;
	const changed = new Set<VisDrawnItem>();
	changedOnScreen = changed;
	try {
		change();
	} finally {
		changedOnScreen = undefined;
		if (own) itemSet.redraw = redraw;
		else delete (itemSet as Partial<VisItemSet>).redraw;
	}
	redrawTogether(changed);
}

/** The classes that mark an item highlighted or dimmed (the selected actor's or link's events). */
const HIGHLIGHT_CLASSES = ['t-hl', 't-dim'] as const;

/**
 * The elements vis-timeline gives an item's `className`: a range's box; a box's box, line and
 * dot; a point's point and dot.
 */
const CLASSED = ['box', 'point', 'line', 'dot'] as const;

interface VisStyledItem {
	data?: { className?: string };
	dom?: Partial<Record<(typeof CLASSED)[number], HTMLElement>>;
}

/**
 * Changes only the highlight classes of items vis-timeline holds, on their elements (those drawn)
 * and in the item's own data (which its later drawings read), without marking them changed: a
 * highlight changes no size, so nothing needs laying out or measuring again. An actor click at
 * 100,000 events spent about 20 ms in vis-timeline's redraw and measuring of every item on
 * screen when only these classes changed, and items in the window's margins, not drawn yet, had
 * it draw the whole timeline again (about 11 ms more). Returns the ids it could not restyle (not
 * held, or vis-timeline's internals not where this expects them): those go through a normal
 * update.
 */
export function restyleItems(
	timeline: unknown,
	rows: readonly { id: string; className: string }[]
): string[] {
	const items = (timeline as { itemSet?: VisItemSet } | undefined)?.itemSet?.items as
		Record<string, VisStyledItem | undefined> | undefined;
	const missed: string[] = [];
	for (const row of rows) {
		const item = items?.[row.id];
		if (!item?.data) {
			missed.push(row.id);
			continue;
		}
		// An item not drawn yet (out of view) takes its classes from its data when it is drawn:
		// its data is enough, and no redraw of the timeline is asked for it.
		const elements = CLASSED.map((k) => item.dom?.[k]).filter((e) => e instanceof Element);
		const wanted = new Set(row.className.split(' '));
		item.data = { ...item.data, className: row.className };
		for (const el of elements)
			for (const c of HIGHLIGHT_CLASSES) el.classList.toggle(c, wanted.has(c));
	}
	return missed;
}
