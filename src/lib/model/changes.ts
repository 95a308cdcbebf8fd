/**
 * What a change did to an event, field by field: the history an event's details show.
 */
import type { TramaEvent } from './schema';

/** What a change did: an event or an actor edited, created or deleted, two actors merged. */
export type ChangeKind =
	| 'event.edit'
	| 'event.create'
	| 'event.delete'
	| 'actor.create'
	| 'actor.edit'
	| 'actor.delete'
	| 'actor.merge'
	| 'dataset.delete'
	| 'dataset.rename'
	| 'dataset.import'
	| 'dataset.restore'
	| 'backup.restore';

/** The fields of an event a change can touch, in the order the history lists them. */
export const EVENT_FIELDS = [
	'title',
	'start',
	'end',
	'uncertainty',
	'kind',
	'confidence',
	'place',
	'participants',
	'relations',
	'tags',
	'sources',
	'summary',
	'notes',
	'media',
	'extra'
] as const satisfies readonly (keyof TramaEvent)[];
export type EventField = (typeof EVENT_FIELDS)[number];

/** One field a change touched, with its value before and after (undefined when absent). */
export interface FieldChange<F extends EventField = EventField> {
	field: F;
	before: TramaEvent[F] | undefined;
	after: TramaEvent[F] | undefined;
}

/** A value with the keys of its objects in order, so equal values write the same JSON. */
function canonical(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(canonical);
	if (value && typeof value === 'object')
		return Object.fromEntries(
			Object.entries(value)
				.filter(([, v]) => v !== undefined)
				.sort(([a], [b]) => (a < b ? -1 : 1))
				.map(([k, v]) => [k, canonical(v)])
		);
	return value;
}

/** Whether two values hold the same data (the order of object keys aside). */
export function sameValue(a: unknown, b: unknown): boolean {
	return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/** Whether a field's value says nothing: absent, or an empty list. */
function empty(value: unknown): boolean {
	return value === undefined || (Array.isArray(value) && value.length === 0);
}

/**
 * The fields that differ between two versions of an event, in the history's order. A list that
 * went from absent to empty (or back) did not change.
 */
export function changedFields(
	before: Partial<TramaEvent>,
	after: Partial<TramaEvent>
): FieldChange[] {
	const out: FieldChange[] = [];
	for (const field of EVENT_FIELDS) {
		const a = before[field];
		const b = after[field];
		if ((empty(a) && empty(b)) || sameValue(a, b)) continue;
		out.push({ field, before: a, after: b });
	}
	return out;
}
