/** What the rest of the app asks of an event: its span in time, its order, its actors. */
import { comparePartialDates, endMs, startMs, type Span } from './dates';
import type { ActorId, TramaEvent } from './schema';

/**
 * The stretch of time an event may cover: from its start to the end of its end's precision (a
 * month-precision September event spans all of September). Uncertainty bounds, when given,
 * replace either edge: the event happened no earlier than `earliest`, no later than `latest`.
 */
export function eventSpan(event: Pick<TramaEvent, 'start' | 'end' | 'uncertainty'>): Span {
	const u = event.uncertainty;
	return {
		start: startMs(u?.earliest ?? event.start),
		end: endMs(u?.latest ?? event.end ?? event.start)
	};
}

/** Overlap semantics: an event belongs to a window if its span overlaps the window at all. */
export function overlaps(span: Span, window: Span): boolean {
	return span.start < window.end && span.end > window.start;
}

/** Chronological order: by start, coarser spans first at equal starts, then by title and id. */
export function compareEvents(a: TramaEvent, b: TramaEvent): number {
	return (
		comparePartialDates(a.start, b.start) ||
		a.title.localeCompare(b.title) ||
		(a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
	);
}

/** Every actor an event involves: participants, then any relation end not among them. */
export function actorIdsOf(event: Pick<TramaEvent, 'participants' | 'relations'>): ActorId[] {
	const ids = new Set<ActorId>(event.participants.map((p) => p.actor));
	for (const r of event.relations) {
		ids.add(r.source);
		ids.add(r.target);
	}
	return [...ids];
}

/** A lookup by id; the records are not copied. */
export function indexById<K extends string, T extends { id: K }>(
	records: readonly T[]
): ReadonlyMap<K, T> {
	return new Map(records.map((r) => [r.id, r]));
}
