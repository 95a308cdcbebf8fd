import { readFileSync } from 'node:fs';
import { expect, test, type Page } from './test';
import Papa from 'papaparse';

const ANCIENT = 'tests/fixtures/dates/ancient-timelinejs.json';
const COSMOLOGICAL = 'tests/fixtures/dates/cosmological-timelinejs.json';
const NAME = 'Writing and empire';

test.use({ viewport: { width: 1366, height: 768 } });

async function importFile(
	page: Page,
	file: string | { name: string; mimeType: string; buffer: Buffer }
) {
	await page.getByTestId('import-open').click();
	const dialog = page.getByTestId('import-dialog');
	await dialog.getByTestId('import-file').setInputFiles(file);
	return dialog;
}

async function download(page: Page, click: () => Promise<void>): Promise<string> {
	const [file] = await Promise.all([page.waitForEvent('download'), click()]);
	return readFileSync(await file.path(), 'utf8');
}

/** The date cell of the table row with this title. */
const dateOf = (page: Page, title: string) =>
	page
		.getByTestId('event-table')
		.locator('tbody tr[data-event-id]', { hasText: title })
		.locator('td.col-date time');

test('years before 1 from TimelineJS3: table, timeline, overview and exports; a time without a zone shows as given', async ({
	page
}) => {
	await page.goto('/');
	const dialog = await importFile(page, ANCIENT);
	await expect(dialog.getByTestId('import-counts')).toHaveText(
		'4 new · 0 changed · 0 identical (skipped) · 0 invalid',
		{ timeout: 15000 }
	);
	await dialog.getByRole('button', { name: 'Import 4 events' }).click();
	await expect(page.getByTestId('notice')).toContainText('Imported 4 events into 1 dataset.');

	// The table: eras as a reader writes them, the zone-less time with no "UTC".
	await page.getByRole('tab', { name: 'Table' }).click();
	await expect(dateOf(page, 'Cuneiform writing in Sumer')).toHaveText('3500 BCE');
	await expect(dateOf(page, 'Library of Alexandria founded')).toHaveText('300 BCE – 280 BCE');
	await expect(dateOf(page, 'Caesar assassinated')).toHaveText('15 Mar 44 BCE');
	await expect(dateOf(page, 'Briefing at the cosmodrome')).toHaveText('13 Sept 2023, 10:00');
	// Oldest first: the ancient events lead the table.
	await expect(
		page.getByTestId('event-table').locator('tbody tr[data-event-id]').first()
	).toContainText('Cuneiform writing in Sumer');

	// The details say the same, and the zone-less time still has no zone.
	await page
		.getByTestId('event-table')
		.getByRole('button', { name: 'Briefing at the cosmodrome' })
		.click();
	const details = page.getByTestId('event-details');
	await expect(details).toContainText('13 Sept 2023, 10:00', { timeout: 15000 });
	await expect(details).not.toContainText('UTC');

	// The timeline and the overview reach back to 3500 BCE, and their axes say so.
	await page.getByRole('button', { name: 'Fit all' }).click();
	const timeline = page.getByTestId('timeline');
	// The window starts before 3500 BCE (astronomical -3499), in ISO's expanded years.
	await expect
		.poll(
			async () => {
				const start = (await timeline.getAttribute('data-window-start')) ?? '';
				return Number(/^([+-]\d{6}|\d{4})-/.exec(start)?.[1] ?? NaN);
			},
			{ timeout: 15000 }
		)
		.toBeLessThan(-3499);

	await expect(
		timeline.locator('[data-event-id="cuneiform"]').or(timeline.locator('.t-cluster')).first()
	).toBeAttached({ timeout: 15000 });
	const axis = timeline.locator('.vis-time-axis .vis-text');
	await expect(axis.filter({ hasText: /^\d+ BCE$/ }).first()).toBeVisible({ timeout: 15000 });
	expect((await axis.allInnerTexts()).join(' ')).not.toMatch(/-0\d{3}/);
	const overviewTicks = page.getByTestId('overview').locator('.axis text');
	await expect(overviewTicks.filter({ hasText: '3000 BCE' })).toHaveCount(1);
	expect((await overviewTicks.allInnerTexts()).join(' ')).not.toMatch(/-\d/);

	// Exports: TimelineJS3 writes years as TimelineJS3 counts them; CSV keeps ISO 8601 dates.
	await page.getByTestId('export-open').click();
	const exporter = page.getByTestId('export-dialog');
	await exporter.getByTestId('export-scope').selectOption({ label: `${NAME} (4 events)` });
	await exporter.getByLabel('TimelineJS3 JSON').check();
	const tljsText = await download(page, () => exporter.getByTestId('export-download').click());
	const tljs = JSON.parse(tljsText) as {
		events: { unique_id: string; start_date: Record<string, number> }[];
	};
	const byId = Object.fromEntries(tljs.events.map((e) => [e.unique_id, e.start_date]));
	expect(byId.cuneiform).toEqual({ year: -3500 });
	expect(byId.alexandria).toEqual({ year: -300 });
	expect(byId.ides).toEqual({ year: -44, month: 3, day: 15 });
	expect(byId.vostochny).toEqual({ year: 2023, month: 9, day: 13, hour: 10, minute: 0 });

	await exporter.getByLabel('CSV (spreadsheets)').check();
	const csv = Papa.parse<string[]>(
		await download(page, () => exporter.getByTestId('export-download').click())
	).data;
	const starts: Record<string, (string | undefined)[]> = Object.fromEntries(
		csv.slice(1).map((r): [string, (string | undefined)[]] => [r[0] ?? '', [r[3], r[4]]])
	);
	expect(starts).toMatchObject({
		cuneiform: ['-3499', ''],
		alexandria: ['-0299', '-0279'],
		ides: ['-0043-03-15', ''],
		vostochny: ['2023-09-13T10:00', '']
	});
	await exporter.getByRole('button', { name: 'Close' }).click();

	// The TimelineJS3 export, under the file's name, reads back to the same years: nothing new,
	// nothing changed.
	const again = await importFile(page, {
		name: 'ancient-timelinejs.json',
		mimeType: 'application/json',
		buffer: Buffer.from(tljsText)
	});
	await expect(again.getByTestId('import-counts')).toHaveText(
		'0 new · 0 changed · 4 identical (skipped) · 0 invalid',
		{ timeout: 15000 }
	);
});

test('years beyond 10000 BCE are refused with one reason; the rest import', async ({ page }) => {
	await page.goto('/');
	const dialog = await importFile(page, COSMOLOGICAL);
	await expect(dialog.getByTestId('import-counts')).toHaveText(
		'2 new · 0 changed · 0 identical (skipped) · 7 invalid',
		{ timeout: 15000 }
	);
	const problems = dialog.getByTestId('import-problems');
	await expect(problems).toContainText('year outside 10000 BCE to 9999');
	// Every refusal has the same reason, so the preview shows them as one line, paths on demand.
	const groups = problems.getByTestId('import-problem-group');
	await expect(groups).toHaveCount(1);
	await expect(groups.locator('summary')).toHaveText('7 records: year outside 10000 BCE to 9999');
	await groups.locator('summary').click();
	await expect(groups.locator('.paths li')).toHaveCount(7);
});
