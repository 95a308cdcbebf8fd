/** The shipped default dataset: valid, sourced, without duplicates, and internally consistent. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { endMs, startMs } from '$lib/model/dates';
import { normalise } from '$lib/model/search';
import { describeProblem, parseNativeFile } from '$lib/model/validate';
import { actorIdsOf } from '$lib/model/events';

const json: unknown = JSON.parse(readFileSync('static/data/default.json', 'utf8'));
const parsed = parseNativeFile(json);

describe('static/data/default.json', () => {
	it('validates against the native schema', () => {
		expect(parsed.ok ? [] : parsed.problems.map(describeProblem)).toEqual([]);
	});
	if (!parsed.ok) return;
	const file = parsed.value;

	it('is the default dataset', () => {
		expect(file.dataset.id).toBe('default');
	});

	it('every event cites at least one source with a URL', () => {
		const unsourced = file.events.filter((e) => !e.sources.some((s) => s.url !== undefined));
		expect(unsourced.map((e) => e.id)).toEqual([]);
	});

	it('no two events are duplicates (same title, or same start and same actors and kind)', () => {
		const titles = new Map<string, string>();
		const keys = new Map<string, string>();
		const dupes: string[] = [];
		for (const e of file.events) {
			const title = normalise(e.title);
			const key = [e.start, e.end ?? '', e.kind, actorIdsOf(e).sort().join('+')].join('|');
			if (titles.has(title)) dupes.push(`${e.id} = ${titles.get(title)}`);
			if (keys.has(key)) dupes.push(`${e.id} ~ ${keys.get(key)}`);
			titles.set(title, e.id);
			keys.set(key, e.id);
		}
		expect(dupes).toEqual([]);
	});

	it('every actor referenced exists, and every actor is used', () => {
		const actors = new Set<string>(file.actors.map((a) => a.id));
		const used = new Set<string>(file.events.flatMap((e) => actorIdsOf(e)));
		expect([...used].filter((id) => !actors.has(id))).toEqual([]);
		expect([...actors].filter((id) => !used.has(id))).toEqual([]);
	});

	it('every end is after its start', () => {
		const bad = file.events.filter((e) => e.end !== undefined && endMs(e.end) <= startMs(e.start));
		expect(bad.map((e) => e.id)).toEqual([]);
	});

	it('every event has participants; denied claims are marked denied', () => {
		expect(file.events.filter((e) => e.participants.length === 0).map((e) => e.id)).toEqual([]);
		expect(file.events.some((e) => e.confidence === 'denied')).toBe(true);
	});
});
