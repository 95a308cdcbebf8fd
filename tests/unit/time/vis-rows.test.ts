import { describe, expect, it } from 'vitest';
import { litKeys, type EventKey, type KeyedEvent } from '$lib/model/events';
import type { ClusterItem, EventItem } from '$lib/time/items';
import { signature, toVisItem } from '$lib/timeline/vis-adapter';

/** Stands for a getter met on the way (a function, which could close over anything). */
const GETTER = (): void => undefined;

/** Every object a value reaches through its own properties (getters are not called). */
function reachable(value: unknown, seen = new Set<unknown>()): Set<unknown> {
	if (typeof value !== 'object' || value === null || seen.has(value)) return seen;
	seen.add(value);
	for (const key of Object.keys(value)) {
		const d = Object.getOwnPropertyDescriptor(value, key);
		if (d?.get) seen.add(GETTER);
		else reachable(d?.value, seen);
	}
	return seen;
}

describe('the rows handed to vis-timeline', () => {
	// A cluster reads its lane's events when its keys are first asked for: vis keeps a row it is
	// not told has changed, so a row holding the cluster kept a whole generation of events.
	const events = [{ key: 'd\u0000a' as EventKey }, { key: 'd\u0000b' as EventKey }] as KeyedEvent[];
	const cluster: ClusterItem = {
		kind: 'cluster',
		type: 'range',
		id: 'cluster:lane:1:2',
		lane: 'lane',
		count: 2,
		get keys() {
			return events.map((e) => e.key);
		},
		eventIds: ['a', 'b'],
		some: (test) => events.some(test),
		holds: (e) => events.includes(e),
		start: 0,
		end: 10
	};
	const head = { id: 'a', start: { year: 2023, month: 9, day: 13 } };
	const event: EventItem = {
		kind: 'event',
		id: 'd\u0000a@lane',
		lane: 'lane',
		key: 'd\u0000a' as EventKey,
		eventId: 'a',
		title: 'Summit at Vostochny',
		type: 'point',
		start: 0,
		end: 0,
		imprecise: false,
		uncertain: false,
		confidence: 'confirmed',
		eventKind: 'meeting',
		dates: head as unknown as EventItem['dates'],
		event: events[0]!
	};

	it('hold none of our items, nor anything they read', () => {
		for (const item of [cluster, event]) {
			const row = toVisItem(
				item,
				'd\u0000a' as EventKey,
				litKeys(new Set(['d\u0000b' as EventKey]))
			);
			const held = reachable(row);
			expect(held.has(item)).toBe(false);
			expect(held.has(head)).toBe(false);
			expect(held.has(events)).toBe(false);
			// Only plain values: a function could close over the events.
			expect([...held].filter((v) => typeof v === 'function')).toEqual([]);
		}
	});

	it('still say what they show: the cluster selected and lit, the event selected', () => {
		const c = toVisItem(
			cluster,
			'd\u0000a' as EventKey,
			litKeys(new Set(['d\u0000b' as EventKey]))
		);
		expect(c).toMatchObject({ id: 'cluster:lane:1:2', group: 'lane', start: 0, end: 10 });
		expect(c.className).toBe('t-cluster t-has-selected t-hl');
		const e = toVisItem(event, 'd\u0000a' as EventKey);
		expect(e.className).toBe('t-event t-conf-confirmed t-kind-meeting t-selected');
		expect(e.editable).toEqual({ updateTime: true, updateGroup: false, remove: false });
	});

	it('change their signature when what they show changes, not when only the highlight does', () => {
		const plain = toVisItem(cluster, undefined);
		const lit = toVisItem(cluster, undefined, litKeys(new Set(['d\u0000a' as EventKey])));
		expect(signature(lit, cluster)).toBe(signature(plain, cluster));
		expect(signature(plain, { ...event, title: 'Another' })).not.toBe(signature(plain, event));
		expect(signature(plain, { ...cluster, count: 3 })).not.toBe(signature(plain, cluster));
	});
});
