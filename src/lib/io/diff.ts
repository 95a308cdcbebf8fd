/**
 * What an import would change in a dataset, before anything is written: events that are new,
 * changed (and which fields), identical (skipped), and stored events the file no longer has.
 */
import type { TramaEvent } from '../model/schema';

export interface ChangedEvent {
	id: string;
	title: string;
	fields: string[];
}

export interface ImportDiff {
	added: TramaEvent[];
	changed: ChangedEvent[];
	identical: number;
	/** Stored events of the dataset that the new version does not contain (they go). */
	removed: TramaEvent[];
}

/** JSON with object keys sorted, so two equal records give equal text whatever their key order. */
export function canonical(value: unknown): string {
	return JSON.stringify(value, (_key, v: unknown) =>
		v && typeof v === 'object' && !Array.isArray(v)
			? Object.fromEntries(
					Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1))
				)
			: v
	);
}

export function diffEvents(
	stored: readonly TramaEvent[],
	incoming: readonly TramaEvent[]
): ImportDiff {
	const before = new Map(stored.map((e) => [e.id as string, e]));
	const diff: ImportDiff = { added: [], changed: [], identical: 0, removed: [] };
	const seen = new Set<string>();
	for (const e of incoming) {
		seen.add(e.id);
		const old = before.get(e.id);
		if (!old) {
			diff.added.push(e);
			continue;
		}
		const keys = new Set([...Object.keys(old), ...Object.keys(e)]);
		const fields = [...keys]
			.filter(
				(k) =>
					canonical((old as Record<string, unknown>)[k]) !==
					canonical((e as Record<string, unknown>)[k])
			)
			.sort();
		if (fields.length) diff.changed.push({ id: e.id, title: e.title, fields });
		else diff.identical++;
	}
	for (const e of stored) if (!seen.has(e.id)) diff.removed.push(e);
	return diff;
}
