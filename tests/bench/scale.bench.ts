/**
 * Scale: the built app with 1k, 10k and 100k generated events (1M with BENCH_MILLION=1), measured
 * in the page through the UI and the test hooks only (data-testid, data-event-id,
 * data-actor-id), never through the app's modules: they are being rewritten underneath.
 *
 * Per size, in one fresh browser context: import through the file input (to the views showing
 * the events, with long tasks), reload to the first timeline item, JS heap after load, wheel zoom
 * from the whole range to about a week and back, an actor click in the network, table scroll
 * frame rate, heap growth over hide/show cycles of the dataset, and the first screen's JS. Then,
 * same run, baselines: JSON.parse of the file on a page, Dexie bulkPut against one put per
 * record, and (at 10k) stock vis-timeline given every item.
 *
 * Env: BENCH_SIZES=1000,10000 (default 1000,10000,100000), BENCH_MILLION=1 adds 1,000,000,
 * BENCH_CYCLES=20 (hide/show cycles). Prints one table per size, then ratios and scaling
 * exponents; raw figures in tests/bench/out/scale.json. Targets are printed, never asserted:
 * the run completes and prints when they are missed.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { test, type Page } from '@playwright/test';
import { DEFAULT_EVENT_COUNT } from '../e2e/fixtures';
import { scaleActorCount, scaleData, startMsOf, writeScaleFile } from '../fixtures/generate';
import {
	drawStockTimeline,
	frames,
	heapMB,
	panAndZoom,
	plainForce,
	longTasksSince,
	pageNow,
	pageProbes,
	percentile,
	timeActorClick,
	timeEdgeClick,
	wheel,
	type LongTasks,
	type StockItem
} from './helpers';

const SIZES = [
	...(process.env.BENCH_SIZES ?? '1000,10000,100000')
		.split(',')
		.map((s) => Number(s.trim()))
		.filter((n) => Number.isFinite(n) && n > 0),
	...(process.env.BENCH_MILLION === '1' ? [1_000_000] : [])
];
const CYCLES = Number(process.env.BENCH_CYCLES ?? 20);
/** How many times each search question is asked (the median is reported). */
const SEARCH_ROUNDS = Number(process.env.BENCH_SEARCH_ROUNDS ?? 3);
const VIEWPORT = { width: 1440, height: 900 };
const DAY_MS = 86_400_000;
const TIMELINE = '[data-testid=timeline]';
const WHEEL_AREA = `${TIMELINE} .vis-panel.vis-center`;

interface Frames {
	p50: number;
	p95: number;
	max: number;
	count: number;
}

interface SizeResult {
	events: number;
	actors: number;
	fileMB: number;
	errors: string[];
	import?: {
		previewMs: number;
		commitToViewsMs: number;
		totalMs: number;
		during: LongTasks;
		after: LongTasks;
	};
	reload?: { firstItemMs: number; longTasks: LongTasks };
	heapAfterLoadMB?: number;
	zoom?: {
		stepsIn: number;
		stepsOut: number;
		narrowestDays: number;
		frames: Frames;
		longTasks: LongTasks;
	};
	actorClick?: { actors: string[]; ms: number[]; median: number; max: number };
	edgeClick?: { links: string[]; ms: number[]; median: number; max: number };
	/** The whole range's network with every actor, on the canvas. */
	canvas?: {
		actors: number;
		links: number;
		settleMs: number;
		gesture: Frames & { fps: number };
		/** The longest task once the gesture rests (the drawing made again). */
		restLongestMs: number;
	};
	tableScroll?: { fps: number; frames: Frames; rowsScrolled: number; rowsDrawn: number };
	/**
	 * The dashboard's filter: the search index ready after the reload (built in the worker), and
	 * each question from the keystroke to the views showing its answer (the facets' count and the
	 * table's), with the longest task on the page meanwhile; the table's own word filter (the
	 * only search before) as the baseline.
	 */
	search?: {
		indexReadyMs: number;
		/** Each question's median over its rounds, and every round's time. */
		queries: {
			label: string;
			ms: number;
			runs: number[];
			/** The same rounds until the facets' counts have followed (they come after the views). */
			countsMs: number;
			kept: number;
			longestMs: number;
		}[];
		baselineTableFilterMs?: number;
	};
	/**
	 * The same file imported again over its dataset (its old version kept in the trash, so the
	 * import can be undone): commit → notice, then Undo → notice, with the first import's commit
	 * as the baseline.
	 */
	replace?: { commitMs: number; undoMs: number; longTasks: LongTasks };
	/** One event's title edited in the form: Save → notice, Save → the table shows it, Undo. */
	edit?: { savedMs: number; shownMs: number; undoMs: number; longTasks: LongTasks };
	cycles?: {
		count: number;
		heapBeforeMB: number;
		heapAfterMB: number;
		growthMB: number;
		meanCycleMs: number;
	};
	firstScreenJs?: {
		files: number;
		gzKB: number;
		rawKB: number;
		allJsGzKB: number;
		firstPaintMs: number;
	};
	baseline?: {
		parseMs?: number;
		bulkPutMs?: number;
		putEachMs?: number;
		stock?: { firstDrawMs: number; wheelP95Ms: number; wheelMaxMs: number; domItems: number };
		force?: {
			actors: number;
			links: number;
			settleMs: number;
			ticks: number;
			settle: Frames;
			gesture: Frames & { fps: number };
		};
	};
}

const results: SizeResult[] = [];
const dir = mkdtempSync(join(tmpdir(), 'trama-scale-'));

const summary = (gaps: number[]): Frames => ({
	p50: Math.round(percentile(gaps, 0.5)),
	p95: Math.round(percentile(gaps, 0.95)),
	max: Math.round(Math.max(0, ...gaps)),
	count: gaps.length
});

/** Waits in the page (every frame) until `selector`'s text includes `text`; returns that instant. */
async function whenText(page: Page, selector: string, text: string, timeout: number) {
	const handle = await page.waitForFunction(
		({ selector, text }) => {
			const el = document.querySelector(selector);
			return el?.textContent?.includes(text) ? performance.now() : false;
		},
		{ selector, text },
		{ polling: 'raf', timeout }
	);
	return (await handle.jsonValue()) as number;
}

/** The timeline window's length in days, from its test hooks. */
async function windowDays(page: Page): Promise<number> {
	const [a, b] = await page
		.locator(TIMELINE)
		.evaluate((el) => [el.getAttribute('data-window-start'), el.getAttribute('data-window-end')]);
	return (Date.parse(b ?? '') - Date.parse(a ?? '')) / DAY_MS;
}

/** Gzipped size of a built file by its URL path (vite preview may not compress). */
function gzKB(url: string): { gz: number; raw: number } | undefined {
	const path = decodeURIComponent(new URL(url).pathname);
	for (const root of ['build', '.svelte-kit/output/client']) {
		const file = join(root, path);
		if (existsSync(file) && statSync(file).isFile()) {
			const body = readFileSync(file);
			return { gz: gzipSync(body).length / 1024, raw: body.length / 1024 };
		}
	}
	return undefined;
}

async function firstScreenJs(page: Page): Promise<NonNullable<SizeResult['firstScreenJs']>> {
	const { paint, scripts } = await page.evaluate(() => {
		const paints = performance.getEntriesByType('paint');
		const paint =
			paints.find((p) => p.name === 'first-paint')?.startTime ??
			paints.find((p) => p.name === 'first-contentful-paint')?.startTime ??
			Infinity;
		const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
			.filter((r) => /\.m?js(\?|$)/.test(new URL(r.name).pathname))
			.map((r) => ({ url: r.name, start: r.startTime, encoded: r.encodedBodySize }));
		return { paint, scripts };
	});
	let gz = 0;
	let raw = 0;
	let all = 0;
	let files = 0;
	for (const s of scripts) {
		const size = gzKB(s.url) ?? { gz: s.encoded / 1024, raw: s.encoded / 1024 };
		all += size.gz;
		if (s.start <= paint) {
			gz += size.gz;
			raw += size.raw;
			files++;
		}
	}
	return { files, gzKB: gz, rawKB: raw, allJsGzKB: all, firstPaintMs: paint };
}

/** Runs a step; a failure or timeout is recorded and the next step goes on. */
async function step(result: SizeResult, name: string, fn: () => Promise<void>): Promise<boolean> {
	const t0 = Date.now();
	try {
		await fn();
		console.log(`  [${result.events}] ${name}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
		return true;
	} catch (e) {
		const message = (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
		result.errors.push(`${name}: ${message}`);
		console.log(`  [${result.events}] ${name} failed: ${message}`);
		return false;
	}
}

for (const n of SIZES) {
	test(`scale, ${n.toLocaleString('en')} events`, async ({ browser }) => {
		// Generous: the current app takes ~30 s to import 100k; the bench must finish and print.
		const slow = Math.max(60_000, n * 4);
		test.setTimeout(n >= 1_000_000 ? 4 * 3_600_000 : n >= 100_000 ? 45 * 60_000 : 15 * 60_000);
		const actors = scaleActorCount(n);
		const path = join(dir, `scale-${n}.json`);
		const { bytes } = await writeScaleFile(path, n);
		const result: SizeResult = { events: n, actors, fileMB: bytes / 1024 / 1024, errors: [] };
		results.push(result);
		const total = n + DEFAULT_EVENT_COUNT;
		const totalText = `${total.toLocaleString('en')} events`;

		const context = await browser.newContext({ viewport: VIEWPORT });
		await context.addInitScript(pageProbes);
		const page = await context.newPage();
		await page.goto('/');
		await page.locator(`${TIMELINE} .vis-item`).first().waitFor({ state: 'attached' });

		await step(result, 'first-screen JS', async () => {
			result.firstScreenJs = await firstScreenJs(page);
		});

		// Import: file pick → preview; commit → the table counts the events and the timeline draws.
		const imported = await step(result, 'import', async () => {
			await page.getByRole('tab', { name: 'Table' }).click();
			await page.getByTestId('import-open').click();
			const dialog = page.getByTestId('import-dialog');
			const tPick = await pageNow(page);
			await dialog.getByTestId('import-file').setInputFiles(path);
			const preview = await page.waitForFunction(
				(want) => {
					const counts = document.querySelector('[data-testid=import-counts]');
					if (counts?.textContent?.includes(want)) return performance.now();
					const error = document.querySelector('[data-testid=import-error]');
					return error ? `refused: ${error.textContent}` : false;
				},
				`${n.toLocaleString('en')} new`,
				{ polling: 'raf', timeout: slow }
			);
			const tPreview = (await preview.jsonValue()) as number | string;
			if (typeof tPreview === 'string') throw new Error(tPreview);
			const tCommit = await pageNow(page);
			await dialog.getByTestId('import-commit').click();
			const tViews = await whenText(page, '[data-testid=event-count]', totalText, slow);
			await page.locator(`${TIMELINE} .vis-item`).first().waitFor({ state: 'attached' });
			const during = await longTasksSince(page, tPick);
			// What the page still does once the views show the events.
			await page.waitForTimeout(3_000);
			result.import = {
				previewMs: Math.round(tPreview - tPick),
				commitToViewsMs: Math.round(tViews - tCommit),
				totalMs: Math.round(tPreview - tPick + tViews - tCommit),
				during: { ...during },
				after: await longTasksSince(page, tViews)
			};
		});
		if (!imported) {
			await context.close();
			return;
		}

		/** When the search index first answered after the reload (ms from navigation). */
		let indexReadyMs = NaN;
		await step(result, 'reload', async () => {
			// The search index is ready when the filter counts every event.
			await page.addInitScript((text) => {
				(window as unknown as { __expectIndexed?: string }).__expectIndexed = text;
			}, `All ${totalText}`);
			await page.reload();
			const handle = await page.waitForFunction(
				() => (window as unknown as { __firstItem?: number }).__firstItem ?? false,
				undefined,
				{ polling: 100, timeout: slow }
			);
			const firstItemMs = (await handle.jsonValue()) as number;
			await page.waitForTimeout(2_000);
			const longTasks = await longTasksSince(page, 0);
			const ready = await page.waitForFunction(
				() => (window as unknown as { __indexReady?: number }).__indexReady ?? false,
				undefined,
				{ polling: 100, timeout: slow }
			);
			indexReadyMs = (await ready.jsonValue()) as number;
			result.reload = { firstItemMs: Math.round(firstItemMs), longTasks };
			// Once the search index has answered too (its counts are on the page).
			result.heapAfterLoadMB = await heapMB(page);
		});

		await step(result, 'wheel zoom', async () => {
			await page.getByRole('button', { name: 'Fit all' }).click();
			await page.waitForTimeout(500);
			const whole = await windowDays(page);
			let stepsIn = 0;
			let stepsOut = 0;
			let narrowest = whole;
			const since = await pageNow(page);
			const gaps = await frames(page, async () => {
				const box = await page.locator(WHEEL_AREA).first().boundingBox();
				if (!box) throw new Error('no timeline drawing area');
				await page.mouse.move(box.x + box.width * 0.6, box.y + 60);
				while (narrowest > 8 && stepsIn < 80) {
					await page.mouse.wheel(0, -250);
					await page.waitForTimeout(60);
					stepsIn++;
					narrowest = Math.min(narrowest, await windowDays(page));
				}
				while ((await windowDays(page)) < whole * 0.99 && stepsOut < 80) {
					await page.mouse.wheel(0, 250);
					await page.waitForTimeout(60);
					stepsOut++;
				}
				await page.waitForTimeout(200);
			});
			result.zoom = {
				stepsIn,
				stepsOut,
				narrowestDays: Math.round(narrowest * 10) / 10,
				frames: summary(gaps),
				longTasks: await longTasksSince(page, since)
			};
		});

		await step(result, 'actor click', async () => {
			await page.getByRole('tab', { name: 'Network' }).click();
			await page
				.locator('[data-testid=network] .node[data-actor-id]')
				.first()
				.waitFor({ state: 'attached', timeout: slow });
			// The busiest actor, a busy one, a middling one, and the busiest again.
			const wanted = ['actor-0', 'actor-5', `actor-${Math.floor(actors / 20)}`, 'actor-0'];
			const ms: number[] = [];
			const clicked: string[] = [];
			for (const actor of wanted) {
				if (!(await page.locator(`[data-testid=network] .node[data-actor-id="${actor}"]`).count()))
					continue;
				ms.push(Math.round(await timeActorClick(page, actor, slow)));
				clicked.push(actor);
				await page.keyboard.press('Escape');
				await page.waitForTimeout(300);
			}
			const sorted = [...ms].sort((a, b) => a - b);
			result.actorClick = {
				actors: clicked,
				ms,
				median: sorted[Math.floor(sorted.length / 2)] ?? NaN,
				max: sorted.at(-1) ?? NaN
			};
		});

		await step(result, 'edge click', async () => {
			// The heaviest link drawn, a middling one, and the heaviest again.
			const links = await page
				.locator('[data-testid=network] .edge, [data-testid=network-links] button')
				.evaluateAll((els) =>
					els
						.map((el) => ({
							a: el.getAttribute('data-source') ?? '',
							b: el.getAttribute('data-target') ?? '',
							weight: Number(el.getAttribute('data-weight'))
						}))
						.sort((p, q) => q.weight - p.weight)
				);
			const heaviest = links[0];
			const middling = links[Math.floor(links.length / 2)];
			if (!heaviest || !middling) throw new Error('no links drawn');
			const ms: number[] = [];
			for (const l of [heaviest, middling, heaviest]) {
				ms.push(Math.round(await timeEdgeClick(page, l.a, l.b, slow)));
				await page.keyboard.press('Escape');
				await page.waitForTimeout(300);
			}
			const sorted = [...ms].sort((a, b) => a - b);
			result.edgeClick = {
				links: [heaviest, middling, heaviest].map((l) => `${l.a}–${l.b} (${l.weight})`),
				ms,
				median: sorted[1] ?? NaN,
				max: sorted.at(-1) ?? NaN
			};
		});

		await step(result, 'network: every actor', async () => {
			const net = page.getByTestId('network');
			await page.getByRole('button', { name: 'Fit all' }).click();
			await page.waitForTimeout(1_500);
			const drawAll = net.getByTestId('network-draw-all');
			if (!(await drawAll.count()))
				throw new Error('the window is drawn whole: nothing to ask for');
			const t0 = await pageNow(page);
			await drawAll.click();
			const settled = await page.waitForFunction(
				() =>
					document.querySelector('[data-testid=network-canvas]')?.getAttribute('data-layout') ===
					'settled'
						? performance.now()
						: false,
				undefined,
				{ polling: 'raf', timeout: slow }
			);
			const settleMs = ((await settled.jsonValue()) as number) - t0;
			const canvas = net.getByTestId('network-canvas');
			const actorsDrawn = Number(await canvas.getAttribute('data-actors'));
			const linksDrawn = Number(await canvas.getAttribute('data-links'));
			// Drag from a point of the background clear of every node, as a reader pans.
			const dots = await page
				.getByTestId('network-actors')
				.locator('button')
				.evaluateAll((els) =>
					els.map((el) => ({
						x: Number(el.getAttribute('data-x')),
						y: Number(el.getAttribute('data-y')),
						r: Number(el.getAttribute('data-r'))
					}))
				);
			const box = await canvas.boundingBox();
			if (!box) throw new Error('no canvas');
			let from: { x: number; y: number } | undefined;
			for (let y = box.height * 0.3; y < box.height * 0.75 && !from; y += 10)
				for (let x = 20; x < box.width * 0.5 && !from; x += 10)
					if (dots.every((d) => Math.hypot(d.x - x, d.y - y) > d.r + 20)) from = { x, y };
			const since = await pageNow(page);
			const gaps = await frames(page, () => panAndZoom(page, '[data-testid=network-canvas]', from));
			await page.waitForTimeout(1_000);
			const rest = await longTasksSince(page, since);
			const total = gaps.reduce((a, b) => a + b, 0);
			result.canvas = {
				actors: actorsDrawn,
				links: linksDrawn,
				settleMs: Math.round(settleMs),
				gesture: { ...summary(gaps), fps: total > 0 ? (gaps.length * 1000) / total : NaN },
				restLongestMs: Math.round(rest.longestMs)
			};
			await net.getByTestId('network-draw-busiest').click();
			await page.locator('[data-testid=network] .node[data-actor-id]').first().waitFor();
		});

		await step(result, 'table scroll', async () => {
			await page.getByRole('tab', { name: 'Table' }).click();
			await page.getByTestId('event-table').locator('tbody tr').first().waitFor({ timeout: slow });
			await page.waitForTimeout(500);
			const scroll = await page.evaluate(
				({ durationMs, stepPx }) =>
					new Promise<{
						gaps: number[];
						elapsed: number;
						scrolled: number;
						rowPx: number;
						rows: number;
					}>((resolve, reject) => {
						const table = document.querySelector('[data-testid=event-table]');
						let el = table?.parentElement ?? null;
						while (
							el &&
							!(
								el.scrollHeight > el.clientHeight &&
								/auto|scroll/.test(getComputedStyle(el).overflowY)
							)
						)
							el = el.parentElement;
						if (!table || !el) {
							reject(new Error('no scrolling container around the event table'));
							return;
						}
						const box = el;
						box.scrollTop = 0;
						const rowPx = table.querySelector('tbody tr')?.getBoundingClientRect().height ?? 1;
						const gaps: number[] = [];
						let last = 0;
						let t0 = 0;
						const tick = (now: number) => {
							if (t0 === 0) t0 = now;
							else gaps.push(now - last);
							last = now;
							box.scrollTop += stepPx;
							if (now - t0 < durationMs) requestAnimationFrame(tick);
							else
								resolve({
									gaps,
									elapsed: now - t0,
									scrolled: box.scrollTop,
									rowPx,
									rows: table.querySelectorAll('tbody tr').length
								});
						};
						requestAnimationFrame(tick);
					}),
				{ durationMs: 4_000, stepPx: 60 }
			);
			result.tableScroll = {
				fps: Math.round((scroll.gaps.length / scroll.elapsed) * 1000 * 10) / 10,
				frames: summary(scroll.gaps),
				rowsScrolled: Math.round(scroll.scrolled / scroll.rowPx),
				rowsDrawn: scroll.rows
			};
		});

		await step(result, 'search', async () => {
			await whenText(page, '[data-testid=filter-summary]', `All ${totalText}`, slow);
			/** Types `text` (or ticks a facet value) and waits for the facets and the table to agree. */
			const ask = async (act: () => Promise<number>) => {
				const t0 = await act();
				const handle = await page.waitForFunction(
					() => {
						const summary =
							document.querySelector('[data-testid=filter-summary]')?.textContent ?? '';
						const table = document.querySelector('[data-testid=event-count]')?.textContent ?? '';
						const m = /^([\d,]+) of /.exec(summary.trim());
						if (!m) return false;
						return table.trim().startsWith(`${m[1]} of`) || (m[1] === '0' && table.includes('0 of'))
							? [performance.now(), Number(m[1]?.replace(/,/g, ''))]
							: false;
					},
					undefined,
					{ polling: 'raf', timeout: slow }
				);
				const [tShown, kept] = (await handle.jsonValue()) as [number, number];
				// Then the facets' counts, which follow the answer (the panel is busy until then).
				const counted = await page.waitForFunction(
					() =>
						document.querySelector('[data-testid=facets]')?.getAttribute('aria-busy') === 'false'
							? performance.now()
							: false,
					undefined,
					{ polling: 'raf', timeout: slow }
				);
				const tCounted = (await counted.jsonValue()) as number;
				const longest = await longTasksSince(page, t0);
				return { ms: tShown - t0, countsMs: tCounted - t0, kept, longestMs: longest.longestMs };
			};
			/** Asks `SEARCH_ROUNDS` times: the median time, and the longest task of any round. */
			const rounds = async (
				label: string,
				act: () => Promise<number>,
				reset: () => Promise<void>
			) => {
				const runs: { ms: number; countsMs: number; kept: number; longestMs: number }[] = [];
				for (let i = 0; i < SEARCH_ROUNDS; i++) {
					runs.push(await ask(act));
					await reset();
				}
				const times = runs.map((r) => r.ms);
				queries.push({
					label,
					ms: Math.round(percentile(times, 0.5)),
					runs: times.map(Math.round),
					countsMs: Math.round(
						percentile(
							runs.map((r) => r.countsMs),
							0.5
						)
					),
					kept: runs[0]?.kept ?? 0,
					longestMs: Math.max(...runs.map((r) => r.longestMs))
				});
			};
			const type = (text: string) => () =>
				page.evaluate((value) => {
					const input = document.querySelector<HTMLInputElement>('[data-testid=search]');
					if (!input) throw new Error('no search box');
					const t = performance.now();
					input.value = value;
					input.dispatchEvent(new Event('input', { bubbles: true }));
					return t;
				}, text);
			const clear = async () => {
				await type('')();
				await whenText(page, '[data-testid=filter-summary]', `All ${totalText}`, slow);
				await page.waitForTimeout(500);
			};
			const queries: NonNullable<SizeResult['search']>['queries'] = [];
			// A reader clicks into the box (or presses /) before typing.
			await page.getByTestId('search').focus();
			await page.waitForTimeout(500);
			for (const [label, text] of [
				['a word in 1 event of 14 (“summit”)', 'summit'],
				['a prefix (“summ”)', 'summ'],
				['an actor’s name (“Actor 5”: actors 5, 50–59, 500–599…)', 'Actor 5'],
				['a phrase (“"Place 42"”)', '"Place 42"'],
				['two words, one in every event (“place 42”)', 'place 42'],
				['excluding a word (“-summit”)', '-summit']
			] as const)
				await rounds(label, type(text), clear);
			const denied = page.getByTestId('facets').getByRole('checkbox', { name: /^Denied/ });
			await rounds(
				'a facet value (confidence: denied)',
				() =>
					denied.evaluate((el: HTMLInputElement) => {
						const t = performance.now();
						el.click();
						return t;
					}),
				async () => {
					await denied.uncheck();
					await whenText(page, '[data-testid=filter-summary]', `All ${totalText}`, slow);
					await page.waitForTimeout(500);
				}
			);
			// The baseline: the table's own word filter, over the same events.
			let baselineTableFilterMs: number | undefined;
			const filter = page.getByTestId('event-filter');
			if (await filter.count()) {
				const t0 = await filter.evaluate((el: HTMLInputElement) => {
					const t = performance.now();
					el.value = 'summit';
					el.dispatchEvent(new Event('input', { bubbles: true }));
					return t;
				});
				const handle = await page.waitForFunction(
					() =>
						/^[\d,]+ of /.test(
							document.querySelector('[data-testid=event-count]')?.textContent?.trim() ?? ''
						)
							? performance.now()
							: false,
					undefined,
					{ polling: 'raf', timeout: slow }
				);
				baselineTableFilterMs = Math.round(((await handle.jsonValue()) as number) - t0);
				await filter.fill('');
			}
			result.search = {
				indexReadyMs: Math.round(indexReadyMs),
				queries,
				...(baselineTableFilterMs !== undefined ? { baselineTableFilterMs } : {})
			};
		});

		await step(result, 'edit', async () => {
			// Back at the top of the table: after the scroll above, the first row drawn is one of
			// those kept above the view, and the rows move under a click on it.
			await page.evaluate(() => {
				const table = document.querySelector('[data-testid=event-table]');
				let el = table?.parentElement ?? null;
				while (el && !(el.scrollHeight > el.clientHeight)) el = el.parentElement;
				if (el) el.scrollTop = 0;
			});
			await page.waitForTimeout(500);
			const first = page.getByTestId('event-table').locator('tbody tr[data-event-id]').first();
			const id = (await first.getAttribute('data-event-id')) ?? '';
			const cell = page.locator(`tr[data-event-id="${id}"] td.col-title`);
			await first.locator('td.col-title button.event-title').click();
			await page
				.getByTestId('event-details')
				.getByRole('button', { name: 'Edit', exact: true })
				.click();
			const form = page.getByTestId('event-editor');
			await form.getByLabel('Title', { exact: true }).fill('Edited in the bench');
			const since = await pageNow(page);
			const t0 = Date.now();
			await form.getByRole('button', { name: 'Save' }).click();
			const notice = page.getByTestId('notice');
			await notice
				.filter({ hasText: /Saved “Edited in the bench”|failed|refused|no longer|there is no/ })
				.or(form.getByTestId('editor-failure'))
				.first()
				.waitFor({ timeout: slow })
				.catch(async (error: unknown) => {
					const text = await form.innerText().catch(() => 'no form');
					throw new Error(`no answer to Save: ${text.replace(/\s+/g, ' ').slice(0, 400)}`, {
						cause: error
					});
				});
			const said = (await notice.textContent()) ?? '';
			if (!said.includes('Saved'))
				throw new Error(
					`not saved: ${said} ${(await form.textContent().catch(() => '')) ?? ''}`.slice(0, 400)
				);
			const savedMs = Date.now() - t0;
			await cell
				.filter({ hasText: 'Edited in the bench' })
				.waitFor({ timeout: slow })
				.catch(async (error: unknown) => {
					await page.screenshot({ path: '/tmp/shots/bench-edit.png' });
					throw new Error(
						`the table does not show the edit of ${id}: ${(await cell.allInnerTexts()).join(' | ')}`,
						{ cause: error }
					);
				});
			const shownMs = Date.now() - t0;
			await page.waitForTimeout(1_000);
			const longTasks = await longTasksSince(page, since);
			const t1 = Date.now();
			await page.getByTestId('notice-undo').click();
			await cell.filter({ hasNotText: 'Edited in the bench' }).waitFor({ timeout: slow });
			result.edit = { savedMs, shownMs, undoMs: Date.now() - t1, longTasks };
		});

		if (n < 1_000_000)
			await step(result, 'replace', async () => {
				await page.getByTestId('import-open').click();
				const dialog = page.getByTestId('import-dialog');
				await dialog.getByTestId('import-file').setInputFiles(path);
				await dialog.getByTestId('import-counts').waitFor({ timeout: slow });
				const since = await pageNow(page);
				const t0 = Date.now();
				await dialog.getByTestId('import-commit').click();
				const notice = page.getByTestId('notice');
				await notice.filter({ hasText: /^Imported/ }).waitFor({ timeout: slow });
				const commitMs = Date.now() - t0;
				await page.waitForTimeout(1_000);
				const longTasks = await longTasksSince(page, since);
				const t1 = Date.now();
				await page.getByTestId('notice-undo').click();
				await notice.filter({ hasText: /^Undid importing/ }).waitFor({ timeout: slow });
				result.replace = { commitMs, undoMs: Date.now() - t1, longTasks };
			});

		await step(result, 'hide/show cycles', async () => {
			await page.getByRole('button', { name: 'Fit all' }).click();
			await whenText(page, '[data-testid=event-count]', totalText, slow);
			await page.waitForTimeout(1_000);
			const heapBeforeMB = await heapMB(page);
			const toggle = page
				.getByTestId('dataset-list')
				.locator(`li[data-dataset-id="scale-${n}"]`)
				.getByTestId('dataset-visible');
			// The count as shown: hidden, it reads otherwise; shown again, the same.
			const shown = (await page.getByTestId('event-count').textContent()) ?? '';
			const countIs = (same: boolean) =>
				page.waitForFunction(
					({ text, same }) =>
						(document.querySelector('[data-testid=event-count]')?.textContent === text) === same,
					{ text: shown, same },
					{ polling: 'raf', timeout: slow }
				);
			const t0 = Date.now();
			for (let i = 0; i < CYCLES; i++) {
				await toggle.uncheck();
				await countIs(false);
				await toggle.check();
				await countIs(true);
				await page
					.locator(`${TIMELINE} .vis-item`)
					.first()
					.waitFor({ state: 'attached', timeout: slow });
			}
			const meanCycleMs = (Date.now() - t0) / Math.max(1, CYCLES);
			await page.waitForTimeout(1_000);
			const heapAfterMB = await heapMB(page);
			result.cycles = {
				count: CYCLES,
				heapBeforeMB,
				heapAfterMB,
				growthMB: heapAfterMB - heapBeforeMB,
				meanCycleMs: Math.round(meanCycleMs)
			};
		});
		await page.close();

		// Baselines in a blank page of the same origin (a separate database): JSON.parse of the
		// file's text, and Dexie writing the same event objects in one bulkPut or one put each.
		result.baseline = {};
		const baseline = result.baseline;
		await step(result, 'baseline: JSON.parse and Dexie', async () => {
			const blank = await context.newPage();
			await blank.route('**/__scale-baseline', (route) =>
				route.fulfill({
					contentType: 'text/html',
					body: '<!doctype html><title>baseline</title><input type="file" id="f">'
				})
			);
			await blank.goto('/__scale-baseline');
			await blank.addScriptTag({ path: 'node_modules/dexie/dist/dexie.js' });
			await blank.locator('#f').setInputFiles(path);
			const figures = await blank.evaluate(
				async ({ name, putEach }) => {
					interface Table {
						bulkPut(rows: unknown[]): Promise<unknown>;
						put(row: unknown): Promise<unknown>;
						clear(): Promise<void>;
					}
					interface Db {
						version(n: number): { stores(s: Record<string, string>): void };
						open(): Promise<unknown>;
						table(name: string): Table;
						transaction(mode: string, table: Table, fn: () => Promise<void>): Promise<void>;
						delete(): Promise<void>;
					}
					const Dexie = (window as unknown as { Dexie: new (name: string) => Db }).Dexie;
					const input = document.getElementById('f') as HTMLInputElement;
					const text = await input.files?.[0]?.text();
					if (!text) throw new Error('no file');
					let t = performance.now();
					const file = JSON.parse(text) as { events: unknown[] };
					const parseMs = performance.now() - t;
					const db = new Dexie(name);
					db.version(1).stores({ events: 'id' });
					await db.open();
					const events = db.table('events');
					t = performance.now();
					await events.bulkPut(file.events);
					const bulkPutMs = performance.now() - t;
					await events.clear();
					let putEachMs: number | undefined;
					if (putEach) {
						t = performance.now();
						await db.transaction('rw', events, async () => {
							for (const e of file.events) await events.put(e);
						});
						putEachMs = performance.now() - t;
					}
					await db.delete();
					return { parseMs, bulkPutMs, putEachMs };
				},
				{ name: `scale-baseline-${n}`, putEach: n <= 100_000 }
			);
			baseline.parseMs = figures.parseMs;
			baseline.bulkPutMs = figures.bulkPutMs;
			baseline.putEachMs = figures.putEachMs;
			await blank.close();
		});

		if (result.canvas) {
			await step(result, 'baseline: plain d3-force in SVG', async () => {
				// The whole range's actor graph of the generated events (the default dataset's few
				// actors left out), drawn the plain way.
				const index = new Map<string, number>();
				const pairs = new Set<number>();
				const at = (id: string) => {
					let i = index.get(id);
					if (i === undefined) index.set(id, (i = index.size));
					return i;
				};
				for (const e of scaleData(n).events()) {
					const ids = [...new Set((e.participants ?? []).map((p) => at(p.actor)))].sort(
						(p, q) => p - q
					);
					for (const [k, a] of ids.entries())
						for (const b of ids.slice(k + 1)) pairs.add(a * 1_000_000 + b);
				}
				const graph = {
					nodes: [...index.keys()],
					links: [...pairs].map(
						(k) => [Math.floor(k / 1_000_000), k % 1_000_000] as [number, number]
					)
				};
				// Past the canvas's limits (1M: 20,000 actors) the canvas draws only the busiest: a plain
				// layout of every actor would be another task, and hours of SVG. Not run there.
				if (result.canvas && graph.nodes.length > result.canvas.actors) {
					console.log(
						`  [${n}] plain d3-force not run: the canvas drew the busiest ${result.canvas.actors} of ${graph.nodes.length} actors`
					);
					return;
				}
				const plain = await context.newPage();
				const figures = await plainForce(plain, graph, slow);
				const total = figures.gestureGaps.reduce((a, b) => a + b, 0);
				baseline.force = {
					actors: graph.nodes.length,
					links: graph.links.length,
					settleMs: Math.round(figures.settleMs),
					ticks: figures.ticks,
					settle: summary(figures.settleGaps),
					gesture: {
						...summary(figures.gestureGaps),
						fps: total > 0 ? (figures.gestureGaps.length * 1000) / total : NaN
					}
				};
				await plain.close();
			});
		}

		if (n === 10_000) {
			await step(result, 'baseline: stock vis-timeline', async () => {
				const stock = await context.newPage();
				const items: StockItem[] = [];
				for (const e of scaleData(n).events()) {
					const start = startMsOf(e.start);
					const end = e.end ? startMsOf(e.end) + DAY_MS : undefined;
					for (const p of e.participants ?? [])
						items.push({
							id: `${e.id}@${p.actor}`,
							group: p.actor,
							content: e.title,
							start,
							...(end ? { end, type: 'range' as const } : { type: 'box' as const })
						});
				}
				const firstDrawMs = await drawStockTimeline(stock, items);
				const gaps = await frames(stock, () => wheel(stock, '#t .vis-panel.vis-center', 6));
				baseline.stock = {
					firstDrawMs: Math.round(firstDrawMs),
					wheelP95Ms: Math.round(percentile(gaps, 0.95)),
					wheelMaxMs: Math.round(Math.max(...gaps)),
					domItems: await stock.locator('#t .vis-item-content').count()
				};
				await stock.close();
			});
		}
		await context.close();
	});
}

// ---------------------------------------------------------------------------------------------
// Report

const f0 = (n: number | undefined) =>
	n === undefined || !Number.isFinite(n) ? '—' : Math.round(n).toLocaleString('en');
const f1 = (n: number | undefined) => (n === undefined || !Number.isFinite(n) ? '—' : n.toFixed(1));
const verdict = (ok: boolean | undefined) => (ok === undefined ? '' : ok ? 'met' : 'MISSED');

function sizeTable(r: SizeResult): string {
	const million = r.events >= 1_000_000;
	const rows: [string, string, string, boolean | undefined][] = [];
	const add = (what: string, value: string, target = '', ok?: boolean) =>
		rows.push([what, value, target, ok]);
	const i = r.import;
	add('import: file pick → preview', i ? `${f0(i.previewMs)} ms` : '—');
	add('import: commit → views show the events', i ? `${f0(i.commitToViewsMs)} ms` : '—');
	add(
		'import: total (pick → preview + commit → views)',
		i ? `${f0(i.totalMs)} ms` : '—',
		million ? '' : '≤ 5,000 ms',
		i && !million ? i.totalMs <= 5_000 : undefined
	);
	add(
		'import: long tasks > 50 ms (count / longest / total)',
		i ? `${i.during.count} / ${f0(i.during.longestMs)} ms / ${f0(i.during.totalMs)} ms` : '—',
		million ? '' : 'none > 50 ms',
		i && !million ? i.during.count === 0 : undefined
	);
	add(
		'after import, 3 s: long tasks (count / longest)',
		i ? `${i.after.count} / ${f0(i.after.longestMs)} ms` : '—',
		million ? '' : 'none > 50 ms',
		i && !million ? i.after.count === 0 : undefined
	);
	const firstTarget = million ? 1_500 : 700;
	add(
		'reload → first .vis-item (from navigation)',
		r.reload ? `${f0(r.reload.firstItemMs)} ms` : '—',
		`≤ ${f0(firstTarget)} ms`,
		r.reload ? r.reload.firstItemMs <= firstTarget : undefined
	);
	add(
		'reload: long tasks to +2 s (count / longest)',
		r.reload ? `${r.reload.longTasks.count} / ${f0(r.reload.longTasks.longestMs)} ms` : '—'
	);
	const heapTarget = million ? 400 : 80;
	add(
		'JS heap after load (after GC)',
		r.heapAfterLoadMB === undefined ? '—' : `${f1(r.heapAfterLoadMB)} MB`,
		`≤ ${heapTarget} MB`,
		r.heapAfterLoadMB === undefined ? undefined : r.heapAfterLoadMB <= heapTarget
	);
	const c = r.cycles;
	add(
		`heap growth over ${c?.count ?? CYCLES} hide/show cycles`,
		c ? `${f1(c.growthMB)} MB (${f1(c.heapBeforeMB)} → ${f1(c.heapAfterMB)})` : '—',
		'≈ 0 (no leak)',
		c ? c.growthMB < Math.max(2, c.heapBeforeMB * 0.05) : undefined
	);
	add('hide + show, one cycle (mean)', c ? `${f0(c.meanCycleMs)} ms` : '—');
	const z = r.zoom;
	const zoomTarget = million ? 33 : 17;
	add(
		'wheel zoom whole → ~1 week → back (steps in / out)',
		z ? `${z.stepsIn} / ${z.stepsOut} (narrowest ${z.narrowestDays} d)` : '—'
	);
	add(
		'zoom frame gap p50 / p95',
		z ? `${z.frames.p50} / ${z.frames.p95} ms` : '—',
		`p95 ≤ ${zoomTarget} ms`,
		z ? z.frames.p95 <= zoomTarget : undefined
	);
	add(
		'zoom frame gap max',
		z ? `${z.frames.max} ms` : '—',
		million ? '' : '≤ 50 ms',
		z && !million ? z.frames.max <= 50 : undefined
	);
	add(
		'zoom: long tasks (count / longest)',
		z ? `${z.longTasks.count} / ${f0(z.longTasks.longestMs)} ms` : '—'
	);
	const a = r.actorClick;
	const clickTarget = million ? 100 : 50;
	add(
		'actor click → filled panel (median / max)',
		a ? `${f0(a.median)} / ${f0(a.max)} ms (${a.ms.join(', ')})` : '—',
		`≤ ${clickTarget} ms`,
		a ? a.max <= clickTarget : undefined
	);
	const ec = r.edgeClick;
	add(
		'edge click → filled panel (median / max)',
		ec ? `${f0(ec.median)} / ${f0(ec.max)} ms (${ec.ms.join(', ')}; ${ec.links.join(', ')})` : '—',
		`≤ ${clickTarget} ms`,
		ec ? ec.max <= clickTarget : undefined
	);
	const cv = r.canvas;
	add(
		'network, every actor: click → layout settled',
		cv ? `${f0(cv.settleMs)} ms (${f0(cv.actors)} actors, ${f0(cv.links)} links)` : '—',
		'≤ 2,000 ms',
		cv ? cv.settleMs <= 2_000 : undefined
	);
	add(
		'network, every actor: pan and zoom',
		cv ? `${f1(cv.gesture.fps)} fps (p95 gap ${cv.gesture.p95} ms, max ${cv.gesture.max} ms)` : '—',
		'≥ 30 fps',
		cv ? cv.gesture.fps >= 30 : undefined
	);
	add(
		'network, every actor: redraw once the gesture rests',
		cv
			? cv.restLongestMs > 0
				? `${f0(cv.restLongestMs)} ms (longest task)`
				: 'no task over 50 ms'
			: '—'
	);
	const s = r.tableScroll;
	add(
		'table scroll',
		s ? `${f1(s.fps)} fps (p95 gap ${s.frames.p95} ms, ${f0(s.rowsScrolled)} rows)` : '—',
		'≥ 55 fps',
		s ? s.fps >= 55 : undefined
	);
	const se = r.search;
	add(
		'search index ready after the reload (worker)',
		se ? `${f0(se.indexReadyMs)} ms from navigation` : '—'
	);
	for (const q of se?.queries ?? [])
		add(
			`search: ${q.label} → views`,
			`${f0(q.ms)} ms (rounds ${q.runs.map(f0).join(', ')}; facet counts ${f0(q.countsMs)} ms; ${f0(q.kept)} kept; longest task ${q.longestMs ? `${f0(q.longestMs)} ms` : '< 50 ms'})`,
			'≤ 100 ms',
			q.ms <= 100
		);
	if (se?.baselineTableFilterMs !== undefined)
		add(
			'baseline: the table’s own word filter (“summit”) → its count',
			`${f0(se.baselineTableFilterMs)} ms`
		);
	const ed = r.edit;
	add(
		'edit one event: Save → notice / → table shows it / undo',
		ed ? `${f0(ed.savedMs)} / ${f0(ed.shownMs)} / ${f0(ed.undoMs)} ms` : '—'
	);
	add(
		'edit one event: long tasks to +1 s (count / longest)',
		ed ? `${ed.longTasks.count} / ${f0(ed.longTasks.longestMs)} ms` : '—'
	);
	const rp = r.replace;
	add(
		'the same file again, over its dataset: commit → notice / undo → notice',
		rp
			? `${f0(rp.commitMs)} / ${f0(rp.undoMs)} ms (first import's commit → views ${
					r.import ? f0(r.import.commitToViewsMs) : '—'
				} ms; ×${r.import ? (rp.commitMs / r.import.commitToViewsMs).toFixed(2) : '—'})`
			: '—'
	);
	add(
		'the same file again: long tasks to +1 s (count / longest)',
		rp ? `${rp.longTasks.count} / ${f0(rp.longTasks.longestMs)} ms` : '—'
	);
	const j = r.firstScreenJs;
	add(
		'first-screen JS (gzip, before first paint)',
		j
			? `${f1(j.gzKB)} kB in ${j.files} files (${f1(j.rawKB)} kB raw; all JS ${f1(j.allJsGzKB)} kB gz)`
			: '—',
		'≤ 200 kB gz',
		j ? j.gzKB <= 200 : undefined
	);
	const b = r.baseline;
	add(
		'baseline: JSON.parse of the file on a page',
		b?.parseMs === undefined ? '—' : `${f0(b.parseMs)} ms`
	);
	add('baseline: Dexie bulkPut', b?.bulkPutMs === undefined ? '—' : `${f0(b.bulkPutMs)} ms`);
	add(
		'baseline: Dexie put per record (one transaction)',
		b?.putEachMs === undefined ? '—' : `${f0(b.putEachMs)} ms`
	);
	if (b?.force)
		add(
			'baseline: plain d3-force in SVG (settle / its frames p95 / pan+zoom)',
			`${f0(b.force.settleMs)} ms, ${b.force.ticks} ticks / ${b.force.settle.p95} ms / ${f1(b.force.gesture.fps)} fps (${f0(b.force.actors)} actors, ${f0(b.force.links)} links)`
		);
	if (b?.stock)
		add(
			'baseline: stock vis-timeline, every item (first draw / wheel p95 / max)',
			`${f0(b.stock.firstDrawMs)} / ${b.stock.wheelP95Ms} / ${b.stock.wheelMaxMs} ms (${f0(b.stock.domItems)} items in DOM)`
		);
	const width = [0, 0, 0];
	for (const row of rows)
		for (let k = 0; k < 3; k++) width[k] = Math.max(width[k] ?? 0, row[k]?.toString().length ?? 0);
	const lines = [
		`Scale: ${f0(r.events)} events (+${DEFAULT_EVENT_COUNT} default), ${f0(r.actors)} actors, file ${f1(r.fileMB)} MB`,
		...rows.map(
			([what, value, target, ok]) =>
				`  ${what.padEnd(width[0] ?? 0)}  ${value.padStart(width[1] ?? 0)}  ${target.padEnd(width[2] ?? 0)}  ${verdict(ok)}`
		),
		...r.errors.map((e) => `  not measured: ${e}`)
	];
	return lines.join('\n');
}

/** Scaling exponent k in t ∝ n^k between two sizes. */
const exponent = (t1: number | undefined, t2: number | undefined, n1: number, n2: number) =>
	t1 && t2 && t1 > 0 && t2 > 0 ? (Math.log(t2 / t1) / Math.log(n2 / n1)).toFixed(2) : '—';

function scalingTable(rs: SizeResult[]): string {
	const sorted = [...rs].sort((a, b) => a.events - b.events);
	const metrics: [string, (r: SizeResult) => number | undefined][] = [
		['import total (ms)', (r) => r.import?.totalMs],
		['import longest task (ms)', (r) => r.import?.during.longestMs],
		['reload → first item (ms)', (r) => r.reload?.firstItemMs],
		['heap after load (MB)', (r) => r.heapAfterLoadMB],
		['zoom p95 (ms)', (r) => r.zoom?.frames.p95],
		['actor click median (ms)', (r) => r.actorClick?.median],
		['edge click median (ms)', (r) => r.edgeClick?.median],
		['edit save → table shows it (ms)', (r) => r.edit?.shownMs],
		['the same file again: commit (ms)', (r) => r.replace?.commitMs],
		[
			'table scroll frame time (ms, 1000/fps)',
			(r) => (r.tableScroll ? 1000 / r.tableScroll.fps : undefined)
		],
		['hide/show cycle (ms)', (r) => r.cycles?.meanCycleMs],
		['JSON.parse (ms)', (r) => r.baseline?.parseMs],
		['Dexie bulkPut (ms)', (r) => r.baseline?.bulkPutMs],
		['Dexie put each (ms)', (r) => r.baseline?.putEachMs]
	];
	const head = ['metric', ...sorted.map((r) => f0(r.events))];
	const pairs: [SizeResult, SizeResult][] = [];
	for (let k = 1; k < sorted.length; k++)
		pairs.push([sorted[k - 1] as SizeResult, sorted[k] as SizeResult]);
	const first = sorted[0];
	const last = sorted.at(-1);
	if (first && last && sorted.length > 2) pairs.push([first, last]);
	head.push(...pairs.map(([p, q]) => `k ${f0(p.events / 1000)}k→${f0(q.events / 1000)}k`));
	const rows = metrics.map(([name, get]) => [
		name,
		...sorted.map((r) => {
			const v = get(r);
			return v === undefined ? '—' : v < 100 ? f1(v) : f0(v);
		}),
		...pairs.map(([p, q]) => exponent(get(p), get(q), p.events, q.events))
	]);
	const width = head.map((h, k) => Math.max(h.length, ...rows.map((r) => (r[k] ?? '').length)));
	const fmt = (cells: string[]) =>
		cells.map((c, k) => (k === 0 ? c.padEnd(width[k] ?? 0) : c.padStart(width[k] ?? 0))).join('  ');
	const lines = [
		'Scaling (k: exponent, t ∝ n^k; 1 is linear, 0 flat)',
		`  ${fmt(head)}`,
		...rows.map((r) => `  ${fmt(r)}`),
		'Ratios, same size:'
	];
	for (const r of sorted) {
		const b = r.baseline;
		const parts: string[] = [];
		if (r.import && b?.parseMs)
			parts.push(`import ÷ JSON.parse ×${f0(r.import.totalMs / b.parseMs)}`);
		if (b?.putEachMs && b.bulkPutMs)
			parts.push(`put each ÷ bulkPut ×${f1(b.putEachMs / b.bulkPutMs)}`);
		if (r.import && b?.bulkPutMs)
			parts.push(`import ÷ bulkPut ×${f1(r.import.totalMs / b.bulkPutMs)}`);
		if (b?.force && r.canvas)
			parts.push(
				`plain d3-force settle ÷ Trama canvas settle ×${f1(b.force.settleMs / r.canvas.settleMs)}, pan+zoom fps Trama ÷ plain ×${f1(r.canvas.gesture.fps / b.force.gesture.fps)}`
			);
		if (b?.stock && r.reload)
			parts.push(
				`stock first draw ÷ Trama reload-to-first-item ×${f1(b.stock.firstDrawMs / r.reload.firstItemMs)}`
			);
		if (b?.stock && r.zoom)
			parts.push(
				`stock wheel p95 ÷ Trama zoom p95 ×${f1(b.stock.wheelP95Ms / Math.max(1, r.zoom.frames.p95))}`
			);
		lines.push(`  ${f0(r.events)}: ${parts.join('; ') || '—'}`);
	}
	return lines.join('\n');
}

test.afterAll(() => {
	const out = [...results].sort((a, b) => a.events - b.events);
	console.log(`\n${out.map(sizeTable).join('\n\n')}\n\n${scalingTable(out)}\n`);
	mkdirSync('tests/bench/out', { recursive: true });
	writeFileSync(
		'tests/bench/out/scale.json',
		JSON.stringify({ date: new Date().toISOString(), results: out }, null, '\t')
	);
});
