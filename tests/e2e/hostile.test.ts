/**
 * Files from strangers: a hostile payload in every text field, brought in through every way in
 * (file, drop, paste, address, link), then every view, panel, tooltip, export and picture opened.
 * Nothing executes, no element or attribute of a payload reaches the page, and no request leaves
 * for a host the user did not approve.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from './test';

/** Each payload, if it ever ran, would say where it came from. */
const payloads = (where: string) => ({
	img: `<img src=x onerror="window.__pwned='${where}'">`,
	script: `<script>window.__pwned='${where}'</script>`,
	svg: `"><svg onload="window.__pwned='${where}'">`,
	link: `<a href="javascript:window.__pwned='${where}'">click</a>`,
	frame: `<iframe src="javascript:window.__pwned='${where}'"></iframe>`
});

const HOST = 'hostile.example';

function nativeFile() {
	const p = payloads('native');
	return {
		format: 'trama',
		version: 1,
		dataset: { id: 'hostile-native', name: `Native ${p.img}` },
		actors: [
			{ id: 'h-a', name: `Actor ${p.svg}`, aliases: [p.script], kind: 'person' },
			// Shows as "Putin", reads "nituP" with an override in front.
			{ id: 'h-b', name: '\u202EnituP', kind: 'person' }
		],
		periods: [],
		events: [
			{
				id: 'h-1',
				title: `Summit ${p.script}`,
				summary: `${p.frame} ${p.img}`,
				start: '2023-09-13',
				place: { name: p.link },
				participants: [{ actor: 'h-a', role: p.img }, { actor: 'h-b' }],
				relations: [{ type: 'met', source: 'h-a', target: 'h-b', label: p.svg }],
				kind: 'summit',
				tags: [p.img],
				sources: [
					{
						url: `https://${HOST}/source`,
						title: p.img,
						publisher: p.script,
						quote: p.frame
					}
				],
				media: [{ url: `https://${HOST}/picture.png`, caption: p.img, credit: p.svg }],
				notes: p.script,
				confidence: 'reported'
			}
		]
	};
}

function timelineJs() {
	const p = payloads('timelinejs');
	return {
		title: { text: { headline: p.img, text: p.script } },
		events: [
			{
				start_date: { year: 2023, month: 9, day: 14 },
				text: { headline: `TJS ${p.img}`, text: `${p.script}${p.frame}` },
				group: p.svg,
				media: { url: `https://${HOST}/media.png`, caption: p.img, credit: p.link }
			}
		]
	};
}

function visTimeline() {
	const p = payloads('vis');
	return {
		items: [{ id: 'v1', content: `Vis ${p.img}`, start: '2023-09-15', group: 'g1', title: p.svg }],
		groups: [{ id: 'g1', content: `Group ${p.script}` }]
	};
}

function records() {
	const p = payloads('records');
	return [
		{ title: `Record ${p.img}`, date: '2023-09-16', place: p.svg, actors: p.script, url: p.link }
	];
}

/** Every way the page could have run or shown a payload. */
async function traces(page: Page) {
	return page.evaluate(() => {
		const attrs: string[] = [];
		for (const el of document.querySelectorAll('*'))
			for (const a of el.attributes)
				if (/^on/i.test(a.name) || /javascript:/i.test(a.value))
					attrs.push(`${el.tagName} ${a.name}`);
		return {
			pwned: (window as unknown as { __pwned?: string }).__pwned,
			attrs,
			frames: document.querySelectorAll('iframe, object, embed').length,
			scripts: [...document.scripts].filter((s) => s.textContent?.includes('__pwned')).length,
			// Payload markup would have made an <img src="x"> or an <svg> with an onload.
			imgs: [...document.images].filter((i) => i.getAttribute('src') === 'x').length
		};
	});
}

const clean = { pwned: undefined, attrs: [], frames: 0, scripts: 0, imgs: 0 };

test('hostile files through every way in: nothing runs, nothing of theirs is markup, nothing leaves unasked', async ({
	page,
	context
}) => {
	test.setTimeout(120_000);
	const requests: string[] = [];
	page.on('request', (r) => requests.push(r.url()));
	await context.route(`https://${HOST}/**`, (route) =>
		route.fulfill({
			status: 200,
			contentType: 'application/json',
			headers: { 'access-control-allow-origin': '*' },
			body: JSON.stringify(
				route.request().url().endsWith('/records.json') ? records() : timelineJs()
			)
		})
	);
	const dialog = page.getByTestId('import-dialog');
	const commit = async (n: number) => {
		await expect(dialog.getByTestId('import-commit')).toHaveText(
			`Import ${n} ${n === 1 ? 'event' : 'events'}`
		);
		await dialog.getByTestId('import-commit').click();
		await expect(page.getByTestId('notice')).toContainText('Imported');
	};

	// A file.
	await page.goto('/');
	await page.getByTestId('import-open').click();
	await dialog.getByTestId('import-file').setInputFiles({
		name: 'native.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify(nativeFile()))
	});
	await commit(1);

	// Pasted.
	await page.getByTestId('import-open').click();
	await dialog.getByTestId('import-paste').fill(JSON.stringify(timelineJs()));
	await dialog.getByRole('button', { name: 'Read the pasted JSON' }).click();
	await commit(1);

	// Dropped.
	const transfer = await page.evaluateHandle((body) => {
		const dt = new DataTransfer();
		dt.items.add(new File([body], 'vis.json', { type: 'application/json' }));
		return dt;
	}, JSON.stringify(visTimeline()));
	const target = page.getByTestId('network');
	await target.dispatchEvent('dragenter', { dataTransfer: transfer });
	await target.dispatchEvent('dragover', { dataTransfer: transfer });
	await target.dispatchEvent('drop', { dataTransfer: transfer });
	await commit(1);

	// An address the user typed (the button names the host).
	await page.getByTestId('import-open').click();
	await dialog.getByTestId('import-url').fill(`https://${HOST}/records.json`);
	await dialog.getByRole('button', { name: `Download from ${HOST}` }).click();
	await commit(1);

	// A link: asked about first.
	await page.goto(`/?import=https://${HOST}/linked.json`);
	await dialog.getByRole('button', { name: `Download from ${HOST}` }).click();
	await expect(dialog.getByTestId('import-counts')).toContainText('1 new');
	await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
	expect(await traces(page)).toEqual(clean);

	// Every view: the timeline and its tooltip, the table, the details, an actor, the network.
	await page.getByRole('button', { name: 'Fit all' }).click();
	await page.getByRole('tab', { name: 'Table' }).click();
	const row = page.getByTestId('event-table').locator('tbody tr[data-event-id="h-1"]');
	await expect(row).toContainText(payloads('native').script);
	await row.getByRole('button', { name: /^Summit/ }).click();
	const details = page.getByTestId('event-details');
	await expect(details.locator('h2')).toHaveText(`Summit ${payloads('native').script}`, {
		timeout: 15_000
	});
	// The overridden name is shown written out.
	await expect(details.getByTestId('hidden-characters')).toContainText('⟦U+202E⟧nituP');
	await details.getByRole('button', { name: 'Zoom to event' }).click();
	// One lane for every event: the hostile one is drawn on its own, not inside "Others".
	await page.locator('[data-grouping="none"]').click();
	const item = page.getByTestId('timeline').locator('[data-event-id="h-1"]').first();
	await item.hover();
	await expect(page.getByRole('tooltip')).toContainText('Summit <script>');
	await details.locator('.chip', { hasText: 'Actor' }).click();
	await expect(page.getByTestId('actor-panel')).toBeVisible();
	await page.getByRole('tab', { name: 'Network' }).click();
	await expect(page.getByTestId('network').locator('.node').first()).toBeVisible();

	expect(await traces(page)).toEqual(clean);

	// Exports and pictures: the files carry the text as text.
	await page.getByTestId('export-open').click();
	const exporter = page.getByTestId('export-dialog');
	const saved = async (click: () => Promise<void>) => {
		const [file] = await Promise.all([page.waitForEvent('download'), click()]);
		return readFileSync(await file.path(), 'utf8');
	};
	const svg = await saved(() => exporter.getByRole('button', { name: 'Timeline (SVG)' }).click());
	// Read as the SVG it is: only the picture's own elements, no handler, the payloads as text.
	const parsed = await page.evaluate((text) => {
		const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
		const all = [...doc.querySelectorAll('*')];
		return {
			elements: [...new Set(all.map((e) => e.localName))].sort(),
			handlers: all.flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name))).length,
			text: doc.documentElement.textContent ?? ''
		};
	}, svg);
	expect(parsed.elements).toEqual(['g', 'line', 'rect', 'svg', 'text', 'title']);
	expect(parsed.handlers).toBe(0);
	expect(parsed.text).toContain(`Native ${payloads('native').img}`);
	await saved(() => exporter.getByRole('button', { name: 'Network (PNG)' }).click());
	await exporter.getByLabel('TimelineJS3 JSON').check();
	const tjs = await saved(() => exporter.getByRole('button', { name: 'Download' }).click());
	// TimelineJS3 reads its strings as HTML: read the same way, they hold only the export's own
	// paragraphs and links to web addresses; every payload is text.
	const html = await page.evaluate((text) => {
		const file = JSON.parse(text) as { events: Record<string, unknown>[] };
		const strings: string[] = [];
		const walk = (v: unknown): void => {
			if (typeof v === 'string') strings.push(v);
			else if (v && typeof v === 'object') Object.values(v).forEach(walk);
		};
		walk(file.events);
		const elements = new Set<string>();
		const bad: string[] = [];
		for (const s of strings) {
			const doc = new DOMParser().parseFromString(`<body>${s}</body>`, 'text/html');
			for (const e of doc.body.querySelectorAll('*')) {
				elements.add(e.localName);
				for (const a of e.attributes)
					if (/^on/i.test(a.name) || (a.name === 'href' && !/^https?:/i.test(a.value)))
						bad.push(`${e.localName} ${a.name}`);
			}
		}
		return {
			elements: [...elements].sort(),
			bad,
			hostile: strings.some((s) => s.includes('__pwned'))
		};
	}, tjs);
	expect(html.elements.filter((e) => !['a', 'p'].includes(e))).toEqual([]);
	expect(html.bad).toEqual([]);
	expect(html.hostile).toBe(true);
	await exporter.getByRole('button', { name: 'Close', exact: true }).click();
	expect(await traces(page)).toEqual(clean);

	// No request left for a host nobody approved; the pictures in the events were never loaded.
	const foreign = requests
		.map((u) => new URL(u))
		.filter((u) => u.protocol.startsWith('http') && u.hostname !== 'localhost');
	expect(foreign.map((u) => u.host).every((h) => h === HOST)).toBe(true);
	expect(foreign.map((u) => u.pathname).sort()).toEqual(['/linked.json', '/records.json']);
});
