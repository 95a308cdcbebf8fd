/**
 * Search and facets: one filter for every view (issue "Find anything"). Expectations are
 * computed from the shipped dataset itself.
 */
import { expect, test, type Page } from './test';
import { DEFAULT_EVENT_COUNT, defaultFile, eventsLabel } from './fixtures';

const fold = (s: string) =>
	s
		.normalize('NFD')
		.replace(/\p{Diacritic}/gu, '')
		.toLowerCase();

/** The default events whose own text (not their id) mentions `word`. */
const mentioning = (word: string) =>
	defaultFile.events.filter((e) =>
		fold(JSON.stringify([e.title, e.summary, e.notes, e.place, e.tags, e.sources])).includes(
			fold(word)
		)
	);

const involving = (actor: string) =>
	defaultFile.events.filter(
		(e) =>
			e.participants.some((p) => p.actor === actor) ||
			e.relations.some((r) => r.source === actor || r.target === actor)
	);

const timelineIds = (page: Page) =>
	page
		.getByTestId('timeline')
		.locator('[data-event-id]')
		.evaluateAll((els) => [...new Set(els.map((el) => el.getAttribute('data-event-id')))]);

async function ready(page: Page, path = '/'): Promise<void> {
	await page.goto(path);
	await expect(page.getByTestId('filter-summary')).toHaveText(
		/^(All \d+ events|\d+ of \d+ events)$/,
		{ timeout: 20000 }
	);
}

test('searching “Vostochny” leaves the summit in the table, the timeline and its actors in the network', async ({
	page
}) => {
	const expected = mentioning('Vostochny');
	expect(expected.map((e) => e.id)).toContain('kim-putin-vostochny-2023');
	await ready(page);
	await page.keyboard.press('/');
	await expect(page.getByTestId('search')).toBeFocused();
	await page.keyboard.type('Vostochny');

	await expect(page.getByTestId('filter-summary')).toHaveText(
		`${expected.length} of ${eventsLabel(DEFAULT_EVENT_COUNT)}`
	);
	// The result list names each match, the summit among them.
	const results = page.getByTestId('search-results');
	await expect(results.locator('button.hit')).toHaveCount(expected.length);
	await expect(results.locator('[data-event-id="kim-putin-vostochny-2023"]')).toContainText(
		'13 Sept 2023'
	);

	// The timeline draws only the matches.
	await expect
		.poll(async () => (await timelineIds(page)).sort())
		.toEqual(expected.map((e) => e.id).sort());
	// The network draws the summit's actors.
	const network = page.getByTestId('network');
	await expect(network.locator('[data-actor-id="kim-jong-un"]')).toBeVisible();
	await expect(network.locator('[data-actor-id="putin"]')).toBeVisible();
	await expect(network.locator('[data-actor-id="musk"]')).toHaveCount(0);

	// Picking a result selects it; the table lists only the matches.
	await results.locator('[data-event-id="kim-putin-vostochny-2023"]').click();
	await expect(page.getByTestId('event-details')).toContainText('Vostochny');
	await page.getByRole('tab', { name: 'Table' }).click();
	await expect(page.getByTestId('event-count')).toContainText(`${expected.length} of`);
	await expect(page.getByTestId('table-scope')).toContainText('the filter (“Vostochny”)');
	await expect(page.getByTestId('event-table').locator('tbody tr[data-event-id]')).toHaveCount(
		expected.length
	);
});

test('the confidence facet “denied” counts the denied events and every view follows', async ({
	page
}) => {
	const denied = defaultFile.events.filter((e) => e.confidence === 'denied');
	expect(denied.length).toBeGreaterThan(0);
	await ready(page);
	const facets = page.getByTestId('facets');
	const box = facets.getByRole('checkbox', { name: `Denied (${denied.length})` });
	await expect(box).toBeVisible();
	await box.check();

	await expect(page.getByTestId('filter-summary')).toHaveText(
		`${denied.length} of ${eventsLabel(DEFAULT_EVENT_COUNT)}`
	);
	// The timeline draws denied events only (the lanes in view: it draws what can be seen).
	const deniedIds = new Set<string>(denied.map((e) => e.id));
	await expect
		.poll(async () => {
			const ids = await timelineIds(page);
			return ids.length > 0 && ids.every((id) => deniedIds.has(id ?? ''));
		})
		.toBe(true);
	// The overview draws the events kept over all of them, and says which is which.
	await expect(page.getByTestId('overview-key')).toContainText('Kept by the filter');
	const overview = page.getByTestId('overview');
	const sum = (attr: string) =>
		overview
			.locator(`rect[${attr}]`)
			.evaluateAll((els, a) => els.reduce((n, el) => n + Number(el.getAttribute(a)), 0), attr);
	await expect.poll(() => sum('data-count')).toBe(denied.length);
	await expect.poll(() => sum('data-total')).toBe(DEFAULT_EVENT_COUNT);

	// Other facets count under the choice: every kind listed adds up to the denied events.
	const kindFacet = facets.locator('[data-facet="kind"]');
	await kindFacet.locator('summary').click();
	const kindCounts = await kindFacet
		.locator('.count')
		.evaluateAll((els) => els.map((el) => Number(el.textContent?.replace(/\D/g, ''))));
	expect(kindCounts.reduce((a, b) => a + b, 0)).toBe(denied.length);

	await page.getByRole('tab', { name: 'Table' }).click();
	await expect(page.getByTestId('event-table').locator('tbody tr[data-event-id]')).toHaveCount(
		denied.length
	);

	// Clearing brings everything back.
	await facets.getByRole('button', { name: 'Clear all' }).click();
	await expect(page.getByTestId('filter-summary')).toHaveText(
		`All ${eventsLabel(DEFAULT_EVENT_COUNT)}`
	);
	await expect(page.getByTestId('overview-key')).toHaveCount(0);
});

test('a link with the filter reproduces it after a reload', async ({ page }) => {
	const expected = mentioning('Vostochny').filter((e) => e.confidence === 'confirmed');
	await ready(page, '/?q=Vostochny&f.confidence=confirmed');
	await expect(page.getByTestId('search')).toHaveValue('Vostochny');
	const facets = page.getByTestId('facets');
	await expect(facets.getByRole('checkbox', { name: /^Confirmed/ })).toBeChecked();
	await expect(page.getByTestId('filter-summary')).toHaveText(
		`${expected.length} of ${eventsLabel(DEFAULT_EVENT_COUNT)}`
	);

	// A change goes to the address, and a reload shows the same.
	await facets.getByRole('checkbox', { name: /^Confirmed/ }).uncheck();
	await expect(page).not.toHaveURL(/f\.confidence/);
	await facets.getByRole('checkbox', { name: /^Reported/ }).check();
	await expect(page).toHaveURL(/f\.confidence=reported/);
	await expect(page).toHaveURL(/q=Vostochny/);
	await page.reload();
	await expect(page.getByTestId('search')).toHaveValue('Vostochny');
	await expect(
		page.getByTestId('facets').getByRole('checkbox', { name: /^Reported/ })
	).toBeChecked();
	const reported = mentioning('Vostochny').filter((e) => e.confidence === 'reported').length;
	await expect(page.getByTestId('filter-summary')).toHaveText(
		`${reported} of ${eventsLabel(DEFAULT_EVENT_COUNT)}`
	);
});

test('a Cyrillic alias finds Putin’s events, and Ctrl+K focuses the search', async ({ page }) => {
	const putin = defaultFile.actors.find((a) => a.id === 'putin');
	const alias = putin?.aliases.find((a) => /\p{Script=Cyrillic}/u.test(a));
	expect(alias).toBeDefined();
	const word = alias!.split(' ').at(-1)!;
	const expected = new Set([...involving('putin'), ...mentioning(word)].map((e) => e.id));
	await ready(page);
	await page.getByRole('tab', { name: 'Table' }).click();
	await page.keyboard.press('Control+k');
	await expect(page.getByTestId('search')).toBeFocused();
	await page.keyboard.type(word);
	await expect(page.getByTestId('filter-summary')).toHaveText(
		`${expected.size} of ${eventsLabel(DEFAULT_EVENT_COUNT)}`
	);
	await expect(page.getByTestId('event-count')).toContainText(`${expected.size} of`);

	// Words nothing has: the list says so, and Escape then clears the box.
	await page.getByTestId('search').fill('zzzyxq');
	await expect(page.getByTestId('search-results')).toContainText('No event matches these words.');
	await expect(page.getByTestId('filter-summary')).toHaveText(
		`0 of ${eventsLabel(DEFAULT_EVENT_COUNT)}`
	);
	await page.keyboard.press('Escape');
	await page.keyboard.press('Escape');
	await expect(page.getByTestId('search')).toHaveValue('');
	await expect(page.getByTestId('filter-summary')).toHaveText(
		`All ${eventsLabel(DEFAULT_EVENT_COUNT)}`
	);
});

test('a saved search brings back its words, choices and window, after a reload too', async ({
	page
}) => {
	const denied = defaultFile.events.filter((e) => e.confidence === 'denied');
	await ready(page);
	const facets = page.getByTestId('facets');
	await facets.getByRole('checkbox', { name: /^Denied/ }).check();
	await expect(page.getByTestId('filter-summary')).toHaveText(
		`${denied.length} of ${eventsLabel(DEFAULT_EVENT_COUNT)}`
	);
	const saved = page.getByTestId('saved-searches');
	await saved.getByRole('button', { name: 'Save this search…' }).click();
	// An empty name is refused, with a reason.
	await saved.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(saved.getByRole('alert')).toHaveText('Give the search a name.');
	await saved.getByLabel('Name').fill('Denials');
	await saved.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(page.getByTestId('notice')).toContainText('Saved the search “Denials”.');

	// Cleared, then brought back from the list, after a reload.
	await facets.getByRole('button', { name: 'Clear all' }).click();
	await page.goto('/');
	await expect(page.getByTestId('filter-summary')).toHaveText(
		`All ${eventsLabel(DEFAULT_EVENT_COUNT)}`,
		{ timeout: 20000 }
	);
	await page
		.getByTestId('saved-searches')
		.getByRole('button', { name: 'Denials', exact: true })
		.click();
	await expect(page.getByTestId('filter-summary')).toHaveText(
		`${denied.length} of ${eventsLabel(DEFAULT_EVENT_COUNT)}`
	);
	await expect(page.getByTestId('facets').getByRole('checkbox', { name: /^Denied/ })).toBeChecked();
	await expect(page).toHaveURL(/f\.confidence=denied/);

	// Removed, it leaves the list.
	await page
		.getByTestId('saved-searches')
		.getByRole('button', { name: 'Remove the saved search “Denials”' })
		.click();
	await expect(page.getByTestId('notice')).toContainText('Removed the saved search “Denials”.');
	await expect(
		page.getByTestId('saved-searches').getByRole('button', { name: 'Denials', exact: true })
	).toHaveCount(0);
});

test('fading instead of hiding keeps every event in the table and the timeline, faded', async ({
	page
}) => {
	const denied = defaultFile.events.filter((e) => e.confidence === 'denied');
	await ready(page);
	await page
		.getByTestId('facets')
		.getByRole('checkbox', { name: /^Denied/ })
		.check();
	await expect(page.getByTestId('filter-summary')).toHaveText(
		`${denied.length} of ${eventsLabel(DEFAULT_EVENT_COUNT)}`
	);
	await page.getByTestId('facets').getByRole('radio', { name: 'Fade' }).check();
	await page.getByRole('tab', { name: 'Table' }).click();
	const rows = page.getByTestId('event-table').locator('tbody tr[data-event-id]');
	await expect(page.getByTestId('event-count')).toHaveText(eventsLabel(DEFAULT_EVENT_COUNT));
	// The rows drawn: the denied ones plain, every other one faded.
	await expect
		.poll(() =>
			rows.evaluateAll((els) =>
				els.map((el) => [el.getAttribute('data-event-id'), el.classList.contains('dimmed')])
			)
		)
		.toEqual(
			expect.arrayContaining([
				[denied[0]!.id, false],
				['kim-putin-vostochny-2023', true]
			])
		);
	const timeline = page.getByTestId('timeline');
	await expect(timeline.locator('.vis-item.t-dim').first()).toBeAttached();
	const faded = await timeline
		.locator('.vis-item[data-event-id]')
		.evaluateAll((els) =>
			els.map((el) => [el.getAttribute('data-event-id'), el.classList.contains('t-dim')])
		);
	const deniedIds = new Set<string>(denied.map((e) => e.id));
	for (const [id, dim] of faded) expect(dim).toBe(!deniedIds.has(id as string));
});

test('a filter that keeps nothing empties the timeline and the network, which name the filter and clear it', async ({
	page
}) => {
	await ready(page);
	await page.getByRole('tab', { name: 'Network' }).click();
	const network = page.getByTestId('network');
	await expect(network.locator('[data-actor-id="putin"]')).toBeVisible();
	await page.getByTestId('search').fill('zzzyxq');
	await expect(page.getByTestId('filter-summary')).toHaveText(
		`0 of ${eventsLabel(DEFAULT_EVENT_COUNT)}`
	);
	const empty = page.getByTestId('network-empty');
	await expect(empty).toContainText(
		'No actor takes part in the events the filter keeps in this window.'
	);
	await expect(network.locator('[data-actor-id]')).toHaveCount(0);
	const timeline = page.getByTestId('timeline');
	await expect(timeline.getByTestId('timeline-empty')).toContainText('The filter keeps no events');
	await expect(timeline.locator('[data-event-id]')).toHaveCount(0);
	await empty.getByRole('button', { name: 'Clear the filter' }).click();
	await expect(page.getByTestId('search')).toHaveValue('');
	// The button is gone with the message: the reader is taken to the search box.
	await expect(page.getByTestId('search')).toBeFocused();
	await expect(page.getByTestId('filter-summary')).toHaveText(
		`All ${eventsLabel(DEFAULT_EVENT_COUNT)}`
	);
	await expect(network.locator('[data-actor-id="putin"]')).toBeVisible();
	await expect(empty).toHaveCount(0);
	await expect(timeline.getByTestId('timeline-empty')).toHaveCount(0);

	// The timeline's button clears it too.
	await page.getByTestId('search').fill('zzzyxq');
	await timeline.getByRole('button', { name: 'Clear the filter' }).click();
	await expect(page.getByTestId('filter-summary')).toHaveText(
		`All ${eventsLabel(DEFAULT_EVENT_COUNT)}`
	);
	await expect(timeline.getByTestId('timeline-empty')).toHaveCount(0);
	await expect(timeline.locator('[data-event-id]').first()).toBeAttached();
});
