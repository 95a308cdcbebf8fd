import { readFileSync } from 'node:fs';
import { expect, test, type Page } from './test';
import Papa from 'papaparse';
import { DEFAULT_EVENT_COUNT, defaultFile, eventsLabel, openTable } from './fixtures';

/** Every row of the table as text, in order (the table draws rows as you scroll: all fit here). */
async function tableRows(page: Page): Promise<string[]> {
	const rows = page.getByTestId('event-table').locator('tbody tr[data-event-id]');
	await expect(rows).toHaveCount(DEFAULT_EVENT_COUNT + 3);
	return rows.allInnerTexts();
}

async function download(
	page: Page,
	click: () => Promise<void>
): Promise<{ name: string; path: string }> {
	const [file] = await Promise.all([page.waitForEvent('download'), click()]);
	const path = await file.path();
	return { name: file.suggestedFilename(), path };
}

async function deleteDataset(page: Page, name: string) {
	await page.getByRole('button', { name: `Delete dataset “${name}”` }).click();
	await page.getByRole('button', { name: 'Delete dataset', exact: true }).click();
	await expect(page.getByTestId('notice')).toContainText(`Deleted “${name}”`);
}

test('back up everything, delete everything, restore: the same table, the same settings', async ({
	page
}) => {
	// Two datasets: the default one and an imported example, and the dark theme.
	await page.goto('/?import=/examples/vis-timeline-example.json');
	await page.getByTestId('import-dialog').getByTestId('import-commit').click();
	await expect(page.getByTestId('dataset-list').locator('li')).toHaveCount(2);
	await page.getByTestId('theme-toggle').click();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	await page.getByRole('tab', { name: 'Table' }).click();
	const before = await tableRows(page);

	await page.getByTestId('export-open').click();
	const dialog = page.getByTestId('export-dialog');
	const backup = await download(page, () => dialog.getByTestId('backup-download').click());
	expect(backup.name).toMatch(/^trama-backup-\d{4}-\d{2}-\d{2}\.json$/);
	const saved = JSON.parse(readFileSync(backup.path, 'utf8')) as {
		format: string;
		datasets: { events: unknown[] }[];
		settings: Record<string, string>;
	};
	expect(saved.format).toBe('trama-backup');
	expect(saved.datasets.map((d) => d.events.length).sort((a, b) => a - b)).toEqual([
		3,
		DEFAULT_EVENT_COUNT
	]);
	expect(saved.settings['trama.theme']).toBe('dark');
	await dialog.getByRole('button', { name: 'Close' }).click();

	// Lose everything, and the theme.
	await deleteDataset(page, defaultFile.dataset.name);
	await deleteDataset(page, 'vis-timeline-example');
	await expect(page.getByTestId('empty-dashboard')).toBeVisible();
	await page.getByTestId('theme-toggle').click();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');

	// A file that is not a backup is refused and changes nothing.
	await page.getByTestId('export-open').click();
	await dialog.getByTestId('restore-file').setInputFiles('static/examples/trama-example.json');
	await expect(dialog.getByTestId('restore-error')).toHaveText(
		'Nothing was restored: this is a Trama dataset file, not a backup: import it with “Import…”'
	);

	await dialog.getByTestId('restore-file').setInputFiles(backup.path);
	const preview = dialog.getByTestId('restore-preview');
	await expect(preview).toContainText(
		`holds 2 datasets, ${eventsLabel(DEFAULT_EVENT_COUNT + 3)} and`
	);
	await expect(preview).toContainText(
		'Restoring replaces everything stored now: 0 datasets and 0 events.'
	);
	await dialog.getByTestId('restore-confirm').click();
	await expect(page.getByTestId('notice')).toContainText(
		`Restored 2 datasets with ${eventsLabel(DEFAULT_EVENT_COUNT + 3)}.`
	);
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	expect(await tableRows(page)).toEqual(before);

	// And after a reload too (the default dataset does not come back a second time).
	await page.reload();
	await page.getByRole('tab', { name: 'Table' }).click();
	expect(await tableRows(page)).toEqual(before);
});

test('a dataset exported as Trama JSON, deleted and imported again gives the same table', async ({
	page
}) => {
	await openTable(page);
	const rows = page.getByTestId('event-table').locator('tbody tr[data-event-id]');
	await expect(rows).toHaveCount(DEFAULT_EVENT_COUNT);
	const before = await rows.allInnerTexts();
	await page.getByTestId('export-open').click();
	const dialog = page.getByTestId('export-dialog');
	await dialog.getByTestId('export-scope').selectOption('default');
	const file = await download(page, () => dialog.getByTestId('export-download').click());
	expect(file.name).toMatch(
		/^trama-russia-china-and-north-korea-2013-2025-\d{4}-\d{2}-\d{2}\.json$/
	);
	await dialog.getByRole('button', { name: 'Close' }).click();
	await deleteDataset(page, defaultFile.dataset.name);

	await page.getByTestId('import-open').click();
	const importer = page.getByTestId('import-dialog');
	await importer.getByTestId('import-file').setInputFiles(file.path);
	await expect(importer.getByTestId('import-counts')).toHaveText(
		`${DEFAULT_EVENT_COUNT} new · 0 changed · 0 identical (skipped) · 0 invalid`
	);
	await importer.getByTestId('import-commit').click();
	await expect(rows).toHaveCount(DEFAULT_EVENT_COUNT);
	expect(await rows.allInnerTexts()).toEqual(before);
});

test('every dataset exported as Trama JSON comes back through Import, leaving other data alone', async ({
	page
}) => {
	await openTable(page);
	const rows = page.getByTestId('event-table').locator('tbody tr[data-event-id]');
	await expect(rows).toHaveCount(DEFAULT_EVENT_COUNT);
	const before = await rows.allInnerTexts();
	await page.getByTestId('export-open').click();
	const dialog = page.getByTestId('export-dialog');
	await dialog.getByTestId('export-scope').selectOption('all');
	await expect(dialog).toContainText('Every dataset, as one backup file');
	const file = await download(page, () => dialog.getByTestId('export-download').click());
	await dialog.getByRole('button', { name: 'Close' }).click();
	await deleteDataset(page, defaultFile.dataset.name);

	await page.getByTestId('import-open').click();
	const importer = page.getByTestId('import-dialog');
	await importer.getByTestId('import-file').setInputFiles(file.path);
	await expect(importer.getByTestId('import-format')).toContainText('Trama backup');
	await expect(importer.getByTestId('import-preview')).toContainText(
		`Datasets: “${defaultFile.dataset.name}” (new)`
	);
	await importer.getByTestId('import-commit').click();
	await expect(rows).toHaveCount(DEFAULT_EVENT_COUNT);
	expect(await rows.allInnerTexts()).toEqual(before);
});

test('CSV of what is shown: the window decides the rows', async ({ page }) => {
	await page.goto('/?from=2023-09-01T00:00:00Z&to=2023-10-01T00:00:00Z');
	await expect(page.getByTestId('timeline').locator('[data-event-id]').first()).toBeAttached();
	await page.getByTestId('export-open').click();
	const dialog = page.getByTestId('export-dialog');
	const scope = dialog.getByTestId('export-scope');
	const shown = await scope.locator('option[value="selection"]').innerText();
	const n = Number(/\((\d+) events?\)/.exec(shown)?.[1]);
	expect(n).toBeGreaterThan(3);
	expect(n).toBeLessThan(DEFAULT_EVENT_COUNT);
	await dialog.getByLabel('CSV (spreadsheets)').check();
	const csv = await download(page, () => dialog.getByTestId('export-download').click());
	expect(csv.name).toMatch(/\.csv$/);
	const text = readFileSync(csv.path, 'utf8');
	// Excel reads the file as UTF-8 because of its byte-order mark.
	expect(text.startsWith('\uFEFFid,dataset,title,start,')).toBe(true);
	const rows = Papa.parse<string[]>(text).data;
	expect(rows[0]?.slice(0, 4)).toEqual(['id', 'dataset', 'title', 'start']);
	expect(rows).toHaveLength(n + 1);
	expect(rows.map((r) => r[0])).toContain('kim-putin-vostochny-2023');
	for (const row of rows.slice(1)) expect(row[3]! < '2023-10').toBe(true);
});

test('the network as PNG is a real image of the view’s size, with the caption under it', async ({
	page
}) => {
	await page.goto('/');
	const svg = page.getByTestId('network').locator('svg').first();
	await expect(page.getByTestId('network').locator('.node').first()).toBeVisible();
	const box = await svg.evaluate((el) => ({ w: el.clientWidth, h: el.clientHeight }));
	await page.getByTestId('export-open').click();
	const dialog = page.getByTestId('export-dialog');
	await expect(dialog.getByTestId('export-caption')).toContainText(
		`${defaultFile.dataset.name} · `
	);
	const png = await download(page, () =>
		dialog.getByRole('button', { name: 'Network (PNG)' }).click()
	);
	const bytes = readFileSync(png.path);
	// The PNG signature, then the IHDR chunk with width and height (big-endian).
	expect([...bytes.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
	expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
	expect(bytes.readUInt32BE(16)).toBe(box.w * 2);
	expect(bytes.readUInt32BE(20)).toBe((box.h + 44) * 2);
	// Not a blank canvas: a real picture compresses to more than a few kilobytes.
	expect(bytes.byteLength).toBeGreaterThan(20_000);

	const svgFile = await download(page, () =>
		dialog.getByRole('button', { name: 'Timeline (SVG)' }).click()
	);
	const text = readFileSync(svgFile.path, 'utf8');
	expect(text).toContain('<svg');
	expect(text).toContain('Kim Jong Un');
	expect(text).toContain(`${defaultFile.dataset.name} · `);
});

test('markup in a title stays text in the exported pictures', async ({ page }) => {
	const title = '<img src=x onerror=alert(1)>';
	const file = {
		format: 'trama',
		version: 1,
		dataset: { id: 'markup', name: 'Markup' },
		actors: [{ id: 'someone', name: '<b>Someone</b>', kind: 'person' }],
		events: [
			{
				id: 'm1',
				title,
				start: '2024-05-01',
				confidence: 'reported',
				participants: [{ actor: 'someone' }]
			}
		]
	};
	// One lane, so the new event is in view (vis-timeline leaves lanes scrolled out of view empty).
	await page.goto('/?from=2024-04-01T00:00:00Z&to=2024-06-01T00:00:00Z&lanes=none');
	await page.getByTestId('import-open').click();
	const importer = page.getByTestId('import-dialog');
	await importer.getByTestId('import-paste').fill(JSON.stringify(file));
	await importer.getByRole('button', { name: 'Read the pasted JSON' }).click();
	await importer.getByTestId('import-commit').click();
	await expect(page.getByTestId('timeline').locator('[data-event-id="m1"]').first()).toBeAttached();
	await page.getByTestId('export-open').click();
	const dialog = page.getByTestId('export-dialog');
	for (const name of ['Timeline (SVG)', 'Network (SVG)']) {
		const svg = await download(page, () => dialog.getByRole('button', { name }).click());
		const text = readFileSync(svg.path, 'utf8');
		expect(text).not.toContain('<img');
		expect(text).not.toContain('<b>');
		expect(text).toContain(
			name.startsWith('Timeline')
				? '&lt;img src=x onerror=alert(1)&gt;'
				: '&lt;b&gt;Someone&lt;/b&gt;'
		);
	}
});
