import { expect, test, type Page } from './test';

const timeline = (page: Page) => page.getByTestId('timeline');

/** The main timeline's window, from its public test hooks. */
async function windowOf(page: Page): Promise<{ start: number; end: number }> {
	const el = timeline(page);
	const start = await el.getAttribute('data-window-start');
	const end = await el.getAttribute('data-window-end');
	if (!start || !end) throw new Error('the timeline exposes no window');
	return { start: Date.parse(start), end: Date.parse(end) };
}

const width = (w: { start: number; end: number }) => w.end - w.start;

async function open(page: Page, query = '') {
	await page.goto(`/${query}`);
	await expect(timeline(page).locator('[data-event-id], [data-cluster]').first()).toBeAttached();
}

/** The drawing area of vis-timeline (right of the lane labels). */
const centre = (page: Page) => timeline(page).locator('.vis-panel.vis-center');

test('wheel zoom narrows the window around the pointer', async ({ page }) => {
	await open(page);
	const before = await windowOf(page);
	const box = await centre(page).boundingBox();
	if (!box) throw new Error('no timeline panel');
	const x = box.x + box.width * 0.75;
	const fraction = 0.75;
	const anchor = before.start + width(before) * fraction;
	await page.mouse.move(x, box.y + 40);
	await page.mouse.wheel(0, -400);
	await expect.poll(async () => width(await windowOf(page))).toBeLessThan(width(before) * 0.9);
	const after = await windowOf(page);
	// The instant under the pointer stays under the pointer (within 2% of the window).
	const anchorAfter = after.start + width(after) * fraction;
	expect(Math.abs(anchorAfter - anchor) / width(before)).toBeLessThan(0.02);
});

test('keyboard: + and − zoom, 0 fits all, arrows pan', async ({ page }) => {
	await open(page);
	const all = await windowOf(page);
	await timeline(page).focus();
	await page.keyboard.press('+');
	await expect.poll(async () => width(await windowOf(page))).toBeCloseTo(width(all) / 2, -6);
	await page.keyboard.press('+');
	const quarter = await windowOf(page);
	expect(width(quarter)).toBeCloseTo(width(all) / 4, -6);
	await page.keyboard.press('ArrowRight');
	const panned = await windowOf(page);
	expect(panned.start - quarter.start).toBeCloseTo(width(quarter) * 0.2, -6);
	await page.keyboard.press('-');
	await expect.poll(async () => width(await windowOf(page))).toBeCloseTo(width(all) / 2, -6);
	await page.keyboard.press('0');
	await expect.poll(() => windowOf(page)).toEqual(all);
});

test('presets and the on-screen buttons', async ({ page }) => {
	await open(page);
	await page.getByRole('button', { name: 'Year', exact: true }).click();
	await expect.poll(async () => Math.round(width(await windowOf(page)) / 86_400_000)).toBe(365);
	await page.getByRole('button', { name: 'Zoom out' }).click();
	await expect.poll(async () => Math.round(width(await windowOf(page)) / 86_400_000)).toBe(730);
	await page.getByRole('button', { name: 'Week', exact: true }).click();
	await expect.poll(async () => Math.round(width(await windowOf(page)) / 86_400_000)).toBe(7);
	// The axis adapts: at a week it shows days.
	await expect(timeline(page).locator('.vis-time-axis .vis-text.vis-minor').first()).toHaveText(
		/^\w{3} \d{1,2}$|^\d{1,2}$/
	);
});

test('a brush drag moves the main window, and a main zoom moves the brush', async ({ page }) => {
	await open(page);
	await page.getByRole('button', { name: 'Year', exact: true }).click();
	const before = await windowOf(page);
	const selection = page.getByTestId('overview').locator('.brush .selection');
	const sel = await selection.boundingBox();
	if (!sel) throw new Error('no brush');
	await page.mouse.move(sel.x + sel.width / 2, sel.y + sel.height / 2);
	await page.mouse.down();
	await page.mouse.move(sel.x + sel.width / 2 - 120, sel.y + sel.height / 2, { steps: 6 });
	await page.mouse.up();
	const after = await windowOf(page);
	expect(after.start).toBeLessThan(before.start);
	expect(width(after)).toBeCloseTo(width(before), -7);

	const brushBefore = await selection.boundingBox();
	await timeline(page).focus();
	await page.keyboard.press('-');
	await expect
		.poll(async () => (await selection.boundingBox())?.width ?? 0)
		.toBeGreaterThan((brushBefore?.width ?? 0) * 1.5);
});

test('clicking the overview recentres the window there', async ({ page }) => {
	await open(page);
	await page.getByRole('button', { name: 'Year', exact: true }).click();
	const w = await windowOf(page);
	const strip = await page.getByTestId('overview').locator('svg').boundingBox();
	if (!strip) throw new Error('no overview');
	await page.mouse.click(strip.x + 20, strip.y + 20);
	const after = await windowOf(page);
	expect(after.start).toBeLessThan(w.start);
	expect(width(after)).toBeCloseTo(width(w), -7);
});

test('clicking the Kim–Putin summit opens its details with its source link; Escape closes', async ({
	page
}) => {
	await open(page, '?from=2023-09-08T00:00:00.000Z&to=2023-09-20T00:00:00.000Z');
	const item = timeline(page).locator('[data-event-id="kim-putin-vostochny-2023"]').first();
	await item.click();
	const details = page.getByTestId('event-details');
	await expect(details.locator('h2')).toHaveText(
		'Kim Jong Un and Putin hold summit at Vostochny Cosmodrome'
	);
	await expect(details).toContainText('13 Sept 2023');
	await expect(details).toContainText('Vostochny Cosmodrome, Amur Oblast, Russia');
	await expect(details.locator('a[href^="https://"]').first()).toBeVisible();
	// Every copy of the event is highlighted.
	await expect(timeline(page).locator('.vis-item.t-selected')).toHaveCount(
		await timeline(page).locator('[data-event-id="kim-putin-vostochny-2023"]').count()
	);
	await page.keyboard.press('Escape');
	await expect(details.locator('h2')).toHaveCount(0);
});

test('a hover shows the title and the date', async ({ page }) => {
	await open(page, '?from=2023-09-08T00:00:00.000Z&to=2023-09-20T00:00:00.000Z');
	await timeline(page).locator('[data-event-id="kim-putin-vostochny-2023"]').first().hover();
	await expect(page.getByRole('tooltip')).toContainText('13 Sept 2023');
});

test('the view is in the URL: reload restores window and selection; back steps through selections', async ({
	page
}) => {
	await open(page, '?from=2023-09-08T00:00:00.000Z&to=2023-09-20T00:00:00.000Z&lanes=kind');
	await expect(timeline(page)).toHaveAttribute('data-window-start', '2023-09-08T00:00:00.000Z');
	await expect(timeline(page)).toHaveAttribute('data-grouping', 'kind');
	await timeline(page).locator('[data-event-id="kim-putin-vostochny-2023"]').first().click();
	await expect(page).toHaveURL(/event=kim-putin-vostochny-2023/);
	await timeline(page).focus();
	await page.keyboard.press('ArrowRight');
	const details = page.getByTestId('event-details');
	const second = await details.locator('h2').getAttribute('data-event-id');
	expect(second).not.toBe('kim-putin-vostochny-2023');
	await expect(page).toHaveURL(new RegExp(`event=${second}`));

	await page.goBack();
	await expect(details.locator('h2')).toHaveAttribute('data-event-id', 'kim-putin-vostochny-2023');

	const w = await windowOf(page);
	await page.waitForTimeout(600); // the URL follows the window once it settles
	await page.reload();
	await expect(details.locator('h2')).toHaveAttribute('data-event-id', 'kim-putin-vostochny-2023');
	await expect(timeline(page)).toHaveAttribute('data-grouping', 'kind');
	expect(await windowOf(page)).toEqual(w);
});

test('a bad link is explained, not obeyed', async ({ page }) => {
	await open(page, '?from=yesterday&to=tomorrow&lanes=colour&event=no-such-event');
	await expect(page.getByTestId('notice')).toContainText(
		'Part of the link was not understood and was ignored: the time window, the lane grouping.'
	);
	await expect(page.getByTestId('notice')).toContainText('No event has the id “no-such-event”.');
	await expect(timeline(page)).toHaveAttribute('data-grouping', 'actor');
});

test('zoomed out, crowded lanes show counts; clicking a count zooms in', async ({ page }) => {
	await open(page);
	const cluster = timeline(page).locator('[data-cluster]').first();
	const count = Number(await cluster.getAttribute('data-cluster'));
	expect(count).toBeGreaterThan(2);
	await expect(cluster).toHaveText(`${count} events`);
	const before = await windowOf(page);
	await cluster.click();
	await expect.poll(async () => width(await windowOf(page))).toBeLessThan(width(before) / 2);
});

test('denied and imprecise events are drawn so a reader can tell', async ({ page }) => {
	// 2021: the reported Trump–Putin calls (denied, 2021–2024) and the one Musk–Putin call (year precision).
	await open(page, '?from=2021-01-01T00:00:00.000Z&to=2022-01-01T00:00:00.000Z&lanes=none');
	const denied = timeline(page).locator('.vis-item', {
		has: page.locator('[data-event-id="trump-putin-calls-after-presidency"]')
	});
	await expect(denied).toHaveClass(/t-conf-denied/);
	await expect(denied.locator('.t-item-text')).toHaveCSS('text-decoration-line', 'line-through');
	const yearOnly = timeline(page).locator('.vis-item', {
		has: page.locator('[data-event-id="musk-putin-phone-call-2021"]')
	});
	await expect(yearOnly).toHaveClass(/t-imprecise/);
	await expect(yearOnly).toHaveClass(/vis-range/);
	await expect(yearOnly).toHaveCSS('border-left-style', 'dotted');
});

test('a shared link opened on the very first start selects its event', async ({ page }) => {
	await open(page, '?event=kim-putin-vostochny-2023&lanes=country');
	await expect(page.getByTestId('event-details').locator('h2')).toHaveAttribute(
		'data-event-id',
		'kim-putin-vostochny-2023'
	);
	await expect(timeline(page)).toHaveAttribute('data-grouping', 'country');
	await expect(page.getByTestId('notice')).toBeEmpty();
});

test('the axis is in UTC, west of Greenwich too', async ({ page }) => {
	// One UTC day; in Los Angeles local time it would start on the afternoon of the 12th.
	await open(page, '?from=2023-09-13T00:00:00.000Z&to=2023-09-14T00:00:00.000Z');
	const axis = timeline(page).locator('.vis-time-axis');
	await expect(axis.locator('.vis-text.vis-major', { hasText: 'Wed 13 September' })).toHaveCount(1);
	const minor = await axis.locator('.vis-text.vis-minor').allInnerTexts();
	expect(minor.filter((text) => text.trim() !== '').slice(0, 4)).toEqual([
		'00:00',
		'04:00',
		'08:00',
		'12:00'
	]);
});

test('a link to an event whose id two datasets share names the dataset and opens the right one', async ({
	page
}) => {
	const file = {
		format: 'trama',
		version: 1,
		dataset: { id: 'dup', name: 'Duplicates' },
		events: [
			{
				id: 'kim-putin-vostochny-2023',
				title: 'Same id, other dataset',
				start: '2024-01-10',
				confidence: 'reported'
			}
		]
	};
	await page.goto('/');
	await page.getByTestId('import-open').click();
	const importer = page.getByTestId('import-dialog');
	await importer.getByTestId('import-paste').fill(JSON.stringify(file));
	await importer.getByRole('button', { name: 'Read the pasted JSON' }).click();
	await importer.getByTestId('import-commit').click();
	await page.getByRole('tab', { name: 'Table' }).click();
	await page.getByTestId('event-filter').fill('Same id, other dataset');
	await page
		.getByTestId('event-table')
		.getByRole('button', { name: 'Same id, other dataset' })
		.click();
	await expect(page).toHaveURL(/event=kim-putin-vostochny-2023&dataset=dup/);
	await page.reload();
	await expect(page.getByTestId('event-details')).toContainText('Same id, other dataset');
	// An id no other dataset uses keeps the short link.
	await page.goto('/?event=xi-putin-2024-05-16-beijing');
	await expect(page.getByTestId('event-details')).toContainText('Beijing');
	await expect(page).not.toHaveURL(/dataset=/);
});

test('the overview’s axis labels are whole, at its edges too', async ({ page }) => {
	await open(page);
	const overview = page.getByTestId('overview');
	const labels = overview.locator('.axis text');
	/** The labels that reach outside the overview's drawing, by their text. */
	const cut = async () => {
		const strip = await overview.locator('svg').boundingBox();
		if (!strip) throw new Error('no overview');
		const out: string[] = [];
		for (const label of await labels.all()) {
			const box = await label.boundingBox();
			if (box && (box.x < strip.x - 0.5 || box.x + box.width > strip.x + strip.width + 0.5))
				out.push((await label.textContent()) ?? '');
		}
		return out;
	};
	await expect(labels.first()).toBeVisible();
	expect(await cut()).toEqual([]);
	// Nothing shown: the overview spans the years before 2024, the first of them at its very edge.
	await page.getByTestId('dataset-list').getByTestId('dataset-visible').uncheck();
	await expect(labels.filter({ hasText: /^2019$/ })).toHaveCount(1);
	expect(await cut()).toEqual([]);
});
