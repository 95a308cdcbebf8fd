/**
 * Timeline speed: Trama's main timeline against stock vis-timeline given every item, on the same
 * generated events, in the same run and browser. Prints first-draw time and the frame times
 * during wheel zoom (p95, max), from 1,000 to 10,000 events. `npm run bench`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { test } from '@playwright/test';
import { datasetBlocks } from '../../src/lib/db/database';
import { toStored } from '../../src/lib/db/repository';
import { nativeFileSchema } from '../../src/lib/model/schema';
import { generateFile } from '../fixtures/generate';
import { drawStockTimeline, frames, percentile, wheel, type StockItem } from './helpers';

const SIZES = [1_000, 5_000, 10_000];
const VIEWPORT = { width: 1440, height: 900 };

interface Row {
	events: number;
	subject: 'trama' | 'stock vis-timeline';
	firstDrawMs: number;
	wheelP95Ms: number;
	wheelMaxMs: number;
	domItems: number;
}

const results: Row[] = [];

interface Payload {
	dataset: unknown;
	heads: unknown[];
	records: unknown[];
	actors: unknown[];
}

function storedEvents(n: number) {
	const file = nativeFileSchema.parse(generateFile(n));
	const datasetId = file.dataset.id;
	return {
		file,
		dataset: {
			id: datasetId,
			name: file.dataset.name,
			origin: { kind: 'paste' },
			importedAt: new Date().toISOString(),
			eventCount: n
		},
		events: file.events.map((e) => toStored(e, datasetId))
	};
}

for (const n of SIZES) {
	test(`trama, ${n} events`, async ({ browser }) => {
		const context = await browser.newContext({ viewport: VIEWPORT });
		const page = await context.newPage();
		await page.goto('/');
		await page.getByTestId('event-table').waitFor();
		const data = storedEvents(n);
		const blocks = datasetBlocks(data.dataset.id, data.events);
		const payload: Payload = {
			dataset: data.dataset,
			heads: blocks.heads,
			records: blocks.records,
			actors: data.file.actors
		};
		// Written straight into the app's IndexedDB, in its blocks (the import has its own bench).
		await page.evaluate(async ({ dataset, heads, records, actors }: Payload) => {
			const db = await new Promise<IDBDatabase>((resolve, reject) => {
				const req = indexedDB.open('trama');
				req.onsuccess = () => resolve(req.result);
				req.onerror = () => reject(new Error(String(req.error)));
			});
			await new Promise<void>((resolve, reject) => {
				const tx = db.transaction(['heads', 'records', 'datasets', 'actors'], 'readwrite');
				tx.objectStore('datasets').put(dataset);
				for (const a of actors) tx.objectStore('actors').put(a);
				for (const h of heads) tx.objectStore('heads').put(h);
				for (const r of records) tx.objectStore('records').put(r);
				tx.oncomplete = () => resolve();
				tx.onerror = () => reject(new Error(String(tx.error)));
			});
			db.close();
		}, payload);
		const t0 = Date.now();
		await page.reload();
		await page
			.locator('[data-testid=timeline] [data-event-id], [data-testid=timeline] [data-cluster]')
			.first()
			.waitFor({ state: 'attached', timeout: 120_000 });
		const firstDrawMs = Date.now() - t0;
		const gaps = await frames(page, () =>
			wheel(page, '[data-testid=timeline] .vis-panel.vis-center', 16)
		);
		const domItems = await page.locator('[data-testid=timeline] .vis-item-content').count();
		results.push({
			events: n,
			subject: 'trama',
			firstDrawMs,
			wheelP95Ms: Math.round(percentile(gaps, 0.95)),
			wheelMaxMs: Math.round(Math.max(...gaps)),
			domItems
		});
		await context.close();
	});

	test(`stock vis-timeline, ${n} events`, async ({ browser }) => {
		const context = await browser.newContext({ viewport: VIEWPORT });
		const page = await context.newPage();
		const { events } = storedEvents(n);
		// The same copies Trama makes: one item per event per participant's lane.
		const items: StockItem[] = events.flatMap((e) =>
			e.participants.map((p) => ({
				id: `${e.id}@${p.actor}`,
				group: p.actor,
				content: e.title,
				start: e.startMs,
				...(e.endMs - e.startMs > 86_400_000 ? { end: e.endMs } : {}),
				type: e.endMs - e.startMs > 86_400_000 ? 'range' : 'box'
			}))
		);
		const firstDrawMs = await drawStockTimeline(page, items);
		const steps = n >= 5_000 ? 6 : 16;
		const gaps = await frames(page, () => wheel(page, '#t .vis-panel.vis-center', steps));
		const domItems = await page.locator('#t .vis-item-content').count();
		results.push({
			events: n,
			subject: 'stock vis-timeline',
			firstDrawMs: Math.round(firstDrawMs),
			wheelP95Ms: Math.round(percentile(gaps, 0.95)),
			wheelMaxMs: Math.round(Math.max(...gaps)),
			domItems
		});
		await context.close();
	});
}

test.afterAll(() => {
	const lines = ['events  subject              first draw  wheel p95  wheel max  items in DOM'];
	for (const r of results) {
		lines.push(
			`${String(r.events).padStart(6)}  ${r.subject.padEnd(19)}  ${`${r.firstDrawMs} ms`.padStart(10)}  ${`${r.wheelP95Ms} ms`.padStart(9)}  ${`${r.wheelMaxMs} ms`.padStart(9)}  ${String(r.domItems).padStart(12)}`
		);
	}
	for (const n of SIZES) {
		const a = results.find((r) => r.events === n && r.subject === 'trama');
		const b = results.find((r) => r.events === n && r.subject === 'stock vis-timeline');
		if (a && b) {
			lines.push(
				`${n}: stock/trama first draw ×${(b.firstDrawMs / a.firstDrawMs).toFixed(1)}, wheel p95 ×${(b.wheelP95Ms / Math.max(1, a.wheelP95Ms)).toFixed(1)}`
			);
		}
	}
	console.log(`\n${lines.join('\n')}\n`);
	mkdirSync('tests/bench/out', { recursive: true });
	writeFileSync('tests/bench/out/timeline.json', JSON.stringify(results, null, '\t'));
});
