import { expect, test } from '@playwright/test';

test('shots', async ({ page }) => {
	await page.setViewportSize({ width: 1366, height: 768 });
	await page.goto('/');
	await expect(page.getByTestId('filter-summary'))
		.toContainText('of', { timeout: 15000 })
		.catch(() => {});
	await expect(page.getByTestId('filter-summary')).toHaveText(/All \d+ events/, { timeout: 15000 });
	await page.screenshot({ path: '/tmp/shots/1-start.png' });
	await page.getByTestId('search').fill('vostochny');
	await page.waitForTimeout(800);
	await page.screenshot({ path: '/tmp/shots/2-search.png' });
	await page.getByRole('checkbox', { name: /^Denied/ }).click();
	await page.getByTestId('search').fill('');
	await page.waitForTimeout(800);
	await page.screenshot({ path: '/tmp/shots/3-denied.png' });
	console.log('URL', page.url());
	await page.emulateMedia({ colorScheme: 'dark' });
	await page.getByTestId('theme-toggle').click();
	await page.waitForTimeout(300);
	await page.screenshot({ path: '/tmp/shots/4-dark.png' });
});
