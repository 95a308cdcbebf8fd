/**
 * The export dialog's side: what to export (what the views show, one dataset, or everything)
 * and in which format, the pictures of the views, backup and restore, with the busy flag and
 * the errors the dialog says. What is shown comes from the views' own states (the timeline's
 * `shownInWindow`, the network's drawing and legend), never recomputed or read from the page.
 */
import { tick } from 'svelte';
import type { Dataset } from '../model/schema';
import type { StoredEvent, StoredHead } from '../db/repository';
import { eventKey } from '../model/events';
import { fromStored } from '../db/repository';
import { describeMessage, t } from '../i18n';
import { formatWindow } from '../i18n/format';
import { keySet } from '../graph/graph';
import type { FromRestore, RestoreCounts, ToRestore } from '../import/protocol';
import type { WorkerPort } from '../import/in-thread';
import { countsOf, exportsBackup, type DataFormat, type ExportScope } from '../io/export-choices';
import type { PictureKind, PictureView } from '../io/export-files';
import { formatPartialDate, partialDateFromMs, precisionForStep } from '../model/dates';
import { download } from '../export/download';
import type { AppState } from './app.svelte';
import type { NetworkState } from './network.svelte';
import { readSettings } from './settings';
import { MessageError } from '../model/errors';
import type { TimelineState } from './timeline.svelte';
import { layoutItems } from '../time/items';

// The code that makes files and pictures loads with the first export, not with the page.
const files = () => import('../io/export-files');
const pictures = () => import('../export/picture');
const backups = () => import('../io/backup');

/** How many datasets, events and actors: a backup's, or the store's now. */
export type Counts = ReturnType<typeof countsOf>;

type Pictures = Awaited<ReturnType<typeof pictures>>;

/** What the restore confirmation says: the backup's date and contents, and what it replaces. */
export interface RestorePreview {
	/** When the backup was made, in UTC milliseconds. */
	createdAt: number;
	incoming: Counts;
	current: Counts;
}

/** A backup read and checked, waiting in the restore worker for the user's yes. */
export interface PendingRestore {
	/** When the backup was made, in UTC milliseconds. */
	createdAt: number;
	incoming: RestoreCounts;
}

/** How far the restore worker is: reading the file (bytes) or writing it (events). */
export interface RestoreProgress {
	stage: 'read' | 'write';
	done: number;
	total?: number;
}

/** How the page talks to the restore worker; tests hand in one that runs in the same thread. */
export type RestoreWorkerFactory = () => WorkerPort;

const restoreWorker: RestoreWorkerFactory = () =>
	new Worker(new URL('../import/restore.worker.ts', import.meta.url), {
		type: 'module',
		name: 'trama-restore'
	});

/** What the session needs besides the states; all optional. */
export interface ExportOptions {
	/**
	 * After a restore: the settings the backup carried (theme, remembered mappings). Returns the
	 * keys it left out (not settings of Trama's).
	 */
	onrestored?: (settings: Record<string, string>) => string[];
	/** Hands a file to the user: the browser's downloads, unless a test listens. */
	save?: (content: Blob | string, name: string, type: string) => void;
	/** The clock that dates file names and backups. */
	now?: () => Date;
	/** Where restores run: a worker, unless a test runs them in the same thread. */
	restorer?: RestoreWorkerFactory;
}

/** The width of the timeline's picture, in pixels: wide enough for labels, small enough to share. */
const TIMELINE_PICTURE_PX = 1400;

export class ExportSession {
	readonly #app: AppState;
	readonly #tl: TimelineState;
	readonly #network: NetworkState;
	readonly #onrestored: (settings: Record<string, string>) => string[];
	readonly #save: (content: Blob | string, name: string, type: string) => void;
	readonly #now: () => Date;
	readonly #restorer: RestoreWorkerFactory;
	#worker: ReturnType<RestoreWorkerFactory> | undefined;
	/** The page waits for the worker's answer to a read or a write. */
	#answer: ((message: FromRestore) => void) | undefined;

	/** What to export. */
	scope = $state<ExportScope>('selection');
	format = $state<DataFormat>('native');
	/** True while an export, backup or restore runs: the dialog's buttons wait. */
	busy = $state(false);

	/** The store is in memory (see `AppState.memory`): a backup is the only way to keep it. */
	get memory(): boolean {
		return this.#app.memory;
	}

	/** The network draws every actor on a canvas: its picture is a PNG, never an SVG. */
	get networkOnCanvas(): boolean {
		return this.#network.canvas;
	}
	/** Why the last export, picture or backup failed. */
	error = $state<string | undefined>(undefined);
	/** A backup read from a file, waiting for the user to confirm the restore. */
	pending = $state.raw<PendingRestore | undefined>(undefined);
	/** While a backup is read or written: how far; the dialog shows it with a Cancel. */
	restoreProgress = $state.raw<RestoreProgress | undefined>(undefined);
	/** Why a backup could not be read or restored. */
	restoreError = $state<string | undefined>(undefined);

	constructor(
		app: AppState,
		timeline: TimelineState,
		network: NetworkState,
		options: ExportOptions = {}
	) {
		this.#app = app;
		this.#tl = timeline;
		this.#network = network;
		this.#onrestored = options.onrestored ?? (() => []);
		this.#save = options.save ?? download;
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a moment to name files, not state
		this.#now = options.now ?? (() => new Date());
		this.#restorer = options.restorer ?? restoreWorker;
	}

	readonly datasets: Dataset[] = $derived.by(() => this.#app.datasets.current ?? []);

	/** Every event stored, over all datasets. */
	readonly eventCount: number = $derived.by(() => this.#app.eventCount);

	/** What the views show: the datasets shown, the actor filter, the window. */
	readonly selection: readonly StoredHead[] = $derived.by(() => this.#tl.shownInWindow);

	/** The selection's full records, read from the store (heads carry no sources). */
	#selectionRecords(): Promise<StoredEvent[]> {
		return this.#app.records.readAll(this.selection.map(eventKey));
	}

	/** How many distinct sources back the selection, once counted for the selection shown now. */
	#sources = $state.raw<{ of: readonly StoredHead[]; count: number } | undefined>(undefined);

	/**
	 * Counts the selection's distinct sources, reading its records; the caption shows the count
	 * once it is known. Called while the export dialog is open, and before a picture is drawn.
	 */
	async countSources(): Promise<number> {
		const of = this.selection;
		if (this.#sources?.of === of) return this.#sources.count;
		const records = await this.#selectionRecords();
		const count = keySet(records.flatMap((e) => e.sources.map((s) => s.url ?? s.title ?? ''))).size;
		if (this.selection === of) this.#sources = { of, count };
		return count;
	}

	readonly windowLabel: string = $derived.by(() => formatWindow(this.#tl.window));

	/** Under every picture: the window, the datasets shown and how many sources back the selection. */
	readonly caption: string = $derived.by(() => {
		const sources = this.#sources?.of === this.selection ? this.#sources.count : undefined;
		return t.exporter.caption(
			this.windowLabel,
			this.datasets.filter((d) => !d.hidden).map((d) => d.name),
			sources
		);
	});

	/** How many events the chosen scope holds; none means there is nothing to download. */
	readonly scopeCount: number = $derived.by(() =>
		this.scope === 'selection'
			? this.selection.length
			: this.scope === 'all'
				? this.#app.eventCount
				: (this.datasets.find((d) => d.id === this.scope)?.eventCount ?? 0)
	);

	/** The choice makes a backup file (see `exportsBackup`), which the dialog says. */
	readonly backsUp: boolean = $derived.by(() => exportsBackup(this.scope, this.format));

	readonly restorePreview: RestorePreview | undefined = $derived.by(() => {
		const backup = this.pending;
		if (!backup) return undefined;
		return {
			createdAt: backup.createdAt,
			incoming: backup.incoming,
			current: countsOf({ datasets: this.datasets, actors: this.#app.actors.current ?? [] })
		};
	});

	/**
	 * Runs one export with the dialog's busy flag: a notice names the file downloaded, a failure
	 * stays in the dialog. True when it succeeded.
	 */
	async #run(work: () => Promise<string>): Promise<boolean> {
		this.busy = true;
		this.error = undefined;
		try {
			return await this.#app.act(
				async () => ({ kind: 'info', text: t.exporter.exported(await work()) }),
				(message) => (this.error = t.exporter.failed(message))
			);
		} finally {
			this.busy = false;
		}
	}

	async #eventsOf(): Promise<{ name: string; events: StoredEvent[]; dataset?: Dataset }> {
		if (this.scope === 'selection')
			return {
				name: t.exporter.selectionName(this.windowLabel),
				events: await this.#selectionRecords()
			};
		if (this.scope === 'all')
			return { name: t.exporter.allName, events: await this.#app.repo.events() };
		const dataset = this.datasets.find((d) => d.id === this.scope);
		if (!dataset) throw new Error(t.exporter.datasetGone);
		return { name: dataset.name, events: await this.#app.repo.events([dataset.id]), dataset };
	}

	/** Downloads the chosen events in the chosen format (everything in Trama JSON: a backup). */
	exportData(): Promise<boolean> {
		if (this.backsUp) return this.backup();
		const format = this.format;
		const scope = this.scope;
		return this.#run(async () => {
			const { name, events: stored, dataset } = await this.#eventsOf();
			const events = stored.map((e) => ({ ...fromStored(e), datasetId: e.datasetId }));
			// Only a whole dataset carries its periods; a selection or a merge has none of its own.
			const periods = dataset
				? (await this.#app.repo.periods())
						.filter((p) => p.datasetId === dataset.id)
						.map(({ datasetId: _d, ...p }) => p)
				: [];
			const actors = this.#app.actorsById;
			const [{ nativeFileOf }, { dataFile }] = await Promise.all([import('../io/export'), files()]);
			const file = nativeFileOf(
				{
					id: dataset?.id ?? `export-${scope}`,
					name,
					...(dataset?.description ? { description: dataset.description } : {})
				},
				events,
				actors,
				periods
			);
			const datasetName = (id: string) => this.datasets.find((d) => d.id === id)?.name ?? id;
			const out = dataFile(format, name, { file, events, actors, datasetName }, this.#now());
			this.#save(out.text, out.name, out.type);
			return out.name;
		});
	}

	#timelinePicture({ timelineSvg, currentPalette }: Pictures): SVGSVGElement {
		const tl = this.#tl;
		return timelineSvg({
			lanes: tl.lanes.lanes,
			layout: (plotWidthPx) =>
				layoutItems(tl.shownEvents, tl.lanes, tl.window, plotWidthPx, tl.maxSpanMs),
			window: tl.window,
			width: TIMELINE_PICTURE_PX,
			caption: this.caption,
			tickLabel: (ms, step) =>
				formatPartialDate(partialDateFromMs(ms, precisionForStep(step)), t.locale),
			clusterLabel: (n) => t.timeline.cluster(n),
			palette: currentPalette()
		});
	}

	#networkPicture(
		kind: PictureKind,
		{ canvasPicture, copySvg, currentPalette, PNG_SCALE }: Pictures
	): SVGSVGElement {
		if (this.#network.canvas) {
			if (kind === 'svg') throw new Error(t.exporter.networkOnCanvas);
			const drawing = this.#network.canvasDrawing;
			const painted = drawing?.paint(PNG_SCALE);
			if (!drawing || !painted) throw new Error(t.exporter.noNetwork);
			return canvasPicture(
				painted.canvas,
				drawing.element,
				painted.width,
				painted.height,
				this.caption,
				currentPalette(),
				this.#network.legend
			);
		}
		const live = this.#network.svg;
		if (!live) throw new Error(t.exporter.noNetwork);
		// The legend under the network says what its colours mean; it goes into the picture too.
		return copySvg(live, this.caption, currentPalette(), this.#network.legend);
	}

	/** Downloads a picture of a view as it is now, with the caption under it. */
	picture(view: PictureView, kind: PictureKind): Promise<boolean> {
		return this.#run(async () => {
			await this.countSources();
			if (view === 'network') {
				// Its tab may have been closed while the window moved: draw the window's graph first.
				this.#network.catchUp();
				await tick();
			}
			const [p, { pictureFileName, PICTURE_FILE_TYPES }] = await Promise.all([pictures(), files()]);
			const svg = view === 'timeline' ? this.#timelinePicture(p) : this.#networkPicture(kind, p);
			const name = pictureFileName(view, this.windowLabel, kind, this.#now());
			const { mime } = PICTURE_FILE_TYPES[kind];
			this.#save(kind === 'svg' ? p.svgText(svg) : await p.svgToPng(svg), name, mime);
			return name;
		});
	}

	/** Downloads every dataset, actor, period and setting as one backup file. */
	backup(): Promise<boolean> {
		return this.#run(async () => {
			const [contents, { makeBackup }, { backupFileName }] = await Promise.all([
				this.#app.repo.contents(),
				backups(),
				files()
			]);
			const now = this.#now();
			const name = backupFileName(now);
			this.#save(
				JSON.stringify(makeBackup(contents, readSettings(), now)),
				name,
				'application/json'
			);
			return name;
		});
	}

	/** Sends a request to the restore worker and waits for its answer. */
	#ask(message: ToRestore & { type: 'read' | 'write' }): Promise<FromRestore> {
		if (!this.#worker) {
			this.#worker = this.#restorer();
			this.#worker.onmessage = (event: MessageEvent<FromRestore>) => {
				const answer = event.data;
				if (answer.type === 'restore-progress') {
					this.restoreProgress = { stage: answer.stage, done: answer.done, total: answer.total };
					return;
				}
				const waiting = this.#answer;
				this.#answer = undefined;
				waiting?.(answer);
			};
		}
		return new Promise((resolve) => {
			this.#answer = resolve;
			this.restoreProgress = {
				stage: message.type,
				done: 0,
				total: message.type === 'read' ? message.file.size : this.pending?.incoming.events
			};
			this.#worker?.postMessage(message);
		});
	}

	/**
	 * Reads a chosen backup file in the restore worker: on success it waits there, and its
	 * summary in `pending`, for the user to confirm.
	 */
	async readRestoreFile(file: Blob | undefined): Promise<void> {
		this.pending = undefined;
		this.restoreError = undefined;
		if (!file || this.restoreProgress) return;
		try {
			const answer = await this.#ask({ type: 'read', file });
			if (answer.type === 'restore-ready')
				this.pending = { createdAt: answer.createdAt, incoming: answer.incoming };
			else if (answer.type === 'restore-refused')
				this.restoreError = answer.cancelled
					? t.exporter.restoreReadCancelled
					: t.exporter.restoreFailed(describeMessage(answer.error));
		} finally {
			this.restoreProgress = undefined;
		}
	}

	/** Stops the read or the write under way; a stopped write leaves the store as it was. */
	stopRestore(): void {
		this.#worker?.postMessage({ type: 'cancel' } satisfies ToRestore);
	}

	/** The user keeps what they have. */
	cancelRestore(): void {
		this.pending = undefined;
		this.#worker?.postMessage({ type: 'forget' } satisfies ToRestore);
	}

	/** Replaces everything stored with the pending backup. True when restored. */
	async restore(): Promise<boolean> {
		if (!this.pending || this.restoreProgress) return false;
		this.busy = true;
		let cancelled = false;
		try {
			return await this.#app.act(
				async () => {
					const answer = await this.#ask({ type: 'write' });
					if (answer.type === 'restore-failed') {
						cancelled = answer.cancelled;
						throw new MessageError(answer.error);
					}
					if (answer.type !== 'restored') throw new Error(`unexpected answer ${answer.type}`);
					this.pending = undefined;
					const skipped = this.#onrestored(answer.settings);
					const text = t.exporter.restored(answer.counts.datasets, answer.counts.events);
					return {
						kind: 'info',
						text: skipped.length ? `${text} ${t.exporter.settingsSkipped(skipped.length)}` : text,
						undo: true
					};
				},
				(message) =>
					(this.restoreError = cancelled
						? t.exporter.restoreCancelled
						: t.exporter.restoreFailed(message))
			);
		} finally {
			this.busy = false;
			this.restoreProgress = undefined;
		}
	}

	/** Forgets a pending restore and the errors said; the choices stay for next time. */
	reset(): void {
		if (this.pending) this.cancelRestore();
		this.restoreError = undefined;
		this.error = undefined;
	}
}
