/**
 * The event form beside the views: which event it edits (a stored one, or a new one), and what
 * saving, duplicating and deleting do. The form itself only collects fields.
 */
import { describeError, t } from '../i18n';
import { fromStored, type StoredEvent } from '../db/repository';
import type { PartialDate } from '../model/dates';
import { datasetOfKey, eventKey, type EventKey } from '../model/events';
import { foldAccents } from '../model/text';
import type { Actor, ActorId, ActorKind, DatasetId, EventId, TramaEvent } from '../model/schema';
import type { AppState } from './app.svelte';

/** Where a new event goes: a dataset there is, or a new one by this name. */
export type DatasetChoice = { id: DatasetId } | { name: string };

/**
 * What the form edits: a stored event (its record as it was when the form opened: the form does
 * not follow later changes to it while the user types), or a new one from a draft.
 */
export type EditorTarget =
	| { mode: 'edit'; key: EventKey; record: StoredEvent }
	| { mode: 'new'; draft: TramaEvent; datasetId: DatasetId | undefined };

/** What a new event can start from: a date and an actor (a double-click on a lane). */
export interface NewEventSeed {
	start?: PartialDate;
	actor?: ActorId;
}

/** A new event's id: its title in lower case with dashes, and a short random part. */
export function newEventId(title: string, random: () => number = Math.random): EventId {
	const words = foldAccents(title)
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '')
		.slice(0, 48)
		.replace(/-$/, '');
	const tail = Math.floor(random() * 36 ** 6)
		.toString(36)
		.padStart(6, '0');
	return `${words || 'event'}-${tail}` as EventId;
}

/** A new dataset's id, from its name (made unique by a random part). */
export function newDatasetId(name: string, random: () => number = Math.random): DatasetId {
	return newEventId(name, random) as string as DatasetId;
}

export interface EditingHost {
	app: AppState;
	/** Selects an event (and brings it into view once the views have it). */
	reveal: (key: EventKey) => void;
	/** Clears the selection. */
	unselect: () => void;
	/** The dataset a new event goes to unless the user picks another. */
	defaultDataset: () => DatasetId | undefined;
}

/** What the actor dialog does with an actor: edit it, merge it with another, or delete it. */
export interface ActorTarget {
	mode: 'edit' | 'merge' | 'delete';
	actor: Actor;
}

export class EditingState {
	readonly #host: EditingHost;
	target = $state.raw<EditorTarget | undefined>(undefined);
	/** The actor dialog's task, if it is open. */
	actorTarget = $state.raw<ActorTarget | undefined>(undefined);

	constructor(host: EditingHost) {
		this.#host = host;
	}

	/** Opens the form on a stored event. */
	edit(record: StoredEvent): void {
		this.target = { mode: 'edit', key: eventKey(record), record };
	}

	/** Opens the form on a new event, with a date and an actor when given. */
	create(seed: NewEventSeed = {}): void {
		const draft: TramaEvent = {
			id: '' as EventId,
			title: '',
			start: seed.start ?? ('' as PartialDate),
			participants: seed.actor ? [{ actor: seed.actor }] : [],
			relations: [],
			kind: 'other',
			tags: [],
			sources: [],
			confidence: 'unassessed'
		};
		this.target = { mode: 'new', draft, datasetId: this.#host.defaultDataset() };
	}

	/** Opens the form on a copy of a stored event, as a new event of its dataset. */
	duplicate(record: StoredEvent): void {
		const copy = fromStored(record);
		this.target = {
			mode: 'new',
			draft: { ...copy, id: '' as EventId, title: t.editor.copyOf(copy.title) },
			datasetId: record.datasetId
		};
	}

	close(): void {
		this.target = undefined;
	}

	/** Opens the actor dialog to edit, merge or delete an actor. */
	manageActor(mode: ActorTarget['mode'], actor: Actor): void {
		this.actorTarget = { mode, actor };
	}

	closeActor(): void {
		this.actorTarget = undefined;
	}

	/**
	 * Adds an actor by name (from the event form, when no actor has the name typed); the actor,
	 * or undefined when the store refused it (the notice says why).
	 */
	async createActor(name: string, kind: ActorKind): Promise<Actor | undefined> {
		const actor: Actor = {
			id: newEventId(name) as string as ActorId,
			name: name.trim().replace(/\s+/g, ' '),
			aliases: [],
			kind
		};
		return (await this.#host.app.saveActor(actor)) ? actor : undefined;
	}

	/**
	 * Saves what the form holds: the stored event edited, or a new event added (then selected).
	 * Resolves to the store's reason when it refused; the form stays open then.
	 */
	async save(event: TramaEvent, choice?: DatasetChoice): Promise<string | undefined> {
		const target = this.target;
		if (!target) return undefined;
		const app = this.#host.app;
		let reason: string | undefined;
		const onError = (message: string) => (reason = message);
		if (target.mode === 'edit') {
			const datasetId = datasetOfKey(target.key) as DatasetId;
			if (await app.editEvent(datasetId, event, onError, target.record)) this.target = undefined;
			return reason;
		}
		const id = newEventId(event.title);
		const into =
			choice && 'name' in choice
				? { id: newDatasetId(choice.name), name: choice.name }
				: { id: choice?.id ?? target.datasetId };
		if (into.id === undefined) return t.editor.noDataset;
		const created = await app.createEvent(into.id, { ...event, id }, onError, into.name);
		if (created) {
			this.target = undefined;
			this.#host.reveal(eventKey({ datasetId: into.id, id }));
		}
		return reason;
	}

	/**
	 * Moves a stored event in time by about `deltaMs` (a drag on the timeline), each date at its
	 * own precision; a drag too short to change any date changes nothing.
	 */
	async move(key: EventKey, deltaMs: number): Promise<void> {
		const app = this.#host.app;
		const [[record], { shiftEvent }, { sameValue }] = await Promise.all([
			app.repo.eventsByKey([key]),
			import('../model/shift'),
			import('../model/changes')
		]);
		if (!record) return;
		let moved: TramaEvent;
		try {
			moved = shiftEvent(fromStored(record), deltaMs);
		} catch (error) {
			app.notice = { kind: 'error', text: t.status.actionFailed(describeError(error)) };
			return;
		}
		if (sameValue(moved, fromStored(record))) return;
		await app.moveEvent(record.datasetId, moved, record);
	}

	/** Deletes a stored event; the notice offers to undo it. */
	async remove(record: StoredEvent): Promise<void> {
		const key = eventKey(record);
		if (this.target?.mode === 'edit' && this.target.key === key) this.target = undefined;
		if (await this.#host.app.deleteEvent(record.datasetId, record.id, record.title))
			this.#host.unselect();
	}
}
