import { describe, expect, it, vi } from 'vitest';
import { NetworkState } from '$lib/state/network.svelte';
import type { EventId } from '$lib/model/schema';
import { TABLE_SETTLE_EVENTS, TABLE_SETTLE_MS, TableScope } from '$lib/state/table-scope.svelte';
import { TimelineState } from '$lib/state/timeline.svelte';
import { actorId, actorMap, ManualFrames, storedMeetings, utc } from './fixtures.svelte';

/** The table's scope over the four test meetings, with a hidden dataset of `hiddenEvents`. */
function table(
	hidden: { name: string; events: number } | undefined = undefined,
	filter: string | undefined = undefined
) {
	const data = $state({ events: storedMeetings(), hidden });
	const tl: TimelineState = new TimelineState({
		events: () => data.events,
		actors: () => actorMap,
		highlight: () => net.lit
	});
	const net: NetworkState = new NetworkState(
		tl,
		{ nameOf: (id) => actorMap.get(id)?.name ?? id, has: (id) => actorMap.has(id) },
		new ManualFrames().schedule
	);
	const scope = new TableScope(tl, {
		all: () => data.events,
		total: () => data.events.length + (data.hidden?.events ?? 0),
		hidden: () => (data.hidden ? [data.hidden.name] : []),
		filter: () => filter,
		actor: () => net.actor,
		edge: () => net.edge,
		nameOf: (id) => actorMap.get(id)?.name ?? id
	});
	return { tl, net, scope, data };
}

const ids = (scope: TableScope) => scope.events.map((e) => e.id).sort();

describe('TableScope', () => {
	it('lists every event and names no limit while the window shows them all', () => {
		const { scope } = table();
		expect(ids(scope)).toEqual([
			'letters-2023',
			'shoigu-pyongyang-2023',
			'vostochny-2023',
			'xi-moscow-2013'
		]);
		expect(scope.total).toBe(4);
		expect(scope.limited).toBe(false);
		expect(scope.limits).toEqual([]);
	});

	it('follows the window, and names its dates', () => {
		const { tl, scope } = table();
		tl.setWindow({ start: utc(2023, 9, 1), end: utc(2023, 10, 1) }, 'control');
		expect(ids(scope)).toEqual(['vostochny-2023']);
		expect(scope.limited).toBe(true);
		expect(scope.limits).toEqual([
			{ kind: 'window', text: 'the window 1\u2009–\u200930 Sept 2023' }
		]);
	});

	it('follows the actor filter, naming the actor, or the two actors of a selected link', () => {
		const { tl, net, scope } = table();
		net.selectActor(actorId('shoigu'));
		// Selecting an actor highlights; only the filter narrows.
		expect(scope.events).toHaveLength(4);
		tl.filterToHighlight = true;
		expect(ids(scope)).toEqual(['shoigu-pyongyang-2023']);
		expect(scope.limits).toEqual([{ kind: 'actor', text: 'Sergei Shoigu' }]);

		net.selectActor(actorId('putin'));
		const link = net.graph.edges.find((e) => e.a === 'kim-jong-un' && e.b === 'putin');
		net.selectEdge(link?.id);
		expect(ids(scope)).toEqual(['letters-2023', 'vostochny-2023']);
		expect(scope.limits.map((l) => l.text)).toEqual(['Kim Jong Un – Vladimir Putin']);
	});

	it('names the window and the actor together, and the count is the rows', () => {
		const { tl, net, scope } = table();
		net.selectActor(actorId('kim-jong-un'));
		tl.filterToHighlight = true;
		tl.setWindow({ start: utc(2023, 8, 1), end: utc(2023, 12, 31) }, 'control');
		expect(ids(scope)).toEqual(['letters-2023', 'vostochny-2023']);
		expect(scope.limits.map((l) => l.kind)).toEqual(['window', 'actor']);
	});

	it('“Show all” lists every event of the datasets shown; hidden datasets stay named', () => {
		const { tl, scope } = table({ name: 'Archive', events: 7 });
		tl.setWindow({ start: utc(2023, 9, 1), end: utc(2023, 10, 1) }, 'control');
		expect(scope.total).toBe(11);
		expect(scope.limits.map((l) => l.text)).toEqual([
			'the window 1\u2009–\u200930 Sept 2023',
			'“Archive” hidden'
		]);
		scope.showAll = true;
		expect(scope.events).toHaveLength(4);
		expect(scope.limits).toEqual([{ kind: 'hidden', text: '“Archive” hidden' }]);
	});

	it('names what the filter asks, whatever “Show all” says', () => {
		const { scope } = table(undefined, '“kim” · Confidence: Claimed, Denied');
		const limit = { kind: 'filter', text: 'the filter (“kim” · Confidence: Claimed, Denied)' };
		expect(scope.limits).toEqual([limit]);
		scope.showAll = true;
		expect(scope.limits).toEqual([limit]);
	});
});

describe('TableScope.follow', () => {
	const september = { start: utc(2023, 9, 1), end: utc(2023, 10, 1) };

	it('with few events, lists the window at once', () => {
		const { tl, scope } = table();
		expect(scope.follow(tl.window, true)).toBeUndefined();
		tl.setWindow(september, 'control');
		expect(scope.follow(tl.window, true)).toBeUndefined();
		expect(ids(scope)).toEqual(['vostochny-2023']);
	});

	it('with many events, lists a moved window once it rests; hidden, keeps its own; shown, catches up', () => {
		vi.useFakeTimers();
		try {
			const { tl, scope, data } = table();
			const [first] = storedMeetings();
			const copies = Array.from({ length: TABLE_SETTLE_EVENTS }, (_, i) => ({
				...first!,
				id: `copy-${String(i).padStart(5, '0')}` as EventId
			}));
			data.events = [...copies, ...storedMeetings()];
			const all = TABLE_SETTLE_EVENTS + 4;
			scope.follow(tl.window, true);
			expect(scope.events).toHaveLength(all);

			tl.setWindow(september, 'control');
			const cancel = scope.follow(tl.window, true);
			expect(cancel).toBeTypeOf('function');
			// Until the window rests, the rows, the count and the words keep the last window.
			expect(scope.events).toHaveLength(all);
			expect(scope.limits).toEqual([]);
			vi.advanceTimersByTime(TABLE_SETTLE_MS);
			expect(ids(scope)).toEqual(['vostochny-2023']);
			expect(scope.limits).toEqual([
				{ kind: 'window', text: 'the window 1\u2009–\u200930 Sept 2023' }
			]);

			// A window that moves again before resting cancels the pending one.
			tl.setWindow({ start: utc(2013, 1, 1), end: utc(2014, 1, 1) }, 'control');
			scope.follow(tl.window, true)?.();
			vi.advanceTimersByTime(TABLE_SETTLE_MS);
			expect(ids(scope)).toEqual(['vostochny-2023']);

			// Hidden (the network's tab is open), the table keeps its window however the timeline moves.
			scope.follow(tl.window, false);
			tl.setWindow({ start: utc(2010, 1, 1), end: utc(2025, 1, 1) }, 'control');
			scope.follow(tl.window, false);
			vi.advanceTimersByTime(TABLE_SETTLE_MS);
			expect(ids(scope)).toEqual(['vostochny-2023']);

			// On screen again, it lists the timeline's window at once.
			expect(scope.follow(tl.window, true)).toBeUndefined();
			expect(scope.events).toHaveLength(all);
		} finally {
			vi.useRealTimers();
		}
	});
});
