import { describe, expect, it, vi } from 'vitest';
import { buildGraph, edgeId } from '$lib/graph/graph';
import { graphOfColumns, type GraphColumns } from '$lib/graph/columns';
import { GraphService } from '$lib/graph/graph-client';
import {
	LIVE_DRAWN_LINKS,
	MAX_ALL_ACTORS,
	MAX_DRAWN_ACTORS,
	MAX_DRAWN_LINKS,
	NetworkState,
	SETTLE_MS,
	WORKER_GRAPH_EVENTS
} from '$lib/state/network.svelte';
import { toStored, type StoredEvent } from '$lib/db/repository';
import { TimelineState } from '$lib/state/timeline.svelte';
import type { Span } from '$lib/model/dates';
import type { Lit } from '$lib/model/events';
import { actorId, actorMap, DATASET, ManualFrames, storedMeetings, utc } from './fixtures.svelte';
import { event, recordingWorker } from '../helpers';

/** A network over the test meetings, its actors and events as state the test changes. */
function network() {
	const data = $state({
		events: storedMeetings(),
		actors: actorMap
	});
	const frames = new ManualFrames();
	const tl: TimelineState = new TimelineState({
		events: () => data.events,
		actors: () => data.actors,
		highlight: () => net.lit
	});
	const net: NetworkState = new NetworkState(
		tl,
		{ nameOf: (id) => data.actors.get(id)?.name ?? id, has: (id) => data.actors.has(id) },
		frames.schedule
	);
	return { tl, net, data, frames };
}

const putin = actorId('putin');
const kim = actorId('kim-jong-un');
/** The ids of the timeline's events the test lights, or undefined with no test. */
const lit = (tl: TimelineState, test: Lit | undefined) =>
	test &&
	tl.events
		.filter((e) => test.lights(e))
		.map((e) => e.event.id)
		.sort();

describe('NetworkState', () => {
	it('builds the graph of the window, catching up with a moved window on the next frame', () => {
		const { tl, net, frames } = network();
		// The dashboard reports the first window too, as every later one.
		net.windowMoved();
		frames.run();
		expect(net.graph.nodes.map((n) => [n.id, n.events])).toEqual([
			['kim-jong-un', 3],
			['putin', 3],
			['shoigu', 1],
			['xi-jinping', 1]
		]);
		tl.setWindow({ start: utc(2023, 9, 1), end: utc(2023, 10, 1) }, 'control');
		net.windowMoved();
		net.windowMoved();
		expect(frames.waiting).toBe(1);
		// Until the frame, the graph is the one already built (it does not rebuild on every move).
		expect(net.graph.nodes).toHaveLength(4);
		frames.run();
		expect(net.window).toEqual(tl.window);
		expect(net.graph.nodes.map((n) => n.id)).toEqual(['kim-jong-un', 'putin']);
		net.destroy();
	});

	it('with many links drawn, draws a moved window again only once it rests', () => {
		vi.useFakeTimers();
		try {
			const { tl, net, frames, data } = network();
			// 30 actors, each pair meeting once, a day apart from 2020 on: 435 links, all drawn.
			const ids = Array.from({ length: 30 }, (_, i) => `a${i}`);
			const pairs = ids.flatMap((a, i) => ids.slice(i + 1).map((b) => [a, b] as const));
			data.events = pairs.map(([a, b], k) =>
				toStored(
					event({
						id: `m-${k}`,
						start: new Date(utc(2020) + k * 86_400_000).toISOString().slice(0, 10),
						participants: [{ actor: a }, { actor: b }]
					}),
					DATASET
				)
			);
			net.windowMoved();
			frames.run();
			expect(net.drawn.edges).toHaveLength(435);
			expect(435).toBeGreaterThan(LIVE_DRAWN_LINKS);
			// The first month: its 31 meetings. Nothing is drawn on the next frame...
			tl.setWindow({ start: utc(2020, 1, 1), end: utc(2020, 2, 1) }, 'control');
			net.windowMoved();
			expect(frames.waiting).toBe(0);
			vi.advanceTimersByTime(SETTLE_MS - 1);
			net.windowMoved();
			vi.advanceTimersByTime(SETTLE_MS - 1);
			expect(net.drawn.edges).toHaveLength(435);
			// ...but once the window has rested.
			vi.advanceTimersByTime(1);
			expect(net.window).toEqual(tl.window);
			expect(net.drawn.edges).toHaveLength(31);
			// A drawing this small follows the window frame by frame again.
			tl.setWindow({ start: utc(2020, 1, 1), end: utc(2020, 1, 11) }, 'control');
			net.windowMoved();
			expect(frames.waiting).toBe(1);
			frames.run();
			expect(net.drawn.edges).toHaveLength(10);
			net.destroy();
		} finally {
			vi.useRealTimers();
		}
	});

	it('lists an actor’s connections by weight, with the shared events highlighted', () => {
		const { net, tl } = network();
		net.selectActor(putin);
		expect(net.connections.map((c) => [c.actor, c.edge.weight])).toEqual([
			['kim-jong-un', 2],
			['xi-jinping', 1]
		]);
		expect(lit(tl, net.lit)).toEqual(['letters-2023', 'vostochny-2023', 'xi-moscow-2013']);
		expect(lit(tl, tl.highlight)).toEqual(lit(tl, net.lit));
		// The same events as the actor's own list (its panel, its lane).
		expect(lit(tl, net.lit)).toEqual(
			tl
				.eventsOfActor(putin)
				.map((e) => e.event.id)
				.sort()
		);
		expect([...(net.ego?.nodes ?? [])].sort()).toEqual(['kim-jong-un', 'putin', 'xi-jinping']);
	});

	it('a selected link highlights only its events, over the actor’s; choosing an actor drops it', () => {
		const { net, tl } = network();
		net.selectActor(putin);
		net.selectEdge(edgeId(putin, kim));
		expect(net.edge?.weight).toBe(2);
		expect(lit(tl, net.lit)).toEqual(['letters-2023', 'vostochny-2023']);
		// It lists the events it may light, in time order, for the timeline's clusters.
		expect(net.lit?.among?.map((e) => e.event.id)).toEqual(['letters-2023', 'vostochny-2023']);
		net.selectActor(actorId('xi-jinping'));
		expect(net.selectedEdge).toBeUndefined();
		expect(lit(tl, net.lit)).toEqual(['xi-moscow-2013']);
		net.selectActor(undefined);
		expect(net.lit).toBeUndefined();
	});

	it('a link that leaves the window is no longer selected', () => {
		const { net, tl, frames } = network();
		net.selectEdge(edgeId(putin, actorId('xi-jinping')));
		expect(net.edge?.eventKeys).toHaveLength(1);
		tl.setWindow({ start: utc(2023, 1, 1), end: utc(2024, 1, 1) }, 'control');
		net.windowMoved();
		frames.run();
		expect(net.edge).toBeUndefined();
		expect(net.lit).toBeUndefined();
	});

	it('an actor whose dataset was deleted is no longer selected', () => {
		const { net, data } = network();
		net.selectActor(kim);
		expect(net.actor).toBe('kim-jong-un');
		const rest = new Map(data.actors);
		rest.delete(kim);
		data.actors = rest;
		data.events = [];
		expect(net.actor).toBeUndefined();
		expect(net.connections).toEqual([]);
		expect(net.lit).toBeUndefined();
		// The choice itself is kept: the actor comes back if its data does.
		expect(net.selectedActor).toBe('kim-jong-un');
	});
});

describe('the network’s colours and their key', () => {
	it('by kind: every actor kind, in the theme’s colours', () => {
		const { net } = network();
		expect(net.legend).toEqual([
			{ key: 'person', label: 'Person', colour: 'var(--kind-person)' },
			{ key: 'state', label: 'State', colour: 'var(--kind-state)' },
			{ key: 'organisation', label: 'Organisation', colour: 'var(--kind-organisation)' },
			{ key: 'company', label: 'Company', colour: 'var(--kind-company)' }
		]);
		expect(net.colourOf(putin)).toBe('var(--kind-person)');
	});

	it('by country: the most common countries first, then the rest in grey', () => {
		const { net } = network();
		net.colorBy = 'country';
		expect(net.legend).toEqual([
			{ key: 'RU', label: 'Russia', colour: '#4e79a7' },
			{ key: 'CN', label: 'China', colour: '#f28e2c' },
			{ key: 'KP', label: 'North Korea', colour: '#e15759' },
			{ key: 'other', label: 'Other', colour: 'var(--text-3)' }
		]);
		expect(net.colourOf(actorId('shoigu'))).toBe('#4e79a7');
		expect(net.colourOf(kim)).toBe('#e15759');
		expect(net.colourOf(actorId('nobody'))).toBe('var(--text-3)');
	});
});

describe('the network’s drawing', () => {
	it('is known while a view shows it, and forgotten when the view goes', () => {
		const { net } = network();
		const first = {} as SVGSVGElement;
		const second = {} as SVGSVGElement;
		expect(net.svg).toBeUndefined();
		const forgetFirst = net.attachSvg(first);
		expect(net.svg).toBe(first);
		// A second view took over before the first one went: the first must not clear it.
		const forgetSecond = net.attachSvg(second);
		forgetFirst();
		expect(net.svg).toBe(second);
		forgetSecond();
		expect(net.svg).toBeUndefined();
	});
});

describe('a window too large to draw', () => {
	/** A star of `n` actors around a hub, each in one event with the hub, plus one event more per rank. */
	function crowd(n: number) {
		const events = Array.from({ length: n }, (_, i) =>
			toStored(
				event({
					id: `e-${i}`,
					start: '2020-01-01',
					participants: [{ actor: 'hub' }, { actor: `a-${i}` }]
				}),
				DATASET
			)
		);
		const tl = new TimelineState({ events: () => events, actors: () => new Map() });
		const frames = new ManualFrames();
		const net = new NetworkState(tl, { nameOf: (id) => id, has: () => true }, frames.schedule);
		return { tl, net, frames };
	}

	it('with many events, the first graph waits for the frame after and for the timeline’s first paint', () => {
		const { tl, net, frames } = crowd(6000);
		expect(net.graph.nodes).toHaveLength(0);
		expect(net.pending).toBe(true);
		net.windowMoved();
		frames.run();
		// The timeline has not painted yet: still nothing built, and the view says it is coming.
		expect(net.graph.nodes).toHaveLength(0);
		expect(net.pending).toBe(true);
		tl.painted = true;
		expect(net.graph.nodes).toHaveLength(6001);
		expect(net.pending).toBe(false);
	});

	it('draws the busiest actors and says how many are left out; the graph keeps them all', () => {
		const { net } = crowd(MAX_DRAWN_ACTORS + 50);
		expect(net.graph.nodes).toHaveLength(MAX_DRAWN_ACTORS + 51);
		expect(net.drawn.nodes).toHaveLength(MAX_DRAWN_ACTORS);
		expect(net.drawn.nodes[0]?.id).toBe('hub');
		expect(net.drawn.hiddenActors).toBe(51);
		// Only links between drawn actors are drawn.
		const drawn = new Set(net.drawn.nodes.map((n) => n.id));
		expect(net.drawn.edges.every((e) => drawn.has(e.a) && drawn.has(e.b))).toBe(true);
		expect(net.drawn.edges.length + net.drawn.hiddenLinks).toBe(net.graph.edges.length);
	});

	it('asked to draw all, draws every actor and link on a canvas, up to its own limits', () => {
		const { net } = crowd(MAX_DRAWN_ACTORS + 50);
		expect(net.canvas).toBe(false);
		net.drawAll = true;
		expect(net.canvas).toBe(true);
		expect(net.drawn.nodes).toHaveLength(MAX_DRAWN_ACTORS + 51);
		expect(net.drawn.edges).toHaveLength(net.graph.edges.length);
		expect(net.drawn.hiddenActors).toBe(0);
		expect(net.drawn.hiddenLinks).toBe(0);
		// Back to the busiest: the SVG drawing's limits again.
		net.drawAll = false;
		expect(net.canvas).toBe(false);
		expect(net.drawn.nodes).toHaveLength(MAX_DRAWN_ACTORS);
	});

	it('past the canvas’s limits, draws the busiest of them and counts the rest', () => {
		const { tl, net, frames } = crowd(MAX_ALL_ACTORS + 10);
		// Many events: the graph waits for the next frame and the timeline's first paint.
		net.windowMoved();
		frames.run();
		tl.painted = true;
		net.drawAll = true;
		expect(net.canvas).toBe(true);
		expect(net.drawn.nodes).toHaveLength(MAX_ALL_ACTORS);
		expect(net.drawn.nodes[0]?.id).toBe('hub');
		expect(net.drawn.hiddenActors).toBe(11);
	});

	it('a small window stays in SVG even when all were asked for', () => {
		const { net } = crowd(20);
		net.drawAll = true;
		expect(net.canvas).toBe(false);
		expect(net.drawn.nodes).toHaveLength(21);
	});

	it('always draws the selected actor, even one of the least busy', () => {
		const { net } = crowd(MAX_DRAWN_ACTORS + 50);
		// The last of the graph's actors (least busy, then by id) is not drawn.
		const quiet = net.graph.nodes.at(-1)?.id ?? actorId('none');
		expect(net.drawn.nodes.some((n) => n.id === quiet)).toBe(false);
		net.selectActor(quiet);
		expect(net.drawn.nodes.some((n) => n.id === quiet)).toBe(true);
		expect(net.drawn.nodes).toHaveLength(MAX_DRAWN_ACTORS);
		expect(net.connections.map((c) => c.actor)).toEqual(['hub']);
	});

	it('a click on a drawn actor draws its links left out, and leaves the layout be', () => {
		// 50 actors, every pair linked (1,225 links); every pair without a-49 twice, so the 800
		// heaviest links leave out all of a-49's.
		const ids = Array.from({ length: 50 }, (_, i) => `a-${i}`);
		const events: StoredEvent[] = [];
		for (let i = 0; i < ids.length; i++)
			for (let j = i + 1; j < ids.length; j++)
				for (let k = 0; k < (j === 49 ? 1 : 2); k++)
					events.push(
						toStored(
							event({
								id: `e-${i}-${j}-${k}`,
								start: '2020-01-01',
								participants: [{ actor: ids[i]! }, { actor: ids[j]! }]
							}),
							DATASET
						)
					);
		const tl = new TimelineState({ events: () => events, actors: () => new Map() });
		const net = new NetworkState(
			tl,
			{ nameOf: (id) => id, has: () => true },
			new ManualFrames().schedule
		);
		const before = net.drawn;
		const layoutBefore = net.layoutLinks;
		expect(before.nodes).toHaveLength(50);
		expect(before.edges).toHaveLength(MAX_DRAWN_LINKS);
		const quiet = actorId('a-49');
		expect(before.edges.some((e) => e.a === quiet || e.b === quiet)).toBe(false);

		net.selectActor(quiet);
		expect(net.drawn.nodes).toBe(before.nodes);
		expect(net.drawn.edges.filter((e) => e.a === quiet || e.b === quiet)).toHaveLength(49);
		expect(net.drawn.edges).toHaveLength(MAX_DRAWN_LINKS + 49);
		expect(net.drawn.hiddenLinks).toBe(1225 - MAX_DRAWN_LINKS - 49);
		expect(net.layoutLinks).toBe(layoutBefore);

		// A busy actor: only its one light link (to a-49) is added; cleared, the very same drawing.
		net.selectActor(actorId('a-0'));
		expect(net.drawn.edges).toHaveLength(MAX_DRAWN_LINKS + 1);
		net.selectActor(undefined);
		expect(net.drawn).toBe(before);
	});

	it('draws everything when it fits', () => {
		const { net } = crowd(20);
		expect(net.drawn.nodes).toHaveLength(21);
		expect(net.drawn.hiddenActors).toBe(0);
		expect(net.drawn.hiddenLinks).toBe(0);
	});
});

describe('many events: the graph worker builds the graph', () => {
	/** 1,200 events over 2020: each pairs two of 30 actors. */
	function many(graphs: GraphService) {
		const events = Array.from({ length: WORKER_GRAPH_EVENTS + 200 }, (_, i) =>
			toStored(
				event({
					id: `e-${i}`,
					start: `2020-${String((i % 12) + 1).padStart(2, '0')}-01`,
					participants: [{ actor: `a-${i % 30}` }, { actor: `a-${(i * 7 + 3) % 30}` }]
				}),
				DATASET
			)
		).sort((p, q) => p.startMs - q.startMs);
		return { ...over(() => events, graphs), events };
	}
	const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
	/** The timeline and network over events that may change (read reactively). */
	function over(events: () => StoredEvent[], graphs: GraphService) {
		const frames = new ManualFrames();
		const tl = new TimelineState({ events, actors: () => new Map() });
		const net = new NetworkState(
			tl,
			{ nameOf: (id) => id, has: () => true },
			frames.schedule,
			graphs
		);
		return { tl, net, frames };
	}

	it('does not ask the same question again: shown again unchanged, it keeps the graph it had', async () => {
		const graphs = new GraphService(() => undefined);
		const asked = vi.spyOn(graphs, 'graph');
		const { tl, net, frames } = many(graphs);
		net.windowMoved();
		frames.run();
		tl.painted = true;
		net.ask(net.graphQuery);
		await settle();
		const first = net.graph;
		expect(first.nodes).toHaveLength(30);
		expect(asked).toHaveBeenCalledTimes(1);
		// The graph's tab hidden (nobody asks), then shown again, nothing changed.
		net.ask(undefined);
		net.ask(net.graphQuery);
		await settle();
		expect(asked).toHaveBeenCalledTimes(1);
		expect(net.graph).toBe(first);
		// Another window is another question, and another graph.
		tl.setWindow({ start: utc(2020, 3, 1), end: utc(2020, 4, 1) }, 'control');
		net.windowMoved();
		frames.run();
		net.ask(net.graphQuery);
		await settle();
		expect(asked).toHaveBeenCalledTimes(2);
		expect(net.graph).not.toBe(first);
		expect(net.graph.edges.map((e) => e.weight)).toEqual(
			buildGraph(tl.events, tl.window, tl.maxSpanMs).edges.map((e) => e.weight)
		);
		net.destroy();
	});

	it('asks once the timeline has painted, and shows the answer: the same graph as on the page', async () => {
		const { tl, net, frames } = many(new GraphService(() => undefined));
		net.windowMoved();
		frames.run();
		expect(net.graphQuery).toBeUndefined();
		expect(net.pending).toBe(true);
		tl.painted = true;
		const query = net.graphQuery;
		expect(query?.window).toEqual(tl.window);
		net.ask(query);
		expect(net.graph.nodes).toHaveLength(0);
		await settle();
		expect(net.pending).toBe(false);
		const expected = buildGraph(tl.events, tl.window, tl.maxSpanMs);
		expect(net.graph.nodes).toEqual(expected.nodes);
		expect(net.graph.edges.map((e) => [e.id, e.weight, e.confidence, e.eventKeys])).toEqual(
			expected.edges.map((e) => [e.id, e.weight, e.confidence, e.eventKeys])
		);
		// Choosing an actor reads the worker's graph: its connections, its events highlighted.
		net.selectActor(actorId('a-0'));
		expect(net.connections.length).toBeGreaterThan(0);
		expect(lit(tl, net.lit)).toHaveLength(tl.eventsOfActor(actorId('a-0')).length);
		net.destroy();
	});

	it('lets the last large graph go once few events are shown', async () => {
		const data = $state({ few: false });
		const { events } = many(new GraphService(() => undefined));
		const { tl, net } = over(
			() => (data.few ? events.slice(0, 10) : events),
			new GraphService(() => undefined)
		);
		tl.painted = true;
		net.ask({ events: tl.events, maxSpanMs: tl.maxSpanMs, window: tl.window });
		await settle();
		expect(net.graph.nodes.length).toBe(30);
		const large = net.graph;
		data.few = true;
		// The small graph is built on the page; the dashboard then asks with no question.
		expect(net.graph).not.toBe(large);
		net.ask(net.graphQuery);
		data.few = false;
		// Many events again: nothing is shown from before until the worker answers anew.
		expect(net.graph.nodes).toHaveLength(0);
		expect(net.pending).toBe(true);
		net.destroy();
	});

	it('lets the graph go when the data changes while nobody looks, and the worker its copy', async () => {
		const { posted, worker } = recordingWorker();
		const data = $state({ version: 1 });
		const { events } = many(new GraphService(() => undefined));
		const { tl, net } = over(
			// Another generation of the same events: a dataset hidden and shown again.
			() => (data.version === 1 ? events : events.map((e) => ({ ...e }))),
			new GraphService(() => worker)
		);
		tl.painted = true;
		net.ask({ events: tl.events, maxSpanMs: tl.maxSpanMs, window: tl.window });
		await settle();
		const sent = posted.find((m) => m.kind === 'graph') as unknown as {
			id: number;
			generation: number;
		};
		const { columns, idOrder } = posted[0] as unknown as {
			columns: GraphColumns;
			idOrder: Uint32Array;
		};
		(worker.onmessage as (e: MessageEvent) => void)({
			data: {
				kind: 'graph',
				id: sent.id,
				generation: sent.generation,
				answer: graphOfColumns(columns, idOrder, tl.window)
			}
		} as MessageEvent);
		await settle();
		expect(net.graph.nodes).toHaveLength(30);
		// Nobody looks (the dashboard asks with no question): the same data keeps its graph.
		net.ask(undefined);
		expect(net.graph.nodes).toHaveLength(30);
		expect(posted.map((m) => m.kind)).toEqual(['data', 'graph']);
		// Other data while nobody looks: the graph goes, and so does the worker's copy.
		data.version = 2;
		net.ask(undefined);
		expect(net.graph.nodes).toHaveLength(0);
		expect(net.pending).toBe(true);
		expect(posted.map((m) => m.kind)).toEqual(['data', 'graph', 'forget']);
		// Looked at again: the new data goes over and the window is asked for.
		net.ask({ events: tl.events, maxSpanMs: tl.maxSpanMs, window: tl.window });
		await settle();
		expect(posted.map((m) => m.kind)).toEqual(['data', 'graph', 'forget', 'data', 'graph']);
		net.destroy();
	});

	it('lets the data it sent go when the data changes while nobody looks, even before an answer', async () => {
		const { posted, worker } = recordingWorker();
		const data = $state({ few: false });
		const { events } = many(new GraphService(() => undefined));
		const graphs = new GraphService(() => worker);
		const { tl, net } = over(() => (data.few ? events.slice(0, 10) : events), graphs);
		tl.painted = true;
		net.ask({ events: tl.events, maxSpanMs: tl.maxSpanMs, window: tl.window });
		await settle();
		// The events went to the worker; its answer has not come (the table's tab was opened).
		expect(posted.map((m) => m.kind)).toEqual(['data', 'graph']);
		net.ask(undefined);
		expect(posted.map((m) => m.kind)).toEqual(['data', 'graph']);
		// The dataset is hidden while nobody looks: the worker lets its copy go, and so does the
		// page (no graph of the old data is answered any more).
		data.few = true;
		net.ask(net.graphQuery);
		expect(posted.map((m) => m.kind)).toEqual(['data', 'graph', 'forget']);
		// Shown again and looked at: the events go over anew (the worker no longer has them), and
		// once the worker has answered the question from before (data let go: not shown), the
		// window is asked for.
		data.few = false;
		net.ask({ events: tl.events, maxSpanMs: tl.maxSpanMs, window: tl.window });
		await settle();
		expect(posted.map((m) => m.kind)).toEqual(['data', 'graph', 'forget', 'data']);
		const before = posted[1] as unknown as { id: number; generation: number };
		(worker.onmessage as (e: MessageEvent) => void)({
			data: { kind: 'stale', id: before.id }
		} as MessageEvent);
		expect(posted.map((m) => m.kind)).toEqual(['data', 'graph', 'forget', 'data', 'graph']);
		expect(net.graph.nodes).toHaveLength(0);
		net.destroy();
	});

	it('a filter sends the worker marks over the events it holds, not the events kept', async () => {
		const { posted, worker } = recordingWorker();
		const { events: all } = many(new GraphService(() => undefined));
		// The filter's places among all the heads.
		const filter = $state<{ keep: ((e: StoredEvent) => boolean) | undefined }>({ keep: undefined });
		const places = $derived.by(() => {
			const keep = filter.keep;
			return keep ? Int32Array.from(all.flatMap((e, i) => (keep(e) ? [i] : []))) : undefined;
		});
		const shown = $derived(places ? Array.from(places, (i) => all[i] as StoredEvent) : all);
		const frames = new ManualFrames();
		const tl = new TimelineState({
			events: () => shown,
			all: () => all,
			places: () => places,
			actors: () => new Map()
		});
		const net = new NetworkState(
			tl,
			{ nameOf: (id) => id, has: () => true },
			frames.schedule,
			new GraphService(() => worker)
		);
		tl.painted = true;
		net.windowMoved();
		frames.run();
		/** The worker's answer to the last question, as the real one builds it. */
		const answerLast = async () => {
			const { columns, idOrder } = posted.find((m) => m.kind === 'data') as unknown as {
				columns: GraphColumns;
				idOrder: Uint32Array;
			};
			const q = posted.at(-1) as unknown as {
				id: number;
				generation: number;
				window: Span;
				kept?: Uint8Array;
			};
			(worker.onmessage as (e: MessageEvent) => void)({
				data: {
					kind: 'graph',
					id: q.id,
					generation: q.generation,
					answer: graphOfColumns(columns, idOrder, q.window, q.kept)
				}
			} as MessageEvent);
			await settle();
		};
		const same = () => {
			const expected = buildGraph(tl.events, tl.window, tl.maxSpanMs);
			expect(net.pending).toBe(false);
			expect(net.graph.nodes).toEqual(expected.nodes);
			expect(net.graph.edges.map((e) => [e.id, e.weight, [...e.eventKeys]])).toEqual(
				expected.edges.map((e) => [e.id, e.weight, [...e.eventKeys]])
			);
		};
		net.ask(net.graphQuery);
		await settle();
		await answerLast();
		expect(net.graph.nodes).toHaveLength(30);
		same();
		for (const keep of [
			(e: StoredEvent) => !e.participants.some((p) => p.actor === 'a-0'),
			(e: StoredEvent) => Number(e.id.slice(2)) % 10 !== 0
		]) {
			filter.keep = keep;
			expect(tl.events.length).toBe(all.filter(keep).length);
			expect(tl.events.length).toBeGreaterThan(WORKER_GRAPH_EVENTS);
			expect(tl.events.length).toBeLessThan(all.length);
			const query = net.graphQuery;
			// Every event still, with marks on those kept: the worker keeps the events it has.
			expect(query?.events).toHaveLength(all.length);
			expect(query?.kept?.reduce((n, k) => n + k, 0)).toBe(tl.events.length);
			net.ask(query);
			await settle();
			expect(net.pending).toBe(true);
			await answerLast();
			same();
		}
		expect(posted.map((m) => m.kind)).toEqual(['data', 'graph', 'graph', 'graph']);
		// Few events kept: their graph is built on the page, and the worker lets its copy go.
		filter.keep = (e: StoredEvent) => e.participants.some((p) => p.actor === 'a-0');
		expect(net.graphQuery).toBeUndefined();
		net.ask(net.graphQuery);
		await settle();
		net.windowMoved();
		frames.run();
		expect(net.graph.nodes.find((n) => n.id === 'a-0')?.events).toBe(tl.events.length);
		expect(posted.map((m) => m.kind)).toEqual(['data', 'graph', 'graph', 'graph', 'forget']);
		// The filter cleared: the whole graph again, from the same data.
		filter.keep = undefined;
		net.ask(net.graphQuery);
		await settle();
		await answerLast();
		same();
		expect(net.graph.nodes).toHaveLength(30);
		expect(posted.map((m) => m.kind)).toEqual([
			...['data', 'graph', 'graph', 'graph', 'forget'],
			...['data', 'graph']
		]);
		net.destroy();
	});

	it('a newer window replaces a question not yet answered; only its graph shows', async () => {
		const { posted, worker } = recordingWorker();
		const { tl, net } = many(new GraphService(() => worker));
		tl.painted = true;
		const march = { start: utc(2020, 3, 1), end: utc(2020, 4, 1) };
		const april = { start: utc(2020, 4, 1), end: utc(2020, 5, 1) };
		const all = { start: utc(2019), end: utc(2022) };
		const at = (window: typeof march) => ({
			events: tl.events,
			maxSpanMs: tl.maxSpanMs,
			window
		});
		// New data goes over in a task of its own, with the latest window asked for by then.
		net.ask(at(april));
		net.ask(at(all));
		expect(posted).toHaveLength(0);
		await settle();
		expect(posted.map((m) => (m as { kind: string; window?: unknown }).window ?? 'data')).toEqual([
			'data',
			all
		]);
		// One question in flight: the others wait, the last replacing the one before.
		net.ask(at(april));
		net.ask(at(march));
		expect(posted).toHaveLength(2);
		const { columns, idOrder } = posted[0] as { columns: GraphColumns; idOrder: Uint32Array };
		/** The worker's answer to a question, as the real one builds it. */
		const answer = (q: { id: number; generation: number; window: typeof march }) =>
			(worker.onmessage as (e: MessageEvent) => void)({
				data: {
					kind: 'graph',
					id: q.id,
					generation: q.generation,
					answer: graphOfColumns(columns, idOrder, q.window)
				}
			} as MessageEvent);
		const ask = posted[1] as { id: number; generation: number; window: typeof march };
		answer(ask);
		await settle();
		// The first answer is dropped (a newer question waits), and the last question is sent.
		expect(net.graph.nodes).toHaveLength(0);
		expect(posted).toHaveLength(3);
		const last = posted[2] as typeof ask;
		expect(last.window).toEqual(march);
		answer(last);
		await settle();
		expect(net.graph.nodes).toEqual(buildGraph(tl.events, march, tl.maxSpanMs).nodes);
		// A worker that fails: the graph is built on the page instead.
		net.ask({ events: tl.events, maxSpanMs: tl.maxSpanMs, window: all });
		(worker.onerror as () => void)();
		await settle();
		expect(net.graph.nodes).toEqual(buildGraph(tl.events, all, tl.maxSpanMs).nodes);
	});
});
