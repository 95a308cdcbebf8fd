/**
 * 100,000 generated events imported through the file input: the table's count, the timeline's
 * lanes, the overview's histogram and, under a facet choice, the network agree with counts taken
 * from the generated data itself.
 * Slow by nature (the current app takes ~30 s to import 100k, ~1.5 min for the whole test on two
 * cores): it has a few minutes.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './test';
import { scaleData, startMsOf, writeScaleFile } from '../fixtures/generate';
import { compareDated, eventSpan, type Dated } from '../../src/lib/model/events';
import { defaultFile } from './fixtures';

const EVENTS = 100_000;

test('100,000 imported events: table count, lanes, histogram and a filtered network match the generated data', async ({
	page
}) => {
	test.setTimeout(6 * 60_000);
	const path = join(mkdtempSync(join(tmpdir(), 'trama-scale-')), 'scale-100k.json');
	await writeScaleFile(path, EVENTS);

	// Expected counts, from the generator's own events.
	const starts: number[] = [];
	const perActor = new Map<string, number>();
	const actorsOf: string[][] = [];
	// The actors and links (pairs of actors in one event) of the denied events.
	const deniedActors = new Set<string>();
	const deniedLinks = new Set<string>();
	let denied = 0;
	for (const e of scaleData(EVENTS).events()) {
		starts.push(startMsOf(e.start));
		if (e.confidence === 'denied') {
			denied++;
			const ids = [...new Set((e.participants ?? []).map((p) => p.actor))].sort();
			for (const [i, a] of ids.entries()) {
				deniedActors.add(a);
				for (const b of ids.slice(i + 1)) deniedLinks.add(`${a} ${b}`);
			}
		}
		const ids = [...new Set((e.participants ?? []).map((p) => p.actor))];
		actorsOf.push(ids);
		for (const id of ids) perActor.set(id, (perActor.get(id) ?? 0) + 1);
	}
	/** The last event in the table's order (the app's own: date, longest first, title, id). */
	const lastEvent = () => {
		let last: (Dated & { id: string; title: string }) | undefined;
		for (const e of scaleData(EVENTS).events()) {
			// The generator writes dates as the schema keeps them (ISO strings).
			const span = eventSpan(e as unknown as Parameters<typeof eventSpan>[0]);
			const here = { id: e.id, title: e.title, startMs: span.start, endMs: span.end };
			if (!last || compareDated(here, last) > 0) last = here;
		}
		return last!;
	};
	const names = new Map(scaleData(EVENTS).actors.map((a) => [a.id, a.name]));
	const ranked = [...perActor].sort(
		(a, b) => b[1] - a[1] || (names.get(a[0]) ?? '').localeCompare(names.get(b[0]) ?? '')
	);

	// Only the generated events: the default dataset goes first.
	await page.goto('/');
	await page.getByRole('button', { name: `Delete dataset “${defaultFile.dataset.name}”` }).click();
	await page.getByRole('button', { name: 'Delete dataset', exact: true }).click();
	await expect(page.getByTestId('empty-dashboard')).toBeVisible();

	await page.getByTestId('import-open').click();
	const dialog = page.getByTestId('import-dialog');
	await dialog.getByTestId('import-file').setInputFiles(path);
	await expect(dialog.getByTestId('import-counts')).toHaveText(
		'100,000 new · 0 changed · 0 identical (skipped) · 0 invalid',
		{ timeout: 3 * 60_000 }
	);
	await dialog.getByTestId('import-commit').click();
	await expect(page.getByTestId('notice')).toContainText('Imported 100,000 events', {
		timeout: 3 * 60_000
	});

	// The table counts every event once the window covers them all.
	await page.getByRole('button', { name: 'Fit all' }).click();
	await page.getByRole('tab', { name: 'Table' }).click();
	await expect(page.getByTestId('event-count')).toHaveText('100,000 events', {
		timeout: 3 * 60_000
	});

	// The table draws the rows on screen, not 100,000, and reaches the last event by scrolling.
	const table = page.getByTestId('event-table');
	const drawnRows = table.locator('tbody tr[data-event-id]');
	await expect(drawnRows.first()).toBeVisible();
	expect(await drawnRows.count()).toBeLessThan(80);
	await expect(table).toHaveAttribute('aria-rowcount', String(EVENTS + 1));
	const last = lastEvent();
	await table.evaluate((el) => {
		const wrap = el.parentElement!;
		wrap.scrollTop = wrap.scrollHeight;
	});
	// Rows measured on the way may change the height: the end is reached in a step or two.
	await expect(async () => {
		await table.evaluate((el) => {
			const wrap = el.parentElement!;
			wrap.scrollTop = wrap.scrollHeight;
		});
		await expect(table.locator(`tr[data-event-id="${last.id}"]`)).toBeInViewport({ timeout: 500 });
	}).toPass({ timeout: 10_000 });
	await expect(table.locator(`tr[data-event-id="${last.id}"] .event-title`)).toHaveText(last.title);
	await expect(table.locator(`tr[data-event-id="${last.id}"]`)).toHaveAttribute(
		'aria-rowindex',
		String(EVENTS + 1)
	);
	expect(await drawnRows.count()).toBeLessThan(80);

	// Lanes by actor: the busiest actors each have a lane with their event count; the others
	// share one lane counting the events any of them is in.
	const timeline = page.getByTestId('timeline');
	await expect(timeline.locator('.vis-labelset .t-lane').first()).toBeAttached({ timeout: 60_000 });
	const lanes = await timeline.locator('.vis-labelset .t-lane').evaluateAll((els) =>
		els.map((el) => ({
			actor: el.getAttribute('data-actor-id'),
			others: el.classList.contains('t-lane-others'),
			count: Number((el.querySelector('.t-lane-count')?.textContent ?? '').replace(/\D/g, ''))
		}))
	);
	const own = lanes.filter((l) => l.actor);
	expect(own.length).toBeGreaterThan(0);
	expect(own.map((l) => [l.actor, l.count])).toEqual(ranked.slice(0, own.length));
	const others = lanes.filter((l) => l.others);
	const laned = new Set(own.map((l) => l.actor));
	if (ranked.length > own.length) {
		expect(others).toHaveLength(1);
		expect(others[0]?.count).toBe(
			actorsOf.filter((ids) => ids.some((id) => !laned.has(id))).length
		);
	} else expect(others).toHaveLength(0);
	// Every generated event has an actor: no "No actor" lane.
	expect(lanes.length).toBe(own.length + others.length);

	// The overview's bars: each bar's count is the number of events starting in its bin (the
	// first and last bins take what starts before or after them: the domain has a margin).
	const bars = await page.getByTestId('overview').evaluate((el) =>
		[...el.querySelectorAll('.bars rect')].map((r) => ({
			start: Date.parse(r.getAttribute('data-start') ?? ''),
			end: Date.parse(r.getAttribute('data-end') ?? ''),
			count: Number(r.getAttribute('data-count'))
		}))
	);
	expect(bars.length).toBeGreaterThan(10);
	expect(bars.reduce((s, r) => s + r.count, 0)).toBe(EVENTS);
	const sorted = [...starts].sort((a, b) => a - b);
	const countIn = (lo: number, hi: number) => sorted.filter((s) => s >= lo && s < hi).length;
	const got = bars.map((r) => r.count);
	const expected = bars.map((r, k) =>
		countIn(k === 0 ? -Infinity : r.start, k === bars.length - 1 ? Infinity : r.end)
	);
	expect(got).toEqual(expected);

	// The filter: the denied events only. The network (built off the page from every event,
	// told which the filter keeps) counts exactly their actors and links.
	await page
		.getByTestId('facets')
		.getByRole('checkbox', { name: /^Denied/ })
		.check();
	await expect(page.getByTestId('event-count')).toHaveText(
		`${denied.toLocaleString('en')} of 100,000 events`,
		{ timeout: 60_000 }
	);
	await page.getByRole('tab', { name: 'Network' }).click();
	const fmt = (n: number) => n.toLocaleString('en');
	await expect(page.getByTestId('network-summary')).toHaveText(
		`The busiest 100 of ${fmt(deniedActors.size)} actors, 800 of ${fmt(deniedLinks.size)} links drawn`,
		{ timeout: 60_000 }
	);
});
