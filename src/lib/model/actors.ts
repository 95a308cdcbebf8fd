/**
 * Changes to actors that reach into events (pure): taking an actor out of an event, and merging
 * two actors that are one (a pasted "Putin" beside "Vladimir Putin").
 */
import { foldAccents } from './text';
import type { Actor, ActorId, Participant, Relation, TramaEvent } from './schema';

/** Whether an event names the actor, as a participant or in a relation. */
export function names(event: Pick<TramaEvent, 'participants' | 'relations'>, id: ActorId): boolean {
	return (
		event.participants.some((p) => p.actor === id) ||
		event.relations.some((r) => r.source === id || r.target === id)
	);
}

/** An event without an actor: its participation and every relation it is in go. */
export function withoutActor(event: TramaEvent, id: ActorId): TramaEvent {
	return {
		...event,
		participants: event.participants.filter((p) => p.actor !== id),
		relations: event.relations.filter((r) => r.source !== id && r.target !== id)
	};
}

/**
 * An event with `drop` replaced by `keep`. A participant listed as both is listed once (with
 * the kept actor's role, or the dropped one's when the kept has none); a relation between the two
 * would link the kept actor to itself, and goes; a relation that becomes the same as another is
 * kept once.
 */
export function mergeInEvent(event: TramaEvent, keep: ActorId, drop: ActorId): TramaEvent {
	const participants: Participant[] = [];
	for (const p of event.participants) {
		const actor = p.actor === drop ? keep : p.actor;
		const seen = participants.find((q) => q.actor === actor);
		if (!seen) participants.push(p.role ? { actor, role: p.role } : { actor });
		else if (!seen.role && p.role) seen.role = p.role;
	}
	const relations: Relation[] = [];
	const seen = new Set<string>();
	for (const r of event.relations) {
		const source = r.source === drop ? keep : r.source;
		const target = r.target === drop ? keep : r.target;
		if (source === target) continue;
		const moved = { ...r, source, target };
		const key = JSON.stringify([moved.type, source, target, moved.directed, moved.label]);
		if (seen.has(key)) continue;
		seen.add(key);
		relations.push(moved);
	}
	return { ...event, participants, relations };
}

/** How many relations an event loses in a merge (those between the two actors). */
export function relationsLost(event: TramaEvent, keep: ActorId, drop: ActorId): number {
	return event.relations.length - mergeInEvent(event, keep, drop).relations.length;
}

/**
 * The kept actor after a merge: the dropped actor's name and aliases become its aliases (each
 * once, whatever the case or accents, and never its own name); its country and description fill
 * in what the kept actor lacks.
 */
export function mergedActor(keep: Actor, drop: Actor): Actor {
	const known = new Set([foldAccents(keep.name)]);
	const aliases: string[] = [];
	for (const a of [...keep.aliases, drop.name, ...drop.aliases]) {
		const folded = foldAccents(a);
		if (known.has(folded)) continue;
		known.add(folded);
		aliases.push(a);
	}
	const merged: Actor = { ...keep, aliases };
	const country = keep.country ?? drop.country;
	const description = keep.description ?? drop.description;
	if (country !== undefined) merged.country = country;
	if (description !== undefined) merged.description = description;
	return merged;
}
