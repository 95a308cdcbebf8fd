import { describe, expect, it } from 'vitest';
import { graphColumns, type GraphColumns } from '$lib/graph/columns';
import { GraphService } from '$lib/graph/graph-client';
import { eventKey, type KeyedEvent } from '$lib/model/events';
import { event, recordingWorker } from '../helpers';

/** `n` events a day apart, each with two of thirty actors. */
function keyed(n: number): KeyedEvent[] {
	return Array.from({ length: n }, (_, i) => {
		const e = {
			...event({
				id: `e-${i}`,
				start: new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10),
				participants: [{ actor: `a-${i % 30}` }, { actor: `a-${(i * 7 + 3) % 30}` }]
			}),
			datasetId: 'd'
		};
		const startMs = Date.UTC(2020, 0, 1 + i);
		return { key: eventKey(e), event: e, startMs, endMs: startMs + 86_400_000 };
	});
}

/** A pause the test releases, one at a time. */
function heldPauses() {
	const held: (() => void)[] = [];
	return {
		pause: () => new Promise<void>((resolve) => held.push(resolve)),
		held,
		async release() {
			held.shift()?.();
			await new Promise((resolve) => setTimeout(resolve, 0));
		}
	};
}

describe('GraphService', () => {
	it('makes new data’s columns a slice at a time, and asks for a graph once they are in', async () => {
		const { posted, worker } = recordingWorker();
		const pauses = heldPauses();
		const graphs = new GraphService(() => worker, { pause: pauses.pause, sliceMs: 0 });
		const events = keyed(9000);
		graphs.setData(events, 86_400_000);
		void graphs.graph({ start: 0, end: Date.UTC(2050, 0, 1) });
		// 2,000 events a slice: four pauses before the last slice, and nothing sent meanwhile.
		for (let i = 0; i < 4; i++) {
			expect(pauses.held).toHaveLength(1);
			expect(posted).toEqual([]);
			await pauses.release();
		}
		expect(pauses.held).toHaveLength(0);
		expect(posted.map((m) => m.kind)).toEqual(['data', 'graph']);
		// The same columns as made at once.
		const { columns } = graphColumns(events, 86_400_000);
		expect(posted[0]?.columns as GraphColumns).toEqual(columns);
		graphs.destroy();
	});

	it('new data while the last is still being made replaces it: only the newest goes to the worker', async () => {
		const { posted, worker } = recordingWorker();
		const pauses = heldPauses();
		const graphs = new GraphService(() => worker, { pause: pauses.pause, sliceMs: 0 });
		graphs.setData(keyed(5000), 86_400_000);
		const newer = keyed(3000);
		graphs.setData(newer, 86_400_000);
		while (pauses.held.length) await pauses.release();
		expect(posted.map((m) => m.kind)).toEqual(['data']);
		expect((posted[0]?.columns as GraphColumns).startMs).toHaveLength(3000);
		expect(posted[0]?.generation).toBe(2);
		graphs.destroy();
	});

	it('destroyed while new data is being made: the rest is dropped, no worker is started', async () => {
		let started = 0;
		const { worker } = recordingWorker();
		const pauses = heldPauses();
		const graphs = new GraphService(
			() => {
				started++;
				return worker;
			},
			{ pause: pauses.pause, sliceMs: 0 }
		);
		graphs.setData(keyed(5000), 86_400_000);
		graphs.destroy();
		while (pauses.held.length) await pauses.release();
		expect(started).toBe(0);
	});

	it('once a graph of newer data is handed out, the older graphs’ links let their events go', async () => {
		const graphs = new GraphService(() => undefined);
		const whole = { start: 0, end: Date.UTC(2050, 0, 1) };
		const first = keyed(300);
		graphs.setData(first, 86_400_000);
		const older = await graphs.graph(whole);
		// A link read before newer data came (a link chosen, and kept by a view's leftovers).
		const read = older?.edges[0];
		const readKeys = read?.eventKeys ?? [];
		expect(readKeys.length).toBeGreaterThan(0);
		const unread = older?.edges[1];
		expect(unread?.weight).toBeGreaterThan(0);

		// The same events again as another generation (a dataset hidden and shown again).
		const second = first.map((e) => ({ ...e }));
		graphs.setData(second, 86_400_000);
		// Until the newer graph is handed out, the older one still reads its events.
		const peek = older?.edges[2];
		expect(peek?.events).toHaveLength(peek?.weight ?? -1);
		const newer = await graphs.graph(whole);
		expect(newer?.edges.map((e) => e.id)).toEqual(older?.edges.map((e) => e.id));
		// The newer graph's links read the newer events…
		const fresh = newer?.edges[1];
		expect(fresh?.events).toHaveLength(fresh?.weight ?? -1);
		expect(fresh?.events.every((e) => second.includes(e))).toBe(true);
		// …and the older graph's links none, read before or not: the older events are not held.
		expect(unread?.events).toEqual([]);
		expect(older?.edges[3]?.eventKeys).toEqual([]);
		expect(read?.events).toEqual([]);
		expect(read?.eventKeys).toEqual([]);
		graphs.destroy();
	});

	it('let go (nobody looks, and the data changed): links already read keep no events', async () => {
		const graphs = new GraphService(() => undefined);
		graphs.setData(keyed(300), 86_400_000);
		const graph = await graphs.graph({ start: 0, end: Date.UTC(2050, 0, 1) });
		const link = graph?.edges[0];
		expect(link?.events.length).toBe(link?.weight);
		expect(link?.eventKeys.length).toBe(link?.weight);
		graphs.forget();
		expect(link?.events).toEqual([]);
		expect(link?.eventKeys).toEqual([]);
		graphs.destroy();
	});
});
