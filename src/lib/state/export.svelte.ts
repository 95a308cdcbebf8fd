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
import { describeError, describeMessage, t } from '../i18n';
import { formatWindow } from '../i18n/format';
import { keySet } from '../graph/graph';
import type { Backup } from '../io/backup';
import { countsOf, exportsBackup, type DataFormat, type ExportScope } from '../io/export-choices';
import type { PictureKind, PictureView } from '../io/export-files';
import { formatPartialDate, partialDateFromMs, precisionForStep } from '../model/dates';
import { download } from '../export/download';
import type { AppState } from './app.svelte';
import type { NetworkState } from './network.svelte';
import { readSettings } from './settings';
import type { TimelineState } from './timeline.svelte';
import { layoutItems } from '../time/items';

// The code that makes files and pictures loads with the first export, not with the page.
const files = () => import('../io/export-files');
const pictures = () => import('../export/picture');
const backups = () => import('../io/backup');
const reader = () => import('../io/read');

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

	/** What to export. */
	scope = $state<ExportScope>('selection');
	format = $state<DataFormat>('native');
	/** True while an export, backup or restore runs: the dialog's buttons wait. */
	busy = $state(false);

	/** The network draws every actor on a canvas: its picture is a PNG, never an SVG. */
	get networkOnCanvas(): boolean {
		return this.#network.canvas;
	}
	/** Why the last export, picture or backup failed. */
	error = $state<string | undefined>(undefined);
	/** A backup read from a file, waiting for the user to confirm the restore. */
	pending = $state.raw<Backup | undefined>(undefined);
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
	}

	readonly datasets: Dataset[] = $derived.by(() => this.#app.datasets.current ?? []);

	/** Every event stored, over all datasets. */
	readonly eventCount: number = $derived.by(() => this.#app.eventCount);

	/** What the views show: the datasets shown, the actor filter, the window. */
	readonly selection: StoredHead[] = $derived.by(() => this.#tl.shownInWindow);

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
			createdAt: Date.parse(backup.createdAt),
			incoming: countsOf(backup),
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

	/** Reads a chosen backup file: on success it waits in `pending` for the user to confirm. */
	async readRestoreFile(file: Blob | undefined): Promise<void> {
		this.pending = undefined;
		this.restoreError = undefined;
		if (!file) return;
		// The same reader and the same size limit as every import: a stream, never the whole text.
		const [{ readInput }, { checkBackup }] = await Promise.all([reader(), backups()]);
		let json: unknown;
		try {
			const input = await readInput(file.stream(), { size: file.size });
			json = input.kind === 'json' ? input.value : undefined;
		} catch (error) {
			this.restoreError = t.exporter.restoreFailed(describeError(error));
			return;
		}
		const read = checkBackup(json);
		if (read.ok) this.pending = read.backup;
		else this.restoreError = t.exporter.restoreFailed(describeMessage(read.error));
	}

	/** The user keeps what they have. */
	cancelRestore(): void {
		this.pending = undefined;
	}

	/** Replaces everything stored with the pending backup. True when restored. */
	async restore(): Promise<boolean> {
		const backup = this.pending;
		if (!backup) return false;
		this.busy = true;
		try {
			return await this.#app.act(
				async () => {
					await this.#app.repo.restoreBackup(backup);
					const skipped = this.#onrestored(backup.settings);
					const c = countsOf(backup);
					const text = t.exporter.restored(c.datasets, c.events);
					return {
						kind: 'info',
						text: skipped.length ? `${text} ${t.exporter.settingsSkipped(skipped.length)}` : text,
						undo: true
					};
				},
				(message) => (this.restoreError = t.exporter.restoreFailed(message))
			);
		} finally {
			this.busy = false;
		}
	}

	/** Forgets a pending restore and the errors said; the choices stay for next time. */
	reset(): void {
		this.pending = undefined;
		this.restoreError = undefined;
		this.error = undefined;
	}
}
