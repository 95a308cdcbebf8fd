/**
 * When the browser's storage cannot be used: plain words, what to do, and "Try again" only where
 * trying again can help. Data a newer Trama wrote is never touched.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from './test';
import { headsFromColumns, type HeadColumns } from '../../src/lib/db/head-columns';
import { DEFAULT_EVENT_COUNT, defaultFile, eventsLabel } from './fixtures';

/** `n` vis-timeline items spread over 2010–2023, titled "<label> <i>" (made longer by `pad`). */
function visItems(prefix: string, n: number, label: string, pad = 0) {
	return Array.from({ length: n }, (_, i) => ({
		id: `${prefix}${i}`,
		content: `${label} ${i}${pad ? ` ${'x'.repeat(pad)}` : ''}`,
		start: `20${String(10 + (i % 14)).padStart(2, '0')}-03-05`
	}));
}

/** Opens the import dialog and picks a JSON file holding `json`; returns the dialog. */
async function pickFile(page: Page, name: string, json: unknown) {
	await page.getByTestId('import-open').click();
	const dialog = page.getByTestId('import-dialog');
	await dialog.getByTestId('import-file').setInputFiles({
		name,
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify(json))
	});
	return dialog;
}

/** The heads of columns as JSON writes them: plain records, their span included. */
function headsAsJson(...args: Parameters<typeof headsFromColumns>): Record<string, unknown>[] {
	return JSON.parse(JSON.stringify(headsFromColumns(...args))) as Record<string, unknown>[];
}
test('a database a newer Trama wrote is refused in words and left as it was', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByTestId('dataset-list').locator('li')).toHaveCount(1);
	// A newer Trama upgrades the database (this tab's connection makes way for it).
	const before = await page.evaluate(
		() =>
			new Promise<{ version: number; datasets: number }>((resolve, reject) => {
				const request = indexedDB.open('trama', 9990);
				request.onupgradeneeded = () => request.result.createObjectStore('annotations');
				request.onerror = () => reject(new Error(String(request.error)));
				request.onsuccess = () => {
					const db = request.result;
					const count = db.transaction('datasets').objectStore('datasets').count();
					count.onsuccess = () => {
						db.close();
						resolve({ version: db.version, datasets: count.result });
					};
				};
			})
	);
	expect(before).toEqual({ version: 9990, datasets: 1 });

	await page.reload();
	const error = page.getByTestId('error-state');
	await expect(error).toContainText('Trama could not open its data');
	await expect(error).toContainText(
		'This browser holds data written by a newer version of Trama. Open that version to work with it, or restore a backup in another browser profile. Nothing was changed.'
	);
	// Trying again cannot help, so it is not offered; no library's name or link is shown.
	await expect(error.getByRole('button', { name: 'Try again' })).toHaveCount(0);
	await expect(error).not.toContainText(/dexie|https?:/i);
	// Nothing offers what can only fail without the store: importing, exporting, filtering.
	await expect(page.getByTestId('import-open')).toHaveCount(0);
	await expect(page.getByTestId('export-open')).toHaveCount(0);
	await expect(page.getByTestId('facets')).toHaveCount(0);
	await expect(page.getByTestId('new-event')).toHaveCount(0);
	await expect(page.getByTestId('search')).toHaveCount(0);
	const after = await page.evaluate(
		() =>
			new Promise<{ version: number; datasets: number; stores: string[] }>((resolve) => {
				const request = indexedDB.open('trama');
				request.onsuccess = () => {
					const db = request.result;
					const count = db.transaction('datasets').objectStore('datasets').count();
					count.onsuccess = () => {
						db.close();
						resolve({
							version: db.version,
							datasets: count.result,
							stores: [...db.objectStoreNames]
						});
					};
				};
			})
	);
	expect(after.version).toBe(9990);
	expect(after.datasets).toBe(1);
	expect(after.stores).toContain('annotations');
});

test('a browser that refuses to keep data says so, and opens without saving on request', async ({
	page
}) => {
	// As some privacy settings do: IndexedDB is there, and refuses every database.
	await page.addInitScript(() => {
		IDBFactory.prototype.open = () => {
			throw new DOMException('The user denied permission to access the database.', 'SecurityError');
		};
	});
	await page.goto('/');
	const error = page.getByTestId('error-state');
	await expect(error).toContainText(
		'This browser does not let Trama keep data. Private windows and some privacy settings turn off the storage Trama needs (IndexedDB); a normal window, or allowing this site to store data, brings it back.'
	);
	await expect(error).toContainText('nothing is kept when this tab closes');
	await expect(error).not.toContainText(/dexie|tinyurl|https?:|denied permission/i);
	await expect(error.getByRole('button', { name: 'Try again' })).toHaveCount(0);

	await error.getByTestId('open-in-memory').click();
	await expect(page.getByTestId('memory-mode')).toContainText('Nothing is saved');
	await expect(page.getByTestId('dataset-list').locator('li')).toHaveCount(1);
	await page.getByRole('tab', { name: 'Table' }).click();
	await expect(page.getByTestId('event-count')).toHaveText(eventsLabel(DEFAULT_EVENT_COUNT));
});

test('without IndexedDB at all, files are read, searched, exported, and nothing is kept', async ({
	page
}) => {
	await page.addInitScript(() => {
		Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
	});
	await page.goto('/');
	await expect(page.getByTestId('memory-mode')).toContainText(
		'Nothing is saved: this browser does not let Trama keep data'
	);
	await expect(page.getByTestId('dataset-list').locator('li')).toHaveCount(1);
	// An import, on the page: previewed, written, shown, searched.
	const dialog = await pickFile(page, 'kept.json', visItems('k', 250, 'Kept in memory'));
	await expect(dialog.getByTestId('import-preview')).toContainText('250');
	await dialog.getByTestId('import-commit').click();
	await expect(dialog).toBeHidden();
	await expect(page.getByTestId('dataset-list').locator('li')).toHaveCount(2);
	await page.getByRole('tab', { name: 'Table' }).click();
	await expect(page.getByTestId('event-count')).toHaveText(eventsLabel(DEFAULT_EVENT_COUNT + 250));
	await page.getByTestId('search').fill('"Kept in memory 249"');
	await expect(page.getByTestId('event-table').locator('[data-event-id]')).toHaveCount(1);
	// A backup can be downloaded; the storage figures (not this store's) are not shown.
	await page.getByTestId('export-open').click();
	const exporter = page.getByTestId('export-dialog');
	await expect(exporter.getByTestId('storage-use')).toHaveCount(0);
	const download = page.waitForEvent('download');
	await exporter.getByTestId('backup-download').click();
	expect((await download).suggestedFilename()).toMatch(/^trama-backup-.*\.json$/);
	// Nothing outlives the tab: a reload starts again from the default dataset.
	await page.reload();
	await expect(page.getByTestId('dataset-list').locator('li')).toHaveCount(1);
});

test('a newer Trama opening the data in another tab is let through, and this tab says to reload', async ({
	page,
	context
}) => {
	await page.goto('/');
	await expect(page.getByTestId('dataset-list').locator('li')).toHaveCount(1);
	const other = await context.newPage();
	await other.goto('/examples/trama-example.json');
	// The other tab's upgrade is not blocked by this one.
	const version = await other.evaluate(
		() =>
			new Promise<number>((resolve, reject) => {
				const request = indexedDB.open('trama', 9990);
				request.onblocked = () => reject(new Error('blocked'));
				request.onsuccess = () => {
					request.result.close();
					resolve(request.result.version);
				};
			})
	);
	expect(version).toBe(9990);
	await expect(page.getByTestId('notice')).toContainText(
		'A newer Trama opened your data in another tab. Reload this tab to go on working with it.'
	);
	await expect(page.getByTestId('notice-reload')).toBeVisible();
});

test('when the browser’s storage is full, the import writes nothing and says how much is used', async ({
	page,
	context,
	baseURL
}) => {
	// Room for the default dataset (about 170 kB stored) and not for the file below (over a
	// megabyte). The browser applies a quota to an origin's storage from when it first opens it.
	const cdp = await context.newCDPSession(page);
	await cdp.send('Storage.overrideQuotaForOrigin', {
		origin: new URL(baseURL!).origin,
		quotaSize: 500_000
	});
	await page.goto('/');
	await expect(page.getByTestId('dataset-list').locator('li')).toHaveCount(1);
	const dialog = await pickFile(page, 'big.json', visItems('q', 5000, 'Quota item', 300));
	await dialog.getByTestId('import-commit').click();
	await expect(dialog.getByTestId('import-commit-error')).toContainText(
		/^The import failed and nothing was written: the browser’s storage for Trama is full \([\d.]+ (kB|MB) used of [\d.]+ (kB|MB|GB)\)\. Delete datasets you no longer need, or free space on this computer, and try again\.$/
	);
	await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
	// Nothing of it was written; what was there is still there.
	await expect(page.getByTestId('dataset-list').locator('li')).toHaveCount(1);
	await page.getByRole('tab', { name: 'Table' }).click();
	await expect(page.getByTestId('event-count')).toHaveText(eventsLabel(DEFAULT_EVENT_COUNT));
});

test('the backup section says how much the browser keeps for Trama', async ({ page }) => {
	await page.goto('/');
	await page.getByTestId('export-open').click();
	await expect(page.getByTestId('storage-use')).toContainText(
		/Trama’s data takes [\d.]+ (kB|MB) of this browser’s storage; about [\d.]+ (kB|MB|GB) is left\./
	);
});

test('a reload in the middle of writing an import leaves the old state or the new one, never a mix', async ({
	page
}) => {
	const n = 20_000;
	await page.goto('/');
	await expect(page.getByTestId('dataset-list').locator('li')).toHaveCount(1);
	const dialog = await pickFile(page, 'interrupted.json', visItems('r', n, 'Interrupted item'));
	await expect(dialog.getByTestId('import-commit')).toHaveText(
		`Import ${n.toLocaleString('en')} events`
	);
	await dialog.getByTestId('import-commit').click();
	// Writing: reload before it can finish.
	await expect(page.getByTestId('import-progress')).toBeVisible();
	await page.reload();
	await expect(page.getByTestId('dataset-list').locator('li').first()).toBeVisible();
	await page.getByRole('tab', { name: 'Table' }).click();
	const datasets = await page.getByTestId('dataset-list').locator('li').count();
	// Either nothing of the import (the write was cut) or all of it; the counts agree.
	const expected = datasets === 1 ? DEFAULT_EVENT_COUNT : DEFAULT_EVENT_COUNT + n;
	expect([1, 2]).toContain(datasets);
	await expect(page.getByTestId('event-count')).toHaveText(
		`${expected.toLocaleString('en')} events`,
		{
			timeout: 15_000
		}
	);
	if (datasets === 2)
		await expect(page.getByTestId('dataset-list')).toContainText(
			`${n.toLocaleString('en')} events`
		);
});

test('two tabs importing at once: both imports land, and each tab shows both', async ({
	page,
	context
}) => {
	const other = await context.newPage();
	const tabs = [
		{ page, name: 'first.json', events: visItems('a', 3000, 'a item') },
		{ page: other, name: 'second.json', events: visItems('b', 2000, 'b item') }
	];
	for (const tab of tabs) {
		await tab.page.goto('/');
		await expect(tab.page.getByTestId('dataset-list').locator('li')).toHaveCount(1);
		const dialog = await pickFile(tab.page, tab.name, tab.events);
		await expect(dialog.getByTestId('import-commit')).toBeEnabled();
	}
	// Both commits at once.
	await Promise.all(tabs.map((tab) => tab.page.getByTestId('import-commit').click()));
	for (const tab of tabs) {
		await expect(tab.page.getByTestId('notice')).toContainText('Imported', { timeout: 20_000 });
		await expect(tab.page.getByTestId('dataset-list').locator('li')).toHaveCount(3);
		await tab.page.getByRole('tab', { name: 'Table' }).click();
		await expect(tab.page.getByTestId('event-count')).toHaveText(
			`${(DEFAULT_EVENT_COUNT + 5000).toLocaleString('en')} events`,
			{ timeout: 15_000 }
		);
	}
});

/** A backup of one dataset, "Restored", of n events and no actors. */
function bigBackup(n: number) {
	return {
		format: 'trama-backup',
		version: 1,
		createdAt: '2026-12-01T10:00:00.000Z',
		datasets: [
			{
				id: 'restored',
				name: 'Restored',
				origin: { kind: 'paste' },
				importedAt: '2026-12-01T10:00:00.000Z',
				eventCount: n,
				events: Array.from({ length: n }, (_, i) => ({
					id: `s${i}`,
					title: `Restored event ${i}`,
					start: `20${String(10 + (i % 14)).padStart(2, '0')}-02-01`,
					confidence: 'reported'
				})),
				periods: []
			}
		],
		actors: [],
		settings: {}
	};
}

/** Opens the export dialog and chooses a backup file to restore. */
async function chooseBackup(page: Page, backup: unknown) {
	await page.getByTestId('export-open').click();
	const dialog = page.getByTestId('export-dialog');
	await dialog.getByTestId('restore-file').setInputFiles({
		name: 'backup.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify(backup))
	});
	return dialog;
}

test('a restore says how far it is and can be stopped: nothing changes', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByTestId('dataset-list').locator('li')).toHaveCount(1);
	const dialog = await chooseBackup(page, bigBackup(100_000));
	await expect(dialog.getByTestId('restore-preview')).toContainText(
		'holds 1 dataset, 100,000 events'
	);
	await dialog.getByTestId('restore-confirm').click();
	const progress = dialog.getByTestId('restore-progress');
	await progress.getByTestId('restore-stop').click();
	await expect(dialog.getByTestId('restore-error')).toHaveText(
		'The restore was stopped before it finished. Nothing changed.'
	);
	await expect(progress).toBeHidden();
	// The backup still waits for a yes; the store holds what it held.
	await expect(dialog.getByTestId('restore-confirm')).toBeEnabled();
	await page.keyboard.press('Escape');
	await page.getByRole('tab', { name: 'Table' }).click();
	await expect(page.getByTestId('dataset-list').locator('li')).toHaveCount(1);
	await expect(page.getByTestId('event-count')).toHaveText(eventsLabel(DEFAULT_EVENT_COUNT));
	await page.reload();
	await expect(page.getByTestId('dataset-list').locator('li')).toHaveCount(1);
	await page.getByRole('tab', { name: 'Table' }).click();
	await expect(page.getByTestId('event-count')).toHaveText(eventsLabel(DEFAULT_EVENT_COUNT));
});

test('a reload in the middle of a restore leaves everything as it was, or all of the backup', async ({
	page
}) => {
	const n = 30_000;
	await page.goto('/');
	await expect(page.getByTestId('dataset-list').locator('li')).toHaveCount(1);
	const dialog = await chooseBackup(page, bigBackup(n));
	await expect(dialog.getByTestId('restore-preview')).toContainText('holds 1 dataset');
	await dialog.getByTestId('restore-confirm').click();
	await page.reload();
	const list = page.getByTestId('dataset-list');
	await expect(list.locator('li').first()).toBeVisible();
	await page.getByRole('tab', { name: 'Table' }).click();
	const names = await list.locator('li').allInnerTexts();
	// The default dataset alone (the restore was cut), or the backup's dataset alone (it finished).
	if (names.length === 1 && names[0]!.includes('Restored'))
		await expect(page.getByTestId('event-count')).toHaveText(`${n.toLocaleString('en')} events`, {
			timeout: 15_000
		});
	else {
		expect(names).toHaveLength(1);
		await expect(page.getByTestId('event-count')).toHaveText(eventsLabel(DEFAULT_EVENT_COUNT), {
			timeout: 15_000
		});
	}
});

/**
 * Writes the store's first head block again as another program, or damage, might leave it: its
 * heads as JSON `text` in place of its columns (revision "foreign"), or its columns with the
 * last of their numbers gone.
 */
async function rewriteFirstHeadBlock(
	page: Page,
	change: { text: string } | { dropLastNumber: true }
): Promise<void> {
	await page.evaluate(
		(change) =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('trama');
				open.onerror = () => reject(new Error('open failed'));
				open.onsuccess = () => {
					const db = open.result;
					const tx = db.transaction('heads', 'readwrite');
					const cursor = tx.objectStore('heads').openCursor();
					cursor.onsuccess = () => {
						const c = cursor.result;
						if (!c) return;
						const { cols, ...block } = c.value as { cols: { refs: Int32Array } };
						c.update(
							'text' in change
								? { ...block, text: change.text, rev: 'foreign' }
								: { ...block, cols: { ...cols, refs: cols.refs.slice(0, -1) } }
						);
					};
					tx.oncomplete = () => {
						db.close();
						resolve();
					};
				};
			}),
		change
	);
}

/** A head block's columns as they cross from the page: typed arrays as lists of numbers. */
type PlainColumns = Pick<HeadColumns, 'count' | 'text' | 'words' | 'titles'> &
	Record<'lengths' | 'startMs' | 'endMs' | 'recordBlock' | 'refs', number[]>;

test('a stored event in a shape Trama does not read is set aside and listed; the rest works', async ({
	page
}) => {
	await page.goto('/');
	await expect(page.getByTestId('dataset-list').locator('li')).toHaveCount(1);
	// As an older or a foreign program might leave it: a block of heads as JSON text, one
	// event's participants not a list. The block's heads are read from its columns here.
	const stored = await page.evaluate(
		() =>
			new Promise<{ datasetId: string; cols: PlainColumns }>((resolve, reject) => {
				const open = indexedDB.open('trama');
				open.onerror = () => reject(new Error('open failed'));
				open.onsuccess = () => {
					const db = open.result;
					const read = db.transaction('heads').objectStore('heads').openCursor();
					read.onsuccess = () => {
						const block = read.result?.value as {
							datasetId: string;
							cols: Record<string, number | string | ArrayLike<number>>;
						};
						db.close();
						// Typed arrays do not cross to the test: lists of their numbers do.
						const cols = Object.fromEntries(
							Object.entries(block.cols).map(([k, v]) => [
								k,
								typeof v === 'object' && !Array.isArray(v) ? Array.from(v) : v
							])
						) as PlainColumns;
						resolve({ datasetId: block.datasetId, cols });
					};
				};
			})
	);
	// As JSON writes them (a head read from columns keeps its span in them).
	const heads = headsAsJson(
		{
			count: stored.cols.count,
			text: stored.cols.text,
			words: stored.cols.words,
			titles: stored.cols.titles,
			lengths: Int32Array.from(stored.cols.lengths),
			startMs: Float64Array.from(stored.cols.startMs),
			endMs: Float64Array.from(stored.cols.endMs),
			recordBlock: Int32Array.from(stored.cols.recordBlock),
			refs: Int32Array.from(stored.cols.refs)
		},
		stored.datasetId
	);
	const damaged = String(heads[0]!.id);
	heads[0] = { ...heads[0], participants: 'Putin; Xi' };
	await rewriteFirstHeadBlock(page, { text: JSON.stringify(heads) });
	await page.reload();
	await page.getByRole('tab', { name: 'Table' }).click();
	// The dataset says how many it holds; the views show those they can draw.
	await expect(page.getByTestId('event-count')).toHaveText(
		`${DEFAULT_EVENT_COUNT - 1} of ${eventsLabel(DEFAULT_EVENT_COUNT)}`
	);
	const aside = page.getByTestId('set-aside');
	await expect(aside).toContainText('1 stored event cannot be shown');
	await expect(aside).toContainText(`“${damaged}” (participants)`);
	await expect(aside.locator('.why')).toHaveText(/^Another program, or an older Trama, wrote them/);
	const download = page.waitForEvent('download');
	await aside.getByTestId('set-aside-download').click();
	const file = await download;
	expect(file.suggestedFilename()).toMatch(/^trama-set-aside-\d{4}-\d{2}-\d{2}\.json$/);
	const saved = JSON.parse(readFileSync((await file.path()) ?? '', 'utf8')) as {
		id: string;
		stored: { participants: unknown };
	}[];
	expect(saved.map((s) => [s.id, s.stored.participants])).toEqual([[damaged, 'Putin; Xi']]);
});

test('a block of heads whose columns are damaged is set aside whole: said with its count, kept, downloadable', async ({
	page
}) => {
	await page.goto('/');
	await expect(page.getByTestId('dataset-list').locator('li')).toHaveCount(1);
	// The default dataset's one head block loses the last of its numbers.
	await rewriteFirstHeadBlock(page, { dropLastNumber: true });
	await page.reload();
	const aside = page.getByTestId('set-aside');
	await expect(aside).toContainText(`${DEFAULT_EVENT_COUNT} stored events cannot be shown`);
	await expect(aside.locator('li')).toHaveText([
		`${defaultFile.dataset.name}: a block of ${eventsLabel(DEFAULT_EVENT_COUNT)}, unreadable`
	]);
	// Damage is as likely a cause as another program: the reason says both.
	await expect(aside.locator('.why')).toHaveText(
		/^Part of what is stored cannot be read: it may be damaged .*, or another program wrote it\./
	);
	// Nothing drawn: the timeline says so, and has no legend over its axis.
	await expect(page.getByTestId('timeline-empty')).toBeVisible();
	await expect(page.getByTestId('legend-toggle')).toHaveCount(0);
	const download = page.waitForEvent('download');
	await aside.getByTestId('set-aside-download').click();
	const saved = JSON.parse(readFileSync((await (await download).path()) ?? '', 'utf8')) as {
		field: string;
		events: number;
		stored: { count: number; refs: unknown; startMs: unknown };
	}[];
	expect(saved).toHaveLength(1);
	expect(saved[0]?.field).toBe('');
	expect(saved[0]?.events).toBe(DEFAULT_EVENT_COUNT);
	expect(saved[0]?.stored.count).toBe(DEFAULT_EVENT_COUNT);
	// The columns' numbers as lists, as stored (one number short), not as objects.
	expect(Array.isArray(saved[0]?.stored.refs)).toBe(true);
	expect((saved[0]?.stored.startMs as number[]).length).toBe(DEFAULT_EVENT_COUNT);
});

test('data with another program’s tables is not upgraded away: said, and downloadable as it is', async ({
	page
}) => {
	// An older store on this site that also holds a table Trama never wrote.
	await page.goto('/examples/trama-example.json');
	await page.evaluate(
		() =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('trama', 90);
				open.onupgradeneeded = () => {
					open.result.createObjectStore('datasets', { keyPath: 'id' });
					open.result
						.createObjectStore('annotations', { keyPath: 'id' })
						.put({ id: 'a', note: 'mine' });
				};
				open.onerror = () => reject(new Error('open failed'));
				open.onsuccess = () => {
					open.result.close();
					resolve();
				};
			})
	);
	await page.goto('/');
	const error = page.getByTestId('error-state');
	await expect(error).toContainText('also holds tables Trama did not write ("annotations")');
	await expect(error.getByRole('button', { name: 'Try again' })).toHaveCount(0);
	const download = page.waitForEvent('download');
	await error.getByTestId('download-raw').click();
	const file = await download;
	const raw = JSON.parse(readFileSync((await file.path()) ?? '', 'utf8')) as {
		version: number;
		tables: Record<string, unknown[]>;
	};
	expect(raw.version).toBe(90);
	expect(raw.tables.annotations).toEqual([{ key: 'a', value: { id: 'a', note: 'mine' } }]);
});
