import { expect, test } from './test';
import { DEFAULT_EVENT_COUNT, defaultFile, eventsLabel, openTable } from './fixtures';

test('deleting the default dataset empties the table, survives a reload, and restore brings it back', async ({
	page
}) => {
	await openTable(page);
	await expect(page.getByTestId('event-count')).toHaveText(eventsLabel(DEFAULT_EVENT_COUNT));

	await page.getByRole('button', { name: `Delete dataset “${defaultFile.dataset.name}”` }).click();
	const dialog = page.getByTestId('confirm-dialog').filter({ visible: true });
	await expect(dialog).toContainText(`and its ${eventsLabel(DEFAULT_EVENT_COUNT)} will be removed`);
	// Cancel first: nothing changes.
	await dialog.getByRole('button', { name: 'Cancel' }).click();
	await expect(page.getByTestId('event-count')).toHaveText(eventsLabel(DEFAULT_EVENT_COUNT));

	await page.getByRole('button', { name: `Delete dataset “${defaultFile.dataset.name}”` }).click();
	await page.getByRole('button', { name: 'Delete dataset', exact: true }).click();
	// The views give way to the two ways of getting events back.
	await expect(page.getByTestId('empty-dashboard')).toContainText('No events to show');
	await expect(page.getByTestId('event-table')).toHaveCount(0);
	await expect(page.getByTestId('notice')).toContainText(`Deleted “${defaultFile.dataset.name}”`);

	// A deleted default dataset does not come back by itself.
	await page.reload();
	await expect(page.getByTestId('empty-dashboard')).toBeVisible();

	await page
		.getByTestId('dataset-list')
		.getByRole('button', { name: 'Restore the default dataset' })
		.click();
	await page.getByRole('button', { name: 'Restore', exact: true }).click();
	await page.getByRole('tab', { name: 'Table' }).click();
	await expect(page.getByTestId('event-count')).toHaveText(eventsLabel(DEFAULT_EVENT_COUNT));
	await expect(page.getByTestId('notice')).toContainText(
		`Default dataset restored: ${eventsLabel(DEFAULT_EVENT_COUNT)}`
	);
});

test('a change in one tab shows in another', async ({ context }) => {
	const first = await context.newPage();
	await openTable(first);
	await expect(first.getByTestId('event-count')).toHaveText(eventsLabel(DEFAULT_EVENT_COUNT));
	const second = await context.newPage();
	await openTable(second);
	await expect(second.getByTestId('event-count')).toHaveText(eventsLabel(DEFAULT_EVENT_COUNT));

	await first.getByRole('button', { name: `Delete dataset “${defaultFile.dataset.name}”` }).click();
	await first.getByRole('button', { name: 'Delete dataset', exact: true }).click();
	await expect(second.getByTestId('empty-dashboard')).toBeVisible();
	await expect(second.getByTestId('dataset-list')).toContainText('No datasets');
});

test('the theme can be switched and is remembered', async ({ page }) => {
	await openTable(page);
	const html = page.locator('html');
	const before = await html.getAttribute('data-theme');
	await page.getByTestId('theme-toggle').click();
	const after = before === 'dark' ? 'light' : 'dark';
	await expect(html).toHaveAttribute('data-theme', after);
	await page.reload();
	await expect(html).toHaveAttribute('data-theme', after);
});

test('deleting the data behind a selection clears it everywhere', async ({ page }) => {
	await page.goto('/?actor=putin&event=kim-putin-vostochny-2023');
	await expect(page.getByTestId('actor-panel')).toHaveAttribute('data-actor-id', 'putin');
	await page.getByRole('button', { name: `Delete dataset “${defaultFile.dataset.name}”` }).click();
	await page.getByRole('button', { name: 'Delete dataset', exact: true }).click();
	await expect(page.getByTestId('actor-panel')).toHaveCount(0);
	await expect(page.getByTestId('event-details').locator('h2')).toHaveCount(0);
	await expect(page.getByTestId('empty-dashboard')).toBeVisible();
});

test('a dataset can be hidden (the views follow), shown again, and renamed', async ({ page }) => {
	await openTable(page);
	const item = page.getByTestId('dataset-list').locator('li[data-dataset-id="default"]');
	await item.getByTestId('dataset-visible').uncheck();
	// The table says why it lists nothing: every event is in the hidden dataset.
	await expect(page.getByTestId('event-count')).toHaveText(
		`0 of ${eventsLabel(DEFAULT_EVENT_COUNT)}`
	);
	await expect(page.getByTestId('table-scope')).toHaveText(
		`: “${defaultFile.dataset.name}” hidden`
	);
	await expect(page.getByTestId('empty-state')).toContainText('Every dataset is hidden');
	await expect(item.getByTestId('dataset-count')).toHaveText(/^\d+ events · hidden$/);
	await page.getByRole('tab', { name: 'Network' }).click();
	await expect(page.getByTestId('network').locator('.node')).toHaveCount(0);
	await page.reload();
	await expect(page.getByTestId('dataset-list').getByTestId('dataset-visible')).not.toBeChecked();
	await page.getByTestId('dataset-list').getByTestId('dataset-visible').check();
	await page.getByRole('tab', { name: 'Table' }).click();
	await expect(page.getByTestId('event-count')).toHaveText(eventsLabel(DEFAULT_EVENT_COUNT));

	await page.getByRole('button', { name: `Rename “${defaultFile.dataset.name}”` }).click();
	const field = page.getByLabel('New name');
	await field.fill('   ');
	await page.getByRole('button', { name: 'Save' }).click();
	// A blank name is refused with a reason; the field stays open, the old name stays.
	await expect(page.getByTestId('notice')).toContainText('a dataset needs a name');
	await field.press('Escape');
	await expect(page.getByTestId('dataset-list')).toContainText(defaultFile.dataset.name);
	await page.getByRole('button', { name: `Rename “${defaultFile.dataset.name}”` }).click();
	await page.getByLabel('New name').fill('Xi, Putin, Kim');
	await page.getByLabel('New name').press('Enter');
	await expect(page.getByTestId('dataset-list')).toContainText('Xi, Putin, Kim');
	await expect(page.getByTestId('notice')).toContainText('Renamed to “Xi, Putin, Kim”.');
});

test('a deleted dataset comes back with Undo, across a reload; a rename is undone too', async ({
	page
}) => {
	await openTable(page);
	await page.getByRole('button', { name: `Delete dataset “${defaultFile.dataset.name}”` }).click();
	await page.getByRole('button', { name: 'Delete dataset', exact: true }).click();
	await expect(page.getByTestId('empty-dashboard')).toBeVisible();
	// The deletion waits in the store: a reload still offers to undo it.
	await page.reload();
	await expect(page.getByTestId('empty-dashboard')).toBeVisible();
	await expect(page.getByTestId('undo')).toHaveAccessibleName(
		`Undo deleting the dataset “${defaultFile.dataset.name}” (Ctrl+Z)`
	);
	await page.getByTestId('undo').click();
	await page.getByRole('tab', { name: 'Table' }).click();
	await expect(page.getByTestId('event-count')).toHaveText(eventsLabel(DEFAULT_EVENT_COUNT));

	await page.getByRole('button', { name: `Rename “${defaultFile.dataset.name}”` }).click();
	await page.getByLabel('New name').fill('Renamed set');
	await page.getByLabel('New name').press('Enter');
	await expect(page.getByTestId('dataset-list')).toContainText('Renamed set');
	await page.getByTestId('notice').getByRole('button', { name: 'Undo' }).click();
	await expect(page.getByTestId('dataset-list')).toContainText(defaultFile.dataset.name);
	await expect(page.getByTestId('dataset-list')).not.toContainText('Renamed set');
});

test('restoring the default dataset over an edit is undone from the notice', async ({ page }) => {
	await openTable(page);
	const summit = page.locator('tr[data-event-id="kim-putin-vostochny-2023"]');
	await summit.getByRole('button').first().click();
	await page.getByTestId('event-details').getByTestId('delete-event').click();
	await expect(page.getByTestId('event-count')).toHaveText(eventsLabel(DEFAULT_EVENT_COUNT - 1));

	await page
		.getByTestId('dataset-list')
		.getByRole('button', { name: 'Restore the default dataset' })
		.click();
	await expect(page.getByTestId('confirm-dialog').filter({ visible: true })).toContainText(
		'Undo brings them back'
	);
	await page.getByRole('button', { name: 'Restore', exact: true }).click();
	await expect(page.getByTestId('event-count')).toHaveText(eventsLabel(DEFAULT_EVENT_COUNT));
	await expect(summit).toHaveCount(1);

	// Undo puts back the dataset as it was before the restore: without the deleted event.
	await page.getByTestId('notice').getByRole('button', { name: 'Undo' }).click();
	await expect(page.getByTestId('notice')).toContainText(
		`Undid restoring “${defaultFile.dataset.name}”.`
	);
	await expect(page.getByTestId('event-count')).toHaveText(eventsLabel(DEFAULT_EVENT_COUNT - 1));
	await expect(summit).toHaveCount(0);
	// And the deletion before it is undone in turn.
	await page.getByTestId('undo').click();
	await expect(summit).toHaveCount(1);
});
