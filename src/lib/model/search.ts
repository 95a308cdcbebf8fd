/**
 * The table's text filter: every word of the query must occur somewhere in the event (title,
 * summary, place, country, actors and their aliases, tags, kind, confidence, sources, notes),
 * ignoring case and accents, so "putin" finds "Vladímir Putin" and "Путин" finds its alias.
 */
import type { Actor, ActorId, TramaEvent } from './schema';
import { foldAccents } from './text';

/** Lower case, accents removed, whitespace collapsed. */
export function normalise(text: string): string {
	return foldAccents(text).replace(/\s+/g, ' ').trim();
}

/** The words of a query, normalised; an empty query has none. */
export function queryTerms(query: string): string[] {
	const n = normalise(query);
	return n === '' ? [] : n.split(' ');
}

/** Everything a filter looks at for one event, normalised into one string. */
export function searchText(
	event: TramaEvent,
	actors: ReadonlyMap<ActorId, Actor>,
	extra: readonly string[] = []
): string {
	const parts: string[] = [event.title, event.summary ?? '', event.notes ?? '', event.kind];
	parts.push(event.confidence, ...event.tags, ...extra);
	if (event.place) parts.push(event.place.name, event.place.country ?? '');
	for (const p of event.participants) {
		const actor = actors.get(p.actor);
		parts.push(p.actor);
		if (actor) parts.push(actor.name, ...actor.aliases);
	}
	for (const s of event.sources) parts.push(s.publisher ?? '', s.title ?? '', s.url ?? '');
	return normalise(parts.join(' \u0001 '));
}

/** True when every term occurs in the text. */
export function matchesTerms(text: string, terms: readonly string[]): boolean {
	return terms.every((term) => text.includes(term));
}
