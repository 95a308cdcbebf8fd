import { expect, test } from './test';
import { blockScript, DEFAULT_EVENT_COUNT, eventsLabel, openTable } from './fixtures';

const FIXTURE = 'tests/fixtures/timelinejs/contrib_women_in_computing.json';

test('a TimelineJS3 file imports through the file input and shows in the table, timeline and network', async ({
	page
}) => {
	await page.goto('/');
	await page.getByTestId('import-open').click();
	const dialog = page.getByTestId('import-dialog');
	await dialog.getByLabel('Actors').check();
	await dialog.getByTestId('import-file').setInputFiles(FIXTURE);
	const preview = dialog.getByTestId('import-preview');
	await expect(preview.getByTestId('import-format')).toHaveText('Format: TimelineJS3');
	await expect(preview.getByTestId('import-counts')).toHaveText(
		'10 new · 0 changed · 0 identical (skipped) · 0 invalid'
	);
	await dialog.getByRole('button', { name: 'Import 10 events' }).click();
	await expect(page.getByTestId('notice')).toContainText('Imported 10 events into 1 dataset.');
	await expect(dialog).toBeHidden();

	// The sidebar lists the new dataset beside the default one.
	const list = page.getByTestId('dataset-list');
	await expect(list.locator('li')).toHaveCount(2);
	await expect(list).toContainText('10 events');

	// The table has both datasets' events; Ada Lovelace's dates keep their day precision.
	await page.getByRole('tab', { name: 'Table' }).click();
	await expect(page.getByTestId('event-count')).toHaveText(eventsLabel(DEFAULT_EVENT_COUNT + 10));
	await page.getByTestId('event-filter').fill('Ada Lovelace');
	const ada = page
		.getByTestId('event-table')
		.locator('tbody tr[data-event-id]', { hasText: 'Ada Lovelace' })
		.first();
	await expect(ada.locator('td.col-date time')).toHaveText('10 Dec 1815\u2009–\u200927 Nov 1852');

	// The timeline and the network reach back to the 1800s.
	await page.getByRole('button', { name: 'Fit all' }).click();
	const start = await page.getByTestId('timeline').getAttribute('data-window-start');
	expect(Number(start?.slice(0, 4))).toBeLessThan(1815);
	await page.getByRole('tab', { name: 'Network' }).click();
	await expect(page.getByTestId('network').locator('.node').first()).toBeAttached();

	// Importing the same file again changes nothing.
	await page.getByTestId('import-open').click();
	await dialog.getByLabel('Actors').check();
	await dialog.getByTestId('import-file').setInputFiles(FIXTURE);
	await expect(dialog.getByTestId('import-counts')).toHaveText(
		'0 new · 0 changed · 10 identical (skipped) · 0 invalid'
	);
});

test('a broken file shows its per-record errors and writes nothing', async ({ page }) => {
	await page.goto('/');
	await page.getByTestId('import-open').click();
	const dialog = page.getByTestId('import-dialog');
	const broken = JSON.stringify({
		events: [
			{ start_date: { year: 2023, month: 13 }, text: { headline: 'Bad month' } },
			{ start_date: { year: 2023, month: 2, day: 30 }, text: { headline: 'Bad day' } },
			{ start_date: { year: 2023 }, text: { headline: '<img src=x onerror=alert(1)>Good' } }
		]
	});
	await dialog.getByTestId('import-file').setInputFiles({
		name: 'broken.json',
		mimeType: 'application/json',
		buffer: Buffer.from(broken)
	});
	const problems = dialog.getByTestId('import-problems');
	await expect(problems).toContainText('events[0].start_date.month: 13 is not a month');
	await expect(problems).toContainText(
		'events[1].start_date.day: 30 is not a day of February 2023'
	);
	await expect(dialog.getByTestId('import-counts')).toHaveText(
		'1 new · 0 changed · 0 identical (skipped) · 2 invalid'
	);
	await dialog.getByRole('button', { name: 'Cancel' }).click();
	await expect(page.getByTestId('dataset-list').locator('li')).toHaveCount(1);

	// Not JSON at all: one sentence with the line and column, and no Import button to press.
	await page.getByTestId('import-open').click();
	await dialog.getByTestId('import-paste').fill('{\n  "events": [\n    oops\n  ]\n}');
	await dialog.getByRole('button', { name: 'Read the pasted JSON' }).click();
	await expect(dialog.getByTestId('import-error')).toHaveText(
		'Cannot be imported: not valid JSON at line 3, column 5: unexpected character'
	);
	await expect(dialog.getByRole('button', { name: 'Nothing to import' })).toBeDisabled();
});

test('imported markup shows as text', async ({ page }) => {
	await page.goto('/');
	await page.getByTestId('import-open').click();
	const dialog = page.getByTestId('import-dialog');
	const file = {
		format: 'trama',
		version: 1,
		dataset: { id: 'xss', name: 'Markup test' },
		events: [
			{ id: 'x', title: '<img src=x onerror=alert(1)>', start: '2023-09-13', confidence: 'claimed' }
		]
	};
	let alerted = false;
	page.on('dialog', (d) => {
		alerted = true;
		void d.dismiss();
	});
	await dialog.getByTestId('import-paste').fill(JSON.stringify(file));
	await dialog.getByRole('button', { name: 'Read the pasted JSON' }).click();
	await expect(dialog.getByTestId('import-format')).toHaveText('Format: Trama');
	await dialog.getByRole('button', { name: 'Import 1 event' }).click();
	await page.getByRole('tab', { name: 'Table' }).click();
	await expect(page.locator('tr[data-event-id="x"] .event-title')).toHaveText(
		'<img src=x onerror=alert(1)>'
	);
	await page.goto('/?from=2023-09-12T00:00:00.000Z&to=2023-09-15T00:00:00.000Z&lanes=none');
	await expect(page.getByTestId('timeline').locator('[data-event-id="x"]').first()).toHaveText(
		'<img src=x onerror=alert(1)>'
	);
	expect(alerted).toBe(false);
});

test('the example files linked from the dialog are served and import cleanly', async ({ page }) => {
	await page.goto('/');
	await page.getByTestId('import-open').click();
	const dialog = page.getByTestId('import-dialog');
	for (const name of ['Trama', 'TimelineJS3', 'vis-timeline']) {
		const href = await dialog.getByRole('link', { name, exact: true }).getAttribute('href');
		const response = await page.request.get(href ?? '');
		expect(response.status()).toBe(200);
		await dialog.getByTestId('import-file').setInputFiles({
			name: `${name}.json`,
			mimeType: 'application/json',
			buffer: await response.body()
		});
	}
	await expect(dialog.getByTestId('import-counts')).toHaveText([
		'2 new · 0 changed · 0 identical (skipped) · 0 invalid',
		'3 new · 0 changed · 0 identical (skipped) · 0 invalid',
		'3 new · 0 changed · 0 identical (skipped) · 0 invalid'
	]);
	await dialog.getByRole('button', { name: 'Import 8 events' }).click();
	await expect(page.getByTestId('dataset-list').locator('li')).toHaveCount(4);
});

test('a JSON Lines file imports through the file input, its bad line reported by number', async ({
	page
}) => {
	await page.goto('/');
	await page.getByTestId('import-open').click();
	const dialog = page.getByTestId('import-dialog');
	const lines = [
		'{"title": "Summit", "date": "2023-09-13", "who": "Putin; Kim Jong Un"}',
		'',
		'{"title": "Broken", "date": }',
		'{"title": "Call", "date": "2024-01-02", "who": "Putin"}',
		'{"title": "Visit", "date": "2024-06-19", "who": "Kim Jong Un"}'
	];
	await dialog.getByTestId('import-file').setInputFiles({
		name: 'events.jsonl',
		mimeType: 'application/x-ndjson',
		buffer: Buffer.from(lines.join('\r\n'))
	});
	await expect(dialog.getByTestId('import-format')).toHaveText(
		'Format: JSON Lines (one record a line)'
	);
	await expect(dialog.getByTestId('import-problems')).toContainText(
		'line 3: not valid JSON at column 29: a value was expected'
	);
	await expect(dialog.getByTestId('import-counts')).toHaveText(
		'3 new · 0 changed · 0 identical (skipped) · 1 invalid'
	);
	await dialog.getByRole('button', { name: 'Import 3 events' }).click();
	await expect(page.getByTestId('notice')).toContainText('Imported 3 events into 1 dataset.');
	await page.getByRole('tab', { name: 'Table' }).click();
	await expect(page.getByTestId('event-count')).toHaveText(eventsLabel(DEFAULT_EVENT_COUNT + 3));
});

test('a file that is not UTF-8 is shown both ways, and read as Windows-1252 when chosen', async ({
	page
}) => {
	await openTable(page);
	await page.getByTestId('import-open').click();
	const dialog = page.getByTestId('import-dialog');
	const text = JSON.stringify([{ title: 'Reunión en Café São Paulo', date: '2023-09-13' }]);
	await dialog.getByTestId('import-file').setInputFiles({
		name: 'latin1.json',
		mimeType: 'application/json',
		buffer: Buffer.from(text, 'latin1')
	});
	await expect(dialog.getByTestId('import-error')).toContainText(
		'Cannot be imported: this file is not UTF-8 text. It reads like Windows-1252 (Latin-1): “[{"title":"Reunión en Café São Paulo'
	);
	await expect(dialog.getByTestId('import-error')).toContainText('Reuni\uFFFDn en Caf\uFFFD');
	await expect(dialog.getByTestId('import-commit')).toBeDisabled();
	await dialog.getByTestId('import-read-as').click();
	await expect(dialog.getByTestId('import-format')).toContainText('read as Windows-1252');
	await expect(dialog.getByTestId('import-counts')).toContainText('1 new');
	await dialog.getByTestId('import-commit').click();
	await expect(dialog).toBeHidden();
	await page.getByTestId('event-filter').fill('Café');
	await expect(page.getByTestId('event-table').locator('[data-event-id]')).toHaveCount(1);
	await expect(page.getByTestId('event-table')).toContainText('Reunión en Café São Paulo');
});

test('numbers in a date column are asked about, per column, with examples; never made 1970', async ({
	page
}) => {
	await page.goto('/');
	await page.getByTestId('import-open').click();
	const dialog = page.getByTestId('import-dialog');
	const rows = [
		{ title: 'Founding', when: 1 },
		{ title: 'Treaty', when: 2 },
		{ title: 'Far future', when: 10000 }
	];
	await dialog.getByTestId('import-paste').fill(JSON.stringify(rows));
	await dialog.getByRole('button', { name: 'Read the pasted JSON' }).click();
	const numbers = dialog.getByTestId('import-date-numbers');
	await expect(numbers.getByRole('combobox')).toHaveValue('');
	await expect(dialog.getByTestId('import-counts')).toContainText('0 new');
	await expect(dialog.getByTestId('import-counts')).toContainText('3 invalid');
	await numbers.getByRole('combobox').selectOption('years');
	await expect(dialog.getByTestId('import-date-examples')).toHaveText(
		'For example: 1 → 0001; 10000 → no date.'
	);
	await expect(dialog.getByTestId('import-counts')).toContainText('2 new');
	await expect(dialog.getByTestId('import-counts')).toContainText('1 invalid');

	// Spreadsheet days are recognised by their range, and said to be a guess.
	await dialog.getByTestId('import-paste').fill(
		JSON.stringify([
			{ title: 'Excel A', when: 45000 },
			{ title: 'Excel B', when: 45183 }
		])
	);
	await dialog.getByRole('button', { name: 'Read the pasted JSON' }).click();
	await expect(dialog.getByTestId('import-date-numbers').getByRole('combobox')).toHaveValue(
		'excelDays'
	);
	await expect(dialog.getByTestId('import-date-examples')).toHaveText(
		'Trama’s guess, from their range. For example: 45000 → 2023-03-15; 45183 → 2023-09-14.'
	);
});

test('when the import dialog’s code cannot load, Import says so and offers Reload; nothing else breaks', async ({
	page
}) => {
	// The dialog's own file fails to arrive.
	await blockScript(page, 'import-commit');
	await page.goto('/');
	await expect(page.locator('[data-testid=timeline] .vis-item').first()).toBeAttached();
	const notice = page.getByTestId('notice');
	for (let i = 0; i < 2; i++) {
		// Asked twice: it says so each time, instead of nothing.
		await page.getByTestId('import-open').click();
		await expect(notice).toContainText('This dialog’s code did not arrive, so it cannot open');
		await expect(page.getByTestId('import-dialog')).toHaveCount(0);
		await notice.getByRole('button', { name: 'Close' }).click();
		await expect(notice).not.toContainText('did not arrive');
	}
	// The table still shows every event.
	await page.getByRole('tab', { name: 'Table' }).click();
	await expect(page.getByTestId('event-count')).toHaveText(eventsLabel(DEFAULT_EVENT_COUNT));
	// Reload asks again; with the file there this time, Import opens the dialog.
	await page.getByTestId('import-open').click();
	await page.unrouteAll({ behavior: 'wait' });
	await notice.getByTestId('notice-reload').click();
	await expect(page.locator('[data-testid=timeline] .vis-item').first()).toBeAttached();
	await page.getByTestId('import-open').click();
	await expect(page.getByTestId('import-dialog')).toBeVisible();
});
