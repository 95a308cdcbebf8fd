/**
 * Matching imported actors to stored ones by name or alias, ignoring case and accents, so a file
 * that calls him "Vladímir Putin" joins the stored "Vladimir Putin" instead of making a second
 * one. Matches are proposals: the preview lists them and the user can refuse any of them.
 */
import type { Actor, ActorId, NativeFile, TramaEvent } from '../model/schema';
import { normalise } from '../model/search';

export interface ActorMatch {
	/** The actor as the file names it. */
	imported: { id: ActorId; name: string };
	/** The stored actor it is taken to be. */
	existing: { id: ActorId; name: string };
	/** The name or alias the two share, as the file writes it. */
	via: string;
	/** The user said so (the names need not match). */
	chosen?: boolean;
}

function namesOf(actor: Actor): string[] {
	return [actor.name, ...actor.aliases];
}

/**
 * For every imported actor whose id is not stored, the stored actor that has one of its names
 * (name or alias) among its own. An actor whose id is already stored is the same actor and needs
 * no match. When two stored actors share the name, the first by name wins.
 */
export function matchActors(imported: readonly Actor[], stored: readonly Actor[]): ActorMatch[] {
	const storedIds = new Set<string>(stored.map((a) => a.id));
	const byName = new Map<string, Actor>();
	for (const actor of [...stored].sort((a, b) => a.name.localeCompare(b.name))) {
		for (const name of namesOf(actor)) {
			const key = normalise(name);
			if (key && !byName.has(key)) byName.set(key, actor);
		}
	}
	const matches: ActorMatch[] = [];
	for (const actor of imported) {
		if (storedIds.has(actor.id)) continue;
		for (const name of namesOf(actor)) {
			const found = byName.get(normalise(name));
			if (found) {
				matches.push({
					imported: { id: actor.id, name: actor.name },
					existing: { id: found.id, name: found.name },
					via: name
				});
				break;
			}
		}
	}
	return matches;
}

/**
 * The file with accepted matches applied: events refer to the stored actor, and the imported
 * actor record is dropped. An event that named both ends up with the actor once; a relation
 * that would join an actor to itself is dropped.
 */
export function applyMatches(file: NativeFile, matches: readonly ActorMatch[]): NativeFile {
	if (matches.length === 0) return file;
	const to = new Map<ActorId, ActorId>(matches.map((m) => [m.imported.id, m.existing.id]));
	const map = (id: ActorId) => to.get(id) ?? id;
	const events = file.events.map((event): TramaEvent => {
		if (!event.participants.some((p) => to.has(p.actor))) return event;
		const seen = new Set<ActorId>();
		const participants = event.participants
			.map((p) => ({ ...p, actor: map(p.actor) }))
			.filter((p) => (seen.has(p.actor) ? false : (seen.add(p.actor), true)));
		const relations = event.relations
			.map((r) => ({ ...r, source: map(r.source), target: map(r.target) }))
			.filter((r) => r.source !== r.target);
		return { ...event, participants, relations };
	});
	return { ...file, actors: file.actors.filter((a) => !to.has(a.id)), events };
}
