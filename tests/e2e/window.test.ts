/**
 * The window a link names is the window drawn: the label, the test hooks of our state
 * (`data-window-*`) and the axis vis-timeline itself draws (`data-axis-*`, read back from
 * vis after each move, and the screen places of its tick labels) agree at first start, on
 * reload and after a wheel step. Also timeline navigation: presets, an actor's lane and events,
 * and a toolbar whose controls never overlap.
 */
import { expect, test, type Locator, type Page } from './test';
import { actorIdsOf } from '../../src/lib/model/events';
import { endMs, startMs, type PartialDate } from '../../src/lib/model/dates';
import { dataDomain } from '../../src/lib/time/zoom';
import { defaultFile, eventsLabel, importGenerated } from './fixtures';

interface Win {
	start: number;
	end: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const width = (w: Win) => w.end - w.start;
const timeline = (page: Page) => page.getByTestId('timeline');
/** The drawing area of vis-timeline (right of the lane labels). */
const centre = (page: Page) => timeline(page).locator('.vis-panel.vis-center');

async function span(el: Locator, prefix: 'window' | 'axis'): Promise<Win | undefined> {
	const start = await el.getAttribute(`data-${prefix}-start`);
	const end = await el.getAttribute(`data-${prefix}-end`);
	return start && end ? { start: Date.parse(start), end: Date.parse(end) } : undefined;
}

/** Our state's window, from the public test hooks. */
async function windowOf(page: Page): Promise<Win> {
	const w = await span(timeline(page), 'window');
	if (!w) throw new Error('the timeline exposes no window');
	return w;
}

/** How far apart two windows are, as a fraction of the width of `b` (the larger end gap). */
function gap(a: Win | undefined, b: Win): number {
	if (!a) return Infinity;
	return Math.max(Math.abs(a.start - b.start), Math.abs(a.end - b.end)) / width(b);
}

/** Waits until the axis vis draws spans `w` within 1%. */
async function expectAxis(page: Page, w: Win): Promise<void> {
	await expect
		.poll(async () => gap(await span(timeline(page), 'axis'), w), { timeout: 15_000 })
		.toBeLessThan(0.01);
}

/** The window shows the expected instants and label, and vis draws exactly that. */
async function expectShown(page: Page, expected: Win, label: string): Promise<void> {
	await expect.poll(() => windowOf(page), { timeout: 15_000 }).toEqual(expected);
	await expect(page.getByTestId('window-label')).toHaveText(label);
	await expectAxis(page, expected);
}

async function open(page: Page, query: string): Promise<void> {
	await page.goto(`/${query}`);
	await expect(timeline(page).locator('.vis-item').first()).toBeAttached({ timeout: 15_000 });
}

/** The screen x where an instant is drawn, if the axis spans `w`. */
async function xOf(page: Page, w: Win, instant: number): Promise<{ x: number; px: number }> {
	const box = await centre(page).boundingBox();
	if (!box) throw new Error('no timeline panel');
	return { x: box.x + ((instant - w.start) / width(w)) * box.width, px: box.width };
}

/** A minor tick label of the axis drawn at `instant` (its left edge, within 1% of the width). */
async function expectTick(page: Page, w: Win, text: string, instant: number): Promise<void> {
	const tick = timeline(page)
		.locator('.vis-time-axis .vis-text.vis-minor')
		.filter({ hasText: new RegExp(`^${text}$`) })
		.first();
	const box = await tick.boundingBox();
	if (!box) throw new Error(`no tick ${text}`);
	const { x, px } = await xOf(page, w, instant);
	expect(Math.abs(box.x - x)).toBeLessThan(px * 0.01);
}

const utc = (y: number, m = 1, d = 1, h = 0) => Date.UTC(y, m - 1, d, h);

/** vis-timeline zooms by 1.2 for one wheel notch (its zoomFriction of 5). */
const WHEEL_FACTOR = 1.2;

const cases: {
	name: string;
	query: string;
	window: Win;
	label: string;
	tick?: { text: string; at: number };
}[] = [
	{
		name: 'one hour',
		query: '?from=2023-09-13T10:00:00.000Z&to=2023-09-13T11:00:00.000Z',
		window: { start: utc(2023, 9, 13, 10), end: utc(2023, 9, 13, 11) },
		label: '13 Sept 2023'
	},
	{
		name: 'one day',
		query: '?from=2023-09-13&to=2023-09-13',
		window: { start: utc(2023, 9, 13), end: utc(2023, 9, 14) },
		label: '13 Sept 2023',
		tick: { text: '12:00', at: utc(2023, 9, 13, 12) }
	},
	{
		name: 'ten days',
		query: '?from=2023-09-10&to=2023-09-19',
		window: { start: utc(2023, 9, 10), end: utc(2023, 9, 20) },
		label: '10 – 19 Sept 2023',
		tick: { text: '13', at: utc(2023, 9, 13) }
	},
	{
		name: 'one month',
		query: '?from=2023-09&to=2023-09',
		window: { start: utc(2023, 9), end: utc(2023, 10) },
		label: '1 – 30 Sept 2023'
	},
	{
		name: 'one year',
		query: '?from=2023&to=2023',
		window: { start: utc(2023), end: utc(2024) },
		label: '1 Jan – 31 Dec 2023',
		tick: { text: 'Jul', at: utc(2023, 7) }
	},
	{
		name: 'ten years',
		query: '?from=2014&to=2023',
		window: { start: utc(2014), end: utc(2024) },
		label: '1 Jan 2014 – 31 Dec 2023',
		tick: { text: '2019', at: utc(2019) }
	}
];

for (const c of cases) {
	test(`a link to ${c.name} draws that window at first start, on reload and after a wheel step`, async ({
		page
	}) => {
		await open(page, c.query);
		await expectShown(page, c.window, c.label);
		if (c.tick) await expectTick(page, c.window, c.tick.text, c.tick.at);

		await page.reload();
		await expect(timeline(page).locator('.vis-item').first()).toBeAttached({ timeout: 15_000 });
		await expectShown(page, c.window, c.label);

		// One wheel notch zooms out around the pointer by vis's factor, from the window shown.
		const box = await centre(page).boundingBox();
		if (!box) throw new Error('no timeline panel');
		await page.mouse.move(box.x + box.width / 2, box.y + 30);
		await page.mouse.wheel(0, 100);
		await expect
			.poll(async () => width(await windowOf(page)), { timeout: 15_000 })
			.toBeGreaterThan(width(c.window) * 1.05);
		const zoomed = await windowOf(page);
		expect(width(zoomed)).toBeLessThanOrEqual(width(c.window) * WHEEL_FACTOR * 1.01);
		// Around the pointer (the middle): the window stays centred where it was.
		expect(
			Math.abs(zoomed.start + width(zoomed) / 2 - (c.window.start + width(c.window) / 2))
		).toBeLessThan(width(c.window) * 0.02);
		await expectAxis(page, zoomed);

		// The address follows once the move settles; a reload shows that zoomed window again.
		await expect
			.poll(() => new URL(page.url()).searchParams.get('from'), { timeout: 15_000 })
			.toBe(new Date(Math.round(zoomed.start)).toISOString());
		const written = await windowOf(page);
		await page.reload();
		await expect(timeline(page).locator('.vis-item').first()).toBeAttached({ timeout: 15_000 });
		await expect.poll(() => windowOf(page), { timeout: 15_000 }).toEqual(written);
		await expectAxis(page, written);
	});
}

test('a wheel zoom-in from a linked window narrows that window, not another one', async ({
	page
}) => {
	await open(page, '?from=2023-09-10&to=2023-09-19');
	const w = { start: utc(2023, 9, 10), end: utc(2023, 9, 20) };
	await expectAxis(page, w);
	const box = await centre(page).boundingBox();
	if (!box) throw new Error('no timeline panel');
	await page.mouse.move(box.x + box.width * 0.3, box.y + 30);
	await page.mouse.wheel(0, -100);
	await expect
		.poll(async () => width(await windowOf(page)), { timeout: 15_000 })
		.toBeLessThan(width(w) * 0.95);
	const after = await windowOf(page);
	expect(width(after)).toBeGreaterThanOrEqual((width(w) / WHEEL_FACTOR) * 0.99);
	// Inside the linked ten days, anchored under the pointer.
	expect(after.start).toBeGreaterThanOrEqual(w.start);
	expect(after.end).toBeLessThanOrEqual(w.end);
	const anchor = w.start + width(w) * 0.3;
	expect(Math.abs(after.start + width(after) * 0.3 - anchor)).toBeLessThan(width(w) * 0.02);
	await expectAxis(page, after);
	await expect(page.getByTestId('window-label')).toHaveText(/Sept 2023$/);
});

test('links take dates as people write them; a bad one is still explained', async ({ page }) => {
	// "to" names a period the window includes: September and October.
	await open(page, '?from=2023-09&to=2023-10');
	await expectShown(page, { start: utc(2023, 9), end: utc(2023, 11) }, '1 Sept – 31 Oct 2023');
	await expect(page.getByTestId('notice')).toBeEmpty();

	await open(page, '?from=2023-09-31&to=2023-10');
	await expect(page.getByTestId('notice')).toContainText(
		'Part of the link was not understood and was ignored: the time window.'
	);
});

test('Year, Month and Week centre on the selected event', async ({ page }) => {
	await open(page, '?event=kim-putin-vostochny-2023');
	const summit = { start: utc(2023, 9, 13), end: utc(2023, 9, 14) };
	const middle = summit.start + DAY / 2;
	for (const [preset, days] of [
		['Year', 365],
		['Month', 30],
		['Week', 7]
	] as const) {
		await page.getByRole('button', { name: preset, exact: true }).click();
		await expect
			.poll(async () => Math.round(width(await windowOf(page)) / DAY), { timeout: 15_000 })
			.toBe(days);
		const w = await windowOf(page);
		expect(Math.abs((w.start + w.end) / 2 - middle)).toBeLessThan(HOUR);
		await expectAxis(page, w);
	}
});

test('Week never lands on an empty stretch when events are in view', async ({ page }) => {
	// The middle of this window (early July 2023) has nothing; the summit is in view, to the right.
	await open(page, '?from=2023-05-10&to=2023-09-15');
	await page.getByRole('button', { name: 'Week', exact: true }).click();
	await expect
		.poll(async () => Math.round(width(await windowOf(page)) / DAY), { timeout: 15_000 })
		.toBe(7);
	const w = await windowOf(page);
	// Something begins in the week (not only the long reported contacts that span it)...
	const begins = defaultFile.events.filter((e) => {
		const start = startMs(e.start);
		return start >= w.start && start < w.end;
	});
	expect(begins.map((e) => e.id)).not.toEqual([]);
	// ...and is drawn there, within the window the user was looking at.
	expect(w.start).toBeGreaterThanOrEqual(utc(2023, 5, 10));
	expect(w.end).toBeLessThanOrEqual(utc(2023, 9, 16));
	await expect(
		timeline(page).locator(`[data-event-id="${begins[0]?.id}"], [data-cluster]`).first()
	).toBeVisible({ timeout: 15_000 });
	await expectAxis(page, w);
});

test('choosing an actor brings its lane into view; Fit shows all its events', async ({ page }) => {
	const kim = 'kim-jong-un';
	const kimEvents = defaultFile.events.filter((e) => actorIdsOf(e).includes(kim as never));
	const first = Math.min(...kimEvents.map((e) => startMs(e.start)));
	const last = Math.max(...kimEvents.map((e) => endMs(e.end ?? e.start)));
	// 2018–19: none of Kim Jong Un's events, and his lane is below the visible ones.
	await open(page, '?from=2018-01&to=2019-12');
	const lane = timeline(page).locator(`.vis-labelset [data-actor-id="${kim}"]`);
	await expect(lane).not.toBeInViewport({ ratio: 0.9 });

	// The table follows the window (none of his events): "Show all" lists them.
	await page.getByRole('tab', { name: 'Table' }).click();
	await page.getByTestId('table-show-all').click();
	await page.getByTestId('event-filter').fill('Kim Jong Un');
	await page.getByTestId('event-table').locator(`button[data-actor-id="${kim}"]`).first().click();
	const panel = page.getByTestId('actor-panel');
	await expect(panel).toHaveAttribute('data-actor-id', kim);
	await expect(lane).toBeInViewport({ ratio: 0.9 });

	const before = await windowOf(page);
	await panel.getByRole('button', { name: 'Fit to this actor’s events' }).click();
	await expect(panel.getByTestId('actor-event-count')).toHaveText(
		`${eventsLabel(kimEvents.length)} in the window`,
		{ timeout: 15_000 }
	);
	const w = await windowOf(page);
	expect(w).not.toEqual(before);
	expect(w.start).toBeLessThanOrEqual(first);
	expect(w.end).toBeGreaterThanOrEqual(last);
	// Fitted: the margin is a small part of the window.
	expect(width(w)).toBeLessThan((last - first) * 1.2 + 2 * DAY);
	await expectAxis(page, w);
	await expect(lane).toBeInViewport({ ratio: 0.9 });
});

test('a link naming an actor shows its lane, and Fit keeps it in view', async ({ page }) => {
	await page.setViewportSize({ width: 1366, height: 768 });
	const kim = 'kim-jong-un';
	await open(page, `?from=2018-01&to=2019-12&actor=${kim}`);
	const lane = timeline(page).locator(`.vis-labelset [data-actor-id="${kim}"]`);
	await expect(page.getByTestId('actor-panel')).toHaveAttribute('data-actor-id', kim);
	await expect(lane).toBeInViewport({ ratio: 0.9 });
	await page.getByRole('button', { name: 'Fit to this actor’s events' }).click();
	await expect(page.getByTestId('actor-event-count')).toHaveText(/^11 events in the window$/, {
		timeout: 15_000
	});
	// The lanes above it stack more in the wider window; its lane is still shown.
	await expect(lane).toBeInViewport({ ratio: 0.9 });
});

test('at 1366×768 the toolbar wraps instead of overlapping', async ({ page }) => {
	await page.setViewportSize({ width: 1366, height: 768 });
	// The longest labels: two days in different months and years.
	await open(page, '?from=2022-09-28&to=2024-09-30');
	await expect(page.getByTestId('window-label')).toHaveText('28 Sept 2022 – 30 Sept 2024');
	const toolbar = page.getByRole('toolbar');
	const controls = toolbar.locator('.seg-label, button, [data-testid="window-label"]');
	const boxes = (await controls.evaluateAll((els) =>
		els.map((el) => {
			const range = document.createRange();
			range.selectNodeContents(el);
			// The label's text, not its box (which is stretched to fill the line).
			const r = el.matches('[data-testid="window-label"]')
				? range.getBoundingClientRect()
				: el.getBoundingClientRect();
			return { name: el.textContent?.trim() ?? '', x: r.x, y: r.y, w: r.width, h: r.height };
		})
	)) as { name: string; x: number; y: number; w: number; h: number }[];
	expect(boxes.length).toBeGreaterThan(10);
	const overlaps: string[] = [];
	for (const [i, a] of boxes.entries()) {
		for (const b of boxes.slice(i + 1)) {
			const apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
			if (!apart) overlaps.push(`${a.name} / ${b.name}`);
		}
	}
	expect(overlaps).toEqual([]);
	// And the toolbar stays within the panel.
	const bar = await toolbar.boundingBox();
	for (const b of boxes) expect(b.x + b.w).toBeLessThanOrEqual((bar?.x ?? 0) + (bar?.width ?? 0));
});

test('new data moves the limits of the window: Fit all then draws the whole of it', async ({
	page
}) => {
	// Years after the default dataset's last event: vis-timeline must be told the new limits,
	// or it keeps the window within the old ones.
	const events = [
		{ id: 'far-1', title: 'First far event', start: '2040-03-01', confidence: 'reported' },
		{ id: 'far-2', title: 'Last far event', start: '2046-07-15', confidence: 'reported' }
	];
	const file = { ...defaultFile, dataset: { id: 'far', name: 'Far' }, actors: [], events };
	await importGenerated(page, file, 'far');
	const expected = dataDomain({
		start: startMs('2040-03-01' as PartialDate),
		end: endMs('2046-07-15' as PartialDate)
	});
	await expect.poll(() => windowOf(page), { timeout: 15_000 }).toEqual(expected);
	await expectAxis(page, expected);
	// A wheel step out stays within them.
	const box = await centre(page).boundingBox();
	if (!box) throw new Error('no timeline panel');
	await page.mouse.move(box.x + box.width / 2, box.y + 30);
	await page.mouse.wheel(0, 100);
	await page.waitForTimeout(300);
	expect(await windowOf(page)).toEqual(expected);
	await expectAxis(page, expected);
});

test('the timeline draws itself again at a new size: the axis spans the wider panel', async ({
	page
}) => {
	await page.setViewportSize({ width: 1366, height: 768 });
	await open(page, '?from=2023-09-13&to=2023-09-13');
	const day = { start: utc(2023, 9, 13), end: utc(2023, 9, 14) };
	await expectTick(page, day, '12:00', utc(2023, 9, 13, 12));
	const before = (await centre(page).boundingBox())?.width ?? 0;
	await page.setViewportSize({ width: 1920, height: 1080 });
	// The panel takes the new width (vis-timeline sizes it itself, when it draws).
	await expect
		.poll(async () => ((await centre(page).boundingBox())?.width ?? 0) - before)
		.toBeGreaterThan(400);
	// The same window, its noon where noon is on the wider axis.
	expect(await windowOf(page)).toEqual(day);
	await expectTick(page, day, '12:00', utc(2023, 9, 13, 12));
});
