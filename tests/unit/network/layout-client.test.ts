import { afterEach, describe, expect, it } from 'vitest';
import { ForceLayout, LARGE_LAYOUT_NODES } from '$lib/network/layout';
import {
	WorkerLayout,
	frameOf,
	nodesOf,
	type LayoutWorkerLike,
	type ToLayoutWorker
} from '$lib/network/layout-client';
import type { LayoutNode } from '$lib/network/layout';
import type { ActorId } from '$lib/model/schema';

const id = (i: number) => `a-${i}` as ActorId;

function ring(n: number) {
	return {
		nodes: Array.from({ length: n }, (_, i) => ({ id: id(i), r: 6 })),
		links: Array.from({ length: n }, (_, i) => ({ a: id(i), b: id((i + 1) % n), weight: 1 }))
	};
}

const stops: { stop(): void }[] = [];
afterEach(() => {
	for (const s of stops.splice(0)) s.stop();
});

/** A worker that runs nothing and keeps what the page sends it. */
function fakeWorker(sent: ToLayoutWorker[] = []): LayoutWorkerLike {
	return {
		postMessage: (m: ToLayoutWorker) => void sent.push(m),
		terminate: () => undefined,
		onmessage: null,
		onerror: null
	};
}

/** Resolves once the layout reports that it stopped moving. */
function settledOf(make: (onTick: (nodes: LayoutNode[], settled: boolean) => void) => void) {
	return new Promise<LayoutNode[]>((resolve) => {
		make((nodes, settled) => {
			if (settled) resolve(nodes);
		});
	});
}

describe('layout frames', () => {
	it('carry each node’s place, size and pin, and decode to the same nodes', () => {
		const nodes: LayoutNode[] = [
			{ id: id(0), x: 1.5, y: -2, r: 6 },
			{ id: id(1), x: 10, y: 20, r: 9, fx: 10, fy: 20 }
		];
		const frame = frameOf(nodes, true, 0.3);
		expect(frame.ids).toEqual([id(0), id(1)]);
		expect(frame.heat).toBe(0.3);
		expect(nodesOf(frame.ids ?? [], frame.xyrp)).toEqual(nodes);
		// Without ids: the page keeps the last ones it received.
		expect(frameOf(nodes, false, 0).ids).toBeUndefined();
	});
});

describe('WorkerLayout', () => {
	it('without a worker, lays out on the page and says when it has settled', async () => {
		const nodes = await settledOf((onTick) => {
			const l = new WorkerLayout(onTick, () => undefined);
			stops.push(l);
			l.update(ring(12));
		});
		expect(nodes).toHaveLength(12);
		expect(nodes.every((n) => Number.isFinite(n.x) && Number.isFinite(n.y))).toBe(true);
	});

	it('an update that changes nothing says at once that the layout is still settled', async () => {
		const ticks: boolean[] = [];
		let l: WorkerLayout | undefined;
		await settledOf((onTick) => {
			l = new WorkerLayout(
				(nodes, settled) => {
					ticks.push(settled);
					onTick(nodes, settled);
				},
				() => undefined
			);
			stops.push(l);
			l.update(ring(8));
		});
		const before = ticks.length;
		l?.update(ring(8));
		expect(ticks.slice(before)).toEqual([true]);
		// A real change moves again.
		l?.update(ring(9));
		expect(ticks.at(-1)).toBe(false);
	});

	it('sends the worker its updates, pins and releases, and answers the page from its frames', () => {
		const sent: ToLayoutWorker[] = [];
		const worker = fakeWorker(sent);
		const ticks: { nodes: LayoutNode[]; settled: boolean }[] = [];
		const l = new WorkerLayout(
			(nodes, settled) => ticks.push({ nodes, settled }),
			() => worker
		);
		stops.push(l);
		l.shape(2);
		l.update(ring(3));
		l.pin(id(1), 5, 6);
		l.release(id(1));
		expect(sent.map((m) => m.kind)).toEqual(['shape', 'update', 'pin', 'release']);
		const frame = frameOf(
			[
				{ id: id(0), x: 1, y: 2, r: 6 },
				{ id: id(1), x: 3, y: 4, r: 6 }
			],
			true,
			0.01
		);
		frame.settled = true;
		worker.onmessage?.call(worker as Worker, new MessageEvent('message', { data: frame }));
		expect(ticks).toHaveLength(1);
		expect(ticks[0]?.settled).toBe(true);
		expect(ticks[0]?.nodes.map((n) => [n.id, n.x, n.y])).toEqual([
			[id(0), 1, 2],
			[id(1), 3, 4]
		]);
	});

	it('lays each update out to rest before drawing it when asked for less motion, in the worker or on the page', async () => {
		const sent: ToLayoutWorker[] = [];
		const worker = fakeWorker(sent);
		const inWorker = new WorkerLayout(
			() => undefined,
			() => worker
		);
		stops.push(inWorker);
		inWorker.still = true;
		expect(sent).toEqual([{ kind: 'still', still: true }]);
		// On the page: one drawing, already at rest, straight after the update.
		const ticks: boolean[] = [];
		const onPage = new WorkerLayout(
			(_, settled) => ticks.push(settled),
			() => undefined
		);
		stops.push(onPage);
		onPage.still = true;
		onPage.update(ring(10));
		// Drawn once, and no easing follows (without `still`, ticks go on for a while).
		await new Promise((resolve) => setTimeout(resolve, 150));
		expect(ticks).toHaveLength(1);
		expect(onPage.still).toBe(true);
		const moving: boolean[] = [];
		const eased = new WorkerLayout(
			(_, settled) => moving.push(settled),
			() => undefined
		);
		stops.push(eased);
		eased.update(ring(10));
		await new Promise((resolve) => setTimeout(resolve, 150));
		expect(moving.length).toBeGreaterThan(1);
	});

	it('when the worker fails, lays out the last update on the page', async () => {
		const worker = fakeWorker();
		const nodes = await settledOf((onTick) => {
			const l = new WorkerLayout(onTick, () => worker);
			stops.push(l);
			l.update(ring(10));
			worker.onerror?.call(worker as Worker, { preventDefault: () => undefined } as ErrorEvent);
		});
		expect(nodes.map((n) => n.id).sort()).toEqual(
			ring(10)
				.nodes.map((n) => n.id)
				.sort()
		);
	});
});

describe('a large layout', () => {
	it('opens with its first positions known and finite, past the large-graph threshold', () => {
		const positions: LayoutNode[][] = [];
		const l = new ForceLayout((nodes) => positions.push(nodes));
		stops.push(l);
		const n = LARGE_LAYOUT_NODES + 100;
		const g = ring(n);
		expect(l.update(g)).toBe(true);
		const first = positions.at(-1) ?? [];
		expect(first).toHaveLength(n);
		expect(first.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))).toBe(true);
		// The same input again changes nothing.
		expect(l.update(g)).toBe(false);
	});
});
