import { expect, test, type Page } from './test';
import { eventSpan, overlaps } from '../../src/lib/model/events';
import { blockScript, defaultFile } from './fixtures';

const network = (page: Page) => page.getByTestId('network');
const node = (page: Page, id: string) => network(page).locator(`.node[data-actor-id="${id}"]`);
const panel = (page: Page) => page.getByTestId('actor-panel');

/** Events of the default dataset both actors take part in, overlapping a window. */
function shared(a: string, b: string, window = { start: -Infinity, end: Infinity }) {
	return defaultFile.events.filter((e) => {
		const ids = e.participants.map((p) => p.actor as string);
		return ids.includes(a) && ids.includes(b) && overlaps(eventSpan(e), window);
	});
}

async function open(page: Page, query = '') {
	await page.goto(`/${query}`);
	await expect(node(page, 'putin')).toBeAttached({ timeout: 15000 });
}

test('clicking Putin lists Xi Jinping with the number of events they share in the window', async ({
	page
}) => {
	await open(page);
	const expected = shared('putin', 'xi-jinping').length;
	expect(expected).toBeGreaterThanOrEqual(38);
	await node(page, 'putin').click();
	await expect(panel(page).locator('h2')).toHaveText('Vladimir Putin');
	const xi = panel(page).locator('li[data-actor-id="xi-jinping"]');
	await expect(xi).toHaveAttribute('data-weight', String(expected));
	await expect(xi).toContainText(`${expected} shared events`);
	// Connections are sorted by weight: Xi, the heaviest, comes first.
	await expect(panel(page).locator('li[data-actor-id]').first()).toHaveAttribute(
		'data-actor-id',
		'xi-jinping'
	);
	// The ego network: Putin's neighbours bright, the rest dimmed; the URL holds the actor.
	await expect(node(page, 'xi-jinping')).not.toHaveClass(/dim/);
	await expect(page).toHaveURL(/actor=putin/);
	// The timeline highlights Putin's events and dims the rest, on the items already drawn.
	await expect(page.getByTestId('timeline').locator('.vis-item.t-dim').first()).toBeAttached();
	const putins = new Set<string>(
		defaultFile.events
			.filter((e) => e.participants.some((p) => p.actor === 'putin'))
			.map((e) => e.id)
	);
	const looks = () =>
		page
			.getByTestId('timeline')
			.locator('.vis-item.t-event:not(.vis-line):not(.vis-dot)')
			.evaluateAll((els) =>
				els.map((el) => ({
					id: el.querySelector('[data-event-id]')?.getAttribute('data-event-id') ?? '',
					look: el.classList.contains('t-hl') ? 'lit' : el.classList.contains('t-dim') ? 'dim' : ''
				}))
			);
	const drawn = await looks();
	expect(drawn.length).toBeGreaterThan(3);
	expect(drawn).toEqual(drawn.map(({ id }) => ({ id, look: putins.has(id) ? 'lit' : 'dim' })));
	// Escape clears the highlight on every item.
	await page.keyboard.press('Escape');
	await expect.poll(async () => (await looks()).filter((d) => d.look !== '')).toEqual([]);
});

test('events drawn after an actor click, in a window moved since, carry its highlight too', async ({
	page
}) => {
	// A year of many events: those in the window's margins are held by the timeline, not drawn.
	await open(page, '?from=2023-01-01T00:00:00.000Z&to=2024-01-01T00:00:00.000Z');
	await node(page, 'putin').click();
	await expect(panel(page).locator('h2')).toHaveText('Vladimir Putin');
	const putins = new Set<string>(
		defaultFile.events
			.filter((e) => e.participants.some((p) => p.actor === 'putin'))
			.map((e) => e.id)
	);
	const timeline = page.getByTestId('timeline');
	const looks = () =>
		timeline.locator('.vis-item.t-event:not(.vis-line):not(.vis-dot)').evaluateAll((els) =>
			els.map((el) => ({
				id: el.querySelector('[data-event-id]')?.getAttribute('data-event-id') ?? '',
				look: el.classList.contains('t-hl') ? 'lit' : el.classList.contains('t-dim') ? 'dim' : ''
			}))
		);
	const before = new Set((await looks()).map((d) => d.id));
	const later = new Set<string>();
	// A fifth of the window to the left, then three to the right, from the keyboard.
	await timeline.focus();
	for (const key of ['ArrowLeft', 'ArrowRight', 'ArrowRight', 'ArrowRight']) {
		const start = await timeline.getAttribute('data-window-start');
		await page.keyboard.press(key);
		await expect(timeline).not.toHaveAttribute('data-window-start', start ?? '');
		await expect
			.poll(async () => {
				const drawn = await looks();
				for (const { id } of drawn) if (!before.has(id)) later.add(id);
				return drawn.every(({ id, look }) => look === (putins.has(id) ? 'lit' : 'dim'));
			})
			.toBe(true);
	}
	// Some of them were not drawn at the click, Putin's among them.
	expect(later.size).toBeGreaterThan(0);
	expect([...later].some((id) => putins.has(id))).toBe(true);
});

test('narrowing the window lowers the count', async ({ page }) => {
	const year2013 = { start: Date.UTC(2013, 0, 1), end: Date.UTC(2014, 0, 1) };
	const expected = shared('putin', 'xi-jinping', year2013).length;
	expect(expected).toBeLessThan(shared('putin', 'xi-jinping').length);
	await open(page, '?from=2013-01-01T00:00:00.000Z&to=2014-01-01T00:00:00.000Z&actor=putin');
	const xi = panel(page).locator('li[data-actor-id="xi-jinping"]');
	await expect(xi).toHaveAttribute('data-weight', String(expected));
	await expect(network(page)).toContainText('in the window');
	// Actors with no events in 2013 are not in the 2013 network.
	await expect(node(page, 'kim-jong-un')).toHaveCount(0);
});

test('clicking the Putin–Xi edge lists the events that link them', async ({ page }) => {
	await open(page, '?from=2013-01-01T00:00:00.000Z&to=2016-01-01T00:00:00.000Z');
	const window = { start: Date.UTC(2013, 0, 1), end: Date.UTC(2016, 0, 1) };
	const expected = shared('putin', 'xi-jinping', window).map((e) => e.id);
	const edge = network(page).locator('.edge[data-source="putin"][data-target="xi-jinping"]');
	await expect(edge).toHaveAttribute('data-weight', String(expected.length));
	// The edge sits under its nodes where they meet: click its own hit area.
	await edge.locator('line.hit').dispatchEvent('click');
	const edgePanel = page.getByTestId('edge-panel');
	await expect(edgePanel).toContainText(`${expected.length} shared events in the window`);
	const listed = await edgePanel
		.locator('[data-event-id]')
		.evaluateAll((els) => els.map((el) => el.getAttribute('data-event-id')));
	expect(listed.sort()).toEqual([...expected].sort());
	// Clicking one selects it and opens its details.
	await edgePanel.locator(`[data-event-id="${expected[0]}"]`).click();
	await expect(page.getByTestId('event-details').locator('h2')).toHaveAttribute(
		'data-event-id',
		expected[0] ?? ''
	);
});

test('selecting Kim Jong Un shows Putin and Shoigu among his connections', async ({ page }) => {
	await open(page);
	await node(page, 'kim-jong-un').click();
	await expect(panel(page).locator('h2')).toHaveText('Kim Jong Un');
	await expect(panel(page).locator('li[data-actor-id="putin"]')).toHaveAttribute(
		'data-weight',
		String(shared('kim-jong-un', 'putin').length)
	);
	await expect(panel(page).locator('li[data-actor-id="shoigu"]')).toHaveAttribute(
		'data-weight',
		String(shared('kim-jong-un', 'shoigu').length)
	);
	await expect(panel(page)).toContainText('Also known as');
	await expect(panel(page)).toContainText('김정은');
});

test('an actor can be picked from a lane label, the table and the event details', async ({
	page
}) => {
	await open(page);
	await page.getByTestId('timeline').locator('.t-lane[data-actor-id="kim-jong-un"]').click();
	await expect(panel(page)).toHaveAttribute('data-actor-id', 'kim-jong-un');

	await page.getByRole('tab', { name: 'Table' }).click();
	await page
		.locator('tr[data-event-id="shoigu-visit-pyongyang-2023"] button.actor[data-actor-id="shoigu"]')
		.click();
	await expect(panel(page)).toHaveAttribute('data-actor-id', 'shoigu');

	await page.locator('tr[data-event-id="kim-putin-vostochny-2023"] .event-title').click();
	await page.getByTestId('event-details').locator('button[data-actor-id="putin"]').click();
	await expect(panel(page)).toHaveAttribute('data-actor-id', 'putin');
});

test('the timeline can filter to the selected actor’s events', async ({ page }) => {
	await open(page, '?actor=wagner');
	await expect(panel(page)).toHaveAttribute('data-actor-id', 'wagner');
	await panel(page).getByLabel('Only these events on the timeline').check();
	const timeline = page.getByTestId('timeline');
	const ids = await timeline
		.locator('[data-event-id]')
		.evaluateAll((els) => [...new Set(els.map((el) => el.getAttribute('data-event-id')))]);
	const wagner = defaultFile.events
		.filter((e) => e.participants.some((p) => p.actor === 'wagner'))
		.map((e) => e.id);
	expect(ids.length).toBeGreaterThan(0);
	for (const id of ids) expect(wagner).toContain(id);
	await expect(timeline.locator('.vis-item.t-dim')).toHaveCount(0);
});

test('Escape, or a click on the background, clears the selection; the URL keeps the actor on reload', async ({
	page
}) => {
	await open(page, '?actor=putin');
	await expect(panel(page)).toHaveAttribute('data-actor-id', 'putin');
	await page.reload();
	await expect(panel(page)).toHaveAttribute('data-actor-id', 'putin');
	await page.keyboard.press('Escape');
	await expect(panel(page)).toHaveCount(0);
	await node(page, 'putin').click();
	await expect(panel(page)).toHaveCount(1);
	const box = await network(page).locator('svg').boundingBox();
	if (!box) throw new Error('no network');
	await page.mouse.click(box.x + 8, box.y + box.height - 40);
	await expect(panel(page)).toHaveCount(0);
});

test('nodes are reachable from the keyboard with names that say their events', async ({ page }) => {
	await open(page);
	const putin = node(page, 'putin');
	const n = Number(await putin.getAttribute('data-events'));
	await expect(putin).toHaveAttribute('aria-label', `Vladimir Putin, ${n} events`);
	await putin.focus();
	await page.keyboard.press('Enter');
	await expect(panel(page)).toHaveAttribute('data-actor-id', 'putin');
	await expect(panel(page).getByTestId('actor-event-count')).toHaveText(
		`${n} events in the window`
	);
});

test('a node dragged stays where it is dropped', async ({ page }) => {
	await open(page);
	const kim = node(page, 'kim-jong-un');
	const before = await kim.boundingBox();
	if (!before) throw new Error('no node');
	await page.mouse.move(before.x + before.width / 2, before.y + before.height / 2);
	await page.mouse.down();
	await page.mouse.move(before.x + 90, before.y + 40, { steps: 5 });
	await page.mouse.up();
	await expect(kim).toHaveClass(/pinned/);
	await page.waitForTimeout(800);
	const after = await kim.boundingBox();
	expect(Math.abs((after?.x ?? 0) - before.x)).toBeGreaterThan(40);
	await expect(panel(page)).toHaveCount(0); // a drag is not a click
});

test('the Network and Table tabs are one tab stop, switched with the arrow keys', async ({
	page
}) => {
	await page.goto('/');
	const networkTab = page.getByRole('tab', { name: 'Network' });
	const tableTab = page.getByRole('tab', { name: 'Table' });
	await expect(networkTab).toHaveAttribute('tabindex', '0');
	await expect(tableTab).toHaveAttribute('tabindex', '-1');
	await networkTab.focus();
	await page.keyboard.press('ArrowRight');
	await expect(tableTab).toBeFocused();
	await expect(tableTab).toHaveAttribute('aria-selected', 'true');
	await expect(page.getByTestId('event-table')).toBeVisible();
	await page.keyboard.press('Home');
	await expect(networkTab).toBeFocused();
	await expect(network(page)).toBeVisible();
	await page.keyboard.press('ArrowLeft');
	await expect(tableTab).toHaveAttribute('aria-selected', 'true');
});

test('when the network’s code cannot load, its place says so and the rest of the dashboard works', async ({
	page
}) => {
	// The network view's own file fails to arrive.
	await blockScript(page, 'network-summary');
	await page.goto('/');
	const alert = page.locator('.placeholder.network [role=alert]');
	await expect(alert).toBeVisible({ timeout: 15000 });
	await expect(alert).toContainText('This view’s code did not arrive, so it cannot be shown');
	await expect(network(page)).toHaveCount(0);
	// The next step: the page asked again, with the file there this time, draws the network.
	await page.unrouteAll({ behavior: 'wait' });
	await alert.getByRole('button', { name: 'Reload' }).click();
	await expect(node(page, 'putin')).toBeAttached({ timeout: 15000 });
	// The timeline and the table still show every event.
	await expect(page.locator('[data-testid=timeline] .vis-item').first()).toBeAttached();
	await page.getByRole('tab', { name: 'Table' }).click();
	await expect(page.getByTestId('event-count')).toContainText(
		`${defaultFile.events.length} events`
	);
});
