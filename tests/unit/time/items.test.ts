import { describe, expect, it } from 'vitest';
import { toStored } from '$lib/db/repository';
import type { DatasetId, EventKind } from '$lib/model/schema';
import {
	ALL_LANE,
	OTHERS_LANE,
	binWidth,
	buildLanes,
	layoutItems,
	type ClusterItem,
	type EventItem,
	type LaneLabels
} from '$lib/time/items';
import type { EventKey, KeyedEvent } from '$lib/model/events';
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
	noActor: 'No actor',
	noPlace: 'No place',
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
		expect(membership.get(key('a'))).toEqual(['actor:putin', 'actor:xi-jinping']);
		expect(membership.get(key('d'))).toEqual(['actor:']);
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
		expect(membership.get(key('c'))).toEqual([OTHERS_LANE, 'actor:kim-jong-un']);
		const expanded = buildLanes(events, 'actor', labels, { maxLanes: 3, expandOthers: true });
		expect(expanded.lanes.some((l) => l.others)).toBe(false);
		expect(expanded.lanes).toHaveLength(5);
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
			maxPerBin: 10
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
			{ maxPerBin: 10 }
		);
		const ids = new Set(items.map((i) => (i.kind === 'event' ? i.eventId : 'cluster')));
		expect(ids.has('old')).toBe(false);
		expect(ids.has('long')).toBe(true);
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
