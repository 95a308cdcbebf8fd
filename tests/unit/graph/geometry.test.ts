import { describe, expect, it } from 'vitest';
import { edgeShape, headLength } from '$lib/graph/geometry';

const a = { x: 0, y: 0, r: 10 };
const b = { x: 100, y: 0, r: 20 };

describe('the shape of a link', () => {
	it('runs from rim to rim, a gap away from each node', () => {
		const s = edgeShape(a, b, { toA: false, toB: false, width: 2, gap: 2, maxHead: 12 });
		expect(s?.span).toEqual({ x1: 12, y1: 0, x2: 78, y2: 0 });
		expect(s?.line).toEqual(s?.span);
		expect(s?.heads).toEqual([]);
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
