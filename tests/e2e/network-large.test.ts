/**
 * A network with hundreds of links: links are drawn as a few paths, named one by one in a list
 * beside the drawing, and a click on a link still selects that link.
 */
import { expect, test, type Page } from './test';
import { generateFile } from '../fixtures/generate';
import { edgeShape, segmentDistance } from '../../src/lib/graph/geometry';
import { BATCH_LINKS } from '../../src/lib/state/network.svelte';
import { importGenerated, networkNodes } from './fixtures';

test.use({ viewport: { width: 1366, height: 768 } });

const network = (page: Page) => page.getByTestId('network');

/** Generated events among 40 actors: more links than {@link BATCH_LINKS}. */
const file = generateFile(3000, 40);

/** The actors each generated event links, pair by pair, with their count of shared events. */
function pairs(): Map<string, number> {
	const weights = new Map<string, number>();
	for (const e of file.events) {
		const ids = [...new Set(e.participants?.map((p) => p.actor))].sort();
		for (const [i, a] of ids.entries())
			for (const b of ids.slice(i + 1))
				weights.set(`${a}|${b}`, (weights.get(`${a}|${b}`) ?? 0) + 1);
	}
	return weights;
}

test('hundreds of links: drawn as paths, listed by name, and a click picks the link under it', async ({
	page
}) => {
	test.setTimeout(90_000);
	await importGenerated(page, file, 'network');

	// Every linked pair of the file shares events in the whole range: all are drawn.
	const weights = pairs();
	const links = weights.size;
	expect(links).toBeGreaterThan(BATCH_LINKS);
	const summary = network(page).getByTestId('network-summary');
	await expect(summary).toHaveText(`40 actors, ${links.toLocaleString('en')} links in the window`);
	const edges = network(page).locator('g.edges.batched');
	await expect(edges).toHaveAttribute('data-links', String(links));
	// No element per link in the drawing: a few paths, whose counts add up to the links drawn.
	await expect(network(page).locator('g.edge')).toHaveCount(0);
	const counts = await edges
		.locator('g.batch')
		.evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-count'))));
	expect(counts.length).toBeLessThan(20);
	// (A link between two nodes that touch has no line to draw, as with one element per link.)
	const painted = counts.reduce((n, c) => n + c, 0);
	expect(painted).toBeLessThanOrEqual(links);
	expect(painted).toBeGreaterThan(links * 0.9);

	// The list names each drawn link with its weight from the data.
	const list = page.getByTestId('network-links').getByRole('button');
	await expect(list).toHaveCount(links);
	const listed = await list.evaluateAll((els) =>
		els.map((el) => ({
			a: el.getAttribute('data-source') ?? '',
			b: el.getAttribute('data-target') ?? '',
			weight: Number(el.getAttribute('data-weight')),
			name: el.textContent ?? ''
		}))
	);
	expect(new Map(listed.map((l) => [`${l.a}|${l.b}`, l.weight]))).toEqual(weights);
	expect(listed[0]?.name).toMatch(/^Actor \d+ – Actor \d+: [\d,]+ shared events/);

	// Choose the busiest actor: its links light up and are the ones a click finds first.
	const hub = network(page).locator('.node').first();
	const hubId = (await hub.getAttribute('data-actor-id')) ?? '';
	// From the keyboard: in a crowded drawing a neighbour's disc may cover part of the hub's.
	await hub.focus();
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('actor-panel')).toBeVisible();
	await page.waitForTimeout(1200);
	const circles = await networkNodes(page);
	const at = new Map(circles.map((c) => [c.id, c]));
	const spans = listed
		.filter((l) => l.a === hubId || l.b === hubId)
		.flatMap((l) => {
			const a = at.get(l.a);
			const b = at.get(l.b);
			const shape =
				a && b
					? edgeShape(a, b, { toA: false, toB: false, width: 1, gap: 2, maxHead: 11 })
					: undefined;
			return shape ? [{ ...l, span: shape.span }] : [];
		});
	expect(spans.length).toBeGreaterThan(10);
	// For each link, a point along it clear of every other link of the hub and of every node.
	const clearOf = (s: (typeof spans)[number]) =>
		[0.5, 0.6, 0.4, 0.7, 0.3, 0.8, 0.2, 0.9, 0.1]
			.map((f) => ({
				...s,
				x: s.span.x1 + (s.span.x2 - s.span.x1) * f,
				y: s.span.y1 + (s.span.y2 - s.span.y1) * f
			}))
			.find(
				(p) =>
					spans.every((o) => o === s || segmentDistance(p.x, p.y, o.span) > 6) &&
					circles.every((c) => Math.hypot(c.x - p.x, c.y - p.y) > c.r + 2)
			);
	const clear = spans.flatMap((s) => clearOf(s) ?? []).slice(0, 3);
	expect(clear.length).toBeGreaterThanOrEqual(2);
	const panel = page.getByTestId('edge-panel');
	for (const s of clear) {
		await page.mouse.move(s.x, s.y);
		await expect(network(page).locator('svg')).toHaveCSS('cursor', 'pointer');
		await page.mouse.click(s.x, s.y);
		await expect(panel).toHaveAttribute('data-source', s.a);
		await expect(panel).toHaveAttribute('data-target', s.b);
		await expect(panel.getByTestId('edge-event-count')).toContainText(
			`${s.weight.toLocaleString('en')} shared event`
		);
		// The chosen link is lit: one link in the highlighted paths.
		await expect(
			network(page)
				.locator('g.batch.lit')
				.evaluateAll((els) => els.reduce((n, el) => n + Number(el.getAttribute('data-count')), 0))
		).resolves.toBe(1);
		// Escape lets the link go; the actor stays chosen.
		await page.keyboard.press('Escape');
		await expect(panel).toHaveCount(0);
		await expect(page.getByTestId('actor-panel')).toBeVisible();
	}

	// The list works as buttons too: choosing a link there opens it. The heaviest link's panel
	// lists its first 100 events, and more on request.
	const heaviest = [...listed].sort((p, q) => q.weight - p.weight)[0];
	if (!heaviest) throw new Error('no links');
	expect(heaviest.weight).toBeGreaterThan(100);
	await page
		.getByTestId('network-links')
		.locator(`button[data-source="${heaviest.a}"][data-target="${heaviest.b}"]`)
		.dispatchEvent('click');
	await expect(panel).toHaveAttribute('data-source', heaviest.a);
	await expect(panel).toHaveAttribute('data-target', heaviest.b);
	const rows = panel.locator('ul.events > li');
	await expect(rows).toHaveCount(100);
	const rest = heaviest.weight - 100;
	const more = panel.getByRole('button', { name: /^Show \d+ more events? \(of / });
	await expect(more).toHaveText(
		`Show ${Math.min(100, rest)} more event${Math.min(100, rest) === 1 ? '' : 's'} (of ${heaviest.weight})`
	);
	await more.click();
	await expect(rows).toHaveCount(Math.min(200, heaviest.weight));
});

test('until the timeline has drawn, a large network says it is drawing and a long table that it is listing, never a count of nothing', async ({
	page
}) => {
	test.setTimeout(90_000);
	const many = generateFile(6000, 40);
	await importGenerated(page, many, 'waiting');
	// Hold back vis-timeline's code on the next load (the one chunk with its item internals):
	// the views wait for the timeline's first drawing.
	let release: () => void = () => {};
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/*.js', async (route) => {
		const response = await route.fetch();
		const body = await response.text();
		if (body.includes('_getDomComponentsSizes')) await held;
		await route.fulfill({ response, body });
	});
	await page.reload();

	const summary = network(page).getByTestId('network-summary');
	await expect(summary).toHaveText('Drawing the network…');
	await expect(network(page).getByTestId('network-pending')).toHaveText('Drawing the network…');
	await expect(network(page).getByTestId('network-empty')).toHaveCount(0);
	await page.getByRole('tab', { name: 'Table' }).click();
	await expect(page.getByTestId('table-waiting')).toHaveText('Listing the events…');
	// The count is already the data's.
	await expect(page.getByTestId('event-count')).toHaveText(/^6,000 of 6,086 events$/);

	release();
	await expect(page.locator('[data-testid=timeline] .vis-item').first()).toBeAttached();
	await expect(page.getByTestId('table-waiting')).toHaveCount(0);
	await expect(
		page.getByTestId('event-table').locator('tbody tr[data-event-id]').first()
	).toBeVisible();
	await page.getByRole('tab', { name: 'Network' }).click();
	await expect(summary).toHaveText(
		/^The busiest \d+ of 40 actors|^40 actors, [\d,]+ links in the window$/
	);
	await expect(network(page).getByTestId('network-pending')).toHaveCount(0);
});
