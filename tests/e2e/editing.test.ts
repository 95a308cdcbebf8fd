/**
 * Correcting the record in the app: an event's title, dates, confidence and summary are edited in
 * the details panel, saved in one transaction, shown at once in every view, kept across a reload,
 * and taken back by Undo (the notice's button, or Ctrl+Z) and made again by Ctrl+Shift+Z.
 */
import { expect, test, type Page } from './test';
import { openTable } from './fixtures';

const SUMMIT = 'kim-putin-vostochny-2023';
const TITLE = 'Kim Jong Un and Putin hold summit at Vostochny Cosmodrome';

const row = (page: Page) => page.locator(`tr[data-event-id="${SUMMIT}"]`);
const details = (page: Page) => page.getByTestId('event-details');
const editor = (page: Page) => page.getByTestId('event-editor');

async function openEditor(page: Page, title = TITLE) {
	await row(page).getByRole('button', { name: title }).click();
	await expect(details(page).getByRole('heading', { level: 2 })).toHaveText(title);
	await details(page).getByRole('button', { name: 'Edit', exact: true }).click();
	await expect(editor(page)).toBeVisible();
}

test('edit an event’s title and date, see it in every view, reload, undo and redo', async ({
	page
}) => {
	await openTable(page);
	await openEditor(page);
	const form = editor(page);
	await expect(form.getByLabel('Title', { exact: true })).toHaveValue(TITLE);
	await expect(form.getByLabel('Start', { exact: true })).toHaveValue('2023-09-13');

	// Dates typed as people write them, read back at the precision understood.
	await form.getByLabel('Start', { exact: true }).fill('Sept 2023');
	await expect(form.getByTestId('editor-start-read')).toHaveText('Read as: Sept 2023');
	await form.getByLabel('Start', { exact: true }).fill('c. 14 Sept 2023');
	await expect(form.getByTestId('editor-start-read')).toHaveText('Read as: c. 14 Sept 2023');
	await form.getByLabel('Title', { exact: true }).fill('Summit at Vostochny (edited)');
	await form.getByLabel('Confidence', { exact: true }).selectOption('reported');
	await form.getByRole('button', { name: 'Save' }).click();

	await expect(page.getByTestId('notice')).toContainText('Saved “Summit at Vostochny (edited)”.');
	await expect(editor(page)).toHaveCount(0);
	await expect(details(page).getByRole('heading', { level: 2 })).toHaveText(
		'Summit at Vostochny (edited)'
	);
	await expect(row(page).locator('td.col-date')).toHaveText('c. 14 Sept 2023');
	await expect(row(page).locator('td.col-title')).toContainText('Summit at Vostochny (edited)');
	await expect(row(page).locator('td.col-conf')).toContainText('Reported');
	// The timeline draws the new title (zoomed to the event, where it is drawn on its own).
	await details(page).getByRole('button', { name: 'Zoom to event' }).click();
	await expect(
		page.locator(`[data-testid=timeline] [data-event-id="${SUMMIT}"]`).first()
	).toContainText('Summit at Vostochny (edited)');

	// Kept in the store.
	await page.reload();
	await page.getByRole('tab', { name: 'Table' }).click();
	await expect(row(page).locator('td.col-title')).toContainText('Summit at Vostochny (edited)');

	// Ctrl+Z undoes it (outside a text field), across the reload; Ctrl+Shift+Z redoes it.
	await page.locator('body').click({ position: { x: 5, y: 300 } });
	await page.keyboard.press('Control+z');
	await expect(page.getByTestId('notice')).toContainText(
		'Undid the change to “Summit at Vostochny (edited)”.'
	);
	await expect(row(page).locator('td.col-title')).toContainText(TITLE);
	await expect(row(page).locator('td.col-date')).toHaveText('13 Sept 2023');
	await page.keyboard.press('Control+Shift+z');
	await expect(row(page).locator('td.col-title')).toContainText('Summit at Vostochny (edited)');
	// And the notice after a save carries Undo.
	await openEditor(page, 'Summit at Vostochny (edited)');
	await editor(page).getByLabel('Title', { exact: true }).fill('Once more');
	await editor(page).getByRole('button', { name: 'Save' }).click();
	await page.getByTestId('notice-undo').click();
	await expect(row(page).locator('td.col-title')).toContainText('Summit at Vostochny (edited)');
	await page.keyboard.press('Control+z');
	await expect(row(page).locator('td.col-title')).toContainText(TITLE);
	await page.keyboard.press('Control+z');
	await expect(page.getByTestId('notice')).toContainText('Nothing to undo.');

	// The header's buttons name what they would change, and are off when there is nothing.
	await expect(page.getByTestId('undo')).toBeDisabled();
	const redo = page.getByTestId('redo');
	await expect(redo).toHaveAccessibleName(
		'Redo the change to “Summit at Vostochny (edited)” (Ctrl+Shift+Z)'
	);
	await redo.click();
	await expect(row(page).locator('td.col-title')).toContainText('Summit at Vostochny (edited)');
	await expect(page.getByTestId('undo')).toHaveAccessibleName(
		'Undo the change to “Summit at Vostochny (edited)” (Ctrl+Z)'
	);
});

test('the form says what is wrong beside the field, and a bad edit changes nothing', async ({
	page
}) => {
	await openTable(page);
	await openEditor(page);
	const form = editor(page);
	await form.getByLabel('Start', { exact: true }).fill('Sept 13');
	await form.getByLabel('End', { exact: true }).fill('1 Sept 2023');
	await form.getByLabel('Title', { exact: true }).fill('  ');
	await form.getByRole('button', { name: 'Save' }).click();
	await expect(form.getByText('The title is empty')).toBeVisible();
	// The first field with an error takes the focus, so its reason is in view.
	await expect(form.getByLabel('Title', { exact: true })).toBeFocused();
	await expect(form.getByTestId('editor-start-read')).toHaveText(
		'"Sept 13" has no year: write the year too, as in 13 Sept 2023'
	);
	await form.getByLabel('Start', { exact: true }).fill('13/09/2023');
	await expect(form.getByTestId('editor-start-read')).toHaveText('Read as: 13 Sept 2023');
	await expect(form.getByTestId('editor-end-read')).toHaveText('The end is before the start');
	await form.getByLabel('Title', { exact: true }).fill(TITLE);
	await form.getByRole('button', { name: 'Save' }).click();
	await expect(editor(page)).toBeVisible();
	await form.getByRole('button', { name: 'Cancel' }).click();
	await expect(row(page).locator('td.col-date')).toHaveText('13 Sept 2023');
	// Escape in a field leaves the form too, and the details come back.
	await details(page).getByRole('button', { name: 'Edit', exact: true }).click();
	await editor(page).getByLabel('Title', { exact: true }).press('Escape');
	await expect(editor(page)).toHaveCount(0);
	await expect(details(page).getByRole('heading', { level: 2 })).toHaveText(TITLE);
	await expect(row(page).locator('td.col-title')).toContainText(TITLE);
});
