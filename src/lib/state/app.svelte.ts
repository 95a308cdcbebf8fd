/**
 * The application state: the repository, the live data the views show, and the actions that
 * change it. Created once by the root layout and handed to views through context.
 */
import { createContext } from 'svelte';
import { DEFAULT_DATASET_ID, type Repository, type StoredEvent } from '../db/repository';
import type { Actor, ActorId, Dataset, DatasetId, NativeFile } from '../model/schema';
import { messageOf, t } from '../i18n';
import { indexById } from '../model/events';
import { Live } from './live.svelte';

export type StartStatus = 'starting' | 'ready' | 'failed';

/** A short message for the user after an action, in a live region. */
export interface Notice {
	kind: 'info' | 'error';
	text: string;
}

export class AppState {
	readonly repo: Repository;
	readonly #loadDefault: () => Promise<NativeFile>;

	startStatus = $state<StartStatus>('starting');
	startError = $state<string | undefined>(undefined);
	notice = $state<Notice | undefined>(undefined);

	readonly datasets: Live<Dataset[]>;
	readonly events: Live<StoredEvent[]>;
	readonly actors: Live<Actor[]>;

	readonly actorsById: ReadonlyMap<ActorId, Actor> = $derived.by(() =>
		indexById(this.actors.current ?? [])
	);

	/** The events of the datasets shown (hidden ones stay stored but leave the views). */
	readonly visibleEvents: StoredEvent[] | undefined = $derived.by(() => {
		const events = this.events.current;
		const hidden = (this.datasets.current ?? []).filter((d) => d.hidden).map((d) => d.id as string);
		return events && hidden.length ? events.filter((e) => !hidden.includes(e.datasetId)) : events;
	});

	/** The number of events stored, summed over datasets. */
	readonly eventCount: number = $derived.by(() =>
		(this.datasets.current ?? []).reduce((n, d) => n + d.eventCount, 0)
	);

	constructor(repo: Repository, loadDefault: () => Promise<NativeFile>) {
		this.repo = repo;
		this.#loadDefault = loadDefault;
		this.datasets = new Live(repo.watch((r) => r.datasets()));
		this.events = new Live(repo.watch((r) => r.events()));
		this.actors = new Live(repo.watch((r) => r.actors()));
	}

	/** First start: loads the default dataset once, then the live queries take over. */
	async start(): Promise<void> {
		this.startStatus = 'starting';
		this.startError = undefined;
		try {
			await this.repo.ensureDefaultDataset(this.#loadDefault);
			this.startStatus = 'ready';
		} catch (error) {
			this.startError = messageOf(error);
			this.startStatus = 'failed';
		}
	}

	isDefault(dataset: Dataset): boolean {
		return dataset.id === DEFAULT_DATASET_ID;
	}

	async restoreDefault(): Promise<void> {
		await this.#act(async () => {
			const summary = await this.repo.restoreDefaultDataset(this.#loadDefault);
			return { kind: 'info', text: t.datasets.restored(summary.events) };
		});
	}

	async setHidden(dataset: Dataset, hidden: boolean): Promise<void> {
		await this.#act(async () => {
			await this.repo.setDatasetHidden(dataset.id, hidden);
			return {
				kind: 'info',
				text: hidden ? t.datasets.hiddenNotice(dataset.name) : t.datasets.shownNotice(dataset.name)
			};
		});
	}

	/** True when the name was saved. */
	async rename(dataset: Dataset, name: string): Promise<boolean> {
		return this.#act(async () => {
			await this.repo.renameDataset(dataset.id, name);
			return { kind: 'info', text: t.datasets.renamed(name.trim()) };
		});
	}

	async deleteDataset(dataset: Dataset): Promise<void> {
		await this.#act(async () => {
			await this.repo.deleteDataset(dataset.id);
			return { kind: 'info', text: t.datasets.deleted(dataset.name) };
		});
	}

	datasetById(id: DatasetId): Dataset | undefined {
		return this.datasets.current?.find((d) => d.id === id);
	}

	async #act(action: () => Promise<Notice>): Promise<boolean> {
		try {
			this.notice = await action();
			return true;
		} catch (error) {
			this.notice = { kind: 'error', text: t.status.actionFailed(messageOf(error)) };
			return false;
		}
	}
}

export const [getAppState, setAppState] = createContext<AppState>();
