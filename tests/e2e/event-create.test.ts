/**
 * Adding, duplicating and deleting events in the app: the form covers who took part, how they
 * are related, where, tags and sources; each change shows in every view at once, is kept in the
 * event's history, and can be undone.
 */
import { expect, test, type Page } from './test';
import { DEFAULT_EVENT_COUNT, defaultFile, eventsLabel, openTable } from './fixtures';

const SUMMIT = 'kim-putin-vostochny-2023';
const SUMMIT_TITLE = 'Kim Jong Un and Putin hold summit at Vostochny Cosmodrome';
const editor = (page: Page) => page.getByTestId('event-editor');
const details = (page: Page) => page.getByTestId('event-details');
const count = (page: Page) => page.getByTestId('event-count');

test('add an event with participants, a relation, a tag and a source; see it everywhere; undo it', async ({
	page
}) => {
	await openTable(page);
	await expect(count(page)).toHaveText(eventsLabel(DEFAULT_EVENT_COUNT));
	await page.getByTestId('new-event').click();
	const form = editor(page);
	await expect(form.getByRole('heading', { name: 'New event' })).toBeVisible();
	await expect(form.getByLabel('Title', { exact: true })).toBeFocused();
	await expect(form.getByLabel('Dataset', { exact: true })).toHaveValue(defaultFile.dataset.id);

	await form.getByLabel('Title', { exact: true }).fill('Putin and Kim speak by phone');
	await form.getByLabel('Start', { exact: true }).fill('14 Sept 2023');
	await expect(form.getByTestId('editor-start-read')).toHaveText('Read as: 14 Sept 2023');
	await form.getByLabel('Kind').selectOption({ label: 'Call' });
	await form.getByLabel('Confidence', { exact: true }).selectOption({ label: 'Reported' });

	// Actors by name or by one word of a name; a word several names share is refused.
	const who = form.getByLabel('Add a participant');
	await who.fill('korea');
	await who.press('Enter');
	await expect(form.getByTestId('editor-participants')).toContainText(
		'Several actors match “korea” (North Korea, South Korea): choose one from the list.'
	);
	await who.fill('putin');
	await who.press('Enter');
	await who.fill('Kim Jong Un');
	await form.getByTestId('editor-participants').getByRole('button', { name: 'Add' }).click();
	await form.getByLabel('Role of Kim Jong Un').fill('caller');
	const participants = form.getByTestId('editor-participants').locator('li');
	await expect(participants).toHaveText([/Vladimir Putin/, /Kim Jong Un/]);

	const relations = form.getByTestId('editor-relations');
	await relations.getByLabel('From').selectOption({ label: 'Kim Jong Un' });
	await relations.getByLabel('Relation').selectOption({ label: 'called' });
	await relations.getByLabel('To').selectOption({ label: 'Vladimir Putin' });
	await relations.getByRole('button', { name: 'Add' }).click();
	await expect(relations.locator('li .relation')).toHaveText(
		/^Kim Jong Un\s+→\s+called Vladimir Putin$/
	);
	// A participant in a relation cannot leave before it.
	await form.getByRole('button', { name: 'Remove Kim Jong Un' }).click();
	await expect(form.getByTestId('editor-participants')).toContainText(
		'Kim Jong Un is in a relation: remove the relation first.'
	);

	await form.getByLabel('No earlier than').fill('10 Sept 2023');
	await expect(form.getByTestId('editor-earliest-read')).toHaveText('Read as: 10 Sept 2023');
	await form.getByLabel('No later than').fill('15 Sept 2023');
	await form.getByLabel('Place', { exact: true }).fill('Pyongyang');
	await form.getByLabel('Country').selectOption({ label: 'North Korea' });
	await form.getByLabel('Latitude').fill('39.03');
	await form.getByLabel('Longitude').fill('125.75');
	await form.getByLabel('Add tags').fill('phone, arms');
	await form.getByLabel('Add tags').press('Enter');
	await form.getByRole('button', { name: 'Add a source' }).click();
	await form.getByLabel('Address (URL)').fill('https://example.org/call');
	await form.getByLabel('Publisher').fill('Example News');
	await form.getByLabel('Published').fill('15 Sept 2023');
	await form.getByLabel('Language').fill('es');
	await form.getByRole('button', { name: 'Add event' }).click();

	await expect(page.getByTestId('notice')).toContainText('Added “Putin and Kim speak by phone”.');
	await expect(editor(page)).toHaveCount(0);
	await expect(count(page)).toHaveText(eventsLabel(DEFAULT_EVENT_COUNT + 1));
	// The new event is selected: its details say what was entered, and when it was added.
	const panel = details(page);
	await expect(panel.getByRole('heading', { level: 2 })).toHaveText('Putin and Kim speak by phone');
	await expect(panel.locator('.date')).toHaveText(
		'14 Sept 2023 (between 10 Sept 2023 and 15 Sept 2023)'
	);
	await expect(panel.locator('.kind')).toHaveText('Call');
	await expect(panel.getByRole('button', { name: 'Kim Jong Un' })).toContainText('caller');
	await expect(panel.locator('.relations li')).toHaveText(
		/Kim Jong Un\s+→\s+called\s+Vladimir Putin/
	);
	await expect(panel).toContainText('Pyongyang, North Korea');
	await expect(panel.getByRole('link', { name: 'Example News' })).toHaveAttribute(
		'href',
		'https://example.org/call'
	);
	await expect(panel).toContainText('published 15 Sept 2023');
	const history = page.getByTestId('event-history');
	await expect(history).toContainText(/Added \d+ \w+ \d{4}/);
	await expect(history).not.toContainText('Loaded with the default dataset');
	// The table has it in date order, with its actors and confidence.
	const row = page.locator('tr[data-event-id]').filter({ hasText: 'Putin and Kim speak by phone' });
	// The table says the bounds under the date.
	await expect(row.locator('td.col-date')).toHaveText(
		'14 Sept 2023 between 10 Sept 2023 and 15 Sept 2023'
	);
	await expect(row.locator('td.col-conf')).toContainText('Reported');
	// Kept across a reload.
	await page.reload();
	await page.getByRole('tab', { name: 'Table' }).click();
	await expect(count(page)).toHaveText(eventsLabel(DEFAULT_EVENT_COUNT + 1));

	// Undo takes it out again (the header's button names what it undoes).
	await expect(page.getByTestId('undo')).toHaveAccessibleName(
		'Undo adding “Putin and Kim speak by phone” (Ctrl+Z)'
	);
	await page.getByTestId('undo').click();
	await expect(page.getByTestId('notice')).toContainText(
		'Undid adding “Putin and Kim speak by phone”.'
	);
	await expect(count(page)).toHaveText(eventsLabel(DEFAULT_EVENT_COUNT));
	await expect(row).toHaveCount(0);
});

test('the form refuses what cannot be saved, beside the field, and saves nothing', async ({
	page
}) => {
	await openTable(page);
	await page.keyboard.press('n');
	const form = editor(page);
	await expect(form).toBeVisible();
	await form.getByRole('button', { name: 'Add event' }).click();
	await expect(form.getByText('The title is empty')).toBeVisible();
	await expect(form.getByTestId('editor-start-read')).toHaveText('The start is empty');
	await expect(form.getByLabel('Title', { exact: true })).toBeFocused();

	await form.getByLabel('Title', { exact: true }).fill('A call nobody confirmed');
	await form.getByLabel('Start', { exact: true }).fill('2023');
	// A relation needs two participants: the field says so until there are two.
	await expect(form.getByTestId('editor-relations')).toContainText(
		'A relation needs two participants.'
	);
	await form.getByLabel('Add a participant').fill('Nobody Atall');
	await form.getByLabel('Add a participant').press('Enter');
	await expect(form.getByTestId('editor-participants')).toContainText(
		'No actor is called “Nobody Atall”.'
	);
	await form.getByRole('button', { name: 'Add a source' }).click();
	await form.getByLabel('Address (URL)').fill('ftp://example.org/file');
	await form.getByLabel('Published').fill('Sept 13');
	await expect(form.getByTestId('editor-sources')).toContainText('"Sept 13" has no year');
	await form.getByRole('button', { name: 'Add event' }).click();
	await expect(form.getByTestId('editor-sources')).toContainText('has no year');
	await form.getByLabel('Published').fill('');
	await form.getByRole('button', { name: 'Add event' }).click();
	await expect(form.getByTestId('editor-sources').getByRole('alert')).toContainText('http');
	await form.getByLabel('End', { exact: true }).fill('2022');
	await expect(form.getByTestId('editor-end-read')).toHaveText('The end is before the start');
	await form.getByLabel('No later than').fill('1 Jan 2020');
	await form.getByLabel('Latitude').fill('north');
	await form.getByRole('button', { name: 'Add event' }).click();
	await expect(form.getByTestId('editor-latest-read')).toContainText('2020');
	await expect(form).toContainText('Coordinates are numbers in degrees, as in 43.1 and 131.9');

	// Escape leaves the form; nothing was added.
	await form.getByLabel('End', { exact: true }).press('Escape');
	await expect(editor(page)).toHaveCount(0);
	await expect(count(page)).toHaveText(eventsLabel(DEFAULT_EVENT_COUNT));
	await expect(page.getByTestId('undo')).toBeDisabled();
});

test('delete an event and undo it; duplicate one into a copy of its own', async ({ page }) => {
	await openTable(page);
	const summit = page.locator(`tr[data-event-id="${SUMMIT}"]`);
	await summit.getByRole('button', { name: SUMMIT_TITLE }).click();
	await details(page).getByTestId('delete-event').click();
	await expect(page.getByTestId('notice')).toContainText(`Deleted “${SUMMIT_TITLE}”.`);
	await expect(summit).toHaveCount(0);
	await expect(count(page)).toHaveText(eventsLabel(DEFAULT_EVENT_COUNT - 1));
	await expect(details(page)).toContainText('Select an event');
	await page.getByTestId('notice').getByRole('button', { name: 'Undo' }).click();
	await expect(summit).toHaveCount(1);
	await expect(count(page)).toHaveText(eventsLabel(DEFAULT_EVENT_COUNT));

	await summit.getByRole('button', { name: SUMMIT_TITLE }).click();
	await details(page).getByRole('button', { name: 'Duplicate' }).click();
	const form = editor(page);
	await expect(form.getByLabel('Title', { exact: true })).toHaveValue(`${SUMMIT_TITLE} (copy)`);
	await expect(form.getByLabel('Start', { exact: true })).toHaveValue('2023-09-13');
	await expect(form.getByTestId('editor-participants')).toContainText('Kim Jong Un');
	await expect(form.getByTestId('editor-participants')).toContainText('Vladimir Putin');
	await form.getByRole('button', { name: 'Add event' }).click();
	await expect(count(page)).toHaveText(eventsLabel(DEFAULT_EVENT_COUNT + 1));
	await expect(details(page).getByRole('heading', { level: 2 })).toHaveText(
		`${SUMMIT_TITLE} (copy)`
	);
	// The copy is a new event: the original is still there, with its own id.
	await expect(summit).toHaveCount(1);
	await expect(
		page.locator('tr[data-event-id]').filter({ hasText: `${SUMMIT_TITLE} (copy)` })
	).toHaveCount(1);
});

test('with nothing stored, the first event goes into a new dataset', async ({ page }) => {
	await openTable(page);
	await page.getByRole('button', { name: `Delete dataset “${defaultFile.dataset.name}”` }).click();
	await page.getByRole('button', { name: 'Delete dataset', exact: true }).click();
	await page.getByTestId('empty-new-event').click();
	const form = editor(page);
	await expect(form.getByLabel('Dataset', { exact: true })).toHaveValue('');
	await form.getByLabel('Title', { exact: true }).fill('First note');
	await form.getByLabel('Start', { exact: true }).fill('c. 1990');
	await form.getByRole('button', { name: 'Add event' }).click();
	await expect(form.getByText('The new dataset needs a name')).toBeVisible();
	await form.getByLabel('Name of the new dataset').fill('My notes');
	await form.getByRole('button', { name: 'Add event' }).click();
	await expect(page.getByTestId('notice')).toContainText('Added “First note”.');
	await expect(page.getByTestId('dataset-list')).toContainText('My notes');
	await expect(page.getByTestId('dataset-list')).toContainText('1 event');
	await page.getByRole('tab', { name: 'Table' }).click();
	await expect(count(page)).toHaveText(eventsLabel(1));
	await expect(page.locator('tr[data-event-id] td.col-date')).toHaveText('c. 1990');
});

test('a double-click on an actor’s lane starts an event there, dated as finely as the zoom allows', async ({
	page
}) => {
	await page.goto('/');
	const timeline = page.getByTestId('timeline');
	await expect(timeline).toHaveAttribute('data-axis-start', /\d/);
	const start = Date.parse((await timeline.getAttribute('data-axis-start')) ?? '');
	const end = Date.parse((await timeline.getAttribute('data-axis-end')) ?? '');
	// Putin's lane is first; mid-June 2020 is empty there in the default data.
	const lane = timeline.locator('.vis-foreground .vis-group').first();
	const centre = await timeline.locator('.vis-panel.vis-center').boundingBox();
	const box = await lane.boundingBox();
	if (!centre || !box) throw new Error('no timeline drawn');
	const at = Date.UTC(2020, 5, 15);
	const x = centre.x + ((at - start) / (end - start)) * centre.width;
	await page.mouse.dblclick(x, box.y + box.height - 4);
	const form = editor(page);
	await expect(form.getByRole('heading', { name: 'New event' })).toBeVisible();
	// The whole range is on screen (years wide): the date is the month pointed at.
	await expect(form.getByLabel('Start', { exact: true })).toHaveValue('2020-06');
	await expect(form.getByTestId('editor-start-read')).toHaveText('Read as: Jun 2020');
	await expect(form.getByTestId('editor-participants').locator('li')).toHaveText([
		/Vladimir Putin/
	]);
	await form.getByRole('button', { name: 'Cancel' }).click();
	await expect(editor(page)).toHaveCount(0);
});

test('dragging the selected event along the timeline moves its dates at their precision', async ({
	page
}) => {
	await openTable(page);
	const summit = page.locator(`tr[data-event-id="${SUMMIT}"]`);
	await summit.getByRole('button', { name: SUMMIT_TITLE }).click();
	await details(page).getByRole('button', { name: 'Zoom to event' }).click();
	const timeline = page.getByTestId('timeline');
	const item = timeline.locator(`.vis-item [data-event-id="${SUMMIT}"]`).first();
	await expect(item).toBeVisible();
	await page.waitForTimeout(600);
	const start = Date.parse((await timeline.getAttribute('data-axis-start')) ?? '');
	const end = Date.parse((await timeline.getAttribute('data-axis-end')) ?? '');
	const centre = await timeline.locator('.vis-panel.vis-center').boundingBox();
	const box = await item.boundingBox();
	if (!centre || !box) throw new Error('no item drawn');
	// Two days to the right, in pixels of the window drawn.
	const dx = ((2 * 86_400_000) / (end - start)) * centre.width;
	const y = box.y + box.height / 2;
	await page.mouse.move(box.x + 4, y);
	await page.mouse.down();
	await page.mouse.move(box.x + 4 + dx / 2, y, { steps: 5 });
	await page.mouse.move(box.x + 4 + dx, y, { steps: 5 });
	await page.mouse.up();
	await expect(page.getByTestId('notice')).toContainText(
		`Moved “${SUMMIT_TITLE}” to 15 Sept 2023.`
	);
	// Still selected: its details follow it (the table lists the window, which it may have left).
	await expect(details(page).locator('.date')).toHaveText('15 Sept 2023');
	await page.getByTestId('notice').getByRole('button', { name: 'Undo' }).click();
	await expect(details(page).locator('.date')).toHaveText('13 Sept 2023');
});

test('the tags field suggests the tags the data uses, each time the form opens', async ({
	page
}) => {
	await openTable(page);
	for (let round = 0; round < 2; round++) {
		await page.getByTestId('new-event').click();
		const add = editor(page).getByLabel('Add tags');
		await add.fill('bri');
		await expect(editor(page).locator('#editor-tag-names option')).toHaveCount(1);
		await expect(editor(page).locator('#editor-tag-names option')).toHaveAttribute(
			'value',
			'brics'
		);
		await editor(page).getByRole('button', { name: 'Cancel' }).click();
		await expect(editor(page)).toBeHidden();
	}
});
