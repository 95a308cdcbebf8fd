import { describe, expect, it } from 'vitest';
import {
	batchLinks,
	edgeShape,
	headLength,
	nearestSegment,
	segmentDistance,
	type LinkLook
} from '$lib/graph/geometry';

const a = { x: 0, y: 0, r: 10 };
const b = { x: 100, y: 0, r: 20 };

describe('the shape of a link', () => {
	it('runs from rim to rim, a gap away from each node', () => {
		const s = edgeShape(a, b, { toA: false, toB: false, width: 2, gap: 2, maxHead: 12 });
		expect(s?.span).toEqual({ x1: 12, y1: 0, x2: 78, y2: 0 });
		expect(s?.line).toEqual(s?.span);
		expect(s?.heads).toEqual([]);
		// As path data, to the hundredth.
		expect(s?.path).toBe('M12,0L78,0');
		const slanted = edgeShape(
			a,
			{ x: 30, y: 100 / 3, r: 0 },
			{ toA: false, toB: false, width: 1, gap: 0, maxHead: 12 }
		);
		expect(slanted?.path).toMatch(/^M\d+\.\d{1,2},\d+\.\d{1,2}L30,33\.33$/);
	});

	it('an arrowhead grows with the width up to its cap, its tip at the rim', () => {
		expect(headLength(1, 12)).toBe(7);
		expect(headLength(2, 12)).toBe(10);
		expect(headLength(6, 12)).toBe(12);
		const s = edgeShape(a, b, { toA: false, toB: true, width: 2, gap: 2, maxHead: 12 });
		// Tip at 78 (b's rim less the gap), base 10 back, 4.5 either side.
		expect(s?.heads).toEqual(['M78,0L68,4.5L68,-4.5Z']);
		// The line stops inside the arrowhead.
		expect(s?.line.x2).toBeCloseTo(71);
		expect(s?.line.x1).toBe(12);
	});

	it('arrowheads at both ends for links that point both ways', () => {
		const s = edgeShape(a, b, { toA: true, toB: true, width: 1, gap: 2, maxHead: 12 });
		expect(s?.heads).toHaveLength(2);
		expect(s?.heads[1]?.startsWith('M12,0')).toBe(true);
	});

	it('close nodes get small arrowheads; touching nodes get no line', () => {
		const near = { x: 40, y: 0, r: 20 };
		// 6 free between the rims: each head takes at most a third of it.
		const s = edgeShape(a, near, { toA: true, toB: true, width: 4, gap: 2, maxHead: 12 });
		expect(s?.heads[0]).toBe('M18,0L16,3L16,-3Z');
		expect(
			edgeShape(a, { x: 25, y: 0, r: 15 }, { toA: false, toB: true, width: 1, gap: 2, maxHead: 12 })
		).toBeUndefined();
	});
});

describe('finding the link under the pointer', () => {
	const s = { x1: 0, y1: 0, x2: 100, y2: 0 };
	it('measures to the segment, not to its line beyond the ends', () => {
		expect(segmentDistance(50, 3, s)).toBe(3);
		expect(segmentDistance(-3, 4, s)).toBe(5);
		expect(segmentDistance(104, -3, s)).toBe(5);
		expect(segmentDistance(7, 2, { x1: 7, y1: 7, x2: 7, y2: 7 })).toBe(5);
	});

	it('takes the nearest within reach, the later on a tie, and none out of reach', () => {
		const links = [
			{ id: 'low', span: { x1: 0, y1: 0, x2: 100, y2: 0 } },
			{ id: 'high', span: { x1: 0, y1: 10, x2: 100, y2: 10 } },
			{ id: 'again', span: { x1: 0, y1: 10, x2: 100, y2: 10 } },
			{ id: 'gone', span: undefined }
		];
		const at = (x: number, y: number) => nearestSegment(x, y, links, (l) => l.span, 5)?.id;
		expect(at(50, 2)).toBe('low');
		expect(at(50, 7)).toBe('again');
		expect(at(50, 5.5)).toBe('again');
		expect(at(50, 16)).toBeUndefined();
		expect(at(150, 0)).toBeUndefined();
	});
});

describe('drawing many links as a few paths', () => {
	const line = (y: number, heads: string[] = []) => ({
		line: { x1: 0, y1: y, x2: 10.123, y2: y },
		span: { x1: 0, y1: y, x2: 12, y2: y },
		path: `M0,${y}L10.12,${y}`,
		heads
	});
	const look = (tier: LinkLook['tier'], widthPx: number, claims = false): LinkLook => ({
		tier,
		widthPx,
		claims
	});

	it('groups links that look alike, and paints dimmed first and lit last', () => {
		const batches = batchLinks([
			{ shape: line(1, ['M1,1L2,2L3,3Z']), look: look('lit', 2) },
			{ shape: line(2), look: look('plain', 1.1) },
			{ shape: line(3), look: look('plain', 0.9) },
			{ shape: line(4), look: look('dim', 3) },
			{ shape: line(5), look: look('plain', 1, true) },
			{ shape: line(6), look: look('plain', 4.8) }
		]);
		expect(batches.map((b) => [b.key, b.count])).toEqual([
			['dim-sure-3', 1],
			['plain-sure-1', 2],
			['plain-sure-5', 1],
			['plain-claims-1', 1],
			['lit-sure-2', 1]
		]);
		expect(batches[1]?.lines).toBe('M0,2L10.12,2M0,3L10.12,3');
		expect(batches[1]?.heads).toBe('');
		expect(batches[4]?.heads).toBe('M1,1L2,2L3,3Z');
		// Every link is drawn once.
		expect(batches.reduce((n, b) => n + b.count, 0)).toBe(6);
	});

	it('draws nothing for no links', () => {
		expect(batchLinks([])).toEqual([]);
	});
});
