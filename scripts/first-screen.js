/**
 * What JavaScript the first screen needs, gzipped: run after `vite build`.
 *
 *   node scripts/first-screen.js                 from the build's chunk graph
 *   node scripts/first-screen.js --browser URL   also as Chromium requests it from a running preview
 *
 * The first screen is what the page cannot paint without: SvelteKit's entry, the root route's
 * nodes (layout and page) and every chunk they import statically. The rest of what the route
 * imports dynamically (the views, their libraries, the dialogs) loads after it, in parallel;
 * it is listed apart. With `--browser`, the page is opened once in an empty profile and each
 * script is put before or after the shell's first painting, by when it was requested.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

/** The budget of the first screen, in gzipped kB (1000 bytes, as the build reports). */
const BUDGET_KB = 200;

const CLIENT = '.svelte-kit/output/client';
/** @type {Record<string, { file: string, isEntry?: boolean, imports?: string[], dynamicImports?: string[] }>} */
const manifest = JSON.parse(readFileSync(`${CLIENT}/.vite/manifest.json`, 'utf8'));

/** @param {string} file */
const gzKb = (file) => gzipSync(readFileSync(`${CLIENT}/${file}`), { level: 9 }).length / 1000;
const fmt = (/** @type {number} */ kb) => `${kb.toFixed(1).padStart(7)} kB`;

// The root route's nodes: the root layout (0) and the nodes the route dictionary names.
const app = readFileSync('.svelte-kit/generated/client-optimized/app.js', 'utf8');
const route = /"\/":\s*\[([^\]]*)\]/.exec(app)?.[1];
if (route === undefined) throw new Error('No "/" route in the generated app');
const [leaf = 0, ...layouts] = route
	.split(',')
	.map((n) => Number(n.trim()))
	.filter((n) => Number.isFinite(n))
	.map((n) => (n < 0 ? ~n : n));
const nodeKey = (/** @type {number} */ n) => `.svelte-kit/generated/client-optimized/nodes/${n}.js`;
const roots = [
	...Object.keys(manifest).filter(
		(k) => k.endsWith('runtime/client/entry.js') || k.endsWith('client-optimized/app.js')
	),
	...[0, ...layouts, leaf].map(nodeKey)
];

/** Every chunk reachable from `from` by static imports. */
function closure(/** @type {string[]} */ from) {
	const seen = new Set();
	const walk = (/** @type {string} */ key) => {
		if (seen.has(key)) return;
		seen.add(key);
		for (const next of manifest[key]?.imports ?? []) walk(next);
	};
	from.forEach(walk);
	return seen;
}

const first = closure(roots);
// What the route imports dynamically, and what that imports in turn, minus the first screen.
const later = new Set();
const queue = [...first];
for (let i = 0; i < queue.length; i++) {
	const key = queue[i] ?? '';
	if (key.endsWith('client-optimized/app.js')) continue; // other routes' nodes, the error page
	for (const dyn of manifest[key]?.dynamicImports ?? []) {
		for (const k of closure([dyn])) {
			if (first.has(k) || later.has(k)) continue;
			later.add(k);
			queue.push(k);
		}
	}
}

/** @param {string} title @param {Iterable<string>} keys */
function table(title, keys) {
	const rows = [...keys]
		.map((k) => manifest[k])
		.filter((c) => c !== undefined && c.file.endsWith('.js'))
		.map((c) => ({ file: c.file, kb: gzKb(c.file) }))
		.sort((a, b) => b.kb - a.kb);
	const total = rows.reduce((n, r) => n + r.kb, 0);
	console.log(`\n${title}`);
	for (const r of rows) {
		const key = Object.keys(manifest).find((k) => manifest[k]?.file === r.file) ?? '';
		// Shared chunks have no source of their own (their key is `_<file>`).
		const what = key.startsWith('_') ? '(shared)' : key.replace(/^.*node_modules\//, '');
		console.log(`${fmt(r.kb)}  ${r.file}  ${what}`);
	}
	console.log(`${fmt(total)}  total (${rows.length} chunks)`);
	return total;
}

const firstKb = table('First screen (entry, root route, their static imports), gzipped:', first);
table('Loaded after it, in parallel (dynamic imports of the route), gzipped:', later);

const url = process.argv.indexOf('--browser');
if (url !== -1) await browser(process.argv[url + 1] ?? 'http://localhost:4173/');

console.log(
	`\nFirst screen: ${firstKb.toFixed(1)} kB gzipped of JavaScript (budget ${BUDGET_KB} kB)` +
		(firstKb > BUDGET_KB ? ': OVER' : '')
);
if (firstKb > BUDGET_KB) process.exitCode = 1;

/**
 * Opens the page in Chromium (an empty profile: the first start) and sorts its script requests
 * by the first painting of the shell: the frame after the page's root element is in the DOM.
 */
async function browser(/** @type {string} */ href) {
	const { chromium } = await import('@playwright/test');
	const instance = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage']
	});
	try {
		const page = await instance.newPage({ viewport: { width: 1366, height: 768 } });
		await page.addInitScript(() => {
			const seen = new MutationObserver(() => {
				if (!document.querySelector('.app')) return;
				seen.disconnect();
				// The frame that paints it: its callbacks run just before that painting.
				requestAnimationFrame(() =>
					document.documentElement.setAttribute('data-shell', String(performance.now()))
				);
			});
			seen.observe(document, { childList: true, subtree: true });
		});
		await page.goto(href);
		// The table has rows (it is there, hidden behind the network's tab), then the views drew.
		await page.locator('tr[data-event-id]').first().waitFor({ state: 'attached' });
		const tableAt = await page.evaluate(() => performance.now());
		await page.locator('[data-testid="timeline"] .vis-item').first().waitFor({ state: 'attached' });
		await page
			.locator('[data-testid="network"] [data-actor-id]')
			.first()
			.waitFor({ state: 'attached' });
		const viewsAt = await page.evaluate(() => performance.now());
		const timing = await page.evaluate(() => ({
			shell: Number(document.documentElement.getAttribute('data-shell')),
			scripts: performance
				.getEntriesByType('resource')
				.filter((e) => new URL(e.name).pathname.endsWith('.js'))
				.map((e) => ({ path: new URL(e.name).pathname, start: e.startTime }))
		}));
		const size = (/** @type {string} */ path) => {
			try {
				return gzKb(path.replace(/^\//, ''));
			} catch {
				return 0;
			}
		};
		const sum = (/** @type {{ path: string }[]} */ list) =>
			list.reduce((n, s) => n + size(s.path), 0);
		const before = timing.scripts.filter((s) => s.start <= timing.shell);
		const after = timing.scripts.filter((s) => s.start > timing.shell);
		const ms = (/** @type {number} */ t) => `${t.toFixed(0)} ms`;
		console.log(`\nIn Chromium (${href}), first start:`);
		console.log(
			`  shell painted ${ms(timing.shell)}, table rows ${ms(tableAt)}, views drawn ${ms(viewsAt)}`
		);
		console.log(
			`  requested before the shell painted: ${before.length} scripts, ${sum(before).toFixed(1)} kB gz`
		);
		for (const s of before) console.log(`    ${fmt(size(s.path))}  ${s.path}  at ${ms(s.start)}`);
		console.log(`  requested after it: ${after.length} scripts, ${sum(after).toFixed(1)} kB gz`);
		for (const s of after) console.log(`    ${fmt(size(s.path))}  ${s.path}  at ${ms(s.start)}`);
	} finally {
		await instance.close();
	}
}
