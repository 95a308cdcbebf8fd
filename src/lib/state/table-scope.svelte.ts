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
import type { TimelineState } from './timeline.svelte';

/** What the scope reads of the network and the store, reactively. */
export interface TableScopeSources {
	/** Every event of the datasets shown (hidden datasets' events are not among them). */
	all: () => readonly StoredHead[];
	/** How many events are stored in all, hidden datasets' included: the count's total. */
	total: () => number;
	/** The names of the hidden datasets that hold events. */
	hidden: () => readonly string[];
	/** The confidences the confidence filter hides, named for the reader (none: the filter is off). */
	hiddenConfidences: () => readonly string[];
	/** The actor the network selected, if any. */
	actor: () => ActorId | undefined;
	/** The link the network selected, if any (it wins over the actor, as in the highlight). */
	edge: () => Pick<GraphEdge, 'a' | 'b'> | undefined;
	nameOf: (id: ActorId) => string;
}

/** One reason events are left out of the table, named for the reader. */
export interface ScopeLimit {
	kind: 'window' | 'actor' | 'hidden' | 'confidence';
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

	/** The actor filter is on and has something to keep: the selected actor's or link's events. */
	readonly filtering: boolean = $derived.by(
		() => this.#tl.filterToHighlight && this.#tl.highlight !== undefined
	);

	/** The window leaves out some of the events the filter keeps. */
	readonly windowLimits: boolean = $derived.by(
		() => this.#tl.shownInWindow.length < this.#tl.shownEvents.length
	);

	/** Following the views leaves some events out: "Show all" has something to add. */
	readonly limited: boolean = $derived.by(() => this.filtering || this.windowLimits);

	/** The rows, before the table's own text filter. */
	readonly events: readonly StoredHead[] = $derived.by(() =>
		this.showAll ? this.#src.all() : this.#tl.shownInWindow
	);

	readonly total: number = $derived.by(() => this.#src.total());

	/** What keeps events out of the table now, in the order the reader meets them. */
	readonly limits: ScopeLimit[] = $derived.by(() => {
		const out: ScopeLimit[] = [];
		if (!this.showAll && this.windowLimits)
			out.push({ kind: 'window', text: t.tableScope.window(formatWindow(this.#tl.window)) });
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
		const confidences = this.#src.hiddenConfidences();
		if (confidences.length)
			out.push({ kind: 'confidence', text: t.tableScope.hiddenConfidences(confidences) });
		return out;
	});
}
