import { expect, test, type Page } from './test';
import {
	DEFAULT_EVENT_COUNT,
	chronologicalIds,
	defaultFile,
	eventsLabel,
	openTable,
	wholeTable
} from './fixtures';

const rows = (page: Page) => page.getByTestId('event-table').locator('tbody tr[data-event-id]');

/** The rows' event ids, top to bottom. */
const rowIds = (page: Page) =>
	rows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-event-id') ?? ''));

test('first start loads the default dataset and shows its count', async ({ page }) => {
	await openTable(page);
	await expect(page.getByRole('heading', { name: 'Trama', level: 1 })).toBeVisible();
	await expect(page.getByTestId('event-count')).toHaveText(eventsLabel(DEFAULT_EVENT_COUNT));
	await expect(rows(page)).toHaveCount(DEFAULT_EVENT_COUNT);
	const dataset = page.getByTestId('dataset-list').locator('li[data-dataset-id="default"]');
	await expect(dataset).toContainText(defaultFile.dataset.name);
	await expect(dataset.getByTestId('dataset-count')).toHaveText(eventsLabel(DEFAULT_EVENT_COUNT));
	// Every row carries its event's id, once.
	const ids = await rows(page).evaluateAll((trs) =>
		trs.map((tr) => tr.getAttribute('data-event-id'))
	);
	expect(ids.sort()).toEqual(defaultFile.events.map((e) => e.id).sort());
});

test('dates show at the precision the source gave, in UTC, west of Greenwich too', async ({
	page
}) => {
	await openTable(page);
	const summit = page.locator('tr[data-event-id="kim-putin-vostochny-2023"]');
	await expect(summit.locator('td.col-date')).toHaveText('13 Sept 2023');
	await expect(summit.locator('td.col-place')).toContainText('Vostochny Cosmodrome');
	await expect(summit.locator('td.col-place')).toContainText('Russia');
	await expect(summit.locator('td.col-sources a').first()).toHaveAttribute('href', /^https:\/\//);
	// A month-precision event shows only its month; an approximate one says so, with its bounds.
	const letters = page.locator('tr[data-event-id="kim-putin-letters-2023"] td.col-date');
	await expect(letters.locator('time')).toHaveText('c. Aug 2023');
	await expect(letters.locator('.bounds')).toHaveText('between 27 Jul 2023 and 30 Aug 2023');
	// A multi-day event shows its range.
	await expect(
		page.locator('tr[data-event-id="eastern-economic-forum-2023"] td.col-date time')
	).toHaveText('10\u2009–\u200913 Sept 2023');
});

test('a denied claim shows as denied', async ({ page }) => {
	await openTable(page);
	const denied = defaultFile.events.find((e) => e.confidence === 'denied');
	if (!denied) throw new Error('the default dataset has no denied claim');
	const row = page.locator(`tr[data-event-id="${denied.id}"]`);
	await expect(row.locator('td.col-conf')).toHaveText('Denied');
	await expect(row.locator('.event-title')).toHaveCSS('text-decoration-line', 'line-through');
});

test('reload keeps the data', async ({ page }) => {
	await openTable(page);
	await expect(rows(page)).toHaveCount(DEFAULT_EVENT_COUNT);
	await page.reload();
	await page.getByRole('tab', { name: 'Table' }).click();
	await expect(page.getByTestId('event-count')).toHaveText(eventsLabel(DEFAULT_EVENT_COUNT));
	await expect(rows(page)).toHaveCount(DEFAULT_EVENT_COUNT);
});

test('the text filter narrows the table, by alias and without accents too', async ({ page }) => {
	await openTable(page);
	await expect(rows(page)).toHaveCount(DEFAULT_EVENT_COUNT);
	const filter = page.getByTestId('event-filter');

	await filter.fill('pyongyang');
	await expect(page.getByTestId('event-count')).not.toHaveText(eventsLabel(DEFAULT_EVENT_COUNT));
	await wholeTable(page);
	const pyongyang = await rows(page).count();
	expect(pyongyang).toBeGreaterThan(0);
	expect(pyongyang).toBeLessThan(DEFAULT_EVENT_COUNT);
	await expect(page.getByTestId('event-count')).toHaveText(
		`${pyongyang} of ${eventsLabel(DEFAULT_EVENT_COUNT)}`
	);
	// Every event placed in Pyongyang is among the matches (others match by summary or notes).
	const shown = await rowIds(page);
	const placed = defaultFile.events.filter((e) => e.place?.name.includes('Pyongyang'));
	expect(placed.length).toBeGreaterThan(0);
	for (const e of placed) expect(shown).toContain(e.id);

	// The Spanish spelling with an accent and the Korean script find the same actor.
	await filter.fill('Serguéi Shoigú');
	await expect(page.locator('tr[data-event-id="shoigu-visit-pyongyang-2023"]')).toBeVisible();
	await filter.fill('김정은');
	await expect(page.locator('tr[data-event-id="kim-putin-vostochny-2023"]')).toBeVisible();

	await filter.fill('no such thing anywhere');
	await expect(rows(page)).toHaveCount(0);
	await expect(page.getByTestId('no-match')).toContainText(
		'Nothing contains “no such thing anywhere”'
	);
	await page.getByRole('button', { name: 'Clear filter' }).click();
	await expect(rows(page)).toHaveCount(DEFAULT_EVENT_COUNT);
});

test('a word found only outside the window: the table says the window leaves it out, and Show all finds it', async ({
	page
}) => {
	// 2018–19: the Vostochny summit (September 2023) is outside the window the table follows.
	await page.goto('/?from=2018-01&to=2019-12');
	await page.getByRole('tab', { name: 'Table' }).click();
	await expect(rows(page).first()).toBeAttached();
	await page.getByTestId('event-filter').fill('Vostochny');
	const none = page.getByTestId('no-match');
	await expect(none).toContainText(
		'Nothing contains “Vostochny” once the table follows the window'
	);
	await none.getByTestId('no-match-show-all').click();
	await expect(page.locator('tr[data-event-id="kim-putin-vostochny-2023"]')).toBeVisible();
	await expect(page.getByTestId('event-count')).toHaveText(
		new RegExp(`^\\d+ of ${eventsLabel(DEFAULT_EVENT_COUNT)}`)
	);
});

test('sorting by date works both ways', async ({ page }) => {
	await openTable(page);
	await expect(rows(page)).toHaveCount(DEFAULT_EVENT_COUNT);
	const header = page.getByRole('columnheader', { name: /Date/ });
	await expect(header).toHaveAttribute('aria-sort', 'ascending');
	await expect.poll(() => rowIds(page)).toEqual(chronologicalIds);
	await expect(rows(page).first().locator('td.col-date time')).toHaveText(/2013/);

	await page.getByTestId('sort-date').click();
	await expect(header).toHaveAttribute('aria-sort', 'descending');
	await expect.poll(() => rowIds(page)).toEqual([...chronologicalIds].reverse());
	await expect(rows(page).last().locator('td.col-date time')).toHaveText(/2013/);

	await page.getByTestId('sort-date').click();
	await expect(header).toHaveAttribute('aria-sort', 'ascending');
	await expect.poll(() => rowIds(page)).toEqual(chronologicalIds);
});

test('every row is two lines high; what a cell cuts is in its tooltip', async ({ page }) => {
	await openTable(page);
	const heights = await rows(page).evaluateAll((trs) =>
		trs.map((tr) => Math.round(tr.getBoundingClientRect().height))
	);
	expect(new Set(heights)).toEqual(new Set([49]));
	// The event with the most sources lists its first and says how many more it has.
	const most = defaultFile.events.toSorted((a, b) => b.sources.length - a.sources.length)[0]!;
	expect(most.sources.length).toBeGreaterThan(2);
	const row = page.locator(`tr[data-event-id="${most.id}"]`);
	await expect(row.locator('td.col-sources a')).toHaveCount(1);
	await expect(row.locator('td.col-sources')).toContainText(`+${most.sources.length - 1} more`);
	// The longest title is whole in its tooltip, and every actor is named in the actors' one.
	const longest = defaultFile.events.toSorted((a, b) => b.title.length - a.title.length)[0]!;
	const long = page.locator(`tr[data-event-id="${longest.id}"]`);
	await expect(long.locator('.event-title')).toHaveAttribute('title', longest.title);
	const names = await long.locator('td.col-actors button.actor').allTextContents();
	expect(names).toHaveLength(new Set(longest.participants.map((p) => p.actor)).size);
	await expect(long.locator('td.col-actors')).toHaveAttribute('title', names.join(', '));
});

test('the details of an event picked in the table label each field on one line', async ({
	page
}) => {
	await openTable(page);
	await page.locator('tr[data-event-id="kim-putin-vostochny-2023"] .event-title').click();
	const details = page.getByTestId('event-details');
	await expect(details.locator('dt', { hasText: 'Participants' })).toBeVisible();
	const labels = await details.locator('dt').evaluateAll((els) =>
		els.map((el) => {
			// The lines its text is laid out on: one box per line of the text's range.
			const range = document.createRange();
			range.selectNodeContents(el);
			const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
			return { text: el.textContent?.trim() ?? '', lines: tops.size };
		})
	);
	expect(labels.map((l) => l.text)).toContain('Participants');
	expect(labels.filter((l) => l.lines > 1)).toEqual([]);
});

test('a short list shows the rows in view first and the rest while the page is idle', async ({
	page
}) => {
	// The page's idle moments, held back and let through one at a time.
	await page.addInitScript(() => {
		const waiting = new Map<number, IdleRequestCallback>();
		let next = 1;
		const w = window as unknown as Record<string, unknown>;
		w.requestIdleCallback = (callback: IdleRequestCallback) => {
			waiting.set(next, callback);
			return next++;
		};
		w.cancelIdleCallback = (id: number) => waiting.delete(id);
		w.idleOnce = () => {
			const due = [...waiting.values()];
			waiting.clear();
			for (const callback of due) callback({ didTimeout: false, timeRemaining: () => 50 });
			return due.length;
		};
	});
	await page.setViewportSize({ width: 1366, height: 768 });
	await openTable(page);
	const table = page.getByTestId('event-table');
	await expect(rows(page).first()).toHaveAttribute('data-event-id', chronologicalIds[0] ?? '');
	// The first screen of rows, in order, and the table says more are coming.
	await expect(table).toHaveAttribute('aria-busy', 'true');
	const first = await rowIds(page);
	expect(first.length).toBeGreaterThan(5);
	expect(first.length).toBeLessThan(DEFAULT_EVENT_COUNT);
	expect(first).toEqual(chronologicalIds.slice(0, first.length));
	// Each idle moment draws more, in order, until every row is there and the table is done.
	let drawn = first.length;
	for (let i = 0; i < 12 && (await table.getAttribute('aria-busy')) === 'true'; i++) {
		await page.evaluate(() => (window as unknown as { idleOnce: () => number }).idleOnce());
		await expect
			.poll(async () =>
				(await table.getAttribute('aria-busy')) === 'false' ? Infinity : (await rowIds(page)).length
			)
			.toBeGreaterThan(drawn);
		const ids = await rowIds(page);
		expect(ids).toEqual(chronologicalIds.slice(0, ids.length));
		expect(ids.length).toBeGreaterThanOrEqual(drawn);
		drawn = ids.length;
	}
	await expect(table).toHaveAttribute('aria-busy', 'false');
	expect(drawn).toBe(DEFAULT_EVENT_COUNT);
	await expect(rows(page)).toHaveCount(DEFAULT_EVENT_COUNT);
	// The spacer standing for the rows not yet drawn is gone.
	await expect(table.locator('tbody tr.spacer')).toHaveCount(0);
});
