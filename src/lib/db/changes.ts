/**
 * The changes a user makes in the app, and their undoing: events edited, added and deleted,
 * actors saved, deleted and merged, undo and redo. Loaded when first needed (the repository's
 * methods of the same names call into it), so the first screen does not carry it; every write
 * still goes through the repository's transaction and change log (see `StoreAccess`).
 */
import { mergedActor, mergeInEvent, relationsLost, withoutActor } from '../model/actors';
import { sameValue } from '../model/changes';
import { MessageError } from '../model/errors';
import { eventKey } from '../model/events';
import { msg, type Problem } from '../model/messages';
import {
	actorSchema,
	eventSchema,
	type Actor,
	type ActorId,
	type Dataset,
	type DatasetId,
	type EventId,
	type TramaEvent
} from '../model/schema';
import { validate } from '../model/validate';
import {
	datasetBlocks,
	fromStored,
	MAX_DATASET_NAME,
	moveContents,
	toStored,
	type ActorStep,
	type ChangeRecord,
	type DatasetStep,
	type EventStep,
	type RecordBlock,
	type StoredEvent,
	type TramaDatabase
} from './database';
import { BlockSplice } from './splice';

/** What the change writer needs of the repository: its transaction, checks and log. */
export interface StoreAccess {
	/** One read-write transaction over what a change touches. */
	changing<T>(work: () => Promise<T>): Promise<T>;
	/** A dataset, which must be stored (and not deleted). Call inside a transaction. */
	dataset(datasetId: DatasetId): Promise<Dataset>;
	/** Refuses an event that names an actor the store does not hold. */
	checkActors(event: StoredEvent): Promise<void>;
	/** Keeps a change, dropping those undone before it. */
	log(change: Omit<ChangeRecord, 'at' | 'undone'>, now: Date): Promise<void>;
	/** Removes a dataset's blocks; the actors its events used. */
	removeBlocks(datasetId: DatasetId): Promise<Set<ActorId>>;
	eventsNaming(id: ActorId): Promise<StoredEvent[]>;
	undoState(): Promise<{ undo?: ChangeRecord; redo?: ChangeRecord }>;
	recordsOfDataset(datasetId: DatasetId): { toArray(): Promise<RecordBlock[]> };
	/** The name the change log gives a change (see `changeTitle`). */
	title(change: ChangeRecord): string;
}

/** Whether two stored records of an event hold the same data (their fields' order aside). */
const sameRecord = (a: StoredEvent, b: StoredEvent): boolean => sameValue(a, b);

/** Up to this many events in one change are spliced into their blocks; more rewrite them. */
const SPLICE_AT_MOST = 8;

/** What merging one actor into another changes (see `Repository.mergePlan`). */
export interface MergePlan {
	keep: Actor;
	drop: Actor;
	/** The kept actor as the merge leaves it. */
	merged: Actor;
	events: Required<EventStep>[];
	/** Relations between the two actors, which would link the kept one to itself. */
	relationsLost: number;
	aliasesAdded: string[];
}

/** Every record a change touched, whatever its shape (one event, or several records). */
function stepsOf(change: ChangeRecord): {
	events: EventStep[];
	actors: ActorStep[];
	datasets: DatasetStep[];
} {
	const one =
		change.datasetId !== undefined && (change.before || change.after)
			? [
					{
						datasetId: change.datasetId,
						...(change.before ? { before: change.before } : {}),
						...(change.after ? { after: change.after } : {})
					}
				]
			: [];
	return {
		events: change.events ?? one,
		actors: change.actors ?? [],
		datasets: change.datasets ?? []
	};
}

/** An event checked against the model, as stored in a dataset; a refusal names its first problem. */
function checkedEvent(event: TramaEvent, datasetId: DatasetId): StoredEvent {
	const checked = validate(eventSchema, event);
	if (!checked.ok) {
		// A refusal has at least one problem; the first is what the form shows.
		const [first] = checked.problems as [Problem, ...Problem[]];
		throw new MessageError(msg('store.invalidEvent', { path: first.path, reason: first.message }));
	}
	return toStored(checked.value, datasetId);
}

export class ChangeWriter {
	readonly #db: TramaDatabase;
	readonly #store: StoreAccess;

	constructor(db: TramaDatabase, store: StoreAccess) {
		this.#db = db;
		this.#store = store;
	}

	/** Takes back the last change; the change it took back, or undefined when there is none. */
	undo(): Promise<ChangeRecord | undefined> {
		return this.#step('undo');
	}

	/** Makes the last undone change again; the change, or undefined when there is none. */
	redo(): Promise<ChangeRecord | undefined> {
		return this.#step('redo');
	}

	/**
	 * Replaces one event of a dataset by its edited version (same id), and keeps the change so it
	 * can be undone. The event is checked against the model first, and every actor it names must
	 * be stored. One transaction, which writes only the blocks the event leaves and enters (see
	 * `BlockSplice`). False when the edit changes nothing (nothing is written or kept then). With
	 * `expected` (the record the user started from), an event changed since is refused.
	 */
	async editEvent(
		datasetId: DatasetId,
		edited: TramaEvent,
		now: Date = new Date(),
		expected?: StoredEvent
	): Promise<boolean> {
		const after = checkedEvent(edited, datasetId);
		return this.#store.changing(async () => {
			await this.#store.dataset(datasetId);
			const blocks = new BlockSplice(this.#db, datasetId);
			const before = await blocks.remove(after.id);
			if (!before)
				throw new MessageError(msg('store.noEvent', { dataset: datasetId, id: after.id }));
			// The form started from `expected`: if another tab (or an import) has changed the event
			// since, saving would silently undo that change.
			if (expected && !sameRecord(before, expected))
				throw new MessageError(msg('store.editedSince', { title: expected.title }));
			if (sameRecord(before, after)) return false;
			await this.#store.checkActors(after);
			await blocks.insert(after);
			await blocks.write();
			await this.#store.log(
				{
					kind: 'event.edit',
					datasetId,
					eventId: after.id,
					before,
					after,
					eventKeys: [eventKey(after)]
				},
				now
			);
			return true;
		});
	}

	/**
	 * Adds a new event to a dataset, checked as an edit is; its id must not be taken there. The
	 * dataset's count follows. With `newDataset`, the dataset is made (with that name) if it does
	 * not exist. Kept as a change, so it can be undone (the dataset made stays, empty).
	 */
	async createEvent(
		datasetId: DatasetId,
		event: TramaEvent,
		now: Date = new Date(),
		newDataset?: { name: string }
	): Promise<void> {
		const after = checkedEvent(event, datasetId);
		const name = newDataset?.name.trim();
		if (name === '') throw new MessageError(msg('store.nameEmpty'));
		if (name !== undefined && name.length > MAX_DATASET_NAME)
			throw new MessageError(msg('store.nameTooLong', { max: MAX_DATASET_NAME }));
		await this.#store.changing(async () => {
			let dataset = await this.#db.datasets.get(datasetId);
			if (dataset?.deleted !== undefined) dataset = undefined;
			if (!dataset && name !== undefined) {
				dataset = {
					id: datasetId,
					name,
					origin: { kind: 'app' },
					importedAt: now.toISOString(),
					eventCount: 0
				};
				await this.#store.removeBlocks(datasetId);
				await this.#db.datasets.put(dataset);
			}
			if (!dataset) throw new MessageError(msg('store.noDataset', { id: datasetId }));
			const blocks = new BlockSplice(this.#db, datasetId);
			if (await blocks.has(after.id))
				throw new MessageError(msg('store.eventIdTwice', { dataset: datasetId, id: after.id }));
			await this.#store.checkActors(after);
			await blocks.insert(after);
			await blocks.write();
			await this.#db.datasets.update(datasetId, { eventCount: dataset.eventCount + 1 });
			await this.#store.log(
				{ kind: 'event.create', datasetId, eventId: after.id, after, eventKeys: [eventKey(after)] },
				now
			);
		});
	}

	/**
	 * Deletes one event of a dataset and returns its record. Its actors stay (another event, or an
	 * undo, may use them). Kept as a change, so it can be undone.
	 */
	async deleteEvent(
		datasetId: DatasetId,
		id: EventId,
		now: Date = new Date()
	): Promise<StoredEvent> {
		return this.#store.changing(async () => {
			const dataset = await this.#store.dataset(datasetId);
			const blocks = new BlockSplice(this.#db, datasetId);
			const before = await blocks.remove(id);
			if (!before) throw new MessageError(msg('store.noEvent', { dataset: datasetId, id }));
			await blocks.write();
			await this.#db.datasets.update(datasetId, { eventCount: dataset.eventCount - 1 });
			await this.#store.log(
				{ kind: 'event.delete', datasetId, eventId: id, before, eventKeys: [eventKey(before)] },
				now
			);
			return before;
		});
	}

	async #step(direction: 'undo' | 'redo'): Promise<ChangeRecord | undefined> {
		const db = this.#db;
		return this.#store.changing(async () => {
			const { undo, redo } = await this.#store.undoState();
			const change = direction === 'undo' ? undo : redo;
			if (!change || change.seq === undefined) return undefined;
			const back = direction === 'undo';
			const { events, actors, datasets } = stepsOf(change);
			const since = () =>
				new MessageError(msg('store.changedSince', { title: this.#store.title(change) }));
			// Only records still as this change left them are changed back: another tab, or an
			// import, may have changed them since, and that must not be overwritten.
			for (const step of actors) {
				const [from, to] = back ? [step.after, step.before] : [step.before, step.after];
				const id = (from ?? to)?.id;
				if (id === undefined) continue;
				const stored = await db.actors.get(id);
				if (from ? !stored || !sameValue(stored, from) : stored !== undefined) throw since();
				if (to) await db.actors.put(to);
			}
			for (const step of datasets) {
				const [from, to] = back ? [step.after, step.before] : [step.before, step.after];
				const id = (from ?? to)?.id;
				if (id === undefined) continue;
				const stored = await db.datasets.get(id);
				if (from ? !stored || !sameValue(stored, from) : stored !== undefined) throw since();
				if (to) await db.datasets.put(to);
				else await db.datasets.delete(id);
			}
			// Contents a change replaced trade places with their trash (see `DatasetSwap`); a
			// trash purged since cannot be brought back.
			for (const { datasetId, trash } of change.swaps ?? []) {
				if (!(await db.datasets.get(trash))) throw since();
				await moveContents(db, [
					{ from: datasetId, to: trash },
					{ from: trash, to: datasetId }
				]);
			}
			await this.#applyEventSteps(
				events.map((e) => ({
					datasetId: e.datasetId,
					from: back ? e.after : e.before,
					to: back ? e.before : e.after
				})),
				since
			);
			for (const step of actors) {
				const gone = back ? !step.before : !step.after;
				const id = (step.before ?? step.after)?.id;
				if (gone && id !== undefined) await db.actors.delete(id);
			}
			await db.changes.update(change.seq, { undone: back });
			return change;
		});
	}

	/**
	 * Changes events from one record to another, checking first that each is still `from` (or,
	 * where `from` is absent, that no event has its id): `since` says why not. A few events are
	 * spliced into their blocks; many (an actor's merge) rewrite their datasets' blocks whole, in
	 * one read and one write each. Datasets' counts follow. Call inside a transaction.
	 */
	async #applyEventSteps(
		steps: readonly { datasetId: DatasetId; from?: StoredEvent; to?: StoredEvent }[],
		since: () => Error
	): Promise<void> {
		const byDataset = new Map<DatasetId, typeof steps>();
		for (const step of steps)
			byDataset.set(step.datasetId, [...(byDataset.get(step.datasetId) ?? []), step]);
		for (const [datasetId, own] of byDataset) {
			const dataset = await this.#store.dataset(datasetId);
			for (const { to } of own) if (to) await this.#store.checkActors(to);
			if (own.length <= SPLICE_AT_MOST) {
				const blocks = new BlockSplice(this.#db, datasetId);
				for (const { from, to } of own) {
					if (from) {
						const stored = await blocks.remove(from.id);
						if (!stored || !sameRecord(stored, from)) throw since();
					} else if (to && (await blocks.has(to.id))) throw since();
				}
				for (const { to } of own) if (to) await blocks.insert(to);
				await blocks.write();
			} else {
				const byId = new Map((await this.#storedEvents(datasetId)).map((e) => [e.id, e]));
				for (const { from, to } of own) {
					const id = (from ?? to)?.id as EventId;
					const stored = byId.get(id);
					if (from ? !stored || !sameRecord(stored, from) : stored !== undefined) throw since();
					if (to) byId.set(id, to);
					else byId.delete(id);
				}
				await this.#rewrite(datasetId, [...byId.values()]);
			}
			const count = own.reduce((n, { from, to }) => n + (to ? 1 : 0) - (from ? 1 : 0), 0);
			if (count !== 0)
				await this.#db.datasets.update(datasetId, { eventCount: dataset.eventCount + count });
		}
	}

	/** Every stored event of a dataset. Call inside a transaction. */
	async #storedEvents(datasetId: DatasetId): Promise<StoredEvent[]> {
		return (await this.#store.recordsOfDataset(datasetId).toArray()).flatMap((b) => b.events);
	}

	/** Writes a dataset's events again as blocks. Call inside a transaction. */
	async #rewrite(datasetId: DatasetId, events: readonly StoredEvent[]): Promise<void> {
		const blocks = datasetBlocks(datasetId, events);
		await this.#store.removeBlocks(datasetId);
		await this.#db.records.bulkPut(blocks.records);
		await this.#db.heads.bulkPut(blocks.heads);
	}

	/**
	 * Adds an actor, or saves an edited one (same id); false when nothing changed. Kept as a
	 * change, so it can be undone.
	 */
	async saveActor(input: Actor, now: Date = new Date()): Promise<boolean> {
		const checked = validate(actorSchema, input);
		if (!checked.ok) {
			const [first] = checked.problems as [Problem, ...Problem[]];
			throw new MessageError(
				msg('store.invalidActor', { path: first.path, reason: first.message })
			);
		}
		const actor = checked.value;
		const db = this.#db;
		return this.#store.changing(async () => {
			const before = await db.actors.get(actor.id);
			if (before && sameValue(before, actor)) return false;
			await db.actors.put(actor);
			await this.#store.log(
				{
					kind: before ? 'actor.edit' : 'actor.create',
					actors: [{ ...(before ? { before } : {}), after: actor }],
					eventKeys: []
				},
				now
			);
			return true;
		});
	}

	/**
	 * Deletes an actor. While events name it, it is refused (with how many), unless
	 * `fromEvents`: then it is taken out of those events (their participants and relations) in
	 * the same transaction. Kept as a change, so it can be undone.
	 */
	async deleteActor(id: ActorId, fromEvents = false, now: Date = new Date()): Promise<number> {
		const db = this.#db;
		return this.#store.changing(async () => {
			const actor = await db.actors.get(id);
			if (!actor) throw new MessageError(msg('store.noActor', { id }));
			const using = await this.#store.eventsNaming(id);
			if (using.length > 0 && !fromEvents)
				throw new MessageError(msg('store.actorInUse', { name: actor.name, count: using.length }));
			const events = using.map((before) => ({
				datasetId: before.datasetId,
				before,
				after: toStored(withoutActor(fromStored(before), id), before.datasetId)
			}));
			await this.#applyEventSteps(
				events.map((e) => ({ datasetId: e.datasetId, from: e.before, to: e.after })),
				() => new MessageError(msg('store.changedSince', { title: actor.name }))
			);
			await db.actors.delete(id);
			await this.#store.log(
				{
					kind: 'actor.delete',
					events,
					actors: [{ before: actor }],
					eventKeys: events.map((e) => eventKey(e.before))
				},
				now
			);
			return events.length;
		});
	}

	/**
	 * What merging `drop` into `keep` would change: the events that name `drop`, the relations
	 * between the two that would go, and the names `keep` would gain as aliases.
	 */
	async mergePlan(keepId: ActorId, dropId: ActorId): Promise<MergePlan> {
		const [keep, drop] = await this.#db.actors.bulkGet([keepId, dropId]);
		if (!keep) throw new MessageError(msg('store.noActor', { id: keepId }));
		if (!drop) throw new MessageError(msg('store.noActor', { id: dropId }));
		if (keepId === dropId) throw new MessageError(msg('store.mergeSelf'));
		const using = await this.#store.eventsNaming(dropId);
		const merged = mergedActor(keep, drop);
		const events = using.map((before) => ({
			datasetId: before.datasetId,
			before,
			after: toStored(mergeInEvent(fromStored(before), keepId, dropId), before.datasetId)
		}));
		return {
			keep,
			drop,
			merged,
			events,
			relationsLost: using.reduce((n, e) => n + relationsLost(e, keepId, dropId), 0),
			aliasesAdded: merged.aliases.filter((a) => !keep.aliases.includes(a))
		};
	}

	/**
	 * Merges `drop` into `keep`: every event and relation that named `drop` names `keep`, and
	 * `drop`'s names become `keep`'s aliases; `drop` goes. One transaction, kept as a change, so
	 * it can be undone.
	 */
	async mergeActors(keepId: ActorId, dropId: ActorId, now: Date = new Date()): Promise<MergePlan> {
		const db = this.#db;
		return this.#store.changing(async () => {
			const plan = await this.mergePlan(keepId, dropId);
			await db.actors.put(plan.merged);
			await this.#applyEventSteps(
				plan.events.map((e) => ({ datasetId: e.datasetId, from: e.before, to: e.after })),
				() => new MessageError(msg('store.changedSince', { title: plan.drop.name }))
			);
			await db.actors.delete(dropId);
			await this.#store.log(
				{
					kind: 'actor.merge',
					events: plan.events,
					actors: [{ before: plan.keep, after: plan.merged }, { before: plan.drop }],
					eventKeys: plan.events.map((e) => eventKey(e.before))
				},
				now
			);
			return plan;
		});
	}
}
