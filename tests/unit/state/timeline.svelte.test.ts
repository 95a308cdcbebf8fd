import { describe, expect, it, vi } from 'vitest';
import { eventKey, litKeys, type Lit } from '$lib/model/events';
import type { ActorId } from '$lib/model/schema';
import type { LocatedHead } from '$lib/db/database';
import { headColumns, headsFromColumns } from '$lib/db/head-columns';
import { TimelineState } from '$lib/state/timeline.svelte';
import type * as Items from '$lib/time/items';
import { DAY, HOUR, YEAR } from '$lib/time/zoom';
import { actorId, actorMap, actors, storedMeetings, utc } from './fixtures.svelte';

/** A timeline over the test meetings, with the events and the highlight as state the test sets. */
function timeline() {
	const data = $state({
		events: storedMeetings(),
		highlight: undefined as Lit | undefined,
		actor: undefined as ActorId | undefined
	});
	const tl = new TimelineState({
		events: () => data.events,
		actors: () => actorMap,
		highlight: () => data.highlight,
		actor: () => data.actor
	});
	return { tl, data };
}

/** The lanes built, counted: `prepareHeads` builds them ahead, and the views take those. */
const built = vi.hoisted(() => ({ lanes: 0 }));
vi.mock('$lib/time/items', async (original) => {
	const items = await original<typeof Items>();
	return {
		...items,
		buildLanes: (...args: Parameters<typeof items.buildLanes>) => {
			built.lanes++;
			return items.buildLanes(...args);
		}
	};
});

const ids = (events: readonly { event: { id: string } }[]) => events.map((e) => e.event.id);

describe('TimelineState', () => {
	it('Fit all shows every event, those still arriving too', () => {
		const { tl, data } = timeline();
		const all = data.events;
		data.events = [];
		tl.setWindow({ start: utc(2020), end: utc(2021) }, 'control');
		// Fit while the views are still empty (an import being taken in), then the events arrive.
		tl.fit();
		data.events = all;
		expect(tl.shownInWindow).toHaveLength(4);
		expect(tl.window).toEqual(tl.domain);
	});

	it('orders events by start and shows the whole domain, with a margin, until a window is chosen', () => {
		const { tl } = timeline();
		expect(ids(tl.events)).toEqual([
			'xi-moscow-2013',
			'shoigu-pyongyang-2023',
			'letters-2023',
			'vostochny-2023'
		]);
		// 22 Mar 2013 to the end of 13 Sept 2023, 5% of that on each side.
		const extent = utc(2023, 9, 14) - utc(2013, 3, 22);
		expect(tl.window).toEqual({
			start: utc(2013, 3, 22) - extent * 0.05,
			end: utc(2023, 9, 14) + extent * 0.05
		});
		expect(tl.domain).toEqual(tl.window);
	});

	it('zooms around the centre or an anchor, and never past the domain or under an hour', () => {
		const { tl } = timeline();
		const all = tl.window;
		tl.zoom(0.5);
		const w = tl.window.end - tl.window.start;
		expect(w).toBeCloseTo((all.end - all.start) / 2, -1);
		expect((tl.window.start + tl.window.end) / 2).toBeCloseTo((all.start + all.end) / 2, -1);
		expect(tl.windowSource).toBe('control');

		// Anchored at the domain's start: the start stays put.
		tl.fit();
		tl.zoom(0.25, all.start);
		expect(tl.window.start).toBe(all.start);

		// Zooming in far stops at an hour; out far stops at the domain.
		for (let i = 0; i < 40; i++) tl.zoom(0.1);
		expect(tl.window.end - tl.window.start).toBe(HOUR);
		for (let i = 0; i < 40; i++) tl.zoom(10);
		expect(tl.window).toEqual(all);
	});

	it('keeps a window set from outside within the domain, and says who moved it', () => {
		const { tl } = timeline();
		tl.setWindow({ start: utc(1990), end: utc(1991) }, 'url');
		expect(tl.window).toEqual({
			start: tl.domain.start,
			end: tl.domain.start + utc(1991) - utc(1990)
		});
		expect(tl.windowSource).toBe('url');
		tl.pan(1);
		expect(tl.window.start).toBe(tl.domain.start + utc(1991) - utc(1990));
		tl.preset('week');
		expect(tl.window.end - tl.window.start).toBe(7 * DAY);
	});

	it('keeps the window asked for while nothing is shown, and shows it when the data returns', () => {
		const { tl, data } = timeline();
		const events = data.events;
		const asked = { start: utc(2014, 5, 1), end: utc(2014, 6, 1) };
		data.events = [];
		tl.setWindow(asked, 'url');
		data.events = events;
		expect(tl.window).toEqual(asked);
	});

	it('steps from event to event in time, from the first or the last when none is selected', () => {
		const { tl } = timeline();
		expect(tl.neighbour(1)?.event.id).toBe('xi-moscow-2013');
		expect(tl.neighbour(-1)?.event.id).toBe('vostochny-2023');
		tl.selectedKey = tl.events[1]?.key;
		expect(tl.neighbour(1)?.event.id).toBe('letters-2023');
		expect(tl.neighbour(-1)?.event.id).toBe('xi-moscow-2013');
		tl.selectedKey = tl.events[3]?.key;
		expect(tl.neighbour(1)).toBeUndefined();
	});

	it('shows only the highlighted events when the filter is on, all of them otherwise', () => {
		const { tl, data } = timeline();
		const letters = eventKey({ datasetId: 'test', id: 'letters-2023' });
		const vostochny = eventKey({ datasetId: 'test', id: 'vostochny-2023' });
		data.highlight = litKeys(new Set([letters, vostochny]));
		expect(tl.shownEvents).toHaveLength(4);
		tl.filterToHighlight = true;
		expect(ids(tl.shownEvents)).toEqual(['letters-2023', 'vostochny-2023']);
		expect(tl.lanes.lanes.map((l) => [l.label, l.count])).toEqual([
			['Kim Jong Un', 2],
			['Vladimir Putin', 2]
		]);
		data.highlight = undefined;
		expect(tl.shownEvents).toHaveLength(4);
	});

	it('keys, orders and lays out new heads ahead, in slices, and the views then use those', async () => {
		const { tl, data } = timeline();
		// Not in time order, as an import's heads after those already stored.
		data.events = [...data.events].reverse();
		let pauses = 0;
		built.lanes = 0;
		await tl.prepareHeads(data.events, () => Promise.resolve(void pauses++), -1);
		// A pause after the slice of keys, one after ordering them, one before the views.
		expect(pauses).toBe(3);
		expect(built.lanes).toBe(1);
		// Read before any lane is built: already numbered (the lanes number them otherwise).
		expect(tl.events.map((e) => e.actorChunk !== undefined)).toEqual([true, true, true, true]);
		expect(ids(tl.events)).toEqual([
			'xi-moscow-2013',
			'shoigu-pyongyang-2023',
			'letters-2023',
			'vostochny-2023'
		]);
		const lanes = tl.lanes.lanes.map((l) => [l.label, l.count]);
		// The lanes made ahead: none built again.
		expect(built.lanes).toBe(1);
		expect(lanes).toEqual(timeline().tl.lanes.lanes.map((l) => [l.label, l.count]));
		// The domain and the events in the window (the whole domain) made ahead are as made after.
		expect(tl.domain).toEqual(timeline().tl.domain);
		expect(tl.shownInWindow.map((e) => e.id)).toEqual(ids(tl.events));
		// Grouped otherwise, they are built again.
		tl.grouping = 'kind';
		expect(tl.lanes.lanes.length).toBeGreaterThan(0);
		expect(built.lanes).toBe(3);
	});

	it("gathers each actor's events a slice at a time while idle, as they are gathered at once", () => {
		// 6,000 events: three slices of 2,000.
		const many = Array.from({ length: 1500 }, (_, i) =>
			storedMeetings().map((e) => ({ ...e, id: `${e.id}-${i}` as typeof e.id }))
		).flat();
		const sources = { events: () => many, actors: () => actorMap };
		const tl = new TimelineState(sources);
		let calls = 1;
		while (!tl.prepare(-1)) calls++;
		expect(calls).toBe(3);
		const atOnce = new TimelineState(sources);
		const putin = actorId('putin');
		expect(tl.eventsOfActor(putin).length).toBeGreaterThan(1000);
		for (const a of actors)
			expect(ids(tl.eventsOfActor(a.id))).toEqual(ids(atOnce.eventsOfActor(a.id)));
		// Built: nothing left to do.
		expect(tl.prepare(-1)).toBe(true);
	});

	it('keeps each keyed event on the head read from columns it was made of, never on a copy', () => {
		const heads = headsFromColumns(
			headColumns(storedMeetings().map((e) => ({ ...e, recordBlock: 0 }))),
			'test'
		);
		let shown = $state.raw<readonly LocatedHead[]>(heads);
		const tl = new TimelineState({ events: () => shown, actors: () => actorMap });
		const first = tl.events;
		expect(ids(first)).toEqual(ids(timeline().tl.events));
		expect(first.map((e) => e.key).sort()).toEqual(heads.map((h) => eventKey(h)).sort());
		expect(tl.keyOf(heads[0]!)).toBe(eventKey(heads[0]!));
		// A new generation with one head written anew (a copy, as an edit makes): the others'
		// keyed events are the same objects; the copy's is its own, of the copy.
		const was = heads[0]!;
		const copy = { ...was, startMs: was.startMs, endMs: was.endMs, title: 'Edited' };
		shown = [copy, ...heads.slice(1)];
		const again = tl.events;
		for (const e of again)
			if (e.event !== copy) expect(first).toContain(e);
			else expect(first).not.toContain(e);
		expect(again.find((e) => e.event === copy)?.event.title).toBe('Edited');
		expect(tl.keyOf(copy)).toBe(eventKey(heads[0]!));
	});

	it('follows the data: a deleted event leaves the selection empty', () => {
		const { tl, data } = timeline();
		tl.selectedKey = tl.events[0]?.key;
		expect(tl.selected?.event.title).toBe('Xi Jinping state visit to Moscow');
		data.events = data.events.slice(1);
		expect(tl.selected).toBeUndefined();
		expect(tl.events).toHaveLength(3);
	});

	it('brings an event into view: recentres when it fits, zooms out to it when it does not', () => {
		const { tl } = timeline();
		tl.setWindow({ start: utc(2023, 9, 1), end: utc(2023, 10, 1) }, 'control');
		const moscow = tl.events[0]!;
		tl.bringIntoView(moscow);
		const centre = (tl.window.start + tl.window.end) / 2;
		expect(centre).toBe((moscow.startMs + moscow.endMs) / 2);
		expect(tl.window.end - tl.window.start).toBe(utc(2023, 10, 1) - utc(2023, 9, 1));
		// Already in view: nothing moves.
		const before = tl.window;
		tl.bringIntoView(moscow);
		expect(tl.window).toEqual(before);
		// Wider than the window: the window grows to show it.
		tl.setWindow({ start: utc(2023, 7, 26), end: utc(2023, 7, 26) + 2 * HOUR }, 'control');
		tl.bringIntoView(tl.events[1]!);
		expect(tl.window.end - tl.window.start).toBe(9 * DAY);
		expect(tl.window.end - tl.window.start).toBeLessThan(YEAR);
	});

	it('presets centre on the selected event, else near the events in view', () => {
		const { tl } = timeline();
		tl.setWindow({ start: utc(2015), end: utc(2016) }, 'control');
		tl.selectedKey = eventKey({ datasetId: 'test', id: 'vostochny-2023' });
		tl.preset('month');
		// The summit (13 Sept 2023, a day) is the month's middle.
		expect((tl.window.start + tl.window.end) / 2).toBe(utc(2023, 9, 13) + 12 * HOUR);
		expect(tl.windowSource).toBe('control');

		// No selection, a window of July to September 2023 whose middle week (12–19 Aug) is empty:
		// the week goes to the nearest edge of an event in view, the start of the letters (dated
		// August: longer than a week, so its start or end, not its empty middle).
		tl.selectedKey = undefined;
		tl.setWindow({ start: utc(2023, 7, 1), end: utc(2023, 9, 30) }, 'control');
		tl.preset('week');
		expect((tl.window.start + tl.window.end) / 2).toBe(utc(2023, 8, 1));
		expect(tl.window.end - tl.window.start).toBe(7 * DAY);
	});

	it('fits the window to an actor’s events, in any window, and counts them', () => {
		const { tl, data } = timeline();
		tl.setWindow({ start: utc(2018), end: utc(2019) }, 'control');
		const kim = 'kim-jong-un' as ActorId;
		expect(tl.actorEventCount(kim)).toBe(3);
		expect(tl.laneRequests).toBe(0);
		expect(tl.fitActor(kim)).toBe(true);
		// The main timeline is asked to show the actor's lane again once it draws this window.
		expect(tl.laneRequests).toBe(1);
		// 25 Jul to the end of 13 Sept 2023, with 5% of that each side.
		const extent = utc(2023, 9, 14) - utc(2023, 7, 25);
		expect(tl.window).toEqual({
			start: utc(2023, 7, 25) - extent * 0.05,
			end: utc(2023, 9, 14) + extent * 0.05
		});
		// An actor of no shown event leaves the window where it is.
		const before = tl.window;
		expect(tl.actorEventCount('nobody' as ActorId)).toBe(0);
		expect(tl.fitActor('nobody' as ActorId)).toBe(false);
		expect(tl.window).toEqual(before);
		expect(tl.laneRequests).toBe(1);
		// The chosen actor is what the main timeline scrolls to.
		expect(tl.focusedActor).toBeUndefined();
		data.actor = kim;
		expect(tl.focusedActor).toBe(kim);
	});
	it('hands the events a filter keeps (given with their places among all) as the same keyed events, in time order, and the same array again once cleared', () => {
		// Every event of the datasets shown, out of time order (a sort has work to do), and the
		// events a filter keeps: given with their places among all of them.
		const all = storedMeetings().reverse();
		let kept = $state.raw<readonly (typeof all)[number][]>(all);
		let places = $state.raw<Int32Array | undefined>(undefined);
		const tl = new TimelineState({
			events: () => kept,
			all: () => all,
			places: () => places,
			actors: () => actorMap
		});
		const everything = tl.events;
		expect(ids(everything)).toEqual([
			'xi-moscow-2013',
			'shoigu-pyongyang-2023',
			'letters-2023',
			'vostochny-2023'
		]);
		const domain = tl.domain;

		// Keeps all[0] ('vostochny-2023') and all[2] ('shoigu-pyongyang-2023').
		places = Int32Array.of(0, 2);
		kept = [all[0]!, all[2]!];
		expect(ids(tl.events)).toEqual(['shoigu-pyongyang-2023', 'vostochny-2023']);
		// The same keyed events as unfiltered, and the world does not move.
		expect(tl.events.every((e) => everything.includes(e))).toBe(true);
		expect(tl.domain).toEqual(domain);
		expect(tl.unfiltered).toBe(all);

		// Places that do not fit the events (an answer for other data) are not used.
		places = Int32Array.of(1);
		kept = [all[3]!];
		expect(ids(tl.events)).toEqual(['xi-moscow-2013']);

		// Cleared: the very same events as before the filter (and what was made from them).
		places = undefined;
		kept = all;
		expect(tl.events).toBe(everything);
		expect(tl.unfiltered).toBeUndefined();
	});

	it('lists the events in a window, in time order', () => {
		const { tl } = timeline();
		const rows = tl.shownIn({ start: utc(2023), end: utc(2024) });
		expect(rows.map((e) => e.id)).toEqual([
			'shoigu-pyongyang-2023',
			'letters-2023',
			'vostochny-2023'
		]);
	});
});
