/**
 * The application state: the repository, the live data the views show, and the actions that
 * change it. Created once by the root layout and handed to views through context.
 */
import type { SetAside } from '../db/database';
import { createContext } from 'svelte';
import {
	changeTitle,
	releaseBlock,
	type ChangeRecord,
	type LocatedHead,
	type Repository,
	type StoredEvent,
	type StoredHead
} from '../db/repository';
import type {
	Actor,
	ActorId,
	Dataset,
	DatasetId,
	EventId,
	NativeFile,
	TramaEvent
} from '../model/schema';
import { keysOf, type BlockRef } from '../search/facets';
import { SearchClient } from '../search/search-client';
import { describeError, describeMessage, describeSentence, t } from '../i18n';
import { explainError } from '../db/storage';
import { messageOf } from '../model/errors';
import type { Message } from '../model/messages';
import { formatEventDateMain } from '../i18n/format';
import { actorName, eventKey, indexById, type EventKey } from '../model/events';
import { Live, mapLatest, yieldToPage } from './live.svelte';
import { FilterState } from './filter.svelte';
import { whenIdle } from './idle';
import { RecordCache } from './records.svelte';

export type StartStatus = 'starting' | 'ready' | 'failed';

/** A short message for the user after an action, in a live region. */
export interface Notice {
	kind: 'info' | 'error';
	text: string;
	/** The action can be taken back from the notice (an Undo button). */
	undo?: boolean;
	/** Only a reload can go on from here (a Reload button). */
	reload?: boolean;
}

/** A change in words, for the undo and redo buttons and notices. */
export function describeChange(change: ChangeRecord): string {
	return t.history.change(change.kind, changeTitle(change));
}

export class AppState {
	readonly repo: Repository;
	readonly #loadDefault: () => Promise<NativeFile>;

	startStatus = $state<StartStatus>('starting');
	startError = $state<Message | undefined>(undefined);
	notice = $state<Notice | undefined>(undefined);

	readonly datasets: Live<Dataset[]>;
	/** The heads of the events of the datasets shown (see `EventHead`): what the views draw. */
	readonly heads: Live<LocatedHead[]>;
	readonly actors: Live<Actor[]>;
	/** What the next undo and redo would do (the store's change log, shared by every tab). */
	readonly history: Live<Awaited<ReturnType<Repository['undoState']>>>;
	/** Full records by key, for what the views show in full (details, table rows). */
	readonly records: RecordCache;
	/** The search index's client (a worker): the filter asks it, the dashboard feeds it. */
	readonly search: SearchClient;

	readonly actorsById: ReadonlyMap<ActorId, Actor> = $derived.by(() =>
		indexById(this.actors.current ?? [])
	);

	/**
	 * The events of the datasets shown (hidden ones stay stored but leave the views, and are not
	 * read); undefined until the first start is done, so no reader opens the live queries before
	 * the default dataset is written (their first answer would be the empty store).
	 */
	readonly visibleEvents: StoredHead[] | undefined = $derived.by(() =>
		this.startStatus === 'ready' ? this.heads.current : undefined
	);

	/**
	 * The search box and the facets: the events they keep are the ones every view shows (the
	 * timeline, the network, the table and "export what is shown" all follow `shownEvents`).
	 */
	readonly filter: FilterState;

	/**
	 * The head blocks of the datasets shown, with their revisions: what the search index reads
	 * (it reads a block again only when its revision changes).
	 */
	blockRefs = $state.raw<BlockRef[]>([]);

	/**
	 * The events the views show, once the first start has written the default dataset: the
	 * events' live query opens only then, so its first result is the data, not the empty store
	 * before it (a shared link's selection is looked up in it). Events the filter does not keep
	 * are left out.
	 */
	readonly shownEvents: StoredHead[] | undefined = $derived.by(() => {
		const places = this.shownPlaces;
		const events = this.visibleEvents;
		return places && events ? Array.from(places, (i) => events[i] as StoredHead) : events;
	});

	/**
	 * Where the events the filter keeps stand among the heads shown (`visibleEvents`), in their
	 * order, when the filter hides the others; undefined when it leaves nothing out. The views
	 * take the kept events from these places, so a keystroke costs the events kept, not a lookup
	 * of every event.
	 */
	readonly shownPlaces: Int32Array | undefined = $derived.by(() =>
		this.filter.mode === 'hide' ? this.keptPlaces : undefined
	);

	/**
	 * Where the events the filter keeps stand among the heads shown, in their order, whatever
	 * becomes of the others; undefined when the filter asks for nothing.
	 */
	readonly keptPlaces: Int32Array | undefined = $derived.by(() => {
		if (this.startStatus !== 'ready') return undefined;
		const events = this.heads.current;
		const answer = this.filter.kept;
		if (!events || !answer) return undefined;
		// The kept events mark their places in the heads, then the places are read in the heads'
		// order. The index names each by its position in a stored head block: its place is read
		// off that block's places (see `#blockPlacesOf`); in a block this page has not parsed at
		// that revision (a write on its way), it is found by the key the index sent for that
		// position, as are those no block names (16,834 keys looked up: about 15 ms at 100,000).
		const kept = new Uint8Array(events.length);
		let n = 0;
		const mark = (i: number | undefined): void => {
			if (i !== undefined && kept[i] === 0) {
				kept[i] = 1;
				n++;
			}
		};
		let byKey: Map<EventKey, number> | undefined;
		const markKey = (key: string | undefined): void => {
			if (!key) return;
			byKey ??= this.#placesOf(events);
			mark(byKey.get(key as EventKey));
		};
		for (const block of answer.blocks ?? []) {
			const placeAt = this.#blockPlacesOf(events, block.rev);
			let keys: readonly string[] | undefined;
			for (let j = 0; j < block.at.length; j++) {
				const position = block.at[j] as number;
				const place = placeAt?.[position] ?? -1;
				if (place >= 0) mark(place);
				else {
					keys ??= this.filter.blockKeys(block.rev) ?? [];
					markKey(keys[position]);
				}
			}
		}
		for (const key of keysOf(answer)) markKey(key);
		const out = new Int32Array(n);
		for (let i = 0, j = 0; j < n; i++) if (kept[i] === 1) out[j++] = i;
		return out;
	});

	/**
	 * The keys of the events the filter keeps, when it dims the others (the timeline and the
	 * table fade the rest); undefined otherwise.
	 */
	readonly dimmedBut: ReadonlySet<EventKey> | undefined = $derived.by(() => {
		const places = this.filter.mode === 'dim' ? this.keptPlaces : undefined;
		const events = this.heads.current;
		if (!places || !events) return undefined;
		// A plain set on purpose: a new one comes with each answer, never changed in place.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		const keys = new Set<EventKey>();
		for (const i of places) keys.add(eventKey(events[i] as LocatedHead));
		return keys;
	});

	/** True once the views can draw: started, with the datasets, events and actors read. */
	readonly ready: boolean = $derived.by(
		() =>
			this.shownEvents !== undefined &&
			this.actors.current !== undefined &&
			this.datasets.current !== undefined
	);

	/** True when the data could not be opened: the first start or the events' query failed. */
	readonly failed: boolean = $derived.by(
		() =>
			this.startStatus === 'failed' ||
			(this.startStatus === 'ready' && this.heads.status === 'error')
	);

	/** Why the data could not be opened, for the error screen. */
	readonly failureMessage: Message | undefined = $derived.by(() =>
		this.failed ? (this.startError ?? messageOf(this.heads.error)) : undefined
	);
	readonly failure: string | undefined = $derived(
		this.failureMessage && describeSentence(this.failureMessage)
	);
	/**
	 * Whether trying again can help: not when a newer Trama's or another program's data is here,
	 * nor when the browser keeps nothing for the site (each needs the user to act elsewhere first).
	 */
	readonly retryHelps: boolean = $derived(
		!['store.newer', 'store.unavailable', 'store.unknownTables', 'store.incompatible'].includes(
			this.failureMessage?.code ?? ''
		)
	);

	/** An actor's name, or its id when it is not stored (a dangling reference). */
	actorName = (id: ActorId): string => actorName(this.actorsById, id);

	/** The number of events stored, summed over datasets. */
	readonly eventCount: number = $derived.by(() =>
		(this.datasets.current ?? []).reduce((n, d) => n + d.eventCount, 0)
	);

	/** Each generation of heads' places by head, kept by the heads (and gone with them). */
	readonly #headPlaces = new WeakMap<readonly LocatedHead[], Map<LocatedHead, number>>();

	/** Where each head is in a generation of heads; built once per generation, when first asked. */
	#headPlacesOf(heads: readonly LocatedHead[]): Map<LocatedHead, number> {
		let places = this.#headPlaces.get(heads);
		if (!places) {
			// A plain lookup on purpose: nothing reads it reactively; it is rebuilt with the heads.
			// eslint-disable-next-line svelte/prefer-svelte-reactivity
			places = new Map<LocatedHead, number>();
			for (let i = 0; i < heads.length; i++) places.set(heads[i] as LocatedHead, i);
			this.#headPlaces.set(heads, places);
		}
		return places;
	}

	/**
	 * Builds, for about `budgetMs`, what a first filter of the heads shown reads: each block's
	 * places (see `#blockPlacesOf`; about 15 ms at 100,000 events, paid by the first keystroke
	 * otherwise). True once every block's are built.
	 */
	preparePlaces(budgetMs: number): boolean {
		const heads = this.visibleEvents && this.heads.current;
		if (!heads) return true;
		const until = performance.now() + budgetMs;
		for (const rev of this.repo.parsedRevs()) {
			if (performance.now() > until) return false;
			this.#blockPlacesOf(heads, rev);
		}
		// Every block's places are made: the places by head they were made from go (a million
		// heads' were about 18 MB); a block parsed later comes with new heads anyway.
		this.#headPlaces.delete(heads);
		return true;
	}

	/** Each generation of heads' places by block and position, kept by the heads. */
	readonly #blockPlaces = new WeakMap<readonly LocatedHead[], Map<string, Int32Array>>();

	/**
	 * Where the heads of one writing of a head block stand in a generation of heads, by their
	 * positions in the block as stored (-1: not among them); undefined when this page has not
	 * parsed that writing. Made once per generation and block: a keystroke then reads a place
	 * per event kept, without a lookup.
	 */
	#blockPlacesOf(heads: readonly LocatedHead[], rev: string): Int32Array | undefined {
		let byRev = this.#blockPlaces.get(heads);
		const found = byRev?.get(rev);
		if (found) return found;
		const parsed = this.repo.parsedBlock(rev);
		if (!parsed) return undefined;
		const byHead = this.#headPlacesOf(heads);
		const positions = parsed.checkedAt?.length ?? parsed.heads.length;
		const placeAt = new Int32Array(positions).fill(-1);
		for (let position = 0; position < positions; position++) {
			const head = parsed.heads[parsed.checkedAt ? (parsed.checkedAt[position] ?? -1) : position];
			const place = head && byHead.get(head);
			if (place !== undefined) placeAt[position] = place;
		}
		if (!byRev) {
			// A plain lookup on purpose: nothing reads it reactively; it goes with the heads.
			// eslint-disable-next-line svelte/prefer-svelte-reactivity
			byRev = new Map();
			this.#blockPlaces.set(heads, byRev);
		}
		byRev.set(rev, placeAt);
		return placeAt;
	}

	/** Each generation of heads' places by key, kept by the heads (and gone with them). */
	readonly #places = new WeakMap<readonly LocatedHead[], Map<EventKey, number>>();

	/** Where each event is in a generation of heads; built once per generation, when first asked. */
	#placesOf(heads: readonly LocatedHead[]): Map<EventKey, number> {
		let places = this.#places.get(heads);
		if (!places) {
			// A plain lookup on purpose: nothing reads it reactively; it is rebuilt with the heads.
			// eslint-disable-next-line svelte/prefer-svelte-reactivity
			places = new Map<EventKey, number>();
			for (let i = 0; i < heads.length; i++) places.set(eventKey(heads[i] as LocatedHead), i);
			this.#places.set(heads, places);
		}
		return places;
	}

	/** Which record block holds an event (see `LocatedHead`), from the heads shown. */
	#recordBlock(key: EventKey): number | undefined {
		const heads = this.heads.current;
		if (heads === undefined) return undefined;
		const i = this.#placesOf(heads).get(key);
		return i === undefined ? undefined : heads[i]?.recordBlock;
	}

	/**
	 * The store is kept in memory (the browser keeps nothing: see `db/memory.ts`): everything
	 * works, nothing outlives the tab, and workers that would open the store run on the page.
	 */
	readonly memory: boolean;

	/**
	 * Stored events the views cannot draw (an older or a foreign program wrote them): set aside,
	 * listed in the sidebar, downloadable to repair by hand; they stay in the store as they are.
	 */
	setAside = $state.raw<SetAside[]>([]);

	constructor(
		repo: Repository,
		loadDefault: () => Promise<NativeFile>,
		options: { search?: SearchClient; memory?: boolean } = {}
	) {
		this.repo = repo;
		this.#loadDefault = loadDefault;
		this.#firstHeads = new Promise((done) => (this.#headsArrived = done));
		this.memory = options.memory ?? false;
		// A store in memory is this page's alone: no worker can read it, so the page searches.
		this.search =
			options.search ?? new SearchClient(repo, this.memory ? () => undefined : undefined);
		this.filter = new FilterState(this.search, () => {
			const heads = this.heads.current;
			if (!heads || this.startStatus !== 'ready') return;
			this.preparePlaces(Infinity);
			// Blocks written before revisions existed are answered by key only.
			if (this.blockRefs.some((b) => b.rev === '')) this.#placesOf(heads);
		});
		// Another tab opened a newer Trama, which upgrades the database: this tab lets it (the
		// database closes here, so the upgrade is not blocked) and says that a reload goes on.
		repo.db.on('versionchange', () => {
			this.notice = { kind: 'error', text: t.status.upgradedElsewhere, reload: true };
		});
		this.datasets = new Live(repo.watch((r) => r.datasets()));
		// The live query reads the head blocks and parses each as it arrives, a task per block,
		// while the store reads the next (see `headBlocks`); what it could not parse ahead is
		// parsed outside it, in tasks of at most about 20 ms, so that a large import arriving
		// does not hold the page for the whole parse.
		this.heads = new Live(
			mapLatest(
				repo.watch(async (r) => {
					const shown = (await r.datasets()).filter((d) => !d.hidden).map((d) => d.id);
					return r.headBlocks(shown, true);
				}),
				// Dexie keeps a live query's last result: the blocks' columns (14 MB at 100,000
				// events) are let go once read, so that only the heads stay.
				(blocks) => {
					this.blockRefs = blocks.map((b) => ({
						datasetId: b.datasetId,
						block: b.block,
						rev: b.rev ?? ''
					}));
					return repo
						.parseHeads(blocks, yieldToPage)
						.then(async (heads) => {
							// Not the first heads: those are drawn as soon as they can be (nothing
							// is on screen to keep answering), later ones without holding the page.
							if (this.#handed) await this.prepareHeads?.(heads, yieldToPage);
							this.#handed = true;
							this.setAside = repo.setAside;
							this.#headsArrived();
							return heads;
						})
						.finally(() => {
							for (const block of blocks) releaseBlock(block);
						});
				}
			)
		);
		this.actors = new Live(repo.watch((r) => r.actors()));
		this.history = new Live(repo.watch((r) => r.undoState()));
		this.records = new RecordCache(
			(refs, alongside) =>
				repo.eventsByKey(
					refs.map(({ key, block }) => ({ key, block: block ?? this.#recordBlock(key) })),
					alongside
				),
			() => this.heads.current
		);
	}

	/** First start: loads the default dataset once, then the live queries take over. */
	async start(): Promise<void> {
		this.startStatus = 'starting';
		this.startError = undefined;
		try {
			await this.repo.ensureDefaultDataset(this.#loadDefault);
			this.startStatus = 'ready';
		} catch (error) {
			// Trama's own refusal of the store, when it refused it, says more than the browser's error.
			this.startError = this.repo.db.refusal ?? messageOf(error);
			this.startStatus = 'failed';
			return;
		}
		// Housekeeping waits for the views' first heads (or a few seconds, when no view reads
		// them) and an idle moment: its read-write transactions span the head blocks, and the
		// first read of the heads queued behind them (40–55 ms of a reload at 100,000 events).
		// Nothing waits for it.
		void Promise.race([this.#firstHeads, new Promise((done) => setTimeout(done, 3000))]).then(() =>
			whenIdle(() => void this.#tidy())
		);
	}

	/**
	 * What the views would make of new heads on their first build, done in slices before they
	 * are handed over (the dashboard's timeline sets it; see `TimelineState.prepareHeads`): an
	 * import of 100,000 events was drawn in one task of about 320 ms, half of it this.
	 */
	prepareHeads:
		((heads: readonly LocatedHead[], pause: () => Promise<void>) => Promise<void>) | undefined;

	/** Heads have been handed to the views before. */
	#handed = false;

	/** Resolves when the heads' live query has first given the views their heads. */
	readonly #firstHeads: Promise<void>;
	#headsArrived: () => void = () => undefined;

	/**
	 * Datasets deleted over a week ago leave the store for good (their deletion could be undone
	 * until then), and events an interrupted write of an older version left without their
	 * dataset get one again. A failure is said, and tried again next time.
	 */
	async #tidy(): Promise<void> {
		try {
			await this.repo.purgeTrash();
			const recovered = await this.repo.recoverOrphans((id) => t.status.recoveredName(id));
			if (recovered) this.notice = { kind: 'info', text: t.status.recovered(recovered) };
		} catch (error) {
			this.notice = { kind: 'error', text: t.status.actionFailed(describeError(error)) };
		}
	}

	async restoreDefault(): Promise<void> {
		await this.act(async () => {
			const summary = await this.repo.restoreDefaultDataset(this.#loadDefault);
			return { kind: 'info', text: t.datasets.restored(summary.events), undo: true };
		});
	}

	async setHidden(dataset: Dataset, hidden: boolean): Promise<void> {
		await this.act(async () => {
			await this.repo.setDatasetHidden(dataset.id, hidden);
			return {
				kind: 'info',
				text: hidden ? t.datasets.hiddenNotice(dataset.name) : t.datasets.shownNotice(dataset.name)
			};
		});
	}

	/** True when the name was saved. */
	async rename(dataset: Dataset, name: string): Promise<boolean> {
		return this.act(async () => {
			await this.repo.renameDataset(dataset.id, name);
			return { kind: 'info', text: t.datasets.renamed(name.trim()), undo: true };
		});
	}

	/**
	 * Saves an edited event (same id) of a dataset; true when it was saved. The notice offers to
	 * undo it. A refusal goes to `onError` (the form says it beside its fields).
	 */
	async editEvent(
		datasetId: DatasetId,
		event: TramaEvent,
		onError?: (message: string) => void,
		expected?: StoredEvent
	): Promise<boolean> {
		return this.act(async () => {
			const changed = await this.repo.editEvent(datasetId, event, undefined, expected);
			return changed
				? { kind: 'info', text: t.editor.saved(event.title), undo: true }
				: { kind: 'info', text: t.editor.unchanged(event.title) };
		}, onError);
	}

	/**
	 * Saves an event moved in time (a drag on the timeline); true when it was saved. The notice
	 * says where it went, and offers to undo it.
	 */
	async moveEvent(
		datasetId: DatasetId,
		moved: TramaEvent,
		expected: StoredEvent
	): Promise<boolean> {
		return this.act(async () => {
			await this.repo.editEvent(datasetId, moved, undefined, expected);
			return {
				kind: 'info',
				text: t.editor.moved(moved.title, formatEventDateMain(moved)),
				undo: true
			};
		});
	}

	/**
	 * Adds a new event to a dataset (made with `newName` when it does not exist); true when it
	 * was added. The notice offers to undo it.
	 */
	async createEvent(
		datasetId: DatasetId,
		event: TramaEvent,
		onError?: (message: string) => void,
		newName?: string
	): Promise<boolean> {
		return this.act(async () => {
			const dataset = newName === undefined ? undefined : { name: newName };
			await this.repo.createEvent(datasetId, event, undefined, dataset);
			return { kind: 'info', text: t.editor.created(event.title), undo: true };
		}, onError);
	}

	/** Deletes one event; true when it was deleted. The notice offers to undo it. */
	async deleteEvent(datasetId: DatasetId, id: EventId, title: string): Promise<boolean> {
		return this.act(async () => {
			await this.repo.deleteEvent(datasetId, id);
			return { kind: 'info', text: t.editor.deleted(title), undo: true };
		});
	}

	/** Saves an actor (new, or edited); true when saved. The notice offers to undo it. */
	async saveActor(actor: Actor, onError?: (message: string) => void): Promise<boolean> {
		return this.act(async () => {
			const isNew = !this.actorsById.has(actor.id);
			const changed = await this.repo.saveActor(actor);
			if (!changed) return { kind: 'info', text: t.actors.unchanged(actor.name) };
			const text = isNew ? t.actors.created(actor.name) : t.actors.saved(actor.name);
			return { kind: 'info', text, undo: true };
		}, onError);
	}

	/**
	 * Deletes an actor; with `fromEvents`, takes it out of the events that name it first. True
	 * when deleted. The notice offers to undo it.
	 */
	async deleteActor(
		actor: Actor,
		fromEvents: boolean,
		onError?: (message: string) => void
	): Promise<boolean> {
		return this.act(async () => {
			const n = await this.repo.deleteActor(actor.id, fromEvents);
			return { kind: 'info', text: t.actors.deleted(actor.name, n), undo: true };
		}, onError);
	}

	/** Merges `drop` into `keep`; true when merged. The notice offers to undo it. */
	async mergeActors(
		keep: Actor,
		drop: Actor,
		onError?: (message: string) => void
	): Promise<boolean> {
		return this.act(async () => {
			const plan = await this.repo.mergeActors(keep.id, drop.id);
			return {
				kind: 'info',
				text: t.actors.merged(drop.name, keep.name, plan.events.length),
				undo: true
			};
		}, onError);
	}

	/** Takes back the last change made in the app (in any tab), if there is one. */
	async undo(): Promise<void> {
		await this.act(async () => {
			const change = await this.repo.undo();
			if (!change) return { kind: 'info', text: t.history.nothingToUndo };
			return { kind: 'info', text: t.history.undone(describeChange(change)) };
		});
	}

	/** Makes the last undone change again, if there is one. */
	async redo(): Promise<void> {
		await this.act(async () => {
			const change = await this.repo.redo();
			if (!change) return { kind: 'info', text: t.history.nothingToRedo };
			return { kind: 'info', text: t.history.redone(describeChange(change)) };
		});
	}

	async deleteDataset(dataset: Dataset): Promise<void> {
		await this.act(async () => {
			await this.repo.deleteDataset(dataset.id);
			return { kind: 'info', text: t.datasets.deleted(dataset.name), undo: true };
		});
	}

	/**
	 * Runs an action that ends in a notice for the user; true when it succeeded. A failure goes to
	 * `onError` when given (a dialog says it where the user is looking), else to an error notice.
	 */
	async act(action: () => Promise<Notice>, onError?: (message: string) => void): Promise<boolean> {
		try {
			this.notice = await action();
			return true;
		} catch (error) {
			const message = describeMessage(await explainError(error));
			if (onError) onError(message);
			else this.notice = { kind: 'error', text: t.status.actionFailed(message) };
			return false;
		}
	}
}

export const [getAppState, setAppState] = createContext<AppState>();
