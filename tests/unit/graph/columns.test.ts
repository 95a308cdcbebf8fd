import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toStored } from '$lib/db/repository';
import { buildGraph, edgeEnds, type ActorGraph } from '$lib/graph/graph';
import {
	columnGraph,
	graphColumns,
	graphOfColumns,
	idOrderOf,
	type LinkSource
} from '$lib/graph/columns';
import { compareDated, eventKey, type KeyedEvent } from '$lib/model/events';
import { parseNativeFile } from '$lib/model/validate';
import { generateFile } from '../../fixtures/generate';

/** A native file's events as the views hold them: keyed, in time order. */
function keyed(input: unknown): KeyedEvent[] {
	const r = parseNativeFile(input);
	if (!r.ok) throw new Error('invalid file');
	return r.value.events
		.map((e) => toStored(e, r.value.dataset.id))
		.sort(compareDated)
		.map((e) => ({ key: eventKey(e), event: e, startMs: e.startMs, endMs: e.endMs }));
}

/** A graph as plain data, every link's events read. */
const plain = (g: ActorGraph) => ({
	nodes: g.nodes,
	edges: g.edges.map((e) => ({
		id: e.id,
		a: e.a,
		b: e.b,
		weight: e.weight,
		confidence: e.confidence,
		eventKeys: [...e.eventKeys],
		events: e.events.map((x) => x.key),
		relations: e.relations
	}))
});

function both(events: KeyedEvent[], window: { start: number; end: number }) {
	const maxSpan = events.reduce((m, e) => Math.max(m, e.endMs - e.startMs), 0);
	const { columns, names } = graphColumns(events, maxSpan);
	const answer = graphOfColumns(columns, idOrderOf(names), window);
	return {
		expected: plain(buildGraph(events, window, maxSpan)),
		actual: plain(columnGraph(answer, names, (i) => events[i]))
	};
}

const utc = (y: number, m = 1, d = 1) => Date.UTC(y, m - 1, d);

describe('the graph from columns', () => {
	const defaults = keyed(JSON.parse(readFileSync('static/data/default.json', 'utf8')));

	it('is the graph buildGraph makes, link for link, for the default dataset', () => {
		for (const window of [
			{ start: utc(1990), end: utc(2030) },
			{ start: utc(2023, 9, 1), end: utc(2023, 10, 1) },
			{ start: utc(2019), end: utc(2020) }
		]) {
			const { expected, actual } = both(defaults, window);
			expect(actual).toEqual(expected);
		}
		// The whole range has links with typed relations, both ways and one way.
		const { actual } = both(defaults, { start: utc(1990), end: utc(2030) });
		expect(actual.edges.length).toBeGreaterThan(50);
		const putinXi = actual.edges.find((e) => e.a === 'putin' && e.b === 'xi-jinping');
		expect(putinXi?.relations.some((r) => r.directed)).toBe(true);
		expect(putinXi?.relations.some((r) => !r.directed)).toBe(true);
	});

	it('is the graph buildGraph makes for 5,000 generated events, in several windows', () => {
		const events = keyed(generateFile(5000, 80));
		for (const window of [
			{ start: utc(1990), end: utc(2030) },
			{ start: utc(2004, 3, 1), end: utc(2004, 4, 1) },
			{ start: utc(2010), end: utc(2012) }
		]) {
			const { expected, actual } = both(events, window);
			expect(actual.nodes.length).toBeGreaterThan(0);
			expect(actual).toEqual(expected);
		}
	});

	it('gives a link’s first and last events without listing the others', () => {
		const events = keyed(generateFile(5000, 80));
		const maxSpan = events.reduce((m, e) => Math.max(m, e.endMs - e.startMs), 0);
		const { columns, names } = graphColumns(events, maxSpan);
		const window = { start: utc(1990), end: utc(2030) };
		const answer = graphOfColumns(columns, idOrderOf(names), window);
		let read = 0;
		const source: LinkSource = {
			eventOf: (i: number) => {
				read++;
				return events[i];
			},
			found: new WeakMap()
		};
		const graph = columnGraph(answer, names, source);
		const heaviest = graph.edges.reduce((p, q) => (q.weight > p.weight ? q : p));
		expect(heaviest.weight).toBeGreaterThan(50);
		const ends = edgeEnds(heaviest);
		expect(read).toBe(2);
		const expected = buildGraph(events, window, maxSpan).edges.find((e) => e.id === heaviest.id)!;
		expect(ends?.map((e) => e.key)).toEqual([expected.eventKeys[0], expected.eventKeys.at(-1)]);
		// The same from a graph built in the page, and once the link's events were listed.
		expect(edgeEnds(expected)?.map((e) => e.key)).toEqual(ends?.map((e) => e.key));
		expect(heaviest.events).toHaveLength(heaviest.weight);
		expect(edgeEnds(heaviest)).toEqual(ends);
	});

	it('is empty for a window without events, and for no events', () => {
		expect(both(defaults, { start: utc(1800), end: utc(1801) }).actual).toEqual({
			nodes: [],
			edges: []
		});
		expect(both([], { start: utc(2000), end: utc(2001) }).actual).toEqual({ nodes: [], edges: [] });
	});
});

describe('the graph from columns, of the events a filter keeps', () => {
	it('is the graph of those events alone, its links’ events found among all', () => {
		const events = keyed(generateFile(3000, 60));
		const maxSpan = events.reduce((m, e) => Math.max(m, e.endMs - e.startMs), 0);
		const { columns, names } = graphColumns(events, maxSpan);
		// Every third event, and those of one actor: two filters.
		const everyThird = Uint8Array.from(events, (_, i) => (i % 3 === 0 ? 1 : 0));
		const firstActor = names.actorIds[0];
		const ofActor = Uint8Array.from(events, (e) =>
			e.event.participants.some((p) => p.actor === firstActor) ? 1 : 0
		);
		for (const kept of [everyThird, ofActor])
			for (const window of [
				{ start: utc(1990), end: utc(2030) },
				{ start: utc(2006, 3, 1), end: utc(2006, 9, 1) }
			]) {
				const shown = events.filter((_, i) => kept[i] === 1);
				const answer = graphOfColumns(columns, idOrderOf(names), window, kept);
				const actual = plain(columnGraph(answer, names, (i) => events[i]));
				expect(actual.nodes.length).toBeGreaterThan(0);
				expect(actual).toEqual(plain(buildGraph(shown, window, maxSpan)));
			}
		// Nothing kept: no graph.
		const none = graphOfColumns(
			columns,
			idOrderOf(names),
			{ start: utc(1990), end: utc(2030) },
			new Uint8Array(events.length)
		);
		expect(none.nodeActors).toHaveLength(0);
		expect(none.edgeA).toHaveLength(0);
	});
});
