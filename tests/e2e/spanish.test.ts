/**
 * Trama in Spanish: a first start in a Spanish browser speaks Spanish (dates included), errors
 * too, and switching language keeps the view.
 */
import { expect, test } from './test';
import { DEFAULT_EVENT_COUNT } from './fixtures';

test.use({ locale: 'es-ES' });

test('a first start in a Spanish browser shows the Spanish interface and Spanish dates', async ({
	page
}) => {
	await page.goto('/');
	await expect(page.locator('html')).toHaveAttribute('lang', 'es');
	await expect(page.getByRole('heading', { name: 'Conjuntos de datos' })).toBeVisible();
	await expect(page.getByTestId('language')).toHaveValue('es');
	await page.getByRole('tab', { name: 'Tabla' }).click();
	await expect(page.getByTestId('event-count')).toHaveText(`${DEFAULT_EVENT_COUNT} eventos`);
	await page.getByTestId('event-filter').fill('Vostochny');
	const row = page.locator('tr[data-event-id="kim-putin-vostochny-2023"]');
	await expect(row.locator('td.col-date')).toHaveText('13 sept 2023');
	// The confidence facet names the levels in Spanish, with their counts.
	await expect(
		page.getByTestId('facets').getByRole('checkbox', { name: /^Desmentido \(\d+\)$/ })
	).toBeVisible();
});

test('an import error is said in Spanish', async ({ page }) => {
	await page.goto('/');
	await page.getByTestId('import-open').click();
	const dialog = page.getByTestId('import-dialog');
	await dialog.getByTestId('import-paste').fill('{"events": [');
	await dialog.getByRole('button', { name: 'Leer el JSON pegado' }).click();
	await expect(dialog.getByTestId('import-error')).toContainText(
		'No se puede importar: no es JSON válido'
	);
});

test('switching language keeps the view, and the choice is remembered', async ({ page }) => {
	await page.goto('/?actor=putin&event=kim-putin-vostochny-2023');
	const panel = page.getByTestId('actor-panel');
	await expect(panel).toHaveAttribute('data-actor-id', 'putin');
	await expect(page.getByRole('heading', { name: 'Conjuntos de datos' })).toBeVisible();
	const url = page.url();

	await page.getByTestId('language').selectOption('en');
	await expect(page.getByRole('heading', { name: 'Datasets' })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	expect(page.url()).toBe(url);
	await expect(panel).toHaveAttribute('data-actor-id', 'putin');
	await expect(page.getByTestId('event-details').locator('h2')).toContainText('Vostochny');

	// The browser still prefers Spanish; the user's choice wins.
	await page.reload();
	await expect(page.getByRole('heading', { name: 'Datasets' })).toBeVisible();
	await page.getByTestId('language').selectOption('es');
	await expect(page.getByRole('heading', { name: 'Conjuntos de datos' })).toBeVisible();
});
