import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StoredEvent } from '$lib/db/repository';
import type { DatasetId } from '$lib/model/schema';
import { NetworkState } from '$lib/state/network.svelte';
import { TimelineState } from '$lib/state/timeline.svelte';
import { UrlSync } from '$lib/state/url-sync.svelte';
import {
	actorId,
	actorMap,
	ManualFrames,
	MemoryHistory,
	storedMeetings,
	utc
} from './fixtures.svelte';

/** The linked states behind an address, as the dashboard builds them. */
function linked(url: string, events: StoredEvent[] = storedMeetings()) {
	const history = new MemoryHistory(url);
	const notices: string[] = [];
	const tl: TimelineState = new TimelineState({
		events: () => events,
		actors: () => actorMap,
		highlight: () => net.lit
	});
	const net: NetworkState = new NetworkState(
		tl,
		{ nameOf: (id) => id, has: (id) => actorMap.has(id) },
		new ManualFrames().schedule
	);
	const sync = new UrlSync(tl, net, {
		history,
		hasActor: (id) => actorMap.has(actorId(id)),
		notify: (text) => notices.push(text)
	});
	return { history, notices, tl, net, sync };
}

const iso = (ms: number) => new Date(ms).toISOString();

beforeEach(() => {
	vi.useFakeTimers();
});
afterEach(() => {
	vi.useRealTimers();
});

describe('UrlSync', () => {
	it('opens the window, lanes, event and actor a link names, once the data is in', () => {
		const from = utc(2023, 9, 1);
		const to = utc(2023, 10, 1);
		const { tl, net, sync, notices } = linked(
			`/?from=${iso(from)}&to=${iso(to)}&lanes=kind&event=vostochny-2023&actor=putin`
		);
		// The lanes apply at once (the first drawing uses them); the rest waits for the data.
		expect(tl.grouping).toBe('kind');
		expect(tl.selectedKey).toBeUndefined();
		sync.restore();
		expect(tl.window).toEqual({ start: from, end: to });
		expect(tl.windowSource).toBe('url');
		expect(tl.selected?.event.title).toBe('Kim–Putin summit at Vostochny');
		expect(net.actor).toBe('putin');
		expect(notices).toEqual([]);
	});

	it('opens a window named with dates as people write them, to the end of the last one', () => {
		const { tl, sync, notices } = linked('/?from=2023-07&to=2023-09-13');
		sync.restore();
		expect(tl.window).toEqual({ start: utc(2023, 7), end: utc(2023, 9, 14) });
		expect(tl.shownInWindow.map((e) => e.id)).toEqual([
			'shoigu-pyongyang-2023',
			'letters-2023',
			'vostochny-2023'
		]);
		expect(notices).toEqual([]);
	});

	it('says what a link asked for that is not there, and what it could not read', () => {
		const { sync, notices, tl, net } = linked(
			'/?from=yesterday&lanes=rivers&event=nope&actor=nobody'
		);
		sync.restore();
		expect(notices).toEqual([
			'Part of the link was not understood and was ignored: the time window, the lane grouping. ' +
				'No event has the id “nope”. No actor has the id “nobody”.'
		]);
		expect(tl.grouping).toBe('actor');
		expect(tl.selectedKey).toBeUndefined();
		expect(net.actor).toBeUndefined();
		// Told once, not on every restore.
		sync.restore();
		expect(notices).toHaveLength(1);
	});

	it('a selection is a new history entry that keeps parameters it does not own', () => {
		const { history, tl, sync } = linked('/?import=https://example.org/a.json');
		sync.restore();
		sync.select(tl.events[0]?.key);
		expect(history.entries).toHaveLength(2);
		expect(history.url).toBe(
			`?import=https%3A%2F%2Fexample.org%2Fa.json&from=${encodeURIComponent(iso(tl.window.start))}` +
				`&to=${encodeURIComponent(iso(tl.window.end))}&event=xi-moscow-2013`
		);
		sync.selectActor(actorId('kim-jong-un'));
		expect(history.entries).toHaveLength(3);
		expect(history.view()?.actor).toBe('kim-jong-un');
		// The same choice again adds nothing.
		sync.selectActor(actorId('kim-jong-un'));
		expect(history.entries).toHaveLength(3);
	});

	it('the window replaces the current entry once it has settled, not on every move', () => {
		const { history, tl, sync } = linked('/');
		sync.restore();
		tl.setWindow({ start: utc(2020), end: utc(2021) }, 'timeline');
		sync.windowMoved();
		vi.advanceTimersByTime(200);
		tl.setWindow({ start: utc(2021), end: utc(2022) }, 'timeline');
		sync.windowMoved();
		vi.advanceTimersByTime(200);
		expect(history.url).toBe('/');
		vi.advanceTimersByTime(300);
		expect(history.entries).toHaveLength(1);
		expect(history.url).toBe(
			`?from=${encodeURIComponent(iso(utc(2021)))}&to=${encodeURIComponent(iso(utc(2022)))}`
		);
	});

	it('back shows the entry’s view again; an entry without one shows the opening view', () => {
		const { history, tl, net, sync } = linked('/');
		sync.restore();
		sync.select(tl.events[3]?.key);
		sync.selectActor(actorId('putin'));
		history.back();
		sync.historyMoved(history.view());
		expect(tl.selected?.event.id).toBe('vostochny-2023');
		expect(net.selectedActor).toBeUndefined();
		history.back();
		sync.historyMoved(history.view());
		expect(tl.selectedKey).toBeUndefined();
	});

	it('names the dataset only when another dataset has an event of the same id', () => {
		const events = [...storedMeetings(), ...storedMeetings('other' as DatasetId)];
		const { history, tl, sync } = linked('/', events);
		sync.restore();
		const other = tl.events.find((e) => e.event.id === 'letters-2023' && e.key.startsWith('other'));
		sync.select(other?.key);
		expect(history.url).toContain('event=letters-2023&dataset=other');
		// And a link naming it opens that dataset's event.
		const reopened = linked(`/?event=letters-2023&dataset=other`, events);
		reopened.sync.restore();
		expect(reopened.tl.selectedKey).toBe(other?.key);
	});
});
