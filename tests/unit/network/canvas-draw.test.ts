import { describe, expect, it } from 'vitest';
import { clip, groupLinks } from '$lib/network/canvas-draw';
import type { LinkLook } from '$lib/graph/geometry';
import type { GraphEdge } from '$lib/graph/graph';
import type { ActorId } from '$lib/model/schema';

const id = (s: string) => s as ActorId;
const edge = (a: string, b: string, weight = 1): GraphEdge =>
	({
		id: `${a}|${b}`,
		a: id(a),
		b: id(b),
		weight,
		relations: [],
		confidence: 'confirmed'
	}) as unknown as GraphEdge;

const nodes = new Map([
	[id('a'), { x: 0, y: 0, r: 10 }],
	[id('b'), { x: 100, y: 0, r: 20 }],
	[id('c'), { x: 0, y: 100, r: 10 }]
]);

describe('links grouped for the canvas', () => {
	const plain: LinkLook = { tier: 'plain', claims: false, widthPx: 1 };

	it('draws links that look alike as one group, dimmed first and lit last', () => {
		const links = [edge('a', 'b'), edge('a', 'c'), edge('b', 'c')];
		const looks = new Map<GraphEdge, LinkLook>([
			[links[0]!, { tier: 'lit', claims: false, widthPx: 3 }],
			[links[1]!, plain],
			[links[2]!, { tier: 'dim', claims: false, widthPx: 1 }]
		]);
		const { groups, spans } = groupLinks(
			links,
			(n) => nodes.get(n),
			() => ({ toA: false, toB: false }),
			(e) => looks.get(e) ?? plain,
			{ scale: 1, headMaxPx: 11 }
		);
		expect(groups.map((g) => [g.tier, g.widthPx, g.lines.length / 4])).toEqual([
			['dim', 1, 1],
			['plain', 1, 1],
			['lit', 3, 1]
		]);
		// Every link drawn can be hit: its span runs rim to rim, two pixels clear of each node.
		expect(spans.get(links[0]!)).toEqual({ x1: 12, y1: 0, x2: 78, y2: 0 });
		expect(spans.size).toBe(3);
	});

	it('sizes widths, gaps and arrowheads for the zoom: the same on screen at any scale', () => {
		const link = edge('a', 'b');
		const at = (scale: number) =>
			groupLinks(
				[link],
				(n) => nodes.get(n),
				() => ({ toA: false, toB: true }),
				() => plain,
				{ scale, headMaxPx: 11 }
			);
		const one = at(1);
		const two = at(2);
		// The gap to the rim halves in the layout's units when the zoom doubles.
		expect(one.spans.get(link)?.x1).toBe(12);
		expect(two.spans.get(link)?.x1).toBe(11);
		// One arrowhead (six numbers), its length in the layout's units halved too: 7 px on screen.
		const length = (g: ReturnType<typeof at>) => {
			const h = g.groups[0]!.heads;
			return (h[0] as number) - (h[2] as number);
		};
		expect(one.groups[0]!.heads).toHaveLength(6);
		expect(length(one)).toBeCloseTo(7);
		expect(length(two)).toBeCloseTo(3.5);
	});

	it('leaves out a link whose actor has no place yet, and one between touching nodes', () => {
		const touching = new Map([
			[id('a'), { x: 0, y: 0, r: 10 }],
			[id('b'), { x: 15, y: 0, r: 10 }]
		]);
		const { groups, spans } = groupLinks(
			[edge('a', 'b'), edge('a', 'z')],
			(n) => touching.get(n),
			() => ({ toA: false, toB: false }),
			() => plain,
			{ scale: 1, headMaxPx: 11 }
		);
		expect(groups).toEqual([]);
		expect(spans.size).toBe(0);
	});
});

describe('a line cut to the view', () => {
	const view = { x0: 0, y0: 0, x1: 100, y1: 50 };

	it('keeps a line inside whole, and cuts one that crosses the edges', () => {
		expect(clip(10, 10, 90, 40, view)).toEqual([10, 10, 90, 40]);
		expect(clip(-100, 25, 200, 25, view)).toEqual([0, 25, 100, 25]);
		const cut = clip(50, -50, 50, 100, view);
		expect(cut).toEqual([50, 0, 50, 50]);
	});

	it('drops a line wholly outside, even one whose box overlaps the view', () => {
		expect(clip(-10, -10, -1, 60, view)).toBeUndefined();
		// Passes the corner: its bounding box overlaps the view, the line does not.
		expect(clip(90, -20, 130, 20, view)).toBeUndefined();
	});
});
