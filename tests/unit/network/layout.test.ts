import { afterEach, describe, expect, it, vi } from 'vitest';
import { ForceLayout, LARGE_LAYOUT_LINKS, SAME_SHAPE_HEAT } from '$lib/network/layout';
import type { ActorId } from '$lib/model/schema';

const id = (i: number) => `a-${i}` as ActorId;

/** `n` actors, each linked to the next `k` (a ring of chords): n × k links. */
function graph(n: number, k: number) {
	const nodes = Array.from({ length: n }, (_, i) => ({ id: id(i), r: 8 }));
	const links = [];
	for (let i = 0; i < n; i++)
		for (let j = 1; j <= k; j++) links.push({ a: id(i), b: id((i + j) % n), weight: 1 });
	return { nodes, links };
}

const layouts: ForceLayout[] = [];
afterEach(() => {
	for (const l of layouts.splice(0)) l.stop();
});

function layout() {
	const positions: { id: ActorId; x: number; y: number }[][] = [];
	const l = new ForceLayout((nodes) => positions.push(nodes.map((n) => ({ ...n }))));
	layouts.push(l);
	return { l, positions };
}

describe('ForceLayout updates', () => {
	it('a large graph’s new window is laid out to rest at once and drawn once, not eased over frames', async () => {
		const { l, positions } = layout();
		const first = graph(100, 4);
		expect(first.links.length).toBeGreaterThan(LARGE_LAYOUT_LINKS);
		// The first layout too.
		l.update(first);
		expect(l.settled).toBe(true);
		expect(positions).toHaveLength(1);
		// A new window: ten more actors.
		const next = graph(110, 4);
		const before = positions.length;
		l.update(next);
		expect(l.settled).toBe(true);
		expect(positions).toHaveLength(before + 1);
		// The positions reported include every new actor, placed.
		const last = positions.at(-1) ?? [];
		expect(last).toHaveLength(110);
		expect(last.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))).toBe(true);
		// Nothing moves on the frames after.
		await new Promise((r) => setTimeout(r, 100));
		expect(positions).toHaveLength(before + 1);
	});

	it('a small graph’s new window eases in over the coming frames, as before', () => {
		const { l } = layout();
		l.update(graph(20, 2));
		l.update(graph(22, 2));
		expect(l.heat).toBeCloseTo(0.3, 5);
	});

	it('with less motion asked for, each window is laid out to rest and drawn once', async () => {
		const { l, positions } = layout();
		l.still = true;
		l.update(graph(20, 2));
		expect(positions).toHaveLength(1);
		expect(l.settled).toBe(true);
		l.update(graph(22, 2));
		expect(positions).toHaveLength(2);
		expect(l.settled).toBe(true);
		// Nothing moves on the frames after.
		await new Promise((r) => setTimeout(r, 100));
		expect(positions).toHaveLength(2);
	});

	it('the same actors and links with new sizes and weights get a nudge, not a new arrangement', async () => {
		const { l, positions } = layout();
		const first = graph(20, 2);
		l.update(first);
		// Let it settle (the layout ticks on its own timer until it stops).
		await vi.waitFor(() => expect(l.heat).toBeLessThan(0.021), { timeout: 5000, interval: 50 });
		const before = (positions.at(-1) ?? []).map((p) => [p.id, p.x, p.y]);
		const heavier = {
			nodes: first.nodes.map((n, i) => ({ ...n, r: i === 0 ? 14 : n.r })),
			links: first.links.map((k, i) => ({ ...k, weight: i === 0 ? 5 : 1 }))
		};
		l.update(heavier);
		expect(l.heat).toBeCloseTo(SAME_SHAPE_HEAT, 5);
		// Every actor is where it was: nothing is placed anew.
		expect((positions.at(-1) ?? []).map((p) => [p.id, p.x, p.y])).toEqual(before);
		// One more actor is a new arrangement again.
		l.update(graph(21, 2));
		expect(l.heat).toBeCloseTo(0.3, 5);
	});
});
