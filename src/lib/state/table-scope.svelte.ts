/**
 * What the event table lists: by default what the other views show (the datasets shown, the
 * actor filter and the timeline's window, the same events "export what is shown" writes), or,
 * at the reader's choice, every event of the datasets shown. It also says, in words, what keeps
 * events out, so the count and the rows always agree with the explanation beside them.
 */
import { t } from '../i18n';
import { formatWindow } from '../i18n/format';
import type { StoredHead } from '../db/repository';
import type { GraphEdge } from '../graph/graph';
import type { ActorId } from '../model/schema';
import type { Span } from '../model/dates';
import type { TimelineState } from './timeline.svelte';

/** What the scope reads of the network and the store, reactively. */
export interface TableScopeSources {
	/** Every event of the datasets shown (hidden datasets' events are not among them). */
	all: () => readonly StoredHead[];
	/** How many events are stored in all, hidden datasets' included: the count's total. */
	total: () => number;
	/** The names of the hidden datasets that hold events. */
	hidden: () => readonly string[];
	/** What the search and the facets ask, in words (undefined: the filter is off). */
	filter: () => string | undefined;
	/** The actor the network selected, if any. */
	actor: () => ActorId | undefined;
	/** The link the network selected, if any (it wins over the actor, as in the highlight). */
	edge: () => Pick<GraphEdge, 'a' | 'b'> | undefined;
	nameOf: (id: ActorId) => string;
}

/**
 * Past this many events shown, the table follows the window once it has rested for
 * {@link TABLE_SETTLE_MS}, not on every frame of a zoom: redrawing and laying out a page of rows
 * costs more than a frame, and the timeline's frames would wait for it.
 */
export const TABLE_SETTLE_EVENTS = 5000;
export const TABLE_SETTLE_MS = 150;

/** One reason events are left out of the table, named for the reader. */
export interface ScopeLimit {
	kind: 'window' | 'actor' | 'hidden' | 'filter';
	text: string;
}

export class TableScope {
	readonly #tl: TimelineState;
	readonly #src: TableScopeSources;

	/** The reader asked for every event, whatever the window and the actor filter. */
	showAll = $state(false);

	constructor(timeline: TimelineState, sources: TableScopeSources) {
		this.#tl = timeline;
		this.#src = sources;
	}

	/**
	 * The window the table lists, when it is not the timeline's own: the last one it settled on
	 * (see {@link follow}).
	 */
	#held = $state.raw<Span | undefined>(undefined);
	#wasActive = false;

	/** The window the rows, the count and the words beside them follow. */
	readonly window: Span = $derived.by(() => this.#held ?? this.#tl.window);

	/** The events of the datasets shown and the actor filter in {@link window}. */
	readonly #inWindow: readonly StoredHead[] = $derived.by(() =>
		this.#held ? this.#tl.shownIn(this.#held) : this.#tl.shownInWindow
	);

	/**
	 * Call (from an effect) with the timeline's window and whether the table is on screen. Hidden,
	 * the table keeps the window it had; on screen again, it catches up at once. With many events
	 * it follows a moving window once the window rests. Returns what cancels a pending catch-up.
	 */
	follow(window: Span, active: boolean): (() => void) | undefined {
		const wasActive = this.#wasActive;
		this.#wasActive = active;
		if (!active) {
			this.#held ??= window;
			return undefined;
		}
		const large = this.#tl.shownEvents.length > TABLE_SETTLE_EVENTS;
		if (!large) {
			this.#held = undefined;
			return undefined;
		}
		if (!wasActive || this.#held === undefined) {
			this.#held = window;
			return undefined;
		}
		const timer = setTimeout(() => (this.#held = window), TABLE_SETTLE_MS);
		return () => clearTimeout(timer);
	}

	/** The actor filter is on and has something to keep: the selected actor's or link's events. */
	readonly filtering: boolean = $derived.by(
		() => this.#tl.filterToHighlight && this.#tl.highlight !== undefined
	);

	/** The window leaves out some of the events the filter keeps. */
	readonly windowLimits: boolean = $derived.by(
		() => this.#inWindow.length < this.#tl.shownEvents.length
	);

	/** Following the views leaves some events out: "Show all" has something to add. */
	readonly limited: boolean = $derived.by(() => this.filtering || this.windowLimits);

	/** The rows, before the table's own text filter. */
	readonly events: readonly StoredHead[] = $derived.by(() =>
		this.showAll ? this.#src.all() : this.#inWindow
	);

	readonly total: number = $derived.by(() => this.#src.total());

	/** What keeps events out of the table now, in the order the reader meets them. */
	readonly limits: ScopeLimit[] = $derived.by(() => {
		const out: ScopeLimit[] = [];
		if (!this.showAll && this.windowLimits)
			out.push({ kind: 'window', text: t.tableScope.window(formatWindow(this.window)) });
		if (!this.showAll && this.filtering) {
			const edge = this.#src.edge();
			const actor = this.#src.actor();
			const name = edge
				? t.tableScope.link(this.#src.nameOf(edge.a), this.#src.nameOf(edge.b))
				: actor !== undefined
					? this.#src.nameOf(actor)
					: undefined;
			if (name) out.push({ kind: 'actor', text: name });
		}
		const hidden = this.#src.hidden();
		if (hidden.length) out.push({ kind: 'hidden', text: t.tableScope.hidden(hidden) });
		const filter = this.#src.filter();
		if (filter !== undefined) out.push({ kind: 'filter', text: t.tableScope.filter(filter) });
		return out;
	});
}
