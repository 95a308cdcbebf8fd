/**
 * What a reader preparing a report relies on, on a laptop's screen: the table lists what the
 * other views show and says why, "Show all" lists everything, the CSV opens in Excel with every
 * script intact, the timeline picture never cuts a title mid-word, and the dashboard is never
 * blank or wrong while the store opens or once it is empty.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from './test';
import Papa from 'papaparse';
import { actorIdsOf, eventSpan, overlaps } from '../../src/lib/model/events';
import { DEFAULT_EVENT_COUNT, defaultFile, eventsLabel, wholeTable } from './fixtures';

test.use({ viewport: { width: 1366, height: 768 } });

const WAIT = { timeout: 15_000 };
const rows = (page: Page) => page.getByTestId('event-table').locator('tbody tr[data-event-id]');
const rowIds = async (page: Page) =>
	(
		await rows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-event-id') ?? ''))
	).sort();

/** The main timeline's window, from its public test hooks (the window state's truth). */
async function windowOf(page: Page): Promise<{ start: number; end: number }> {
	const timeline = page.getByTestId('timeline');
	await expect(timeline).toHaveAttribute('data-window-start', /Z$/, WAIT);
	const start = await timeline.getAttribute('data-window-start');
	const end = await timeline.getAttribute('data-window-end');
	return { start: Date.parse(start ?? ''), end: Date.parse(end ?? '') };
}

/** The default events in a window, and of an actor when given: what the views show. */
function expectedIds(window: { start: number; end: number }, actor?: string): string[] {
	return defaultFile.events
		.filter((e) => overlaps(eventSpan(e), window))
		.filter((e) => actor === undefined || actorIdsOf(e).includes(actor as never))
		.map((e) => e.id)
		.sort();
}

async function download(page: Page, click: () => Promise<void>): Promise<string> {
	const [file] = await Promise.all([page.waitForEvent('download', WAIT), click()]);
	return file.path();
}

test('the table follows the window and the actor filter, says so, and “Show all” lists every event', async ({
	page
}) => {
	await page.goto('/?from=2023-06-01T00:00:00.000Z&to=2023-12-01T00:00:00.000Z&actor=kim-jong-un');
	await page.getByRole('tab', { name: 'Table' }).click();
	const window = await windowOf(page);
	const inWindow = expectedIds(window);
	expect(inWindow.length).toBeGreaterThan(3);
	expect(inWindow.length).toBeLessThan(DEFAULT_EVENT_COUNT);

	// The window: the count, the rows and the words agree.
	const count = page.getByTestId('event-count');
	await expect(count).toHaveText(`${inWindow.length} of ${eventsLabel(DEFAULT_EVENT_COUNT)}`, WAIT);
	await expect(rows(page)).toHaveCount(inWindow.length);
	expect(await rowIds(page)).toEqual(inWindow);
	const scope = page.getByTestId('table-scope');
	await expect(scope).toHaveText(
		`: the window ${await page.getByTestId('window-label').innerText()}`
	);

	// The actor filter narrows it further, and is named.
	await page
		.getByTestId('actor-panel')
		.getByRole('checkbox', { name: 'Only these events on the timeline' })
		.check();
	const kims = expectedIds(window, 'kim-jong-un');
	expect(kims.length).toBeGreaterThan(0);
	expect(kims.length).toBeLessThan(inWindow.length);
	await expect(count).toHaveText(`${kims.length} of ${eventsLabel(DEFAULT_EVENT_COUNT)}`);
	await expect.poll(() => rowIds(page)).toEqual(kims);
	await expect(scope).toContainText(/: the window .+ · Kim Jong Un$/);

	// The text filter narrows what is in scope, and the count still matches the rows.
	await page.getByTestId('event-filter').fill('Vostochny');
	await expect(scope).toContainText('· Kim Jong Un · “Vostochny”');
	// The rows follow once the events' texts are read: the count changes first.
	await expect(count).not.toHaveText(`${kims.length} of ${eventsLabel(DEFAULT_EVENT_COUNT)}`);
	await wholeTable(page);
	const matching = await rows(page).count();
	expect(matching).toBeGreaterThan(0);
	expect(matching).toBeLessThan(kims.length);
	await expect(count).toHaveText(`${matching} of ${eventsLabel(DEFAULT_EVENT_COUNT)}`);
	await page.getByTestId('event-filter').fill('');

	// One control lists everything; another goes back to following the views.
	await page.getByTestId('table-show-all').click();
	await expect(count).toHaveText(eventsLabel(DEFAULT_EVENT_COUNT));
	await expect(rows(page)).toHaveCount(DEFAULT_EVENT_COUNT);
	await expect(scope).toHaveCount(0);
	await page.getByTestId('table-follow').click();
	await expect(rows(page)).toHaveCount(kims.length);

	// A hidden dataset is named too, and its events leave the total shown.
	await page.getByTestId('table-show-all').click();
	await page.getByTestId('import-open').click();
	const importer = page.getByTestId('import-dialog');
	await importer.getByTestId('import-paste').fill(JSON.stringify(cyrillicFile));
	await importer.getByRole('button', { name: 'Read the pasted JSON' }).click();
	await importer.getByTestId('import-commit').click();
	await expect(count).toHaveText(eventsLabel(DEFAULT_EVENT_COUNT + 1), WAIT);
	await page
		.getByTestId('dataset-list')
		.locator('li[data-dataset-id="moscow-notes"]')
		.getByTestId('dataset-visible')
		.uncheck();
	await expect(count).toHaveText(
		`${DEFAULT_EVENT_COUNT} of ${eventsLabel(DEFAULT_EVENT_COUNT + 1)}`
	);
	await expect(scope).toHaveText(': “Moscow notes” hidden');
	await expect(rows(page)).toHaveCount(DEFAULT_EVENT_COUNT);
});

/** A small dataset in Russian, with accents and dashes. */
const cyrillicFile = {
	format: 'trama',
	version: 1,
	dataset: { id: 'moscow-notes', name: 'Moscow notes' },
	actors: [{ id: 'sokolova', name: 'Ирина Соколова', kind: 'person' }],
	events: [
		{
			id: 'vstrecha',
			title: 'Встреча в Москве — café “Pushkin”',
			summary: 'Zürich, São Paulo; 23–24 June',
			start: '2023-06-23',
			confidence: 'reported',
			participants: [{ actor: 'sokolova' }]
		}
	]
};

test('the CSV starts with a byte-order mark and keeps Cyrillic, accents and dashes intact', async ({
	page
}) => {
	await page.goto('/');
	await page.getByTestId('import-open').click();
	const importer = page.getByTestId('import-dialog');
	await importer.getByTestId('import-paste').fill(JSON.stringify(cyrillicFile));
	await importer.getByRole('button', { name: 'Read the pasted JSON' }).click();
	await importer.getByTestId('import-commit').click();
	await expect(page.getByTestId('dataset-list').locator('li')).toHaveCount(2, WAIT);

	await page.getByTestId('export-open').click();
	const dialog = page.getByTestId('export-dialog');
	await dialog.getByTestId('export-scope').selectOption('all');
	await dialog.getByLabel('CSV (spreadsheets)').check();
	await expect(dialog).toContainText('Opens in Excel with accents and other scripts intact.');
	const path = await download(page, () => dialog.getByTestId('export-download').click());
	const bytes = readFileSync(path);
	expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	const parsed = Papa.parse<string[]>(text).data.filter((r) => r.length > 1);
	expect(parsed[0]?.[0]).toBe('id');
	expect(parsed).toHaveLength(DEFAULT_EVENT_COUNT + 2);
	const row = parsed.find((r) => r[0] === 'vstrecha');
	expect(row?.[2]).toBe('Встреча в Москве — café “Pushkin”');
	expect(row?.[8]).toBe('Ирина Соколова');
	expect(row?.[12]).toBe('Zürich, São Paulo; 23–24 June');
	// The default dataset's own dashes and accents too.
	const wagner = parsed.find((r) => r[0] === 'wagner-mutiny-2023');
	expect(wagner?.[12]).toContain('On 23–24 June 2023');
});

test('the timeline picture fits every title at a word boundary', async ({ page }) => {
	await page.goto('/?from=2023-06-01T00:00:00.000Z&to=2023-12-01T00:00:00.000Z');
	await expect(page.getByTestId('timeline').locator('[data-event-id]').first()).toBeAttached(WAIT);
	await page.getByTestId('export-open').click();
	const dialog = page.getByTestId('export-dialog');
	const path = await download(page, () =>
		dialog.getByRole('button', { name: 'Timeline (SVG)' }).click()
	);
	const svg = readFileSync(path, 'utf8');
	const titles = new Map<string, string>(defaultFile.events.map((e) => [e.id, e.title]));
	const labels = await page.evaluate((text) => {
		const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
		return [...doc.querySelectorAll('g.item[data-event-id]')].map((g) => ({
			id: g.getAttribute('data-event-id') ?? '',
			label: g.querySelector(':scope > text')?.textContent ?? '',
			tooltip: g.querySelector(':scope > title')?.textContent ?? ''
		}));
	}, svg);
	expect(labels.length).toBeGreaterThan(5);
	for (const { id, label, tooltip } of labels) {
		const title = titles.get(id) ?? '';
		if (label === title) continue;
		// Shortened: whole words then an ellipsis, and the whole title kept as the tooltip.
		expect(tooltip).toBe(title);
		if (label === '') continue;
		expect(label.endsWith('…'), label).toBe(true);
		const head = label.slice(0, -1);
		expect(title.startsWith(head), label).toBe(true);
		expect(/^[\s,;:.!?\-–—/(]/.test(title.slice(head.length)), `“${label}” of “${title}”`).toBe(
			true
		);
	}
});

test('an empty dashboard offers Import and the default dataset, and Restore brings it back', async ({
	page
}) => {
	await page.goto('/');
	await expect(page.getByTestId('timeline')).toBeVisible(WAIT);
	await page.getByRole('button', { name: `Delete dataset “${defaultFile.dataset.name}”` }).click();
	await page.getByRole('button', { name: 'Delete dataset', exact: true }).click();

	const empty = page.getByTestId('empty-dashboard');
	await expect(empty).toBeVisible(WAIT);
	await expect(empty.getByRole('heading', { name: 'No events to show' })).toBeVisible();
	await expect(page.getByTestId('timeline')).toHaveCount(0);
	await expect(page.getByTestId('dataset-list')).toContainText('No datasets');

	await empty.getByRole('button', { name: 'Import…' }).click();
	const importer = page.getByTestId('import-dialog');
	await expect(importer).toBeVisible();
	await importer.getByRole('button', { name: 'Cancel', exact: true }).click();
	await expect(importer).toBeHidden();

	await empty.getByRole('button', { name: 'Restore the default dataset' }).click();
	await expect(page.getByTestId('notice')).toContainText(
		`Default dataset restored: ${eventsLabel(DEFAULT_EVENT_COUNT)}.`,
		WAIT
	);
	await expect(empty).toHaveCount(0);
	await expect(page.getByTestId('timeline')).toBeVisible();
	await page.getByRole('tab', { name: 'Table' }).click();
	await expect(page.getByTestId('event-count')).toHaveText(eventsLabel(DEFAULT_EVENT_COUNT));
	await expect(rows(page)).toHaveCount(DEFAULT_EVENT_COUNT);
});

test('while the store opens, the datasets say so, never “No datasets”', async ({ page }) => {
	// Watch the list from the first render on; the store's first answer arrives tasks later.
	await page.addInitScript(() => {
		const seen = { loading: false, none: false };
		(window as unknown as { __seen: typeof seen }).__seen = seen;
		new MutationObserver(() => {
			const list = document.querySelector('[data-testid="dataset-list"]');
			if (!list) return;
			if (list.querySelector('[data-testid="datasets-loading"]')) seen.loading = true;
			if (list.textContent?.includes('No datasets')) seen.none = true;
		}).observe(document, { childList: true, subtree: true, characterData: true });
	});
	await page.goto('/');
	const list = page.getByTestId('dataset-list');
	await expect(list.locator('li[data-dataset-id="default"]')).toBeVisible(WAIT);
	await expect(list.getByTestId('datasets-loading')).toHaveCount(0);
	const seen = await page.evaluate(
		() => (window as unknown as { __seen: { loading: boolean; none: boolean } }).__seen
	);
	expect(seen).toEqual({ loading: true, none: false });
});
