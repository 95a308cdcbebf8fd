/**
 * axe-core on every screen and dialog, in both languages and both themes: no violation of WCAG
 * 2.1 A and AA that it can find.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from './test';

const COMBINATIONS = [
	{ language: 'en', theme: 'light' },
	{ language: 'en', theme: 'dark' },
	{ language: 'es', theme: 'light' },
	{ language: 'es', theme: 'dark' }
] as const;

/** What axe finds on the page as it is now: each violation with the elements it names. */
async function violations(page: Page): Promise<string[]> {
	const result = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	return result.violations.flatMap((v) =>
		v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary ?? ''}`)
	);
}

for (const { language, theme } of COMBINATIONS) {
	test(`every screen and dialog, ${language}, ${theme}: no violation axe can find`, async ({
		page
	}) => {
		await page.addInitScript(
			(settings) => {
				localStorage.setItem('trama.language', settings.language);
				localStorage.setItem('trama.theme', settings.theme);
			},
			{ language, theme }
		);
		await page.goto('/?actor=putin&event=kim-putin-vostochny-2023');
		await expect(page.getByTestId('actor-panel')).toHaveAttribute('data-actor-id', 'putin');
		await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
		const found: Record<string, string[]> = {};
		const check = async (screen: string) => {
			const v = await violations(page);
			if (v.length) found[screen] = v;
		};
		await check('timeline and network, actor and event selected');
		const tabs = page.getByRole('tab');
		await tabs.nth(1).click();
		await expect(page.getByTestId('event-table')).toBeVisible();
		await check('table');
		await tabs.nth(0).click();

		await page.getByTestId('import-open').click();
		await expect(page.getByTestId('import-dialog')).toBeVisible();
		await check('import dialog');
		await page.keyboard.press('Escape');
		await expect(page.getByTestId('import-dialog')).toBeHidden();

		await page.getByTestId('export-open').click();
		await expect(page.getByTestId('export-dialog')).toBeVisible();
		await check('export dialog');
		await page.keyboard.press('Escape');

		await page.getByTestId('new-event').click();
		await expect(page.getByRole('dialog')).toBeVisible();
		await check('new event');
		await page.keyboard.press('Escape');

		await page.getByTestId('keyboard-help-open').click();
		await expect(page.getByTestId('keyboard-help')).toBeVisible();
		await check('keyboard help');
		await page.keyboard.press('Escape');

		expect(found).toEqual({});
	});
}
