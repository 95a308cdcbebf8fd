import { describe, expect, it } from 'vitest';
import { NetworkState } from '$lib/state/network.svelte';
import { TableScope } from '$lib/state/table-scope.svelte';
import { TimelineState } from '$lib/state/timeline.svelte';
import { actorId, actorMap, ManualFrames, storedMeetings, utc } from './fixtures.svelte';

/** The table's scope over the four test meetings, with a hidden dataset of `hiddenEvents`. */
function table(
	hidden: { name: string; events: number } | undefined = undefined,
	hiddenConfidences: readonly string[] = []
) {
	const data = $state({ events: storedMeetings(), hidden });
	const tl: TimelineState = new TimelineState({
		events: () => data.events,
		actors: () => actorMap,
		highlight: () => net.highlightKeys
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
		hiddenConfidences: () => hiddenConfidences,
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

	it('names the confidences the confidence filter hides, whatever “Show all” says', () => {
		const { scope } = table(undefined, ['Claimed', 'Denied']);
		expect(scope.limits).toEqual([{ kind: 'confidence', text: 'claimed, denied hidden' }]);
		scope.showAll = true;
		expect(scope.limits).toEqual([{ kind: 'confidence', text: 'claimed, denied hidden' }]);
	});
});
