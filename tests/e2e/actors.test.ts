/**
 * Correcting actors in the app: adding one from the event form, editing one, merging one that
 * is the same as another, and deleting one that events still name; each can be undone.
 */
import { expect, test, type Page } from './test';
import { openTable } from './fixtures';

const editor = (page: Page) => page.getByTestId('event-editor');
const details = (page: Page) => page.getByTestId('event-details');
const panel = (page: Page) => page.getByTestId('actor-panel');
const dialog = (page: Page) => page.getByTestId('actor-dialog');
const notice = (page: Page) => page.getByTestId('notice');

/** Adds an event through the form with one participant, a new actor made there. */
async function addEventWithNewActor(page: Page, title: string, actorName: string) {
	await page.getByTestId('new-event').click();
	const form = editor(page);
	await form.getByLabel('Title', { exact: true }).fill(title);
	await form.getByLabel('Start', { exact: true }).fill('Oct 2023');
	await form.getByLabel('Add a participant').fill(actorName);
	await form.getByLabel('Add a participant').press('Enter');
	await expect(form.getByTestId('editor-participants')).toContainText(
		`No actor is called “${actorName}”.`
	);
	await form.getByLabel('Kind of the new actor').selectOption({ label: 'Person' });
	await form.getByRole('button', { name: `Add “${actorName}” as a new actor` }).click();
	await expect(form.getByTestId('editor-participants').locator('li')).toHaveText([
		new RegExp(actorName)
	]);
	await form.getByRole('button', { name: 'Add event' }).click();
	await expect(notice(page)).toContainText(`Added “${title}”.`);
	await expect(details(page).getByRole('button', { name: actorName })).toBeVisible();
}

test('a new actor from the event form, merged into the actor it is, and the merge undone', async ({
	page
}) => {
	await openTable(page);
	await addEventWithNewActor(page, 'Vova calls Kim', 'Vova');

	// Vova is Vladimir Putin: merge the two from Vova's panel.
	await details(page).getByRole('button', { name: 'Vova' }).click();
	await expect(panel(page).getByRole('heading', { level: 2 })).toHaveText('Vova');
	const vovaId = (await panel(page).getAttribute('data-actor-id')) ?? '';
	expect(vovaId).not.toBe('');
	await panel(page).getByRole('button', { name: 'Merge…' }).click();
	await dialog(page).getByLabel('The actor it is the same as').fill('putin');
	await dialog(page)
		.getByRole('button', { name: /^Vladimir Putin/ })
		.click();
	await expect(dialog(page).getByLabel('Keep Vladimir Putin')).toBeChecked();
	const plan = dialog(page).getByTestId('merge-plan');
	await expect(plan).toContainText('1 event that names Vova will name Vladimir Putin.');
	await expect(plan).toContainText('Vova will be kept as aliases.');
	await expect(plan).toContainText('Vova will be deleted. Undo brings everything back.');
	await dialog(page).getByRole('button', { name: 'Merge', exact: true }).click();
	await expect(notice(page)).toContainText('Merged Vova into Vladimir Putin: 1 event changed.');
	await expect(dialog(page)).toBeHidden();

	// The event names Vladimir Putin now, and says so in its history.
	const row = page.locator('tr[data-event-id]').filter({ hasText: 'Vova calls Kim' });
	await expect(row.locator('td.col-actors')).toContainText('Vladimir Putin');
	await row.getByRole('button', { name: 'Vova calls Kim' }).click();
	await expect(details(page).getByRole('button', { name: 'Vladimir Putin' })).toBeVisible();
	await expect(page.getByTestId('event-history')).toContainText('Actors merged');
	await expect(page.getByTestId('event-history')).toContainText('Participants:');
	// Vova is no longer stored, and the history still names Vova, not its id.
	await expect(page.getByTestId('event-history')).toContainText('Vova');
	await expect(page.getByTestId('event-history')).not.toContainText(vovaId);

	await notice(page).getByRole('button', { name: 'Undo' }).click();
	await expect(row.locator('td.col-actors')).toContainText('Vova');
	await expect(details(page).getByRole('button', { name: 'Vova' })).toBeVisible();
});

test('edit an actor’s aliases and country; delete an actor events name, then undo', async ({
	page
}) => {
	await openTable(page);
	await addEventWithNewActor(page, 'Envoy arrives', 'Envoy Lin');
	await details(page).getByRole('button', { name: 'Envoy Lin' }).click();
	await panel(page).getByRole('button', { name: 'Edit', exact: true }).click();
	const d = dialog(page);
	await expect(d.getByLabel('Name')).toHaveValue('Envoy Lin');
	await d.getByLabel('Name').fill('');
	await d.getByRole('button', { name: 'Save' }).click();
	await expect(d.getByText('The name is empty')).toBeVisible();
	await d.getByLabel('Name').fill('Lin Wei');
	await d.getByLabel('Aliases').fill('Envoy Lin\n林伟');
	await d.getByLabel('Country').selectOption({ label: 'China' });
	await d.getByRole('button', { name: 'Save' }).click();
	await expect(notice(page)).toContainText('Saved the actor Lin Wei.');
	await expect(panel(page).getByRole('heading', { level: 2 })).toHaveText('Lin Wei');
	await expect(panel(page)).toContainText('Envoy Lin · 林伟');
	await expect(panel(page).locator('.kind')).toHaveText('Person · China');

	// Deleting it while an event names it says so, and takes it out of that event if asked.
	await panel(page).getByRole('button', { name: 'Delete' }).click();
	await expect(d).toContainText('Lin Wei is named by 1 event.');
	await expect(d.locator('.using li')).toHaveText(['Envoy arrives']);
	await d.getByRole('button', { name: 'Take out of 1 event and delete' }).click();
	await expect(notice(page)).toContainText('Deleted the actor Lin Wei, taken out of 1 event.');
	await expect(panel(page)).toHaveCount(0);
	const row = page.locator('tr[data-event-id]').filter({ hasText: 'Envoy arrives' });
	await expect(row.locator('td.col-actors')).not.toContainText('Lin Wei');

	await notice(page).getByRole('button', { name: 'Undo' }).click();
	await expect(row.locator('td.col-actors')).toContainText('Lin Wei');
});

test('an imported actor the names did not match is said, in the preview, to be one already stored', async ({
	page
}) => {
	await page.goto('/');
	await page.getByTestId('import-open').click();
	const dialog = page.getByTestId('import-dialog');
	const records = [
		{ headline: 'Talks by phone', when: '2024-06-19', who: 'VVP; Kim Jong-un' },
		{ headline: 'A new envoy', when: '2024-07', who: 'Ana Example' }
	];
	await dialog.getByTestId('import-paste').fill(JSON.stringify(records));
	await dialog.getByRole('button', { name: 'Read the pasted JSON' }).click();
	await expect(dialog.getByTestId('import-new-actors')).toHaveText(
		'Creates 2 actors: VVP, Ana Example'
	);
	const same = dialog.getByTestId('import-same-as');
	await same.getByText('Is one of them an actor you already have?').click();
	await same.getByLabel('New actor').selectOption({ label: 'VVP' });
	await same.getByLabel('Is the stored actor').fill('putin');
	await same.getByRole('button', { name: 'It is Vladimir Putin' }).click();
	await expect(dialog.getByTestId('import-matches').locator('li')).toContainText([
		'“VVP” → Vladimir Putin (your choice)'
	]);
	await expect(dialog.getByTestId('import-new-actors')).toHaveText('Creates 1 actor: Ana Example');
	await dialog.getByTestId('import-commit').click();
	await expect(notice(page)).toContainText('Imported 2 events');
	await page.getByRole('tab', { name: 'Table' }).click();
	const row = page.locator('tr[data-event-id]').filter({ hasText: 'Talks by phone' });
	await expect(row.locator('td.col-actors')).toContainText('Vladimir Putin');
	await expect(row.locator('td.col-actors')).not.toContainText('VVP');
});
