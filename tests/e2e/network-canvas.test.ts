/**
 * Every actor of a large window, on request: drawn on a canvas and laid out in a worker, with the
 * same interactions as the SVG drawing (click an actor or a link, click the background to let
 * go), and a list of the actors drawn for the keyboard and screen readers.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from './test';
import { generateFile } from '../fixtures/generate';
import { MAX_DRAWN_ACTORS } from '../../src/lib/state/network.svelte';
import { importGenerated } from './fixtures';

test.use({ viewport: { width: 1366, height: 768 } });

const network = (page: Page) => page.getByTestId('network');

/** Generated events among 300 actors: more than the SVG drawing shows. */
const file = generateFile(3000, 300);

/** Each actor's events and each linked pair in the file. */
function counts() {
	const events = new Map<string, number>();
	const pairs = new Set<string>();
	for (const e of file.events) {
		const ids = [...new Set(e.participants?.map((p) => p.actor))].sort();
		for (const id of ids) events.set(id, (events.get(id) ?? 0) + 1);
		for (const [i, a] of ids.entries()) for (const b of ids.slice(i + 1)) pairs.add(`${a}|${b}`);
	}
	return { events, links: pairs.size };
}

test('draw all: every actor on a canvas, laid out in the background; click, keys and back', async ({
	page
}) => {
	test.setTimeout(120_000);
	await importGenerated(page, file, 'network');

	const { events, links } = counts();
	const actors = events.size;
	expect(actors).toBeGreaterThan(MAX_DRAWN_ACTORS);
	const summary = network(page).getByTestId('network-summary');
	await expect(summary).toContainText(`The busiest ${MAX_DRAWN_ACTORS} of ${actors} actors`);
	await expect(network(page).locator('.node')).toHaveCount(MAX_DRAWN_ACTORS);

	await network(page).getByTestId('network-draw-all').click();
	const canvas = network(page).getByTestId('network-canvas');
	await expect(canvas).toHaveAttribute('data-actors', String(actors));
	await expect(canvas).toHaveAttribute('data-links', String(links));
	await expect(summary).toHaveText(
		`${actors} actors, ${links.toLocaleString('en')} links in the window`
	);
	// No SVG drawing beside it.
	await expect(network(page).locator('svg .node')).toHaveCount(0);
	await expect(canvas).toHaveAttribute('data-layout', 'settled', { timeout: 30_000 });

	// The list names every actor drawn, with its events in the window.
	const list = page.getByTestId('network-actors').getByRole('button');
	await expect(list).toHaveCount(actors);
	const listed = await list.evaluateAll((els) =>
		els.map((el) => ({
			id: el.getAttribute('data-actor-id') ?? '',
			events: Number(el.getAttribute('data-events')),
			x: Number(el.getAttribute('data-x')),
			y: Number(el.getAttribute('data-y')),
			r: Number(el.getAttribute('data-r'))
		}))
	);
	expect(new Map(listed.map((l) => [l.id, l.events]))).toEqual(events);

	// A click on a node on the canvas chooses its actor: a large node clear of every other.
	const box = await canvas.boundingBox();
	if (!box) throw new Error('no canvas');
	const clear = listed.find(
		(l) =>
			l.r >= 4 &&
			l.y > 60 &&
			l.y < box.height - 60 &&
			listed.every((o) => o === l || Math.hypot(o.x - l.x, o.y - l.y) > o.r + l.r + 2)
	);
	if (!clear) throw new Error('no node clear of the others');
	await page.mouse.move(box.x + clear.x, box.y + clear.y);
	await expect(canvas).toHaveCSS('cursor', 'pointer');
	await page.mouse.click(box.x + clear.x, box.y + clear.y);
	const panel = page.getByTestId('actor-panel');
	await expect(panel).toContainText(`Actor ${clear.id.replace('actor-', '')}`);
	await expect(panel).toContainText(`${clear.events.toLocaleString('en')} event`);
	await expect(list.and(page.locator(`[data-actor-id="${clear.id}"]`))).toHaveAttribute(
		'aria-pressed',
		'true'
	);
	// Its links are listed for the keyboard, each with the chosen actor at one end.
	const linkButtons = page.getByTestId('network-links').getByRole('button');
	expect(await linkButtons.count()).toBeGreaterThan(0);
	const ends = await linkButtons.evaluateAll((els) =>
		els.map((el) => [el.getAttribute('data-source'), el.getAttribute('data-target')])
	);
	expect(ends.every(([a, b]) => a === clear.id || b === clear.id)).toBe(true);
	// A link from the list opens its panel.
	await linkButtons.first().dispatchEvent('click');
	await expect(page.getByTestId('edge-panel')).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(page.getByTestId('edge-panel')).toHaveCount(0);

	// The background lets the actor go: the corner of the canvas, clear of every node.
	const corner = { x: box.width - 5, y: 60 };
	expect(listed.every((o) => Math.hypot(o.x - corner.x, o.y - corner.y) > o.r + 12)).toBe(true);
	await page.mouse.click(box.x + corner.x, box.y + corner.y);
	await expect(panel).toHaveCount(0);

	// From the keyboard: one tab stop in the list, arrows move along it, Enter chooses.
	const first = list.first();
	await expect(first).toHaveAttribute('tabindex', '0');
	await expect(list.nth(1)).toHaveAttribute('tabindex', '-1');
	await first.focus();
	await page.keyboard.press('ArrowDown');
	await expect(list.nth(1)).toBeFocused();
	await page.keyboard.press('Enter');
	const second = listed[1];
	if (!second) throw new Error('one actor only');
	await expect(panel).toContainText(`Actor ${second.id.replace('actor-', '')}`);

	// A picture of the canvas: a PNG of the drawing at twice its size, with the caption under it;
	// no SVG, and the export says how to get one.
	await page.keyboard.press('Escape');
	await page.getByTestId('export-open').click();
	const exporter = page.getByTestId('export-dialog');
	await expect(exporter.getByRole('button', { name: 'Network (SVG)' })).toBeDisabled();
	await expect(exporter.getByTestId('export-network-canvas')).toHaveText(
		'The network draws every actor on a canvas: its picture is a PNG. For an SVG picture, choose “Draw the busiest” in the network.'
	);
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		exporter.getByRole('button', { name: 'Network (PNG)' }).click()
	]);
	expect(download.suggestedFilename()).toMatch(/network.*\.png$/);
	const bytes = readFileSync(await download.path());
	expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
	const size = await canvas.evaluate((el) => ({ w: el.clientWidth, h: el.clientHeight }));
	expect(bytes.readUInt32BE(16)).toBe(size.w * 2);
	expect(bytes.readUInt32BE(20)).toBe((size.h + 44) * 2);
	// The node chosen earlier is drawn where the screen has it; the caption band is background.
	const [atNode, inCaption] = await page.evaluate(
		async ({ base64, points }) => {
			// Decoded here, not fetched from a data: address (the page's policy allows no such fetch).
			const blob = new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], {
				type: 'image/png'
			});
			const bitmap = await createImageBitmap(blob);
			const ctx = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d');
			if (!ctx) throw new Error('no canvas');
			ctx.drawImage(bitmap, 0, 0);
			return points.map(([x, y]) => [...ctx.getImageData(x ?? 0, y ?? 0, 1, 1).data]);
		},
		{
			base64: bytes.toString('base64'),
			points: [
				[Math.round(clear.x * 2), Math.round(clear.y * 2)],
				[size.w * 2 - 4, (size.h + 40) * 2]
			]
		}
	);
	expect(atNode).not.toEqual(inCaption);
	await exporter.getByRole('button', { name: 'Close', exact: true }).click();
	await expect(exporter).toBeHidden();

	// Back to the busiest, in SVG.
	await network(page).getByTestId('network-draw-busiest').click();
	await expect(canvas).toHaveCount(0);
	await expect(network(page).locator('.node')).toHaveCount(MAX_DRAWN_ACTORS);
});
