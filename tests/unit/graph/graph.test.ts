import { describe, expect, it } from 'vitest';
import { toStored } from '$lib/db/repository';
import { buildGraph, connectionsOf, edgeId, egoNetwork } from '$lib/graph/graph';
import type { ActorId, DatasetId } from '$lib/model/schema';
import type { EventKey, KeyedEvent } from '$lib/model/events';
import { event } from '../helpers';

const utc = (y: number, m = 1, d = 1) => Date.UTC(y, m - 1, d);
const id = (s: string) => s as ActorId;

function te(overrides: Parameters<typeof event>[0]): KeyedEvent {
	const stored = toStored(event(overrides), 'd' as DatasetId);
	return {
		key: stored.id as string as EventKey,
		event: stored,
		startMs: stored.startMs,
		endMs: stored.endMs
	};
}

const events = [
	te({
		id: 'moscow-2013',
		start: '2013-03-22',
		end: '2013-03-24',
		participants: [{ actor: 'xi-jinping' }, { actor: 'putin' }],
		relations: [
			{ type: 'met', source: 'putin', target: 'xi-jinping' },
			{ type: 'hosted', source: 'putin', target: 'xi-jinping' }
		]
	}),
	te({
		id: 'beijing-2023',
		start: '2023-10-17',
		end: '2023-10-18',
		participants: [{ actor: 'putin' }, { actor: 'xi-jinping' }],
		relations: [{ type: 'met', source: 'xi-jinping', target: 'putin' }]
	}),
	te({
		id: 'letters-2023',
		start: '2023-08',
		participants: [{ actor: 'kim-jong-un' }, { actor: 'putin' }],
		relations: [{ type: 'wrote_to', source: 'kim-jong-un', target: 'putin' }]
	}),
	te({
		id: 'vostochny-2023',
		start: '2023-09-13',
		participants: [{ actor: 'putin' }, { actor: 'kim-jong-un' }, { actor: 'shoigu' }],
		relations: [
			{ type: 'hosted', source: 'putin', target: 'kim-jong-un' },
			{ type: 'met', source: 'kim-jong-un', target: 'putin' }
		]
	}),
	te({
		id: 'pyongyang-2023',
		start: '2023-07-25',
		end: '2023-07-27',
		participants: [{ actor: 'shoigu' }, { actor: 'kim-jong-un' }]
	})
].sort((a, b) => a.startMs - b.startMs);

const all = { start: utc(2013), end: utc(2025) };

describe('the actor graph of a window', () => {
	it('nodes are the actors of events in the window, sized by their events there', () => {
		const g = buildGraph(events, all);
		expect(g.nodes).toEqual([
			{ id: 'putin', events: 4 },
			{ id: 'kim-jong-un', events: 3 },
			{ id: 'shoigu', events: 2 },
			{ id: 'xi-jinping', events: 2 }
		]);
	});

	it('an edge weighs the events two actors share, and lists them in order', () => {
		const g = buildGraph(events, all);
		const putinXi = g.edges.find((e) => e.id === edgeId(id('putin'), id('xi-jinping')));
		expect(putinXi?.weight).toBe(2);
		expect(putinXi?.eventKeys).toEqual(['moscow-2013', 'beijing-2023']);
		// The same edge whichever way round it is asked for.
		expect(edgeId(id('xi-jinping'), id('putin'))).toBe(edgeId(id('putin'), id('xi-jinping')));
	});

	it('typed relations are counted; undirected ones merge whatever their order, directed ones keep it', () => {
		const g = buildGraph(events, all);
		const putinXi = g.edges.find((e) => e.id === edgeId(id('putin'), id('xi-jinping')));
		expect(putinXi?.relations).toEqual([
			{ type: 'met', source: 'putin', target: 'xi-jinping', directed: false, count: 2 },
			{ type: 'hosted', source: 'putin', target: 'xi-jinping', directed: true, count: 1 }
		]);
		const kimPutin = g.edges.find((e) => e.id === edgeId(id('kim-jong-un'), id('putin')));
		expect(kimPutin?.relations).toContainEqual({
			type: 'wrote_to',
			source: 'kim-jong-un',
			target: 'putin',
			directed: true,
			count: 1
		});
	});

	it('follows the window with overlap semantics (a month-precision event belongs to a window inside its month)', () => {
		const mid = buildGraph(events, { start: utc(2023, 8, 10), end: utc(2023, 8, 20) });
		expect(mid.nodes.map((n) => n.id).sort()).toEqual(['kim-jong-un', 'putin']);
		expect(mid.edges.map((e) => e.weight)).toEqual([1]);
		const y2013 = buildGraph(events, { start: utc(2013), end: utc(2014) });
		expect(y2013.nodes.map((n) => n.id).sort()).toEqual(['putin', 'xi-jinping']);
		// 24 March: the last day of a 22–24 March visit still counts.
		expect(
			buildGraph(events, { start: utc(2013, 3, 24), end: utc(2013, 3, 25) }).edges
		).toHaveLength(1);
		expect(buildGraph(events, { start: utc(2013, 3, 25), end: utc(2013, 4) }).edges).toHaveLength(
			0
		);
	});

	it('an actor known under several aliases is one node: events name actors by id', () => {
		const g = buildGraph(events, all);
		expect(g.nodes.filter((n) => n.id === 'putin')).toHaveLength(1);
	});

	it('connections are sorted by weight; the ego network holds the neighbours', () => {
		const g = buildGraph(events, all);
		const names: Record<string, string> = {
			putin: 'Vladimir Putin',
			'xi-jinping': 'Xi Jinping',
			'kim-jong-un': 'Kim Jong Un',
			shoigu: 'Sergei Shoigu'
		};
		expect(
			connectionsOf(g, id('kim-jong-un'), (a) => names[a] ?? a).map((c) => [c.actor, c.edge.weight])
		).toEqual([
			// A tie at 2 shared events each: by name, Sergei before Vladimir.
			['shoigu', 2],
			['putin', 2]
		]);
		const ego = egoNetwork(g, id('xi-jinping'));
		expect([...ego.nodes].sort()).toEqual(['putin', 'xi-jinping']);
		expect(ego.edges.size).toBe(1);
	});
});
