import { readFileSync } from 'node:fs';
import { expect, test, type Page } from './test';
import { generateFile } from '../fixtures/generate';
import { DEFAULT_EVENT_COUNT, eventsLabel, openTable } from './fixtures';

async function openImport(page: Page) {
	await page.goto('/');
	await page.getByTestId('import-open').click();
	return page.getByTestId('import-dialog');
}

test('a file is downloaded from an address typed in the dialog and imported', async ({ page }) => {
	const dialog = await openImport(page);
	await dialog.getByTestId('import-url').fill('/examples/vis-timeline-example.json');
	await dialog.getByRole('button', { name: 'Download' }).click();
	const preview = dialog.getByTestId('import-preview');
	await expect(preview.getByTestId('import-format')).toHaveText('Format: vis-timeline');
	await expect(preview).toContainText('Creates the dataset “vis-timeline-example”');
	await expect(preview.getByTestId('import-counts')).toHaveText(
		'3 new · 0 changed · 0 identical (skipped) · 0 invalid'
	);
	await dialog.getByTestId('import-commit').click();
	await expect(page.getByTestId('notice')).toContainText('Imported 3 events into 1 dataset.');
	await expect(page.getByTestId('dataset-list').locator('li')).toHaveCount(2);
	await page.getByRole('tab', { name: 'Table' }).click();
	await expect(page.getByTestId('event-count')).toHaveText(eventsLabel(DEFAULT_EVENT_COUNT + 3));
});

test('a download that fails says why and writes nothing', async ({ page, baseURL }) => {
	const dialog = await openImport(page);
	const field = dialog.getByTestId('import-url');
	const download = dialog.getByRole('button', { name: 'Download' });

	await field.fill('ftp://example.org/events.json');
	await download.click();
	await expect(dialog.getByRole('alert')).toHaveText(
		'Cannot download: “ftp://example.org/events.json” is not a web address: it must start with http:// or https://.'
	);

	await field.fill('/examples/missing.json');
	await download.click();
	await expect(dialog.getByTestId('import-error')).toHaveText(
		`Cannot be imported: the server answered 404 Not Found for ${baseURL}/examples/missing.json`
	);

	await field.fill('/');
	await download.click();
	await expect(dialog.getByTestId('import-error').last()).toHaveText(
		`Cannot be imported: ${baseURL}/ is a web page, not a JSON file`
	);

	// Nothing listens on port 9: the same message a server refusing other sites (CORS) gets.
	await field.fill('http://127.0.0.1:9/events.json');
	await download.click();
	await expect(dialog.getByTestId('import-error').last()).toHaveText(
		'Cannot be imported: could not download from 127.0.0.1:9: the server is unreachable, or it does not let other sites read its files (CORS)'
	);
	await expect(dialog.getByTestId('import-commit')).toHaveText('Nothing to import');
	await expect(dialog.getByTestId('import-commit')).toBeDisabled();
	await dialog.getByRole('button', { name: 'Cancel' }).click();
	await expect(page.getByTestId('dataset-list').locator('li')).toHaveCount(1);
});

test('a link with ?import= opens the dialog with the file read, and imports only when asked', async ({
	page
}) => {
	await page.goto('/?import=/examples/timelinejs-example.json&lanes=kind');
	const dialog = page.getByTestId('import-dialog');
	await expect(dialog).toBeVisible();
	await expect(dialog.getByTestId('import-format')).toHaveText('Format: TimelineJS3');
	// The link's other settings stay; the import request leaves the address.
	await expect(page).toHaveURL(/\?lanes=kind$/);
	await expect(page.getByTestId('dataset-list').locator('li')).toHaveCount(1);
	await dialog.getByTestId('import-commit').click();
	await expect(page.getByTestId('dataset-list').locator('li')).toHaveCount(2);
	await page.reload();
	await expect(page.getByTestId('import-dialog')).toBeHidden();
});

test('a link to another site asks first, names the host, and sends no cookies or referrer', async ({
	page,
	context
}) => {
	// The other site, answered here: every request it gets is recorded with its headers.
	const example = readFileSync('static/examples/vis-timeline-example.json', 'utf8');
	const requests: Record<string, string>[] = [];
	await context.addCookies([
		{ name: 'tracker', value: 'analyst-7', domain: 'data.example.org', path: '/' }
	]);
	await context.route('https://data.example.org/**', (route) => {
		requests.push(route.request().headers());
		return route.fulfill({
			status: 200,
			contentType: 'application/json',
			headers: { 'access-control-allow-origin': '*' },
			body: example
		});
	});
	const link = '/?import=https://data.example.org/feeds/events.json';
	await page.goto(link);
	const dialog = page.getByTestId('import-dialog');
	const consent = dialog.getByTestId('import-consent');
	await expect(consent.getByRole('heading')).toHaveText('Download a file from data.example.org?');
	await expect(consent.getByTestId('import-consent-url')).toHaveText(
		'https://data.example.org/feeds/events.json'
	);
	// The keyboard starts on the question.
	await expect(
		consent.getByRole('button', { name: 'Download from data.example.org' })
	).toBeFocused();
	// Seen, and not downloaded: saying no fetches nothing.
	await page.waitForTimeout(500);
	expect(requests).toHaveLength(0);
	await consent.getByRole('button', { name: 'Don’t download' }).click();
	await expect(consent).toBeHidden();
	await expect(dialog.getByTestId('import-preview')).toBeHidden();
	expect(requests).toHaveLength(0);

	// The same link again, and yes, remembering the host: one request, without the cookie the
	// browser holds for that site and without saying which page sent it.
	await page.goto(link);
	await consent.getByRole('checkbox', { name: 'Don’t ask again for data.example.org' }).check();
	await consent.getByRole('button', { name: 'Download from data.example.org' }).click();
	await expect(dialog.getByTestId('import-format')).toHaveText('Format: vis-timeline');
	expect(requests).toHaveLength(1);
	expect(requests[0]!.cookie).toBeUndefined();
	expect(requests[0]!.referer).toBeUndefined();

	// Remembered: the next link from that host downloads without asking; another host still asks.
	await page.goto(link);
	await expect(dialog.getByTestId('import-format')).toHaveText('Format: vis-timeline');
	await expect(consent).toBeHidden();
	expect(requests).toHaveLength(2);
	await page.goto('/?import=https://elsewhere.example.net/e.json');
	await expect(consent.getByRole('heading')).toHaveText(
		'Download a file from elsewhere.example.net?'
	);
	// The dialog says which sites download without asking, and can forget them.
	await consent.getByRole('button', { name: 'Don’t download' }).click();
	await expect(dialog.getByTestId('approved-hosts')).toContainText(
		'Links from data.example.org download without asking.'
	);
	await dialog.getByRole('button', { name: 'Ask again for every site' }).click();
	await expect(dialog.getByTestId('approved-hosts')).toBeHidden();
	await page.goto(link);
	await expect(consent).toBeVisible();
	expect(requests).toHaveLength(2);
});

test('a large paste is read at once, without filling the text box', async ({ page }) => {
	await page.goto('/');
	await page.getByTestId('import-open').click();
	const dialog = page.getByTestId('import-dialog');
	// About 2 MB of events: drawn in a text box, this much text froze the page.
	const events = Array.from({ length: 4000 }, (_, i) => ({
		id: `p${i}`,
		content: `Pasted item ${i} ${'·'.repeat(400)}`,
		start: '2024-03-05'
	}));
	const box = dialog.getByTestId('import-paste');
	await box.evaluate((el, text) => {
		const data = new DataTransfer();
		data.setData('text/plain', text);
		el.dispatchEvent(
			new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })
		);
	}, JSON.stringify(events));
	await expect(dialog.getByTestId('import-counts')).toHaveText(
		'4,000 new · 0 changed · 0 identical (skipped) · 0 invalid'
	);
	await expect(box).toHaveValue('');
});

test('files dropped anywhere on the page open the import dialog', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByTestId('dataset-count')).toBeVisible();
	const text = JSON.stringify([{ id: 'd1', content: 'Dropped item', start: '2024-03-05' }]);
	const transfer = await page.evaluateHandle((body) => {
		const dt = new DataTransfer();
		dt.items.add(new File([body], 'dropped.json', { type: 'application/json' }));
		return dt;
	}, text);
	const target = page.getByTestId('network');
	await target.dispatchEvent('dragenter', { dataTransfer: transfer });
	await target.dispatchEvent('dragover', { dataTransfer: transfer });
	await expect(page.getByTestId('drop-zone')).toHaveText('Drop JSON files to import them');
	await target.dispatchEvent('drop', { dataTransfer: transfer });
	await expect(page.getByTestId('drop-zone')).toBeHidden();
	const dialog = page.getByTestId('import-dialog');
	await expect(dialog).toBeVisible();
	await expect(dialog.locator('[data-file="dropped.json"] h3')).toHaveText('dropped.json');
	await expect(dialog.getByTestId('import-counts')).toHaveText(
		'1 new · 0 changed · 0 identical (skipped) · 0 invalid'
	);
});

test('a list of records is mapped field by field, its actors matched to stored ones, and the mapping remembered', async ({
	page
}) => {
	const records = [
		{
			headline: 'Talks in Pyongyang',
			when: '2024-06-19',
			who: 'Vladímir Putin; Kim Jong-un',
			venue: 'Pyongyang'
		},
		{ headline: 'A new envoy', when: '2024-07', who: 'Ana Example', venue: 'Moscow' }
	];
	const dialog = await openImport(page);
	await dialog.getByTestId('import-paste').fill(JSON.stringify(records));
	await dialog.getByRole('button', { name: 'Read the pasted JSON' }).click();
	const mapping = dialog.getByTestId('import-mapping');
	await expect(dialog.getByTestId('import-format')).toHaveText('Format: List of records');
	await expect(mapping.locator('select[data-target="title"]')).toHaveValue('headline');
	await expect(mapping.locator('select[data-target="start"]')).toHaveValue('when');
	await expect(mapping.locator('select[data-target="actors"]')).toHaveValue('who');
	await expect(mapping.locator('select[data-target="place"]')).toHaveValue('venue');

	// Two names match stored actors (accents and hyphen aside); one is new.
	const matches = dialog.getByTestId('import-matches');
	await expect(matches.locator('li')).toHaveText([
		/“Vladímir Putin” → Vladimir Putin/,
		/“Kim Jong-un” → Kim Jong Un/
	]);
	await expect(dialog.getByTestId('import-new-actors')).toHaveText('Creates 1 actor: Ana Example');
	await matches
		.locator('li', { hasText: 'Kim' })
		.getByRole('button', { name: 'Keep separate' })
		.click();
	await expect(matches.locator('li').nth(1)).toContainText('“Kim Jong-un” stays a separate actor');
	await expect(dialog.getByTestId('import-new-actors')).toHaveText(
		'Creates 2 actors: Kim Jong-un, Ana Example'
	);
	await matches
		.locator('li', { hasText: 'Kim' })
		.getByRole('button', { name: 'Match again' })
		.click();
	await expect(dialog.getByTestId('import-new-actors')).toHaveText('Creates 1 actor: Ana Example');

	// Without a title the records cannot be imported; the choice is remembered for the same fields.
	await mapping.locator('select[data-target="place"]').selectOption('');
	await expect(dialog.getByTestId('import-counts')).toHaveText(
		'2 new · 0 changed · 0 identical (skipped) · 0 invalid'
	);
	await dialog.getByTestId('import-commit').click();
	await expect(page.getByTestId('notice')).toContainText('Imported 2 events into 1 dataset.');

	await page.getByTestId('import-open').click();
	await dialog.getByTestId('import-paste').fill(JSON.stringify(records));
	await dialog.getByRole('button', { name: 'Read the pasted JSON' }).click();
	await expect(dialog.getByTestId('import-counts')).toHaveText(
		'0 new · 0 changed · 2 identical (skipped) · 0 invalid'
	);
	await expect(mapping.locator('select[data-target="place"]')).toHaveValue('');

	// The imported talks are with the stored Putin and Kim, not with copies of them.
	await dialog.getByRole('button', { name: 'Cancel' }).click();
	await openTable(page);
	await page.getByTestId('event-filter').fill('Talks in Pyongyang');
	const row = page
		.getByTestId('event-table')
		.locator('tbody tr[data-event-id]', { hasText: 'Talks in Pyongyang' });
	await expect(row).toHaveCount(1);
	await row.getByRole('button', { name: 'Vladimir Putin' }).click();
	await expect(
		page.getByTestId('actor-panel').locator('li[data-actor-id="kim-jong-un"]')
	).toBeVisible();
});

test('a large file is read off the page with progress, and cancelling leaves nothing behind', async ({
	page
}) => {
	test.setTimeout(90_000);
	const big = Buffer.from(JSON.stringify(generateFile(30_000)));
	expect(big.byteLength).toBeGreaterThan(10 * 1024 * 1024);
	const dialog = await openImport(page);
	await dialog.getByTestId('import-file').setInputFiles({
		name: 'big.json',
		mimeType: 'application/json',
		buffer: big
	});
	const progress = dialog.getByTestId('import-progress');
	await expect(progress).toBeVisible();
	await dialog.getByTestId('import-cancel').click();
	await expect(progress).toBeHidden();
	await expect(dialog.locator('[data-file="big.json"]')).toHaveCount(0);
	await expect(dialog.getByTestId('import-commit')).toHaveText('Nothing to import');

	// Read in full, then written with progress; a cancel while writing rolls everything back.
	await dialog.getByTestId('import-file').setInputFiles({
		name: 'big.json',
		mimeType: 'application/json',
		buffer: big
	});
	await expect(dialog.getByTestId('import-counts')).toHaveText(
		'30,000 new · 0 changed · 0 identical (skipped) · 0 invalid',
		{ timeout: 60_000 }
	);
	await dialog.getByTestId('import-commit').click();
	await expect(progress).toContainText('Writing');
	await dialog.getByTestId('import-cancel').click();
	await expect(dialog.getByTestId('import-commit-error')).toHaveText(
		'Import cancelled: nothing was written.'
	);
	await expect(page.getByTestId('dataset-list').locator('li')).toHaveCount(1);
	await expect(page.getByTestId('dataset-count')).toContainText(String(DEFAULT_EVENT_COUNT));
});
