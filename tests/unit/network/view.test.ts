import { describe, expect, it } from 'vitest';
import { placeLabels, type Box } from '$lib/graph/labels';
import { fitTransform, LABEL_BOX_PX } from '$lib/network/view';

describe('the fit of the network into its view', () => {
	// A hub at the top of a crowded drawing: a neighbour on each side and more below it.
	const nodes = [
		{ id: 'hub', x: 0, y: 0, r: 30 },
		{ id: 'left', x: -62, y: 12, r: 28 },
		{ id: 'right', x: 64, y: 14, r: 28 },
		{ id: 'below-l', x: -30, y: 62, r: 22 },
		{ id: 'below-r', x: 28, y: 64, r: 22 },
		{ id: 'low', x: 0, y: 120, r: 20 }
	];
	const area: Box = { x0: 0, y0: 40, x1: 760, y1: 240 };

	it('keeps a label’s height free above the highest node and below the lowest', () => {
		const fit = fitTransform(nodes, area)!;
		const top = Math.min(...nodes.map((n) => (n.y - n.r) * fit.k + fit.y));
		const bottom = Math.max(...nodes.map((n) => (n.y + n.r) * fit.k + fit.y));
		expect(top - area.y0).toBeGreaterThanOrEqual(LABEL_BOX_PX);
		expect(area.y1 - bottom).toBeGreaterThanOrEqual(LABEL_BOX_PX);
		// Still as large as the height allows: the drawing fills it but for those two lines.
		expect(bottom - top).toBeGreaterThan(area.y1 - area.y0 - 2 * LABEL_BOX_PX - 20);
	});

	it('lets the hub at the top of a crowded drawing have its name, above it', () => {
		const fit = fitTransform(nodes, area)!;
		const discs = nodes.map((n) => ({
			id: n.id,
			x: n.x * fit.k + fit.x,
			y: n.y * fit.k + fit.y,
			r: n.r * fit.k
		}));
		const placed = placeLabels(
			discs.map((d) => ({ ...d, width: 96, priority: d.r })),
			discs,
			{ height: LABEL_BOX_PX, gap: 3, margin: 3, bounds: { ...area, x0: 6, x1: 754 } }
		);
		const hub = placed.find((p) => p.id === 'hub');
		const disc = discs[0]!;
		expect(hub).toBeDefined();
		expect(hub!.box.y1).toBeLessThanOrEqual(disc.y - disc.r);
		expect(hub!.box.y0).toBeGreaterThanOrEqual(area.y0);
	});
});
