/** The default dataset as a first-time user sees it in the table. */
import { expect, test } from './test';
import { defaultFile, openTable } from './fixtures';

test('the Xi–Putin meetings are listed with their places', async ({ page }) => {
	const meetings = defaultFile.events.filter(
		(e) =>
			e.tags.includes('xi-putin') &&
			e.participants.some((p) => p.actor === 'putin') &&
			e.participants.some((p) => p.actor === 'xi-jinping')
	);
	expect(meetings.length).toBeGreaterThanOrEqual(38);
	await openTable(page);
	const rows = page.getByTestId('event-table').locator('tbody tr[data-event-id]');
	await expect(rows).toHaveCount(defaultFile.events.length);
	for (const meeting of meetings) {
		const row = page.locator(`tr[data-event-id="${meeting.id}"]`);
		await expect(row.locator('td.col-place .place')).toHaveText(meeting.place?.name ?? '');
		await expect(row.locator('td.col-actors')).toContainText('Vladimir Putin');
		await expect(row.locator('td.col-actors')).toContainText('Xi Jinping');
	}
	// The first: Xi's state visit to Moscow, 22–24 March 2013.
	await expect(rows.first().locator('td.col-date time')).toHaveText('22\u2009–\u200924 Mar 2013');
	await expect(rows.first().locator('td.col-place')).toContainText('Moscow');
});

test('the Kim–Putin summit shows its true date and place', async ({ page }) => {
	await openTable(page);
	await page.getByTestId('event-filter').fill('Vostochny');
	const row = page.locator('tr[data-event-id="kim-putin-vostochny-2023"]');
	await expect(row.locator('td.col-date')).toHaveText('13 Sept 2023');
	await expect(row.locator('td.col-place .place')).toHaveText('Vostochny Cosmodrome, Amur Oblast');
	await expect(row.locator('td.col-place')).not.toContainText('Vladivostok');
});

test('the reported Musk–Putin contacts show as denied, beside the Kremlin’s denial', async ({
	page
}) => {
	await openTable(page);
	await page.getByTestId('event-filter').fill('musk putin');
	const claim = page.locator('tr[data-event-id="musk-putin-regular-contacts-reported"]');
	await expect(claim.locator('td.col-conf')).toHaveText('Denied');
	await expect(claim.locator('.event-title')).toHaveCSS('text-decoration-line', 'line-through');
	const denial = page.locator('tr[data-event-id="kremlin-denies-musk-putin-contacts-2024"]');
	await expect(denial.locator('td.col-date')).toHaveText('25 Oct 2024');
	await expect(denial.locator('td.col-title .kind')).toHaveText('Denial');
});
