import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toStored } from '$lib/db/repository';
import type { DatasetId, EventKind } from '$lib/model/schema';
import {
	ALL_LANE,
	OTHERS_LANE,
	binWidth,
	clusterWindow,
	buildLanes,
	layoutItems,
	type ClusterItem,
	type EventItem,
	type LaneLabels
} from '$lib/time/items';
import type { EventKey, KeyedEvent } from '$lib/model/events';
import { clusterLit } from '$lib/timeline/vis-adapter';
import { event } from '../helpers';

const NAMES: Record<string, string> = {
	putin: 'Vladimir Putin',
	'xi-jinping': 'Xi Jinping',
	'kim-jong-un': 'Kim Jong Un',
	shoigu: 'Sergei Shoigu'
};

const labels: LaneLabels = {
	actorName: (id) => NAMES[id] ?? id,
	kind: (k: EventKind) => k,
	country: (c) => `country ${c}`,
	others: (n) => `Others (${n})`,
	otherTags: (n) => `Other tags (${n})`,
	noActor: 'No actor',
	noPlace: 'No place',
	noTag: 'No tag',
	all: 'All events'
};

const DAY = 86_400_000;
const utc = (y: number, m = 1, d = 1) => Date.UTC(y, m - 1, d);

function te(overrides: Parameters<typeof event>[0]): KeyedEvent {
	const stored = toStored(event(overrides), 'd' as DatasetId);
	return { key: key(stored.id), event: stored, startMs: stored.startMs, endMs: stored.endMs };
}

/** Keys as the tests write them (`d/<id>`): any unique string will do. */
const key = (id: string) => `d/${id}` as EventKey;

const sorted = (list: KeyedEvent[]) => list.sort((a, b) => a.startMs - b.startMs);

/** The event with an id, as the lanes' membership knows it (by the object). */
function byId(list: readonly KeyedEvent[], id: string): KeyedEvent {
	const found = list.find((e) => e.event.id === id);
	if (!found) throw new Error(`no event ${id}`);
	return found;
}

describe('lanes', () => {
	const events = [
		te({
			id: 'a',
			participants: [{ actor: 'putin' }, { actor: 'xi-jinping' }],
			kind: 'summit',
			place: { name: 'Moscow', country: 'RU' }
		}),
		te({ id: 'b', participants: [{ actor: 'putin' }, { actor: 'kim-jong-un' }], kind: 'summit' }),
		te({
			id: 'c',
			participants: [{ actor: 'shoigu' }, { actor: 'kim-jong-un' }],
			kind: 'official_visit',
			place: { name: 'Pyongyang', country: 'KP' }
		}),
		te({ id: 'd', participants: [], kind: 'report' })
	];

	it('by actor: an event appears on each participant’s lane; labels carry counts', () => {
		const { lanes, membership } = buildLanes(events, 'actor', labels);
		expect(lanes.map((l) => [l.label, l.count])).toEqual([
			['Kim Jong Un', 2],
			['Vladimir Putin', 2],
			['Sergei Shoigu', 1],
			['Xi Jinping', 1],
			['No actor', 1]
		]);
		expect(membership.get(byId(events, 'a'))).toEqual(['actor:putin', 'actor:xi-jinping']);
		expect(membership.get(byId(events, 'd'))).toEqual(['actor:']);
	});

	it('by actor with a lane limit: the busiest get lanes, the rest share "others" (one copy each)', () => {
		const { lanes, membership } = buildLanes(events, 'actor', labels, { maxLanes: 3 });
		expect(lanes.map((l) => [l.id, l.count])).toEqual([
			['actor:kim-jong-un', 2],
			['actor:putin', 2],
			[OTHERS_LANE, 2],
			['actor:', 1]
		]);
		expect(lanes[2]?.label).toBe('Others (2)');
		expect(membership.get(byId(events, 'c'))).toEqual([OTHERS_LANE, 'actor:kim-jong-un']);
		const expanded = buildLanes(events, 'actor', labels, { maxLanes: 3, expandOthers: true });
		expect(expanded.lanes.some((l) => l.others)).toBe(false);
		expect(expanded.lanes).toHaveLength(5);
	});

	it('the busiest actors get lanes, ties by name, whatever the limit (random counts)', () => {
		fc.assert(
			fc.property(
				fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 4 })), {
					minLength: 1,
					maxLength: 60
				}),
				fc.integer({ min: 1, max: 12 }),
				(spec, maxLanes) => {
					// Actor i (names "actor-0"… sort apart from ids as text) is in `count` events.
					const many = spec.flatMap(([actor, count], i) =>
						Array.from({ length: count }, (_, j) =>
							te({ id: `r${i}-${j}`, participants: [{ actor: `actor-${actor}` }] })
						)
					);
					const counts = new Map<string, number>();
					for (const e of many) {
						const actor = e.event.participants[0]!.actor;
						counts.set(actor, (counts.get(actor) ?? 0) + 1);
					}
					const ranked = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
					const own = ranked.length <= maxLanes ? ranked : ranked.slice(0, maxLanes - 1);
					const { lanes } = buildLanes(many, 'actor', labels, { maxLanes });
					expect(lanes.filter((l) => !l.others).map((l) => [l.actorId, l.count])).toEqual(own);
				}
			)
		);
	});

	it('lanes and their events follow each new choice of events, the same events asked again', () => {
		// The lanes number each event's actors once and keep the numbers on the event: asked of a
		// part of the events, then of all (new actors among them), then of another part, each
		// answer must be what counting the participants afresh gives.
		fc.assert(
			fc.property(
				fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 7 }), { maxLength: 4 }), {
					minLength: 1,
					maxLength: 40
				}),
				fc.array(fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }), {
					minLength: 1,
					maxLength: 3
				}),
				fc.integer({ min: 1, max: 6 }),
				(actorsOf, parts, maxLanes) => {
					const all = actorsOf.map((ids, i) =>
						te({ id: `p${i}`, participants: ids.map((n) => ({ actor: `actor-${n}` })) })
					);
					const asked = [...parts.map((mask) => all.filter((_, i) => mask[i])), all];
					for (const events of asked) {
						const distinct = (e: KeyedEvent) => [
							...new Set(e.event.participants.map((p) => p.actor as string))
						];
						const counts = new Map<string, number>();
						for (const e of events)
							for (const a of distinct(e)) counts.set(a, (counts.get(a) ?? 0) + 1);
						const ranked = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
						const own = ranked.length <= maxLanes ? ranked : ranked.slice(0, maxLanes - 1);
						const ownIds = new Set(own.map(([a]) => a));
						const laneIdsOf = (e: KeyedEvent) => {
							const actors = distinct(e);
							if (actors.length === 0) return ['actor:'];
							return [...new Set(actors.map((a) => (ownIds.has(a) ? `actor:${a}` : OTHERS_LANE)))];
						};
						const expected = new Map<string, string[]>();
						for (const e of events)
							for (const id of laneIdsOf(e))
								expected.set(id, [...(expected.get(id) ?? []), e.event.id]);

						const built = buildLanes(events, 'actor', labels, { maxLanes });
						const without = events.filter((e) => distinct(e).length === 0).length;
						// Mostly without actors: lanes by tag or kind instead (tested apart).
						if (without * 2 > events.length) {
							expect(built.fallback).toBeDefined();
							continue;
						}
						const { lanes, byLane, membership } = built;
						expect(lanes.map((l) => [l.id, l.count])).toEqual([
							...own.map(([a, n]) => [`actor:${a}`, n]),
							...(ranked.length > own.length
								? [[OTHERS_LANE, expected.get(OTHERS_LANE)?.length]]
								: []),
							...(expected.has('actor:') ? [['actor:', expected.get('actor:')?.length]] : [])
						]);
						expect(
							new Map([...(byLane ?? [])].map(([id, list]) => [id, list.map((e) => e.event.id)]))
						).toEqual(expected);
						for (const e of events) expect(membership.get(e)).toEqual(laneIdsOf(e));
					}
				}
			)
		);
	});

	it('by kind, by country, and no lanes', () => {
		expect(buildLanes(events, 'kind', labels).lanes.map((l) => [l.label, l.count])).toEqual([
			['summit', 2],
			['official_visit', 1],
			['report', 1]
		]);
		expect(buildLanes(events, 'country', labels).lanes.map((l) => [l.label, l.count])).toEqual([
			['No place', 2],
			['country KP', 1],
			['country RU', 1]
		]);
		const none = buildLanes(events, 'none', labels);
		expect(none.lanes).toEqual([{ id: ALL_LANE, label: 'All events', count: 4 }]);
	});
});

describe('items for a window', () => {
	const summit = te({
		id: 'summit',
		start: '2023-09-13',
		participants: [{ actor: 'putin' }, { actor: 'kim-jong-un' }]
	});
	const forum = te({
		id: 'forum',
		start: '2023-09-10',
		end: '2023-09-13',
		participants: [{ actor: 'putin' }]
	});
	const letters = te({
		id: 'letters',
		start: '2023-08',
		confidence: 'reported',
		uncertainty: { circa: true },
		participants: [{ actor: 'putin' }]
	});
	const events = sorted([summit, forum, letters]);
	const lanes = buildLanes(events, 'actor', labels);
	const september = { start: utc(2023, 9), end: utc(2023, 10) };

	it('one copy per lane, each carrying the event id, with honest spans', () => {
		const items = layoutItems(events, lanes, september, 1000, 40 * DAY) as EventItem[];
		const copies = items.filter((i) => i.eventId === 'summit');
		expect(copies.map((i) => i.lane).sort()).toEqual(['actor:kim-jong-un', 'actor:putin']);
		const f = items.find((i) => i.eventId === 'forum');
		// A multi-day event is a range through the end of its last day.
		expect(f).toMatchObject({
			type: 'range',
			start: utc(2023, 9, 10),
			end: utc(2023, 9, 14),
			imprecise: false
		});
		// Each item carries its event's dates as stored, for the date a hover shows.
		expect(f?.dates).toMatchObject({ start: '2023-09-10', end: '2023-09-13' });
		expect(items.find((i) => i.eventId === 'letters')?.dates).toMatchObject({
			start: '2023-08',
			uncertainty: { circa: true }
		});
		// A month-precision event covers its month and says it is imprecise and uncertain.
		expect(items.find((i) => i.eventId === 'letters')).toMatchObject({
			start: utc(2023, 8),
			end: utc(2023, 9),
			imprecise: true,
			uncertain: true,
			confidence: 'reported'
		});
	});

	it('a span too narrow on screen is a point; zoomed in it becomes a range', () => {
		const decade = { start: utc(2015), end: utc(2025) };
		const far = layoutItems(events, lanes, decade, 1000, 40 * DAY, {
			maxRows: 10
		}) as EventItem[];
		expect(far.find((i) => i.eventId === 'summit')?.type).toBe('point');
		const week = { start: utc(2023, 9, 10), end: utc(2023, 9, 17) };
		const near = layoutItems(events, lanes, week, 1000, 40 * DAY) as EventItem[];
		expect(near.find((i) => i.eventId === 'summit')?.type).toBe('range');
	});

	it('leaves out events far from the window, keeps long ones that began before it', () => {
		const old = te({ id: 'old', start: '2013-03-22', participants: [{ actor: 'putin' }] });
		const longSpan = te({
			id: 'long',
			start: '2022',
			end: '2024',
			participants: [{ actor: 'putin' }]
		});
		const all = sorted([old, longSpan, ...events]);
		const items = layoutItems(
			all,
			buildLanes(all, 'actor', labels),
			september,
			1000,
			3 * 366 * DAY,
			{ maxRows: 10 }
		);
		const ids = new Set(items.map((i) => (i.kind === 'event' ? i.eventId : 'cluster')));
		expect(ids.has('old')).toBe(false);
		expect(ids.has('long')).toBe(true);
	});

	it('a crowded bin of thousands is one cluster: its count, its extent cut at the bin, its members in order', () => {
		// 3,000 events within one week of 2023, and one of them running into 2025.
		const crowd = sorted(
			Array.from({ length: 3000 }, (_, i) =>
				te({
					id: `c${i}`,
					start: `2023-09-${String(4 + (i % 7)).padStart(2, '0')}`,
					...(i === 1500 ? { end: '2025-01-01' } : {}),
					participants: [{ actor: 'putin' }]
				})
			)
		);
		const decade = { start: utc(2015), end: utc(2025) };
		const items = layoutItems(
			crowd,
			buildLanes(crowd, 'actor', labels),
			decade,
			1000,
			2 * 366 * DAY
		);
		const clusters = items.filter((i): i is ClusterItem => i.kind === 'cluster');
		expect(clusters.reduce((n, c) => n + c.count, 0)).toBe(3000);
		expect(items.filter((i) => i.kind === 'event')).toHaveLength(0);
		const [cluster] = clusters;
		expect(clusters).toHaveLength(1);
		expect(cluster?.start).toBe(utc(2023, 9, 4));
		// The long event would take it into 2025: it stops at its bin's end instead.
		const step = binWidth((decade.end - decade.start) / 1000, 100);
		expect(cluster?.end).toBe((Math.floor(utc(2023, 9, 4) / step) + 1) * step);
		expect(cluster?.eventIds).toHaveLength(200);
		expect(cluster?.keys).toEqual(crowd.map((e) => e.key));
	});

	it('aggregates a crowded lane into a cluster with its count, and splits it when zoomed in', () => {
		const many = sorted(
			Array.from({ length: 12 }, (_, i) =>
				te({
					id: `m${i}`,
					start: `2023-09-${String(i + 1).padStart(2, '0')}`,
					participants: [{ actor: 'putin' }]
				})
			)
		);
		const manyLanes = buildLanes(many, 'actor', labels);
		const year = { start: utc(2023), end: utc(2024) };
		const zoomedOut = layoutItems(many, manyLanes, year, 1000, DAY);
		const clusters = zoomedOut.filter((i): i is ClusterItem => i.kind === 'cluster');
		expect(clusters.reduce((n, c) => n + c.count, 0)).toBe(12);
		expect(zoomedOut.filter((i) => i.kind === 'event')).toHaveLength(0);
		const first = clusters.toSorted((a, b) => a.start - b.start)[0];
		expect(first?.start).toBe(utc(2023, 9, 1));

		const twoDays = { start: utc(2023, 9, 4), end: utc(2023, 9, 6) };
		const zoomedIn = layoutItems(many, manyLanes, twoDays, 1000, DAY);
		expect(zoomedIn.filter((i) => i.kind === 'cluster')).toHaveLength(0);
		// The window (4–6 Sept) and a little either side: events of 3–6 Sept, one by one.
		expect(zoomedIn.map((i) => (i.kind === 'event' ? i.eventId : '')).sort()).toEqual([
			'm2',
			'm3',
			'm4',
			'm5'
		]);
	});

	it('bins snap to a fixed ladder of widths, so clusters do not jitter while panning', () => {
		expect(binWidth(3_600_000 / 100, 100)).toBe(3_600_000);
		expect(binWidth(DAY / 10, 100)).toBe(14 * DAY);
	});
});

describe('lanes for events without actors', () => {
	// A TimelineJS3 file whose groups became tags: no participants, a group tag on most events.
	const grouped = [
		te({ id: 'g1', start: '2013', participants: [], tags: ['Examples'] }),
		te({ id: 'g2', start: '2023-08', participants: [], tags: ['Examples'] }),
		te({ id: 'g3', start: '2023-09-10', participants: [], tags: ['Eras', 'Examples'] }),
		te({ id: 'g4', start: '2023-09-12', participants: [] })
	];

	it('lanes by actor fall back to lanes by tag when most events have no actor', () => {
		const { lanes, membership, fallback } = buildLanes(grouped, 'actor', labels);
		expect(fallback).toBe('tag');
		expect(lanes.map((l) => [l.id, l.label, l.count])).toEqual([
			['tag:Examples', 'Examples', 3],
			['tag:Eras', 'Eras', 1],
			['tag:', 'No tag', 1]
		]);
		expect(membership.get(byId(grouped, 'g3'))).toEqual(['tag:Eras', 'tag:Examples']);
		expect(lanes.some((l) => l.label === 'No actor')).toBe(false);
	});

	it('too many tags share an "other tags" lane, unless every one is asked for', () => {
		const tagged = ['a', 'b', 'c', 'd'].map((tag, i) =>
			te({ id: `t${i}`, participants: [], tags: [tag, 'common'] })
		);
		const capped = buildLanes(tagged, 'actor', labels, { maxLanes: 3 });
		expect(capped.lanes.map((l) => [l.label, l.count])).toEqual([
			['common', 4],
			['a', 1],
			['Other tags (3)', 3]
		]);
		expect(
			buildLanes(tagged, 'actor', labels, { maxLanes: 3, expandOthers: true }).lanes
		).toHaveLength(5);
	});

	it('without tags, lanes follow kinds when they differ, else one lane', () => {
		const kinds = [
			te({ id: 'k1', participants: [], kind: 'summit' }),
			te({ id: 'k2', participants: [], kind: 'call' }),
			te({ id: 'k3', participants: [{ actor: 'putin' }], kind: 'call' })
		];
		const byKind = buildLanes(kinds, 'actor', labels);
		expect(byKind.fallback).toBe('kind');
		expect(byKind.lanes.map((l) => [l.label, l.count])).toEqual([
			['call', 2],
			['summit', 1]
		]);
		const same = ['r1', 'r2'].map((id) => te({ id, participants: [], kind: 'report' }));
		const one = buildLanes(same, 'actor', labels);
		expect(one.fallback).toBe('none');
		expect(one.lanes).toEqual([{ id: ALL_LANE, label: 'All events', count: 2 }]);
	});

	it('a few events without actors among many with keep lanes by actor and a "No actor" lane', () => {
		const mixed = [
			...grouped.slice(0, 1),
			te({ id: 'p1', participants: [{ actor: 'putin' }] }),
			te({ id: 'p2', participants: [{ actor: 'putin' }] })
		];
		const { lanes, fallback } = buildLanes(mixed, 'actor', labels);
		expect(fallback).toBeUndefined();
		expect(lanes.map((l) => l.label)).toEqual(['Vladimir Putin', 'No actor']);
	});
});

describe('a cluster lit by a few events', () => {
	// 1,500 events over two years among four actors, many on the same day: crowded enough at
	// four years' zoom for each lane to aggregate into clusters.
	const ids = Object.keys(NAMES);
	const crowd = sorted(
		Array.from({ length: 1500 }, (_, i) =>
			te({
				id: `e${i}`,
				start: `${2022 + (i % 2)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 5)).padStart(2, '0')}`,
				participants: [
					{ actor: ids[i % 4] as string },
					{ actor: ids[((i % 4) + 1 + (i % 3 === 0 ? 1 : 0)) % 4] as string }
				]
			})
		)
	);
	const items = layoutItems(
		crowd,
		buildLanes(crowd, 'actor', labels),
		{ start: utc(2021), end: utc(2025) },
		1000,
		2 * 366 * DAY
	);
	const clusters = items.filter((i): i is ClusterItem => i.kind === 'cluster');

	it('holds exactly its members, found by their start, ties included', () => {
		expect(clusters.length).toBeGreaterThan(8);
		for (const c of clusters) {
			const members = new Set(c.keys);
			for (const e of crowd) expect(c.holds(e)).toBe(members.has(e.key));
		}
	});

	it('is lit from the few listed events exactly when asking each member says so', () => {
		// A link's events: some of those two actors share (every third), listed in time order.
		const shared = crowd.filter((e) => {
			const actors = e.event.participants.map((p) => p.actor as string);
			return actors.includes('putin') && actors.includes('kim-jong-un');
		});
		const keys = new Set(shared.filter((_, i) => i % 3 === 0).map((e) => e.key));
		const lights = (e: KeyedEvent) => keys.has(e.key);
		const listed = { lights, among: shared };
		const asked = { lights };
		const answers = clusters.map((c) => clusterLit(c, listed));
		expect(answers).toEqual(clusters.map((c) => clusterLit(c, asked)));
		expect(answers).toContain(true);
		expect(answers).toContain(false);
		// One lit event, listed: each cluster looks it up rather than asking its members.
		const one = shared[Math.floor(shared.length / 2)] as KeyedEvent;
		const single = { lights: (e: KeyedEvent) => e.key === one.key };
		const alone = clusters.map((c) => clusterLit(c, { ...single, among: [one] }));
		expect(alone).toEqual(clusters.map((c) => clusterLit(c, single)));
		expect(alone.filter(Boolean).length).toBe(
			clusters.filter((c) => c.keys.includes(one.key)).length
		);
		expect(alone.filter(Boolean).length).toBeGreaterThan(0);
		// A cluster holding none of the listed events is not lit, whatever they light.
		expect(clusterLit(clusters[0] as ClusterItem, { lights: () => true, among: [] })).toBe(false);
	});
});

describe('clusters only where items collide', () => {
	const day = (d: number, id: string, title = `Event ${id}`) =>
		te({
			id,
			title,
			start: `2023-09-${String(d).padStart(2, '0')}`,
			participants: [{ actor: 'putin' }]
		});
	const year = { start: utc(2023), end: utc(2024) };

	it('three events a month apart in one bin stay events: they fit side by side', () => {
		// At a year over 1000 px, a quarter-wide bin holds all three; each title takes ~100 px.
		const spread = sorted([
			te({ id: 'x1', title: 'One', start: '2023-07-02', participants: [{ actor: 'putin' }] }),
			te({ id: 'x2', title: 'Two', start: '2023-08-01', participants: [{ actor: 'putin' }] }),
			te({ id: 'x3', title: 'Three', start: '2023-09-01', participants: [{ actor: 'putin' }] })
		]);
		const items = layoutItems(spread, buildLanes(spread, 'actor', labels), year, 1000, DAY);
		expect(items.map((i) => (i.kind === 'event' ? i.eventId : 'cluster')).sort()).toEqual([
			'x1',
			'x2',
			'x3'
		]);
	});

	it('four events in a week at a year’s zoom need four rows: they become one cluster', () => {
		const week = sorted([day(4, 'w1'), day(5, 'w2'), day(6, 'w3'), day(7, 'w4')]);
		const items = layoutItems(week, buildLanes(week, 'actor', labels), year, 1000, DAY);
		expect(items).toHaveLength(1);
		expect(items[0]).toMatchObject({
			kind: 'cluster',
			type: 'box',
			count: 4,
			eventIds: ['w1', 'w2', 'w3', 'w4'],
			start: utc(2023, 9, 4),
			end: utc(2023, 9, 8)
		});
		// With room for four rows, the same events are drawn one by one.
		const roomy = layoutItems(week, buildLanes(week, 'actor', labels), year, 1000, DAY, {
			maxRows: 4
		});
		expect(roomy.every((i) => i.kind === 'event')).toBe(true);
	});

	it('a cluster’s window shows each of its members, even those on the same day', () => {
		const crowd = sorted([
			...Array.from({ length: 6 }, (_, i) => day(12, `same${i}`)),
			day(14, 'later'),
			day(20, 'last')
		]);
		const lanes = buildLanes(crowd, 'actor', labels);
		const far = layoutItems(crowd, lanes, year, 1000, DAY);
		const cluster = far.find((i): i is ClusterItem => i.kind === 'cluster');
		expect(cluster?.count).toBe(8);
		if (!cluster) return;
		const target = clusterWindow(cluster);
		// The members' span (12 to 21 September) with a tenth of it either side.
		expect(target.start).toBe(utc(2023, 9, 12) - 0.1 * 9 * DAY);
		expect(target.end).toBe(utc(2023, 9, 21) + 0.1 * 9 * DAY);
		let near = layoutItems(crowd, lanes, target, 1000, DAY);
		// Six events on one day are clustered at nine days' width: zooming further separates them.
		const inner = near.filter((i): i is ClusterItem => i.kind === 'cluster');
		expect(inner.map((c) => c.count)).toEqual([6]);
		const innerCluster = inner[0];
		if (!innerCluster) return;
		near = layoutItems(crowd, lanes, clusterWindow(innerCluster), 1000, DAY);
		expect(near.filter((i) => i.kind === 'cluster')).toHaveLength(0);
		expect(
			near
				.map((i) => (i.kind === 'event' ? i.eventId : ''))
				.filter((id) => id.startsWith('same'))
				.sort()
		).toEqual(['same0', 'same1', 'same2', 'same3', 'same4', 'same5']);
	});
});

describe('clusters aggregate as little as they can', () => {
	it('of two bins that collide, only the busier one becomes a cluster', () => {
		// A year over 1000 px: bins of 91 days from the epoch, one of them ending on 26 July 2023.
		// Two events before that, five in the days after; each title takes about two months.
		const mk = (id: string, start: string) =>
			te({ id, title: 'A summit with a long title', start, participants: [{ actor: 'putin' }] });
		const list = sorted([
			mk('q2a', '2023-07-10'),
			mk('q2b', '2023-07-20'),
			...[3, 4, 5, 6, 7].map((d) => mk(`q3${d}`, `2023-08-0${d}`))
		]);
		const items = layoutItems(
			list,
			buildLanes(list, 'actor', labels),
			{ start: utc(2023), end: utc(2024) },
			1000,
			DAY
		);
		const clusters = items.filter((i): i is ClusterItem => i.kind === 'cluster');
		expect(clusters.map((c) => c.eventIds)).toEqual([['q33', 'q34', 'q35', 'q36', 'q37']]);
		const shown = items.filter((i): i is EventItem => i.kind === 'event');
		expect(shown.map((i) => i.eventId)).toEqual(['q2a', 'q2b']);
	});
});

describe('a cluster click', () => {
	it('opens onto its members: at their span, none of them is aggregated again', () => {
		// Fifteen events over a year, ten of them in one October week: zoomed to the year, that
		// week alone would be a cluster again; opened, every member is drawn.
		const mk = (id: string, start: string) =>
			te({ id, title: 'A visit with a long title', start, participants: [{ actor: 'putin' }] });
		const list = sorted([
			...['2024-06-01', '2024-07-15', '2024-09-01', '2024-12-01', '2025-04-20'].map((d, i) =>
				mk(`spread${i}`, d)
			),
			...Array.from({ length: 10 }, (_, i) => mk(`oct${i}`, `2024-10-0${(i % 7) + 1}`))
		]);
		const lanes = buildLanes(list, 'actor', labels);
		const decade = { start: utc(2016), end: utc(2026) };
		const far = layoutItems(list, lanes, decade, 1000, DAY);
		const cluster = far.find((i): i is ClusterItem => i.kind === 'cluster');
		if (!cluster) throw new Error('no cluster at a decade');
		expect(cluster.count).toBe(15);
		const target = clusterWindow(cluster);
		const closed = layoutItems(list, lanes, target, 1000, DAY);
		expect(closed.some((i) => i.kind === 'cluster')).toBe(true);
		const opened = layoutItems(list, lanes, target, 1000, DAY, { open: new Set(cluster.keys) });
		expect(opened.filter((i) => i.kind === 'cluster')).toHaveLength(0);
		expect(opened.map((i) => (i.kind === 'event' ? i.eventId : '')).sort()).toEqual(
			[...cluster.eventIds].sort()
		);
	});
});
