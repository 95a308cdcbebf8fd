/**
 * The dashboard's composition root: it builds the view states once, links them (timeline ↔
 * network ↔ address ↔ importer), and holds what belongs to the page as a whole: the open tab
 * and dialogs, the Escape cascade, `?import=` links and dropped files. Components get it through
 * a typed context and call its methods; the page only lays them out.
 *
 * Create it while a component initialises: its links to the outside (history, the window's
 * moves) are effects owned by that component, and end with it.
 */
import { createContext, untrack } from 'svelte';
import { t } from '../i18n';
import { GraphService } from '../graph/graph-client';
import { checkUrl } from '../io/url';
import { litKeys, type EventKey, type KeyedEvent, type Lit } from '../model/events';
import type { ActorId, DatasetId } from '../model/schema';
import type { Grouping, Lane } from '../time/items';
import type { AppState } from './app.svelte';
import type { HistoryPort } from './history';
import { EditingState } from './editing.svelte';
import type { FacetNames } from './facet-labels';
import { ExportSession } from './export.svelte';
import { ImportSession } from './import.svelte';
import { inThreadImports, inThreadRestores } from '../import/in-thread';
import { NetworkState, type FrameScheduler } from './network.svelte';
import { replaceSettings } from './settings';
import {
	SAVED_SEARCHES_KEY,
	SavedSearches,
	type SavedSearch,
	type SaveResult
} from './saved-searches.svelte';
import { THEME_KEY, type ThemeState } from './theme.svelte';
import { TimelineState } from './timeline.svelte';
import { UrlSync } from './url-sync.svelte';
import { whenIdleUntilDone } from './idle';
import { yieldToPage } from './live.svelte';

/** The views that share the lower panel. */
export type ViewTab = 'network' | 'table';
export const VIEW_TABS: readonly ViewTab[] = ['network', 'table'];

export interface DashboardOptions {
	app: AppState;
	history: HistoryPort;
	theme: Pick<ThemeState, 'set'>;
	importer?: ImportSession;
	/** How the network waits for the next frame (tests run frames by hand). */
	schedule?: FrameScheduler;
	/** Who builds large graphs (the graph worker unless given). */
	graphs?: GraphService;
	/** Where saved searches are kept (the browser's localStorage unless given). */
	storage?: Pick<Storage, 'getItem' | 'setItem'>;
}

/** The browser's localStorage, if the page may use it. */
function browserStorage(): Storage | undefined {
	try {
		return typeof localStorage === 'undefined' ? undefined : localStorage;
	} catch {
		return undefined;
	}
}

/**
 * Between these many events, the lookups of a first actor click and of a first filter are built
 * while idle (about 20 and 15 ms at 100,000). Past the upper bound that would be a task of
 * hundreds of ms nobody asked for; the first click or keystroke pays it instead, as below the
 * lower bound (where it costs nothing).
 */
const PREPARE_FROM = 5000;
const PREPARE_UP_TO = 300_000;
/** The longest a piece of idle preparation runs before it lets the page have a frame, in ms. */
const PREPARE_SLICE_MS = 8;

export class Dashboard {
	readonly app: AppState;
	readonly timeline: TimelineState;
	readonly network: NetworkState;
	readonly url: UrlSync;
	readonly importer: ImportSession;
	readonly exporter: ExportSession;
	/** The event form beside the views. */
	readonly editing: EditingState;
	/** Named filters and windows to come back to (kept among the settings). */
	readonly saved: SavedSearches;
	readonly #history: HistoryPort;
	readonly #theme: Pick<ThemeState, 'set'>;

	tab = $state<ViewTab>('network');
	importing = $state(false);
	exporting = $state(false);
	/** The keyboard help is open ("?"). */
	helping = $state(false);
	/** Files are being dragged over the page. */
	dragging = $state(false);
	/** An event selected before the views have it (a new one): brought into view when they do. */
	#revealing = $state<EventKey | undefined>(undefined);

	constructor(options: DashboardOptions) {
		const app = options.app;
		this.app = app;
		this.#history = options.history;
		this.#theme = options.theme;
		// A store in memory is this page's alone: imports and restores run on the page.
		this.importer =
			options.importer ?? new ImportSession(app.memory ? inThreadImports(app.repo) : undefined);
		this.saved = new SavedSearches(options.storage ?? browserStorage());
		// The timeline highlights what the network selects; both are read lazily, inside deriveds.
		this.timeline = new TimelineState({
			events: () => app.shownEvents ?? [],
			all: () => app.visibleEvents ?? [],
			places: () => app.shownPlaces,
			actors: () => app.actorsById,
			highlight: () => this.highlight,
			actor: () => this.network.actor
		});
		this.network = new NetworkState(
			this.timeline,
			{ nameOf: app.actorName, has: (id) => app.actorsById.has(id) },
			options.schedule,
			// The columns of new data are made between the page's frames, a slice at a time.
			options.graphs ?? new GraphService(undefined, { pause: yieldToPage })
		);
		this.exporter = new ExportSession(app, this.timeline, this.network, {
			onrestored: (settings) => this.restored(settings),
			...(app.memory ? { restorer: inThreadRestores(app.repo) } : {})
		});
		this.editing = new EditingState({
			app,
			reveal: (key) => {
				this.url.select(key);
				this.#revealing = key;
			},
			unselect: () => this.url.select(undefined),
			defaultDataset: () => {
				const selected = this.timeline.selected?.event as { datasetId?: DatasetId } | undefined;
				return selected?.datasetId ?? app.datasets.current?.find((d) => !d.hidden)?.id;
			}
		});
		this.url = new UrlSync(this.timeline, this.network, {
			history: options.history,
			hasActor: (id) => app.actorsById.has(id as ActorId),
			notify: (text) => (app.notice = { kind: 'error', text }),
			filter: app.filter
		});

		app.prepareHeads = (heads, pause) => this.timeline.prepareHeads(heads, pause);

		// Past a few thousand events, what a first actor click reads is built while the page is
		// idle after new data, a few ms at a time.
		$effect(() => {
			const n = this.timeline.events.length;
			if (n < PREPARE_FROM || n > PREPARE_UP_TO) return;
			const timeline = this.timeline;
			const handle = whenIdleUntilDone(() => untrack(() => timeline.prepare(PREPARE_SLICE_MS)));
			return () => handle.cancel();
		});

		// Past a few thousand events, what a first filter reads (where each block's events stand
		// among the heads) is built while the page is idle after new heads, a few ms at a time.
		$effect(() => {
			// The heads as the views have them: read only once the first start is done (opening
			// the live query earlier would answer a shared link before the data is there).
			const heads = app.visibleEvents;
			if (!heads || heads.length < PREPARE_FROM || heads.length > PREPARE_UP_TO) return;
			const handle = whenIdleUntilDone(() => untrack(() => app.preparePlaces(PREPARE_SLICE_MS)));
			return () => handle.cancel();
		});

		// The search index reads the blocks shown once the timeline has painted (it works in a
		// worker, but a first load has better use for the machine), and follows every change.
		$effect(() => {
			const refs = app.blockRefs;
			if (!this.timeline.painted) return;
			untrack(() => app.search.blocks(refs));
		});
		$effect(() => {
			const actors = app.actors.current;
			if (actors) untrack(() => app.search.actors(actors));
		});
		// Every change of the words or the facets is a question to the index, and goes to the
		// address once it settles.
		$effect(() => {
			void app.filter.query;
			untrack(() => {
				app.filter.ask();
				this.url.filterChanged();
			});
		});
		// Once the data is in: show the view the address names, then open an `?import=` link.
		$effect(() => {
			if (!app.ready) return;
			untrack(() => {
				this.url.restore();
				this.#openImportLink();
			});
		});
		// A new event, once the views have it, comes into view (and its details open).
		$effect(() => {
			const key = this.#revealing;
			const selected = this.timeline.selected;
			if (key === undefined || selected?.key !== key) return;
			untrack(() => {
				this.timeline.bringIntoView(selected);
				this.#revealing = undefined;
			});
		});
		// The address follows the window (it settles first).
		$effect(() => {
			void this.timeline.window;
			untrack(() => this.url.windowMoved());
		});
		// The network's graph follows the window (on the next frame, or once a large one rests)
		// while someone looks at it: its tab is open, or an actor or link is selected (the side
		// panel counts from it). Otherwise a zoom builds no graph; looked at again, it catches up.
		let looked: boolean | undefined;
		$effect(() => {
			void this.timeline.window;
			const wanted = this.graphWanted;
			untrack(() => {
				if (!wanted) looked = false;
				else if (looked === false) this.network.catchUp();
				else this.network.windowMoved();
				if (wanted) looked = true;
			});
		});
		// Many events: the graph worker answers for the window while someone looks at the graph.
		// The question is read even while nobody looks, so it always holds the data shown: a
		// derived nobody reads keeps its last value, and with it a whole generation of events
		// (found in a heap snapshot after hiding and showing a dataset). When the data changes
		// while nobody looks, the last graph and the events it points into are let go.
		$effect(() => {
			const query = this.network.graphQuery;
			const wanted = this.graphWanted;
			void this.timeline.events;
			untrack(() => this.network.ask(wanted ? query : undefined));
		});
		// Back and forward: only the history entry triggers this, not what applying it reads.
		$effect(() => {
			const view = options.history.view();
			untrack(() => this.url.historyMoved(view));
		});
		// Another tab saved or removed a search: the list follows.
		$effect(() => {
			if (typeof window === 'undefined') return;
			const heard = (event: StorageEvent) => {
				if (event.key === SAVED_SEARCHES_KEY || event.key === null) this.saved.load();
			};
			window.addEventListener('storage', heard);
			return () => window.removeEventListener('storage', heard);
		});
		$effect(() => () => {
			this.url.destroy();
			this.network.destroy();
		});
	}

	/**
	 * The events the timeline highlights (the others fade): the network's selected actor's or
	 * link's, and, when the filter dims what it leaves out, only those it keeps.
	 */
	readonly highlight: Lit | undefined = $derived.by(() => {
		const selected = this.network.lit;
		const kept = this.app.dimmedBut;
		if (!kept) return selected;
		if (!selected) return litKeys(kept);
		return {
			lights: (e: KeyedEvent) => kept.has(e.key) && selected.lights(e),
			among: selected.among
		};
	});

	/** Names of facet values: datasets' and actors' names for their ids. */
	readonly facetNames: FacetNames = {
		dataset: (id) => this.app.datasets.current?.find((d) => d.id === id)?.name ?? id,
		actor: (id) => this.app.actorName(id as ActorId)
	};

	/** Whether anyone looks at the network's graph (its tab, or a selection's panel). */
	readonly graphWanted: boolean = $derived.by(
		() =>
			this.tab === 'network' ||
			this.network.selectedActor !== undefined ||
			this.network.selectedEdge !== undefined
	);

	/** The actor whose panel is open, if it still exists. */
	readonly selectedActor = $derived.by(() =>
		this.network.actor === undefined ? undefined : this.app.actorsById.get(this.network.actor)
	);

	/** A user's choice of event (or none): a history entry. */
	select(key: EventKey | undefined): void {
		this.url.select(key);
	}

	/** Selects an event from a list (the table, a panel) and brings it into the timeline's view. */
	selectEvent(key: EventKey | undefined): void {
		this.url.select(key);
		const e = this.timeline.selected;
		if (e) this.timeline.bringIntoView(e);
	}

	selectActor(id: ActorId | undefined): void {
		this.url.selectActor(id);
	}

	selectEdge(id: string | undefined): void {
		this.network.selectEdge(id);
	}

	group(grouping: Grouping): void {
		this.url.group(grouping);
	}

	/** A lane label: an actor's lane selects the actor, the "Others" lane opens up. */
	openLane(lane: Lane): void {
		if (lane.actorId) this.selectActor(lane.actorId);
		else if (lane.others) this.timeline.expandOthers = true;
	}

	/** Zooms the timeline to the selected event. */
	zoomToSelected(): void {
		const e = this.timeline.selected;
		if (e) this.timeline.focus({ start: e.startMs, end: e.endMs });
	}

	/**
	 * Escape closes the event details first, then the link, then the actor. False when there was
	 * nothing to close.
	 */
	escape(): boolean {
		if (this.timeline.selectedKey !== undefined) this.url.select(undefined);
		else if (this.network.selectedEdge !== undefined) this.network.selectEdge(undefined);
		else if (this.network.selectedActor !== undefined) this.url.selectActor(undefined);
		else return false;
		return true;
	}

	/**
	 * The page's keys, unless a text field or a dialog has them (they clear, close or undo their
	 * own typing): Escape clears, Ctrl/Cmd+Z undoes the last change, Ctrl/Cmd+Shift+Z (or Ctrl+Y)
	 * redoes it, N opens the form for a new event, ? the keyboard help.
	 */
	onkeydown(event: KeyboardEvent): void {
		if (event.defaultPrevented) return;
		const target = event.target as Element | null;
		if (target?.closest?.('input, textarea, select, dialog')) return;
		const mod = event.ctrlKey || event.metaKey;
		const key = event.key.toLowerCase();
		if (mod && !event.altKey && (key === 'z' || key === 'y')) {
			event.preventDefault();
			void (key === 'y' || event.shiftKey ? this.app.redo() : this.app.undo());
			return;
		}
		if (event.key === 'Escape' && this.escape()) event.preventDefault();
		else if (event.key === '?' && !mod && !event.altKey) {
			event.preventDefault();
			this.helping = true;
		} else if (key === 'n' && !mod && !event.altKey && !event.shiftKey) {
			event.preventDefault();
			this.editing.create();
		}
	}

	/** Files dropped on the page: read them and open the import dialog. */
	dropFiles(files: readonly File[]): void {
		this.dragging = false;
		if (files.length === 0) return;
		this.importer.addFiles(files);
		this.importing = true;
	}

	/** Saves the filter and the window under a name; the notice says so. */
	saveSearch(name: string): SaveResult {
		const result = this.saved.save(name, this.app.filter.query, this.timeline.linkWindow);
		if (result.ok) {
			const trimmed = name.trim().replace(/\s+/g, ' ');
			const text = result.replaced ? t.saved.replaced(trimmed) : t.saved.saved(trimmed);
			this.app.notice = { kind: 'info', text };
		}
		return result;
	}

	/** Shows a saved search: its words, its facet choices and its window. */
	applySearch(search: SavedSearch): void {
		this.app.filter.set(search.query);
		if (search.window) this.timeline.setWindow(search.window, 'control');
		this.app.notice = { kind: 'info', text: t.saved.shown(search.name) };
	}

	removeSearch(search: SavedSearch): void {
		this.app.notice = this.saved.remove(search.name)
			? { kind: 'info', text: t.saved.removed(search.name) }
			: { kind: 'error', text: t.saved.storage };
	}

	/** A restored backup's settings replace the browser's own (theme, remembered mappings). */
	/** After a restore: the backup's settings replace these; returns the keys left out. */
	restored(settings: Record<string, string>): string[] {
		const skipped = replaceSettings(settings);
		this.saved.load();
		const saved = settings[THEME_KEY];
		if ((saved === 'dark' || saved === 'light') && !skipped.includes(THEME_KEY))
			this.#theme.set(saved);
		return skipped;
	}

	/**
	 * A link with `?import=<url>` opens the dialog, which asks before it downloads anything (unless
	 * the user approved that host before); nothing is written unless the user presses Import. The
	 * parameter leaves the address; the others stay.
	 */
	#openImportLink(): void {
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- read once, not state
		const params = new URLSearchParams(this.#history.search());
		const link = params.get('import');
		if (link === null) return;
		params.delete('import');
		const query = params.toString();
		this.#history.replace(
			`${this.#history.pathname()}${query ? `?${query}` : ''}`,
			this.#history.view()
		);
		const checked = checkUrl(link, this.#history.href());
		if (!checked.ok) {
			this.app.notice = { kind: 'error', text: t.importer.urlBad(checked.error) };
			return;
		}
		// A file on the app's own site (an example it ships) tells nobody new: no need to ask.
		const own = originOf(checked.url) === originOf(this.#history.href());
		this.importer.requestUrl(checked.url, own);
		this.importing = true;
	}
}

/** "https://example.org" of "https://example.org/data/e.json". */
const originOf = (url: string): string => new URL(url).origin;

export const [getDashboard, setDashboard] = createContext<Dashboard>();
