/**
 * Importing large files: the worker reads, parses, validates, compares and writes, so the page's
 * frames keep coming. For each size: the time to the preview and to the written dataset, and the
 * longest gap between animation frames meanwhile. Baseline, same text, same run: JSON.parse alone
 * on the page's thread, the least any in-page import would block it for.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { generateFile } from '../fixtures/generate';
import { DEFAULT_EVENT_COUNT } from '../e2e/fixtures';

interface Row {
	events: number;
	mb: number;
	previewMs: number;
	previewGapMs: number;
	commitMs: number;
	commitGapMs: number;
	viewsMs: number;
	parseOnPageMs: number;
}

test('import of large files: page responsiveness against parsing on the page', async ({ page }) => {
	test.setTimeout(15 * 60_000);
	await page.setViewportSize({ width: 1440, height: 900 });
	const rows: Row[] = [];
	for (const events of [5_000, 20_000, 60_000]) {
		const text = JSON.stringify(generateFile(events, 60, 0.42));
		await page.goto('/');
		await page.getByTestId('dataset-count').first().waitFor();
		// A frame-gap monitor: the longest pause between two animation frames since the last read.
		await page.evaluate(() => {
			const w = window as unknown as { maxGap: number };
			w.maxGap = 0;
			let last = performance.now();
			const tick = (now: number) => {
				w.maxGap = Math.max(w.maxGap, now - last);
				last = now;
				requestAnimationFrame(tick);
			};
			requestAnimationFrame(tick);
		});
		const gap = () =>
			page.evaluate(() => {
				const w = window as unknown as { maxGap: number };
				const g = w.maxGap;
				w.maxGap = 0;
				return g;
			});
		await page.getByTestId('import-open').click();
		const dialog = page.getByTestId('import-dialog');
		await gap();
		let t0 = Date.now();
		// From disk, as a user picks it: no copy of the bytes through the test driver.
		const path = join(tmpdir(), `trama-bench-${events}.json`);
		writeFileSync(path, text);
		await dialog.getByTestId('import-file').setInputFiles(path);
		await expect(dialog.getByTestId('import-counts')).toContainText(
			`${events.toLocaleString('en')} new`,
			{ timeout: 5 * 60_000 }
		);
		const previewMs = Date.now() - t0;
		const previewGapMs = await gap();
		t0 = Date.now();
		await dialog.getByTestId('import-commit').click();
		await expect(page.getByTestId('notice')).toContainText('Imported', { timeout: 5 * 60_000 });
		const commitMs = Date.now() - t0;
		// The views then read the new events (on the page: they draw them) before the gap is read.
		await page.getByRole('tab', { name: 'Table' }).click();
		await expect(page.getByTestId('event-count')).toContainText(
			(events + DEFAULT_EVENT_COUNT).toLocaleString('en'),
			{ timeout: 5 * 60_000 }
		);
		const viewsMs = Date.now() - t0;
		const commitGapMs = await gap();
		// Baseline: the same text parsed on the page's thread.
		const parseOnPageMs = await page.evaluate((body) => {
			const s = performance.now();
			JSON.parse(body);
			return performance.now() - s;
		}, text);
		rows.push({
			events,
			mb: text.length / 1024 / 1024,
			previewMs,
			previewGapMs,
			commitMs,
			commitGapMs,
			viewsMs,
			parseOnPageMs
		});
		// Leave the store as it was for the next size.
		await page.evaluate(() => indexedDB.deleteDatabase('trama'));
	}
	const f = (n: number) => Math.round(n).toLocaleString('en');
	const lines = [
		'| events | file | preview ready | longest frame gap | written | views show them | longest frame gap | JSON.parse on the page |',
		'| -----: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
		...rows.map(
			(r) =>
				`| ${f(r.events)} | ${r.mb.toFixed(1)} MB | ${f(r.previewMs)} ms | ${f(r.previewGapMs)} ms | ${f(r.commitMs)} ms | ${f(r.viewsMs)} ms | ${f(r.commitGapMs)} ms | ${f(r.parseOnPageMs)} ms |`
		)
	];
	console.log(`\n${lines.join('\n')}\n`);
	mkdirSync('tests/bench/out', { recursive: true });
	writeFileSync('tests/bench/out/import.json', JSON.stringify(rows, null, '\t'));
});
