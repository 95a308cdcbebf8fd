import { expect, test, type Locator, type Page } from './test';
import { en as t } from '../../src/lib/i18n/en';
import { ACTOR_KINDS, CONFIDENCES } from '../../src/lib/model/schema';

test.use({ viewport: { width: 1366, height: 768 } });

const timeline = (page: Page) => page.getByTestId('timeline');
const clusters = (page: Page) => timeline(page).locator('[data-cluster]');

async function open(page: Page, theme: 'light' | 'dark' = 'light') {
	await page.addInitScript((value) => localStorage.setItem('trama.theme', value), theme);
	await page.goto('/');
	await expect(timeline(page).locator('[data-event-id], [data-cluster]').first()).toBeAttached({
		timeout: 15000
	});
}

/** The hue (0–360) of a computed `rgb(…)` colour, or undefined for a grey (HSL saturation < 20%). */
function hue(colour: string): number | undefined {
	const [r = 0, g = 0, b = 0] = (colour.match(/[\d.]+/g) ?? []).map(Number).map((v) => v / 255);
	const max = Math.max(r, g, b);
	const min = Math.min(r, g, b);
	const d = max - min;
	const lightness = (max + min) / 2;
	if (d === 0 || d / (1 - Math.abs(2 * lightness - 1)) < 0.2) return undefined;
	const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
	return (h * 60 + 360) % 360;
}

const hueDistance = (a: number, b: number) => Math.min(Math.abs(a - b), 360 - Math.abs(a - b));

const borderColour = (l: Locator) => l.evaluate((el) => getComputedStyle(el).borderTopColor);

test('a cluster click zooms to its members: fewer clusters, each member drawn in view', async ({
	page
}) => {
	await open(page);
	await expect(clusters(page).first()).toBeVisible({ timeout: 15000 });
	const before = await clusters(page).count();
	// The biggest cluster (its members are the least evenly spread) in the lanes in view.
	const panelTop = await timeline(page).locator('.vis-panel.vis-center').boundingBox();
	const boxes = await clusters(page).evaluateAll((els) =>
		els.map((el) => ({
			y: el.getBoundingClientRect().y,
			ids: (el as HTMLElement).dataset.clusterEvents ?? '',
			count: Number((el as HTMLElement).dataset.cluster)
		}))
	);
	const bottom = (panelTop?.y ?? 0) + (panelTop?.height ?? 0) - 20;
	const index = boxes.reduce(
		(best, b, i) => (b.y < bottom && b.count > (boxes[best]?.count ?? 0) ? i : best),
		0
	);
	const target = boxes[index];
	if (!target) throw new Error('no cluster');
	const members = target.ids.split(' ');
	expect(members).toHaveLength(target.count);
	expect(target.count).toBeGreaterThan(1);

	await clusters(page).nth(index).click();

	await expect.poll(() => clusters(page).count(), { timeout: 15000 }).toBeLessThan(before);
	const panel = await timeline(page).locator('.vis-panel.vis-center').boundingBox();
	if (!panel) throw new Error('no timeline panel');
	for (const id of members) {
		// The member is drawn as itself (not inside another cluster), within the drawing area.
		const item = timeline(page).locator(`[data-event-id="${id}"]`).first();
		await expect(item).toBeVisible({ timeout: 15000 });
		const box = await item.boundingBox();
		expect(box?.x ?? -1).toBeGreaterThanOrEqual(panel.x - 1);
		expect(box?.x ?? Infinity).toBeLessThan(panel.x + panel.width);
	}
	// Narrow clusters draw no connector line through the lanes above them.
	await page.getByRole('button', { name: t.timeline.fit }).click();
	await expect(clusters(page).first()).toBeVisible({ timeout: 15000 });
	await expect(timeline(page).locator('.vis-line.t-cluster:visible')).toHaveCount(0);
});

for (const theme of ['light', 'dark'] as const) {
	test(`the legend lists each style with its meaning, in the timeline's own colours (${theme})`, async ({
		page
	}) => {
		await open(page, theme);
		const toggle = page.getByTestId('legend-toggle');
		await expect(toggle).toHaveText(t.legend.toggle);
		await toggle.click();
		const legend = page.getByTestId('timeline-legend');
		await expect(legend).toBeVisible();
		await expect(toggle).toHaveAttribute('aria-expanded', 'true');

		// One row per confidence, with its name and meaning, and a colour of its own.
		const colours = new Map<string, string>();
		for (const c of CONFIDENCES) {
			const row = legend.locator(`[data-legend="confidence-${c}"]`);
			await expect(row).toContainText(t.confidence[c]);
			await expect(row).toContainText(t.confidenceHelp[c]);
			colours.set(c, await borderColour(row.locator('.t-swatch')));
		}
		expect(new Set(colours.values()).size).toBe(CONFIDENCES.length);

		// The samples are coloured as the timeline's items of the same confidence.
		for (const c of CONFIDENCES) {
			const item = timeline(page).locator(`.vis-item.vis-range.t-conf-${c}`).first();
			if ((await item.count()) === 0) continue;
			expect(await borderColour(item)).toBe(colours.get(c));
		}

		// Confidence colours share no hue with the network's actor kinds.
		const kinds = await page
			.locator('.network .legend .swatch')
			.evaluateAll((els) => els.map((el) => getComputedStyle(el).backgroundColor));
		expect(kinds).toHaveLength(ACTOR_KINDS.length);
		for (const [c, colour] of colours) {
			const h = hue(colour);
			if (h === undefined) continue;
			for (const k of kinds) {
				const kh = hue(k);
				if (kh === undefined) continue;
				expect(hueDistance(h, kh), `${c} ${colour} against ${k}`).toBeGreaterThan(25);
			}
		}

		// Each mark says what it means, and looks like what it explains.
		const row = (id: string) => legend.locator(`[data-legend="${id}"]`);
		await expect(row('imprecise')).toContainText('month or the year');
		expect(
			await row('imprecise')
				.locator('.t-swatch')
				.evaluate((el) => getComputedStyle(el).borderTopStyle)
		).toBe('dashed');
		await expect(row('uncertain')).toContainText('approximate date');
		expect(
			await row('uncertain')
				.locator('.t-swatch')
				.evaluate((el) => getComputedStyle(el).borderTopStyle)
		).toBe('dotted');
		await expect(row('uncertain').locator('.t-item-text')).toHaveCSS('font-style', 'italic');
		await expect(row('denied')).toContainText('denied');
		await expect(row('denied').locator('.t-item-text')).toHaveCSS(
			'text-decoration-line',
			'line-through'
		);
		await expect(row('cluster')).toContainText(t.timeline.cluster(5));
		await expect(row('cluster')).toContainText('click to zoom in');
		await expect(row('point')).toContainText('dot');
		await expect(row('dimmed')).toContainText('Faded');

		// Readable: no text under 11 px, and the panel fits the screen.
		const sizes = await legend
			.locator('h3, h4, .meaning, .t-item-text')
			.evaluateAll((els) => els.map((el) => parseFloat(getComputedStyle(el).fontSize)));
		expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11);
		const box = await legend.boundingBox();
		expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(1366);
		expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(768);

		// Escape closes it (and only it).
		await legend.locator('button').first().focus();
		await page.keyboard.press('Escape');
		await expect(legend).toBeHidden();
		await expect(toggle).toHaveAttribute('aria-expanded', 'false');
	});
}

test('a TimelineJS3 file whose groups became tags shows its events on lanes by tag, and the network says how to get actors', async ({
	page
}) => {
	await open(page);
	await page.getByTestId('import-open').click();
	const dialog = page.getByTestId('import-dialog');
	await dialog.getByLabel(t.importer.groupAs.tag).check();
	await dialog.getByTestId('import-file').setInputFiles('static/examples/timelinejs-example.json');
	await dialog.getByTestId('import-commit').click();
	await expect(dialog).toBeHidden({ timeout: 15000 });
	// Only the imported file is shown: hide the default dataset.
	const list = page.getByTestId('dataset-list');
	await list.locator('li', { hasNotText: 'TimelineJS3' }).getByTestId('dataset-visible').uncheck();

	const labels = timeline(page).locator('.vis-labelset .vis-label');
	await expect(labels).toHaveCount(2, { timeout: 15000 });
	await expect(labels.nth(0)).toContainText('Examples');
	await expect(labels.nth(1)).toContainText(t.legend.noTag);
	await expect(timeline(page)).not.toContainText(t.timeline.noActor);
	await expect(page.getByTestId('lane-fallback')).toHaveText(t.legend.lanesBy.tag);
	await expect(clusters(page)).toHaveCount(0);

	// Each event is drawn on its own, in the lane of its tag.
	const lanes: Record<string, number> = {
		'A year-only event': 0,
		'A month-precision event': 0,
		'A four-day event': 1
	};
	for (const [title, lane] of Object.entries(lanes)) {
		const item = timeline(page).locator('.t-item-text', { hasText: title });
		await expect(item).toBeAttached();
		const label = await labels.nth(lane).boundingBox();
		const box = await item.boundingBox();
		if (!label || !box) throw new Error(`${title} is not drawn`);
		const middle = box.y + box.height / 2;
		expect(middle).toBeGreaterThan(label.y);
		expect(middle).toBeLessThan(label.y + label.height);
	}

	await page.getByRole('tab', { name: t.network.tab }).click();
	await expect(page.getByTestId('network-empty')).toHaveText(t.legend.networkNoActors);
});
