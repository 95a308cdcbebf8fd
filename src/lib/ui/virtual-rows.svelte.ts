/**
 * The rows of a long table drawn as they scroll into view: only the rows on screen (and a few
 * either side) are in the DOM, with spacer rows above and below standing for the rest, so
 * scrolling through 100,000 events lays out a few dozen rows per frame. Built on TanStack's
 * `virtual-core` (the framework-neutral part of TanStack Virtual): it measures each drawn row
 * and estimates the rows not yet drawn. A row measured at another height than its estimate makes
 * it place every later row again, so a long list scrolls best with rows of the estimated height.
 *
 * Up to `drawAll` rows, every row is drawn: a short table stays whole in the DOM (the browser's
 * find and a screen reader's table navigation see all of it). It is made whole in steps: a new
 * list draws the rows in view first, then `FILL_STEP` more either side each time the page is
 * idle, so a keystroke that leaves 300 rows shows the first screen of them in the frame after it
 * (drawing all 300 at once took 100–150 ms at 100,000 events). `filling` says a list is not
 * whole yet (the table says so with `aria-busy`).
 */
import {
	defaultRangeExtractor,
	elementScroll,
	measureElement,
	observeElementOffset,
	observeElementRect,
	Virtualizer,
	type VirtualItem,
	type VirtualizerOptions
} from '@tanstack/virtual-core';
import { untrack } from 'svelte';
import { whenIdle } from '$lib/state/idle';

/** Up to how many rows a list is drawn whole, unless told otherwise (`drawAll`). */
const DRAW_ALL = 300;
/** Rows added either side of those drawn, per idle moment, until a short list is whole. */
const FILL_STEP = 30;
/** How long a step may wait for the page to be idle, in ms. */
const FILL_WAIT = 100;

/**
 * Rows are known to the virtualizer by their places in the list, not their keys: the table's
 * rows are all of one height, so a height measured at a place holds for whatever row comes
 * there, and a new list of 100,000 rows is placed without a key per row (its keys cost 67 ms of
 * a list's first drawing after an import, most of it hashing 100,000 new strings).
 */
const byPlace = (index: number): number => index;

export interface VirtualRowsOptions<T> {
	/** The element that scrolls (the table's wrapper). */
	scroller: () => HTMLElement | undefined;
	/** The rows, in the order drawn. */
	rows: () => readonly T[];
	/** A stable key for a row: a new list of the same rows keeps what was drawn of them. */
	keyOf: (row: T) => string;
	/** The height taken above the first row inside the scroller (the sticky header). */
	offset: () => number;
	/** A row's height before it is measured. */
	estimate: number;
	drawAll?: number;
	overscan?: number;
}

/** A short list being drawn whole: how many rows either side of the view it has so far. */
interface Fill<T> {
	rows: readonly T[];
	extra: number;
	/** Stops the next step, while one is waiting. */
	cancel?: () => void;
	/** Goes on with the steps, when they wait for the table to be shown. */
	resume?: () => void;
}

export class VirtualRows<T> {
	readonly #virtualizer: Virtualizer<HTMLElement, HTMLTableRowElement>;
	readonly #options: VirtualRowsOptions<T>;
	/** Bumped when the virtualizer says its range or sizes changed. */
	#version = $state(0);
	#bumping = false;
	/** The short list being made whole, and how many rows either side of the view it has. */
	#fill: Fill<T> | undefined;
	#filling = $state(false);
	/** The height the rows were last measured at (they are all of one height). */
	#rowHeight: number | undefined;

	constructor(options: VirtualRowsOptions<T>) {
		this.#options = options;
		this.#virtualizer = new Virtualizer(this.#settings());
		$effect(() => {
			// Re-read on every change of the scroller, the count or the header's height.
			const rows = this.#options.rows();
			untrack(() => this.#startFill(rows));
			// The version is written without being read: reading it here would run this again on
			// every scroll.
			this.#apply();
		});
		$effect(() => () => this.#fill?.cancel?.());
		$effect(() => {
			if (this.#options.scroller() === undefined) return;
			const unmount = this.#virtualizer._didMount();
			this.#virtualizer._willUpdate();
			return unmount;
		});
	}

	/**
	 * A new short list starts from the rows in view and grows by a step per idle moment; the same
	 * rows listed anew (their texts read, say) keep what was drawn of them.
	 */
	#startFill(rows: readonly T[]): void {
		const before = this.#fill;
		if (before?.rows === rows) return;
		before?.cancel?.();
		const kept = before !== undefined && this.#sameRows(before.rows, rows);
		const fill: Fill<T> = { rows, extra: kept ? before.extra : 0 };
		this.#fill = fill;
		const drawnWhole = () => rows.length > this.#drawAll || fill.extra >= rows.length;
		/** Whole once the rows drawn reach from the first to the last (the view's range known). */
		const whole = () => {
			if (drawnWhole()) return true;
			const range = this.#virtualizer.calculateRange();
			if (!range) return false;
			const reach = fill.extra + this.#virtualizer.options.overscan;
			return range.startIndex <= reach && range.endIndex + reach >= rows.length - 1;
		};
		const step = () => {
			if (this.#fill !== fill) return;
			// Not shown (a hidden tab): the steps wait until the table has a size again.
			if (this.#virtualizer.calculateRange() === null) {
				fill.resume = next;
				return;
			}
			fill.extra += FILL_STEP;
			this.#apply();
			next();
		};
		const schedule = () => {
			const waiting = whenIdle(step, FILL_WAIT);
			fill.cancel = () => waiting.cancel();
		};
		const next = () => {
			if (!whole()) return schedule();
			fill.cancel = undefined;
			this.#filling = false;
		};
		// The view's range may still be the last list's here: only the rows' count says it is
		// whole; otherwise the first step, with this list's range, says.
		this.#filling = !drawnWhole();
		if (this.#filling) schedule();
	}

	/** Hands the virtualizer the settings as they stand, and tells the views. */
	#apply(): void {
		this.#virtualizer.setOptions(this.#settings());
		this.#virtualizer._willUpdate();
		untrack(() => this.#version++);
	}

	#sameRows(a: readonly T[], b: readonly T[]): boolean {
		if (a.length !== b.length || a.length > this.#drawAll) return false;
		const keyOf = this.#options.keyOf;
		for (let i = 0; i < a.length; i++) if (keyOf(a[i] as T) !== keyOf(b[i] as T)) return false;
		return true;
	}

	/** Up to how many rows a list is drawn whole. */
	get #drawAll(): number {
		return this.#options.drawAll ?? DRAW_ALL;
	}

	/** A short list not yet drawn whole (its rows in view are, the rest follow while idle). */
	get filling(): boolean {
		return this.#filling;
	}

	#settings(): VirtualizerOptions<HTMLElement, HTMLTableRowElement> {
		const o = this.#options;
		const rows = o.rows();
		const count = rows.length;
		const drawAll = this.#drawAll;
		const extra = this.#fill?.rows === rows ? this.#fill.extra : 0;
		const scroller = o.scroller();
		return {
			count,
			getScrollElement: () => scroller ?? null,
			estimateSize: () => o.estimate,
			getItemKey: byPlace,
			overscan: o.overscan ?? 8,
			scrollMargin: o.offset(),
			observeElementRect,
			observeElementOffset,
			scrollToFn: (offset, options, instance) => elementScroll(offset, options, instance),
			// Whole pixels: a row laid out at 48.99 px is the 49 px row it was expected to be, and
			// a height the virtualizer did not expect makes it place every later row again. A row
			// just drawn is not measured at once (reading its height lays out the page there and
			// then: 20 ms of the task that shows an import of 100,000 events), but taken to be as
			// high as the rows measured before it; the resize observer the virtualizer watches it
			// with then says its height, after the browser has laid it out anyway.
			measureElement: (row, entry, instance) => {
				if (entry) return (this.#rowHeight = Math.round(measureElement(row, entry, instance)));
				const known = instance.itemSizeCache.get(instance.indexFromElement(row));
				return known ?? this.#rowHeight ?? o.estimate;
			},
			rangeExtractor: (range: Parameters<typeof defaultRangeExtractor>[0]) => {
				if (count > drawAll) return defaultRangeExtractor(range);
				const start = Math.max(0, range.startIndex - range.overscan - extra);
				const end = Math.min(count - 1, range.endIndex + range.overscan + extra);
				return Array.from({ length: end - start + 1 }, (_, i) => start + i);
			},
			// It may call this while the rows are being read (in a derived value, where state
			// must not change): the views hear of it a microtask later, before the frame paints.
			onChange: () => {
				if (this.#bumping) return;
				this.#bumping = true;
				queueMicrotask(() => {
					this.#bumping = false;
					this.#version++;
					// A fill that waited for the table to be shown goes on.
					const fill = this.#fill;
					const resume = fill?.resume;
					if (fill && resume) {
						fill.resume = undefined;
						resume();
					}
				});
			}
		};
	}

	/** The rows to draw, in order. */
	get items(): VirtualItem[] {
		void this.#version;
		return this.#virtualizer.getVirtualItems();
	}

	/** Heights of the spacers above and below the drawn rows, in pixels. */
	get padding(): { top: number; bottom: number } {
		const items = this.items;
		const first = items[0];
		const last = items.at(-1);
		if (!first || !last) return { top: 0, bottom: 0 };
		const margin = this.#virtualizer.options.scrollMargin;
		const total = this.#virtualizer.getTotalSize();
		return {
			top: Math.max(0, first.start - margin),
			bottom: Math.max(0, total - (last.end - margin))
		};
	}

	/** Measure a drawn row (use as `{@attach rows.measure}` on each `<tr data-index>`). */
	measure = (row: HTMLTableRowElement): (() => void) => {
		this.#virtualizer.measureElement(row);
		// Called with nothing, the virtualizer stops watching the rows no longer in the page.
		return () => this.#virtualizer.measureElement(null);
	};
}
