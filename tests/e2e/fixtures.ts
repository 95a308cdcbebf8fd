/** Shared expectations about the shipped default dataset, read from the file itself. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { compareEvents } from '../../src/lib/model/events';
import { parseNativeFile } from '../../src/lib/model/validate';

const parsed = parseNativeFile(JSON.parse(readFileSync('static/data/default.json', 'utf8')));
if (!parsed.ok) throw new Error('static/data/default.json is invalid: run the unit tests');

export const defaultFile = parsed.value;

export const DEFAULT_EVENT_COUNT = defaultFile.events.length;

/** The default events' ids in chronological order (the model's order, unit-tested there). */
export const chronologicalIds = defaultFile.events.toSorted(compareEvents).map((e) => e.id);

/** "14 events" as the interface writes it. */
export const eventsLabel = (n: number) => `${n} ${n === 1 ? 'event' : 'events'}`;

/** Opens the app and shows the event table (it shares a tab with the network). */
/**
 * Makes the script file whose text contains `marker` fail to arrive (a dropped connection, a
 * deploy mid-session); every other file is served as it is. `page.unrouteAll` lifts it.
 */
export async function blockScript(page: Page, marker: string): Promise<void> {
	await page.route('**/*.js', async (route) => {
		const response = await route.fetch();
		const body = await response.text();
		if (body.includes(marker)) await route.abort('connectionreset');
		else await route.fulfill({ response, body });
	});
}

export async function openTable(page: Page, path = '/'): Promise<void> {
	await page.goto(path);
	await page.getByRole('tab', { name: 'Table' }).click();
}

/**
 * Waits until the table has drawn every row of a short list: it draws the rows in view first
 * and the rest while the page is idle, saying `aria-busy` until then.
 */
export async function wholeTable(page: Page): Promise<void> {
	await expect(page.getByTestId('event-table')).toHaveAttribute('aria-busy', 'false');
}

/** The network's nodes as drawn: centre and radius on screen, from each dot's box. */
export function networkNodes(
	page: Page
): Promise<{ id: string; x: number; y: number; r: number }[]> {
	return page
		.getByTestId('network')
		.locator('.node')
		.evaluateAll((els) =>
			els.map((el) => {
				const b = (el.querySelector('circle.dot') as SVGCircleElement).getBoundingClientRect();
				return {
					id: el.getAttribute('data-actor-id') ?? '',
					x: b.left + b.width / 2,
					y: b.top + b.height / 2,
					r: b.width / 2
				};
			})
		);
}

/**
 * Opens the app with the default dataset hidden and imports a generated file through the file
 * input; returns once the notice says its events are in and the window shows them all.
 */
export async function importGenerated(
	page: Page,
	file: { events: readonly unknown[] },
	name: string
): Promise<void> {
	const path = join(mkdtempSync(join(tmpdir(), 'trama-gen-')), `${name}.json`);
	writeFileSync(path, JSON.stringify(file));
	await page.goto('/');
	await page.getByRole('checkbox', { name: `Show “${defaultFile.dataset.name}”` }).uncheck();
	await page.getByTestId('import-open').click();
	const dialog = page.getByTestId('import-dialog');
	await dialog.getByTestId('import-file').setInputFiles(path);
	const n = file.events.length.toLocaleString('en');
	await expect(dialog.getByTestId('import-counts')).toContainText(`${n} new`);
	await dialog.getByTestId('import-commit').click();
	await expect(page.getByTestId('notice')).toContainText(`Imported ${n} events`);
	await page.getByRole('button', { name: 'Fit all' }).click();
}
