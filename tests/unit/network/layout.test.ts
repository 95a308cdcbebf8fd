import { afterEach, describe, expect, it } from 'vitest';
import { ForceLayout, LARGE_LAYOUT_HEAT, LARGE_LAYOUT_LINKS } from '$lib/network/layout';
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
	it('a large graph’s new window starts nearly settled: only the end of the easing is animated', () => {
		const { l, positions } = layout();
		const first = graph(100, 4);
		expect(first.links.length).toBeGreaterThan(LARGE_LAYOUT_LINKS);
		l.update(first);
		// A new window: ten more actors.
		const next = graph(110, 4);
		l.update(next);
		expect(l.heat).toBeLessThanOrEqual(LARGE_LAYOUT_HEAT);
		// The positions reported at once include every new actor, placed.
		const last = positions.at(-1) ?? [];
		expect(last).toHaveLength(110);
		expect(last.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))).toBe(true);
	});

	it('a small graph’s new window eases in over the coming frames, as before', () => {
		const { l } = layout();
		l.update(graph(20, 2));
		l.update(graph(22, 2));
		expect(l.heat).toBeCloseTo(0.3, 5);
	});
});
