/**
 * Imports claim only what the file says: a TimelineJS3 event is unassessed (not "reported"),
 * its media show with their credit and are not fetched until the user asks, identical
 * problems are gathered, and a TimelineJS 2 file is named in its refusal.
 */
import { expect, test, type Page } from './test';
import { DEFAULT_EVENT_COUNT, defaultFile, eventsLabel } from './fixtures';

test.use({ viewport: { width: 1366, height: 768 } });

const EXAMPLE = 'static/examples/timelinejs-example.json';
/** The smallest PNG there is: one transparent pixel. */
const PIXEL = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
	'base64'
);

async function importFile(page: Page, file: string | { name: string; text: string }) {
	await page.getByTestId('import-open').click();
	const dialog = page.getByTestId('import-dialog');
	await dialog
		.getByTestId('import-file')
		.setInputFiles(
			typeof file === 'string'
				? file
				: { name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text) }
		);
	return dialog;
}

test('a TimelineJS3 file is unassessed, its image waits for a click, and the filter follows', async ({
	page
}) => {
	// Every request to the media's host is recorded, and answered here (never the network).
	const mediaRequests: string[] = [];
	page.on('request', (request) => {
		if (new URL(request.url()).hostname === 'example.org') mediaRequests.push(request.url());
	});
	await page.route('https://example.org/**', (route) =>
		route.fulfill({ status: 200, contentType: 'image/png', body: PIXEL })
	);

	await page.goto('/');
	const filter = page.getByTestId('confidence-filter');
	const count = (c: string) =>
		filter.locator(`[data-testid="confidence-count"][data-confidence="${c}"]`);
	const defaultUnassessed = defaultFile.events.filter((e) => e.confidence === 'unassessed').length;
	await expect(count('unassessed')).toHaveText(`(${defaultUnassessed})`, { timeout: 15000 });

	const dialog = await importFile(page, EXAMPLE);
	await expect(dialog.getByTestId('import-format')).toHaveText('Format: TimelineJS3');
	await expect(dialog.getByTestId('import-unassessed')).toHaveText(
		'3 events state no confidence: they are imported as unassessed.'
	);
	await dialog.getByRole('button', { name: 'Import 3 events' }).click();
	await expect(page.getByTestId('notice')).toContainText('Imported 3 events into 1 dataset.', {
		timeout: 15000
	});

	// The filter counts the three events as unassessed; none became "reported".
	await expect(count('unassessed')).toHaveText(`(${defaultUnassessed + 3})`);
	const reported = defaultFile.events.filter((e) => e.confidence === 'reported').length;
	await expect(count('reported')).toHaveText(`(${reported})`);

	// The table's badge says so, and explains it.
	await page.getByRole('tab', { name: 'Table' }).click();
	const table = page.getByTestId('event-table');
	const row = table.locator('tbody tr[data-event-id]', { hasText: 'A four-day event' });
	const badge = row.locator('[data-confidence]');
	await expect(badge).toHaveText('Unassessed');
	await expect(badge).toHaveAttribute('title', /Nobody has assessed this claim/);

	// The details show the media with its kind, caption and credit, not as a source.
	await row.getByRole('button', { name: 'A four-day event' }).click();
	const details = page.getByTestId('event-details');
	const media = details.getByTestId('event-media');
	await expect(media).toHaveAttribute('data-media-kind', 'image');
	await expect(media).toContainText('Image');
	await expect(media).toContainText('A caption');
	await expect(media.getByTestId('media-credit')).toHaveText('Credit: Example Wire');
	await expect(details.locator('.sources')).toHaveCount(0);
	await expect(details.locator('[data-confidence]')).toHaveText('Unassessed');

	// Nothing was asked of example.org: no image element points there before the click.
	await expect(details.locator('img')).toHaveCount(0);
	expect(mediaRequests).toEqual([]);
	await media.getByRole('button', { name: 'Load image from example.org' }).click();
	const img = details.locator('img');
	await expect(img).toHaveAttribute('src', 'https://example.org/photo.jpg');
	await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(1);
	expect(mediaRequests).toEqual(['https://example.org/photo.jpg']);

	// Choosing "Unassessed" in the confidence facet keeps only the three events, in the table too.
	const total = DEFAULT_EVENT_COUNT + 3;
	await expect(page.getByTestId('event-count')).toHaveText(eventsLabel(total));
	await filter.getByRole('checkbox', { name: /Unassessed/ }).check();
	// The table says what it leaves out: "3 of 89 events", and names the filter.
	await expect(page.getByTestId('event-count')).toHaveText(`3 of ${eventsLabel(total)}`);
	await expect(page.getByTestId('table-scope')).toContainText(
		'the filter (Confidence: Unassessed)'
	);
	await expect(
		table.locator('tbody tr[data-event-id]', { hasText: 'A four-day event' })
	).toHaveCount(1);
	await expect(table.locator('tbody tr[data-event-id]')).toHaveCount(3);
	await filter.getByRole('checkbox', { name: /Unassessed/ }).uncheck();
	await expect(page.getByTestId('event-count')).toHaveText(eventsLabel(total));
});

test('identical problems of several records are gathered, with their paths on demand', async ({
	page
}) => {
	await page.goto('/');
	const events = [
		...Array.from({ length: 7 }, (_, i) => ({
			start_date: { year: 2023, month: 13 },
			text: { headline: `Bad month ${i}` }
		})),
		{ start_date: { year: 2023, month: 2, day: 30 }, text: { headline: 'Bad day' } },
		{ start_date: { year: 2023 }, text: { headline: 'Good' } }
	];
	const dialog = await importFile(page, {
		name: 'months.json',
		text: JSON.stringify({ events })
	});
	const problems = dialog.getByTestId('import-problems');
	const group = problems.getByTestId('import-problem-group');
	await expect(group).toHaveCount(1, { timeout: 15000 });
	await expect(group.locator('summary')).toHaveText('7 records: 13 is not a month');
	await expect(group.locator('.paths li').first()).toBeHidden();
	await group.locator('summary').click();
	await expect(group.locator('.paths li')).toHaveText(
		Array.from({ length: 7 }, (_, i) => `events[${i}].start_date.month`)
	);
	// A problem of one record stays a line of its own.
	await expect(problems).toContainText(
		'events[7].start_date.day: 30 is not a day of February 2023 (it has 28 days)'
	);
	await expect(dialog.getByTestId('import-counts')).toHaveText(
		'1 new · 0 changed · 0 identical (skipped) · 8 invalid'
	);
});

test('a TimelineJS 2 file is named in its refusal', async ({ page }) => {
	await page.goto('/');
	const legacy = {
		timeline: {
			headline: 'Legacy',
			type: 'default',
			date: [{ startDate: '2012,1,26', headline: 'An event of TimelineJS 2' }]
		}
	};
	const dialog = await importFile(page, { name: 'legacy.json', text: JSON.stringify(legacy) });
	await expect(dialog.getByTestId('import-error')).toHaveText(
		'Cannot be imported: this is a TimelineJS 2 (legacy) file (timeline.date[] with dates such as "2012,1,26"); TimelineJS 2 files are not supported: convert it to TimelineJS3 JSON (events[] with start_date objects) and import that',
		{ timeout: 15000 }
	);
	await expect(dialog.getByRole('button', { name: 'Nothing to import' })).toBeDisabled();
});
