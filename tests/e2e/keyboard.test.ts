/**
 * The keyboard alone: the overview's brush, the network's actors and links, the keyboard help;
 * and what a screen reader hears.
 */
import { expect, test, type Page } from './test';

/** The timeline's window, from its public attributes. */
async function windowOf(page: Page): Promise<{ start: number; end: number }> {
	const timeline = page.getByTestId('timeline');
	await expect(timeline).toHaveAttribute('data-window-start', /Z$/);
	return {
		start: Date.parse((await timeline.getAttribute('data-window-start')) ?? ''),
		end: Date.parse((await timeline.getAttribute('data-window-end')) ?? '')
	};
}

test('the overview brush moves, narrows, widens and goes to the ends from the keyboard', async ({
	page
}) => {
	await page.goto('/?from=2015-01-01T00:00:00.000Z&to=2017-01-01T00:00:00.000Z');
	const overview = page.getByTestId('overview');
	await expect(overview).toHaveAttribute('aria-valuetext', /2015.*2016/);
	const before = await windowOf(page);
	const width = before.end - before.start;

	await overview.focus();
	await page.keyboard.press('ArrowRight');
	await expect.poll(async () => (await windowOf(page)).start).toBeGreaterThan(before.start);
	const moved = await windowOf(page);
	expect(moved.end - moved.start).toBeCloseTo(width, -5);
	expect(moved.start - before.start).toBeCloseTo(width / 10, -5);

	await page.keyboard.press('Shift+ArrowLeft');
	await expect
		.poll(async () => {
			const w = await windowOf(page);
			return w.end - w.start;
		})
		.toBeLessThan(width);
	await page.keyboard.press('Shift+ArrowRight');
	await page.keyboard.press('Shift+ArrowRight');
	await expect
		.poll(async () => {
			const w = await windowOf(page);
			return w.end - w.start;
		})
		.toBeGreaterThan(width);

	// Home: the window starts at the first event (the default dataset's, in 2012); End: ends at the last.
	await page.keyboard.press('Home');
	await expect
		.poll(async () => new Date((await windowOf(page)).start).getUTCFullYear())
		.toBeLessThan(2014);
	await expect(overview).toHaveAttribute('aria-valuenow', /^[0-9]$|^1[0-9]$/);
	await page.keyboard.press('End');
	await expect
		.poll(async () => new Date((await windowOf(page)).end).getUTCFullYear())
		.toBeGreaterThan(2023);
});

test('network actors are reached with arrows and a link is selected from the keyboard', async ({
	page
}) => {
	await page.goto('/?from=2013-01-01T00:00:00.000Z&to=2016-01-01T00:00:00.000Z');
	const network = page.getByTestId('network');
	const putin = network.locator('.node[data-actor-id="putin"]');
	await expect(putin).toBeAttached({ timeout: 15_000 });
	// One tab stop for the actors: the others wait for the arrows.
	await expect(network.locator('.node[tabindex="0"]')).toHaveCount(1);
	await putin.focus();
	for (const key of ['ArrowRight', 'ArrowLeft', 'ArrowUp', 'ArrowDown']) {
		await page.keyboard.press(key);
		const id = await page.evaluate(() => document.activeElement?.getAttribute('data-actor-id'));
		if (id && id !== 'putin') break;
	}
	const reached = await page.evaluate(() => document.activeElement?.getAttribute('data-actor-id'));
	expect(reached).toBeTruthy();
	expect(reached).not.toBe('putin');

	// Back to Putin, selected with Enter; his links join the tab order, before him.
	await putin.focus();
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('actor-panel')).toHaveAttribute('data-actor-id', 'putin');
	await expect(page.getByTestId('announce-selection')).toHaveText(
		/^Actor selected: Vladimir Putin, \d+ events, \d+ connections\.$/
	);
	const edge = network.locator('.edge[data-source="putin"][data-target="xi-jinping"]');
	await expect(edge).toHaveAttribute('tabindex', '0');
	await edge.focus();
	await page.keyboard.press('Enter');
	const edgePanel = page.getByTestId('edge-panel');
	await expect(edgePanel).toContainText(/\d+ shared events in the window/);
	await expect(edge).toHaveAttribute('aria-pressed', 'true');
	await expect(page.getByTestId('announce-selection')).toHaveText(
		/^Link selected: Vladimir Putin and Xi Jinping, \d+ events\.$/
	);
});

test('? opens the keyboard help, which lists the shortcuts and gives the focus back', async ({
	page
}) => {
	await page.goto('/');
	await expect(page.getByTestId('timeline')).toBeVisible();
	const opener = page.getByTestId('keyboard-help-open');
	await opener.focus();
	await page.keyboard.press('?');
	const help = page.getByTestId('keyboard-help');
	await expect(help).toBeVisible();
	await expect(help.getByRole('heading', { name: 'Keyboard shortcuts' })).toBeVisible();
	await expect(help).toContainText('Search the events');
	await expect(help).toContainText('Go to the first events, the last');
	await page.keyboard.press('Escape');
	await expect(help).toBeHidden();
	await expect(opener).toBeFocused();
	// The timeline says its window to screen readers once it settles.
	await expect(page.getByTestId('announce-window')).toHaveText(
		/^Timeline: .+, \d+ events shown\.$/
	);
});
