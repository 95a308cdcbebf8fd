/**
 * When the browser's storage cannot be used: plain words, what to do, and "Try again" only where
 * trying again can help. Data a newer Trama wrote is never touched.
 */
import { expect, test } from './test';

test('a database a newer Trama wrote is refused in words and left as it was', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByTestId('dataset-list').locator('li')).toHaveCount(1);
	// A newer Trama upgrades the database (this tab's connection makes way for it).
	const before = await page.evaluate(
		() =>
			new Promise<{ version: number; datasets: number }>((resolve, reject) => {
				const request = indexedDB.open('trama', 9990);
				request.onupgradeneeded = () => request.result.createObjectStore('annotations');
				request.onerror = () => reject(new Error(String(request.error)));
				request.onsuccess = () => {
					const db = request.result;
					const count = db.transaction('datasets').objectStore('datasets').count();
					count.onsuccess = () => {
						db.close();
						resolve({ version: db.version, datasets: count.result });
					};
				};
			})
	);
	expect(before).toEqual({ version: 9990, datasets: 1 });

	await page.reload();
	const error = page.getByTestId('error-state');
	await expect(error).toContainText('Trama could not open its data');
	await expect(error).toContainText(
		'This browser holds data written by a newer version of Trama. Open that version to work with it, or restore a backup in another browser profile. Nothing was changed.'
	);
	// Trying again cannot help, so it is not offered; no library's name or link is shown.
	await expect(error.getByRole('button', { name: 'Try again' })).toHaveCount(0);
	await expect(error).not.toContainText(/dexie|https?:/i);
	const after = await page.evaluate(
		() =>
			new Promise<{ version: number; datasets: number; stores: string[] }>((resolve) => {
				const request = indexedDB.open('trama');
				request.onsuccess = () => {
					const db = request.result;
					const count = db.transaction('datasets').objectStore('datasets').count();
					count.onsuccess = () => {
						db.close();
						resolve({
							version: db.version,
							datasets: count.result,
							stores: [...db.objectStoreNames]
						});
					};
				};
			})
	);
	expect(after.version).toBe(9990);
	expect(after.datasets).toBe(1);
	expect(after.stores).toContain('annotations');
});

test('a browser that keeps no data for the site says so, and why, without a useless retry', async ({
	page
}) => {
	await page.addInitScript(() => {
		Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
	});
	await page.goto('/');
	const error = page.getByTestId('error-state');
	await expect(error).toContainText(
		'This browser does not let Trama keep data. Private windows and some privacy settings turn off the storage Trama needs (IndexedDB); a normal window, or allowing this site to store data, brings it back.'
	);
	await expect(error).not.toContainText(/dexie|tinyurl|https?:/i);
	await expect(error.getByRole('button', { name: 'Try again' })).toHaveCount(0);
});
