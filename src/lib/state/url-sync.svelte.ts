/**
 * Keeps the URL and the view in step: a selection pushes a history entry (so back and forward
 * step through selections), the window replaces the current entry after it settles, and
 * stepping through history restores that entry's view.
 */
import { t } from '../i18n';
import type { ActorId } from '../model/schema';
import type { HistoryPort } from './history';
import type { NetworkState } from './network.svelte';
import { datasetOfKey, eventKey, type EventKey } from '../model/events';
import type { TimelineState } from './timeline.svelte';
import { decodeView, encodeView, type View } from './view';
import { sameQuery, type FilterState } from './filter.svelte';
import type { FilterQuery } from '../search/facets';

const SETTLE_MS = 400;

export interface UrlSyncOptions {
	history: HistoryPort;
	/** Whether an actor id names a stored actor. */
	hasActor: (id: string) => boolean;
	/** Tells the user what a link asked for that could not be shown. */
	notify: (text: string) => void;
	/** The search and the facets, part of the view a link keeps. */
	filter?: FilterState;
}

export class UrlSync {
	readonly #tl: TimelineState;
	readonly #network: NetworkState;
	readonly #history: HistoryPort;
	readonly #hasActor: (id: string) => boolean;
	readonly #initial: View;
	readonly #notify: (text: string) => void;
	readonly #filter: FilterState | undefined;
	#restored = false;
	#written: View | undefined;
	#timer: ReturnType<typeof setTimeout> | undefined;

	/** Reads the address the page was opened with. */
	constructor(tl: TimelineState, network: NetworkState, options: UrlSyncOptions) {
		this.#tl = tl;
		this.#network = network;
		this.#history = options.history;
		this.#hasActor = options.hasActor;
		this.#notify = options.notify;
		this.#filter = options.filter;
		const decoded = decodeView(this.#params());
		this.#initial = decoded.view;
		tl.grouping = decoded.view.grouping;
		// The filter is asked at once, so the index answers it as soon as it has the data.
		if (decoded.view.filter) this.#filter?.set(decoded.view.filter);
		this.#problems = decoded.problems.map((p) =>
			p === 'window'
				? t.timeline.badWindow
				: p === 'filter'
					? t.filter.badLink
					: t.timeline.badLanes
		);
	}

	/** What the opening URL asked for that could not be understood, told once the data is in. */
	#problems: string[];

	/** The view as it is now. */
	current(): View {
		const tl = this.#tl;
		const view: View = { grouping: tl.grouping };
		if (tl.linkWindow) view.window = tl.linkWindow;
		const selected = tl.selected;
		if (selected) {
			view.event = selected.event.id;
			// Ids are unique within a dataset only: name the dataset when another one shares the id.
			if (tl.events.some((e) => e.event.id === selected.event.id && e.key !== selected.key)) {
				view.dataset = datasetOfKey(selected.key);
			}
		}
		if (this.#network.selectedActor !== undefined) view.actor = this.#network.selectedActor;
		if (this.#filter?.active) view.filter = $state.snapshot<FilterQuery>(this.#filter.query);
		return view;
	}

	/** Once the events are loaded: apply the window and the selection the URL asked for. */
	restore(): void {
		if (this.#restored) return;
		this.#restored = true;
		const messages: string[] = [];
		if (this.#problems.length) messages.push(`${t.timeline.badLink} ${this.#problems.join(', ')}.`);
		const missing = this.#apply(this.#initial);
		if (missing.event !== undefined) messages.push(t.timeline.unknownEvent(missing.event));
		if (missing.actor !== undefined) messages.push(t.network.unknownActor(missing.actor));
		if (messages.length) this.#notify(messages.join(' '));
	}

	/** A user's selection: a new history entry. */
	select(key: EventKey | undefined): void {
		if (key === this.#tl.selectedKey) return;
		this.#tl.selectedKey = key;
		this.#write('push');
	}

	/** A user's choice of actor (or none): a new history entry. */
	selectActor(id: ActorId | undefined): void {
		if (id === this.#network.selectedActor && this.#network.selectedEdge === undefined) return;
		this.#network.selectActor(id);
		this.#write('push');
	}

	/** A grouping change is part of the view: a new history entry too. */
	group(grouping: View['grouping']): void {
		if (grouping === this.#tl.grouping) return;
		this.#tl.grouping = grouping;
		this.#write('push');
	}

	/** The words or the facets changed: replace the entry once they settle (as the window). */
	filterChanged(): void {
		if (!this.#restored || !this.#filter) return;
		// Only a change of what the address says: not the first question, nor one asked again.
		const said = (this.#written ?? this.#initial).filter ?? { text: '', facets: {} };
		if (sameQuery(said, this.#filter.query)) return;
		this.#settle();
	}

	/** The window moved: replace the entry once it settles. */
	windowMoved(): void {
		if (!this.#restored) return;
		// A window nobody chose is the data's whole extent: it moves with the data (a first load
		// whose events arrive after the address was read), and an address that names no window
		// need not start to. Once it names one, it follows (Fit all included).
		const said = (this.#written ?? this.#initial).window;
		if (!this.#tl.windowChosen && said === undefined) return;
		this.#settle();
	}

	/** Replaces the entry once the view rests. */
	#settle(): void {
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => this.#write('replace'), SETTLE_MS);
	}

	/** History moved (back/forward): show that entry's view. */
	historyMoved(state: View | undefined): void {
		if (!this.#restored || state === this.#written) return;
		this.#apply(state ?? this.#initial);
	}

	destroy(): void {
		clearTimeout(this.#timer);
	}

	/** Shows a view; returns the ids of a selected event and actor that do not exist. */
	#apply(view: View): { event?: string; actor?: string } {
		const tl = this.#tl;
		const missing: { event?: string; actor?: string } = {};
		tl.grouping = view.grouping;
		if (this.#filter) {
			const asked = view.filter ?? { text: '', facets: {} };
			if (!sameQuery(asked, this.#filter.query)) this.#filter.set(asked);
		}
		if (view.window) tl.setWindow(view.window, 'url');
		const actor =
			view.actor !== undefined && this.#hasActor(view.actor) ? (view.actor as ActorId) : undefined;
		if (view.actor !== undefined && actor === undefined) missing.actor = view.actor;
		this.#network.selectActor(actor);
		if (view.event === undefined) {
			tl.selectedKey = undefined;
			return missing;
		}
		const found =
			(view.dataset !== undefined
				? tl.byKey.get(eventKey({ datasetId: view.dataset, id: view.event }))
				: undefined) ?? tl.events.find((e) => e.event.id === view.event);
		tl.selectedKey = found?.key;
		if (!found) missing.event = view.event;
		return missing;
	}

	#write(mode: 'push' | 'replace'): void {
		clearTimeout(this.#timer);
		const view = this.current();
		this.#written = view;
		const url = encodeView(view, this.#params()) || this.#history.pathname();
		if (mode === 'push') this.#history.push(url, view);
		else this.#history.replace(url, view);
	}

	/** The query of the address now (read once per use, not reactive). */
	#params(): URLSearchParams {
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- read once, not state
		return new URLSearchParams(this.#history.search());
	}
}
