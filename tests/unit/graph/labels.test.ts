import { describe, expect, it } from 'vitest';
import {
	boxesTouch,
	candidateBoxes,
	discTouchesBox,
	placeLabels,
	type Box,
	type LabelRequest
} from '$lib/graph/labels';
import { randomLcg } from 'd3';

const H = 15;

function request(id: string, x: number, y: number, r: number, width: number, priority: number) {
	return { id, x, y, r, width, priority } satisfies LabelRequest<string>;
}

describe('label placement', () => {
	it('a lone node is labelled below itself, centred', () => {
		const nodes = [request('a', 100, 100, 10, 40, 1)];
		const [label] = placeLabels(nodes, nodes, { height: H, gap: 3 });
		expect(label?.box).toEqual({ x0: 80, y0: 113, x1: 120, y1: 128 });
	});

	it('a crowded label moves above, then to the side', () => {
		// Two nodes one above the other: the lower label goes below, the upper one above.
		const nodes = [request('busy', 100, 140, 10, 60, 5), request('quiet', 100, 105, 10, 60, 1)];
		const placed = placeLabels(nodes, nodes, { height: H, gap: 3 });
		const box = (id: string) => placed.find((p) => p.id === id)?.box;
		expect(box('busy')?.y0).toBe(153);
		expect(box('quiet')?.y1).toBe(92);
		// A third, squeezed between them on the same column, goes to the side.
		const third = [...nodes, request('third', 100, 60, 10, 60, 0)];
		const side = placeLabels(third, third, {
			height: H,
			gap: 3,
			bounds: { x0: 0, y0: 40, x1: 400, y1: 400 }
		}).find((p) => p.id === 'third');
		expect(side?.box).toEqual({ x0: 113, y0: 52.5, x1: 173, y1: 67.5 });
	});

	it('the busiest are labelled first; one that fits nowhere is left out', () => {
		// Two nodes close side by side in a narrow strip: room for one label only.
		const nodes = [request('small', 100, 20, 8, 120, 2), request('big', 130, 20, 8, 120, 9)];
		const bounds: Box = { x0: 0, y0: 0, x1: 260, y1: 50 };
		const placed = placeLabels(nodes, nodes, { height: H, bounds });
		expect(placed.map((p) => p.id)).toEqual(['big']);
	});

	it('a forced label (hovered, selected) comes first and displaces a busier one', () => {
		const nodes = [request('small', 100, 20, 8, 120, 2), request('big', 130, 20, 8, 120, 9)];
		const bounds: Box = { x0: 0, y0: 0, x1: 260, y1: 50 };
		const forced = nodes.map((n) => (n.id === 'small' ? { ...n, forced: true } : n));
		const placed = placeLabels(forced, nodes, { height: H, bounds });
		expect(placed.map((p) => p.id)).toEqual(['small']);
	});

	it('labels keep clear of obstacles and inside the bounds', () => {
		const nodes = [request('a', 100, 180, 10, 50, 1)];
		const legend: Box = { x0: 0, y0: 190, x1: 300, y1: 220 };
		const [label] = placeLabels(nodes, nodes, {
			height: H,
			bounds: { x0: 0, y0: 0, x1: 300, y1: 220 },
			obstacles: [legend]
		});
		// Below would cover the legend: above instead.
		expect(label?.box.y1).toBeLessThanOrEqual(180 - 10);
		expect(label && boxesTouch(label.box, legend)).toBe(false);
	});

	it('a hub crowded on every side is named across its own disc, covering no other node', () => {
		// A large node ringed by small ones: no place around it is free.
		const hub = request('hub', 200, 200, 20, 60, 10);
		const ring = Array.from({ length: 16 }, (_, i) =>
			request(
				`r${i}`,
				200 + 44 * Math.cos((i / 16) * 2 * Math.PI),
				200 + 44 * Math.sin((i / 16) * 2 * Math.PI),
				5,
				30,
				0
			)
		);
		const nodes = [hub, ...ring];
		const placed = placeLabels([hub], nodes, { height: H, margin: 2 });
		expect(placed).toEqual([
			{ id: 'hub', box: { x0: 170, y0: 200 - H / 2, x1: 230, y1: 200 + H / 2 } }
		]);
		for (const n of ring) expect(discTouchesBox(n, placed[0]!.box, 2)).toBe(false);
	});

	it('on a random crowd, no label overlaps another label or another node', () => {
		const random = randomLcg(42);
		const nodes = Array.from({ length: 300 }, (_, i) =>
			request(
				`n${i}`,
				random() * 800,
				random() * 500,
				3 + random() * 12,
				30 + random() * 90,
				Math.floor(random() * 50)
			)
		);
		const bounds: Box = { x0: 0, y0: 0, x1: 800, y1: 500 };
		const placed = placeLabels(nodes, nodes, { height: H, margin: 2, bounds });
		expect(placed.length).toBeGreaterThan(20);
		expect(placed.length).toBeLessThan(300);
		const faults: string[] = [];
		for (const [i, p] of placed.entries()) {
			if (p.box.x0 < 0 || p.box.y0 < 0 || p.box.x1 > 800 || p.box.y1 > 500) faults.push(p.id);
			for (const q of placed.slice(i + 1))
				if (boxesTouch(p.box, q.box)) faults.push(`${p.id} on ${q.id}`);
			for (const n of nodes)
				if (n.id !== p.id && discTouchesBox(n, p.box)) faults.push(`${p.id} on ${n.id}`);
		}
		expect(faults).toEqual([]);
		// Busiest first: the busiest node that fits is labelled.
		const busiest = [...nodes].sort((p, q) => q.priority - p.priority)[0];
		const free = busiest && candidateBoxes(busiest, busiest.width, H, 3);
		const blocked = free?.every((b) => nodes.some((n) => n !== busiest && discTouchesBox(n, b, 2)));
		if (!blocked) expect(placed.some((p) => p.id === busiest?.id)).toBe(true);
	});
});
