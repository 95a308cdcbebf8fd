/**
 * Measuring helpers shared by the benchmarks: frame gaps, wheel zoom, long tasks, heap, and the
 * stock vis-timeline page used as a baseline. Everything here goes through the page (the DOM,
 * the test hooks, CDP), never through the app's modules.
 */
import type { Page } from '@playwright/test';
import type * as D3 from 'd3';

export function percentile(values: readonly number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

/** Records frame gaps while `action` runs: the page's responsiveness during it. */
export async function frames(page: Page, action: () => Promise<void>): Promise<number[]> {
	await page.evaluate(() => {
		const w = window as unknown as { __frames: number[]; __stop: boolean };
		w.__frames = [];
		w.__stop = false;
		let last = performance.now();
		const tick = (now: number) => {
			w.__frames.push(now - last);
			last = now;
			if (!w.__stop) requestAnimationFrame(tick);
		};
		requestAnimationFrame(tick);
	});
	await action();
	return page.evaluate(() => {
		const w = window as unknown as { __frames: number[]; __stop: boolean };
		w.__stop = true;
		return w.__frames.slice(1);
	});
}

/** Wheels over `selector`: the first half of the steps zoom in, the second half out. */
export async function wheel(page: Page, selector: string, steps: number) {
	const box = await page.locator(selector).first().boundingBox();
	if (!box) throw new Error(`nothing at ${selector}`);
	await page.mouse.move(box.x + box.width * 0.6, box.y + 60);
	for (let i = 0; i < steps; i++) {
		await page.mouse.wheel(0, i < steps / 2 ? -250 : 250);
		await page.waitForTimeout(60);
	}
	await page.waitForTimeout(200);
}

/**
 * Installed before the app's scripts (`page.addInitScript`): records every long task (> 50 ms)
 * from navigation on, when the first `.vis-item` reaches the DOM and when the search index first
 * answers (the filter counts every event) (ms since navigation start).
 */
export function pageProbes() {
	const w = window as unknown as {
		__longTasks: { start: number; duration: number }[];
		__firstItem?: number;
		__indexReady?: number;
		/** What the filter's summary says once the index has every event (set by the bench). */
		__expectIndexed?: string;
	};
	w.__longTasks = [];
	try {
		new PerformanceObserver((list) => {
			for (const e of list.getEntries())
				w.__longTasks.push({ start: e.startTime, duration: e.duration });
		}).observe({ type: 'longtask', buffered: true });
	} catch {
		// No long task API: the figures stay empty.
	}
	const seen = () => {
		if (w.__firstItem === undefined && document.querySelector('.vis-item'))
			w.__firstItem = performance.now();
		// The search index has answered: the filter's summary counts the events.
		const summary = document.querySelector('[data-testid=filter-summary]')?.textContent ?? '';
		if (w.__indexReady === undefined && w.__expectIndexed && summary.includes(w.__expectIndexed))
			w.__indexReady = performance.now();
		if (w.__firstItem !== undefined && w.__indexReady !== undefined) observer.disconnect();
	};
	const observer = new MutationObserver(seen);
	observer.observe(document, { childList: true, subtree: true, characterData: true });
}

export interface LongTasks {
	/** Tasks over 50 ms. */
	count: number;
	longestMs: number;
	totalMs: number;
}

/** Long tasks since `sinceMs` (the page's clock), from the probes. */
export async function longTasksSince(page: Page, sinceMs: number): Promise<LongTasks> {
	const tasks = await page.evaluate(
		(since) =>
			(
				window as unknown as { __longTasks?: { start: number; duration: number }[] }
			).__longTasks?.filter((t) => t.start + t.duration >= since) ?? [],
		sinceMs
	);
	return {
		count: tasks.length,
		longestMs: Math.round(Math.max(0, ...tasks.map((t) => t.duration))),
		totalMs: Math.round(tasks.reduce((s, t) => s + t.duration, 0))
	};
}

export const pageNow = (page: Page) => page.evaluate(() => performance.now());

/** The JS heap in use after a full garbage collection, in MB, through the DevTools protocol. */
export async function heapMB(page: Page): Promise<number> {
	const cdp = await page.context().newCDPSession(page);
	try {
		await cdp.send('HeapProfiler.enable');
		await cdp.send('HeapProfiler.collectGarbage');
		await cdp.send('Performance.enable');
		const { metrics } = await cdp.send('Performance.getMetrics');
		const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
		return used / 1024 / 1024;
	} finally {
		await cdp.detach();
	}
}

export interface StockItem {
	id: string;
	group: string;
	content: string;
	start: number;
	end?: number;
	type: 'box' | 'range';
}

/**
 * Stock vis-timeline in a blank page, given every item at once (grouped by actor, `stack: true`,
 * fixed 400 px height: its default height grows with the stack). Returns the time from
 * `new Timeline(…)` to the frame after its first `changed` event; the timeline is `#t`.
 */
export async function drawStockTimeline(page: Page, items: StockItem[]): Promise<number> {
	await page.setContent('<div id="t" style="width:1200px;height:400px"></div>');
	await page.addStyleTag({ path: 'node_modules/vis-timeline/styles/vis-timeline-graph2d.min.css' });
	await page.addScriptTag({
		path: 'node_modules/vis-timeline/standalone/umd/vis-timeline-graph2d.min.cjs'
	});
	const groups = [...new Set(items.map((i) => i.group))].map((id) => ({ id, content: id }));
	return page.evaluate(
		({ items, groups }) =>
			new Promise<number>((resolve) => {
				const vis = (
					window as unknown as {
						vis: { Timeline: new (...a: unknown[]) => { on: (e: string, f: () => void) => void } };
					}
				).vis;
				const t0 = performance.now();
				const timeline = new vis.Timeline(document.getElementById('t'), items, groups, {
					height: '400px',
					stack: true
				});
				let done = false;
				timeline.on('changed', () => {
					if (done) return;
					done = true;
					requestAnimationFrame(() => resolve(performance.now() - t0));
				});
			}),
		{ items, groups }
	);
}

/**
 * An actor click in the network, timed in the page: from the pointer events on its node to the
 * frame after the actor panel lists its connections. Rejects when nothing comes in `timeoutMs`.
 */
export function timeActorClick(page: Page, actor: string, timeoutMs = 60_000): Promise<number> {
	return page.evaluate(
		({ actor, timeoutMs }) =>
			new Promise<number>((resolve, reject) => {
				const el = document.querySelector(`[data-testid=network] .node[data-actor-id="${actor}"]`);
				if (!el) {
					reject(new Error(`no node ${actor}`));
					return;
				}
				const t0 = performance.now();
				const opts = { bubbles: true, pointerId: 1, isPrimary: true } as const;
				el.dispatchEvent(new PointerEvent('pointerdown', opts));
				el.dispatchEvent(new PointerEvent('pointerup', opts));
				const check = () => {
					if (
						document.querySelector(
							`[data-testid=actor-panel][data-actor-id="${actor}"] li[data-actor-id]`
						)
					)
						requestAnimationFrame(() => resolve(performance.now() - t0));
					else if (performance.now() - t0 > timeoutMs)
						reject(new Error(`no filled panel for ${actor} in ${timeoutMs} ms`));
					else requestAnimationFrame(check);
				};
				check();
			}),
		{ actor, timeoutMs }
	);
}

/**
 * Milliseconds from a click on the link between two actors (its element in a small drawing, its
 * button in the list beside a large one) to the link's panel listing its events.
 */
export function timeEdgeClick(
	page: Page,
	a: string,
	b: string,
	timeoutMs = 60_000
): Promise<number> {
	return page.evaluate(
		({ a, b, timeoutMs }) =>
			new Promise<number>((resolve, reject) => {
				const pair = `[data-source="${a}"][data-target="${b}"]`;
				const el =
					document.querySelector(`[data-testid=network] .edge${pair}`) ??
					document.querySelector(`[data-testid=network-links] button${pair}`);
				if (!el) {
					reject(new Error(`no link ${a}–${b}`));
					return;
				}
				const t0 = performance.now();
				el.dispatchEvent(new MouseEvent('click', { bubbles: true }));
				const check = () => {
					if (document.querySelector(`[data-testid=edge-panel]${pair} li`))
						requestAnimationFrame(() => resolve(performance.now() - t0));
					else if (performance.now() - t0 > timeoutMs)
						reject(new Error(`no filled panel for ${a}–${b} in ${timeoutMs} ms`));
					else requestAnimationFrame(check);
				};
				check();
			}),
		{ a, b, timeoutMs }
	);
}

/** The actors and links of a graph, for the plain d3-force baseline. */
export interface PlainGraph {
	nodes: string[];
	links: [number, number][];
}

/**
 * Baseline for the network: plain d3-force drawn in SVG (a circle and a line per actor and link,
 * d3's default forces, every attribute written on every tick), in a blank page. Returns the time
 * from the first tick to the simulation's end, its ticks and frame gaps, and the frame gaps of a
 * pan and zoom of the settled drawing (d3-zoom moving the group, as such pages do).
 */
export async function plainForce(
	page: Page,
	graph: PlainGraph,
	timeoutMs: number
): Promise<{ settleMs: number; ticks: number; settleGaps: number[]; gestureGaps: number[] }> {
	await page.setContent(
		'<svg id="s" width="1000" height="420" style="display:block"><g id="g"></g></svg>'
	);
	await page.addScriptTag({ path: 'node_modules/d3/dist/d3.min.js' });
	const settled = await page.evaluate(
		({ graph, timeoutMs }) =>
			new Promise<{ settleMs: number; ticks: number; settleGaps: number[] }>((resolve, reject) => {
				const d3 = (window as unknown as { d3: typeof D3 }).d3;
				const nodes: { id: string; x?: number; y?: number }[] = graph.nodes.map((id) => ({ id }));
				const links = graph.links.map(([a, b]) => ({ source: a, target: b }));
				const g = d3.select('#g');
				const line = g
					.selectAll('line')
					.data(links)
					.join('line')
					.attr('stroke', '#999')
					.attr('stroke-width', 1);
				const dot = g
					.selectAll('circle')
					.data(nodes)
					.join('circle')
					.attr('r', 4)
					.attr('fill', '#36c');
				const gaps: number[] = [];
				let last = performance.now();
				let ticks = 0;
				const t0 = performance.now();
				const timer = setTimeout(() => reject(new Error('baseline layout did not end')), timeoutMs);
				const sim = d3
					.forceSimulation(nodes)
					.force('link', d3.forceLink(links))
					.force('charge', d3.forceManyBody())
					.force('center', d3.forceCenter(500, 210))
					.on('tick', () => {
						ticks++;
						const now = performance.now();
						gaps.push(now - last);
						last = now;
						type P = { x: number; y: number };
						line
							.attr('x1', (l) => (l.source as unknown as P).x)
							.attr('y1', (l) => (l.source as unknown as P).y)
							.attr('x2', (l) => (l.target as unknown as P).x)
							.attr('y2', (l) => (l.target as unknown as P).y);
						dot.attr('cx', (n) => n.x ?? 0).attr('cy', (n) => n.y ?? 0);
					})
					.on('end', () => {
						clearTimeout(timer);
						requestAnimationFrame(() =>
							resolve({ settleMs: performance.now() - t0, ticks, settleGaps: gaps.slice(1) })
						);
					});
				void sim;
				d3.select<SVGSVGElement, unknown>('#s').call(
					d3
						.zoom<SVGSVGElement, unknown>()
						.on('zoom', (e: { transform: { toString(): string } }) =>
							g.attr('transform', e.transform.toString())
						)
				);
			}),
		{ graph, timeoutMs }
	);
	const gestureGaps = await frames(page, () => panAndZoom(page, '#s'));
	return { ...settled, gestureGaps };
}

/**
 * Drags across a drawing (40 moves, one a frame) from `from` (in the drawing, default 30 % in and
 * 70 % down), then wheels 6 steps in and 6 out over its middle.
 */
export async function panAndZoom(
	page: Page,
	selector: string,
	from?: { x: number; y: number }
): Promise<void> {
	const box = await page.locator(selector).first().boundingBox();
	if (!box) throw new Error(`nothing at ${selector}`);
	const x = box.x + (from?.x ?? box.width * 0.3);
	const y = box.y + (from?.y ?? box.height * 0.7);
	await page.mouse.move(x, y);
	await page.mouse.down();
	for (let i = 1; i <= 40; i++) {
		await page.mouse.move(x + i * 6, y - i * 2);
		await page.waitForTimeout(16);
	}
	await page.mouse.up();
	await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
	for (let i = 0; i < 12; i++) {
		await page.mouse.wheel(0, i < 6 ? -200 : 200);
		await page.waitForTimeout(50);
	}
}
