/**
 * The filter (search and facets): counts of the datasets shown, and the events it leaves out
 * leave every view (the timeline's events, hence the network, the table and "export what is
 * shown"). The search engine answers on the page here, as the worker does in the browser.
 */
import { flushSync } from 'svelte';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { headsOf, TramaDatabase } from '$lib/db/database';
import { Repository } from '$lib/db/repository';
import { fromTimelineJs } from '$lib/io/timelinejs';
import { SearchClient } from '$lib/search/search-client';
import { KEY_SEPARATOR } from '$lib/search/facets';
import type { FromSearchWorker } from '$lib/search/protocol';
import { AppState } from '$lib/state/app.svelte';
import type { Dashboard } from '$lib/state/dashboard.svelte';
import type { ExportSession } from '$lib/state/export.svelte';
import type { TimelineState } from '$lib/state/timeline.svelte';
import { meetings, nativeFile } from '../helpers';
import { testDashboard } from './fixtures.svelte';

const meetingsFile = nativeFile(meetings, { id: 'meetings', name: 'Meetings' });
const imported = fromTimelineJs(
	{
		events: [
			{ start_date: { year: 2023, month: 9, day: 1 }, text: { headline: 'From TimelineJS' } },
			{ start_date: { year: 2023, month: 9, day: 2 }, text: { headline: 'Also from it' } }
		]
	},
	{ group: 'tag', datasetId: 'import-tljs', datasetName: 'TimelineJS' }
).file;

let n = 0;
let repo: Repository;
let app: AppState;
let tl: TimelineState;
let board: Dashboard;
let session: ExportSession;
let stop: () => void = () => {};

beforeEach(async () => {
	repo = new Repository(new TramaDatabase(`confidence-filter-${++n}`));
	// The in-page engine (no worker in tests) answers, as the worker does in the browser.
	app = new AppState(repo, () => Promise.resolve(meetingsFile), {
		search: new SearchClient(repo, () => undefined)
	});
	await repo.writeDataset(imported, { kind: 'file', name: 'tljs.json' });
	const made = testDashboard(app);
	stop = made.stop;
	board = made.dash;
	tl = board.timeline;
	session = board.exporter;
	// The index reads the data once the timeline has painted (there is no timeline here).
	tl.painted = true;
	await app.start();
	await vi.waitFor(() => {
		flushSync();
		expect(app.ready).toBe(true);
		expect(app.shownEvents).toHaveLength(6);
	});
});

afterEach(async () => {
	stop();
	await repo.db.delete();
});

const confidenceCounts = () =>
	Object.fromEntries(app.filter.counts?.confidence.values.map((v) => [v.value, v.count]) ?? []);

/**
 * Waits for the answer to the question as it stands, from an index that holds the events shown
 * (a question asked before the index has read them is answered, then answered again).
 */
async function answered(): Promise<void> {
	await vi.waitFor(() => {
		flushSync();
		expect(app.filter.pending).toBe(false);
		expect(app.filter.answer?.total).toBe(app.visibleEvents?.length);
		// The facets' counts follow the answer.
		expect(app.filter.counting).toBe(false);
	});
}

it('counts the events of the datasets shown by confidence', async () => {
	await answered();
	expect(confidenceCounts()).toEqual({ confirmed: 3, reported: 1, unassessed: 2 });
	expect(app.filter.answer?.total).toBe(6);
	expect(app.filter.kept).toBeUndefined();
});

it('keeps the confidences chosen, in every view, and counts the others under the choice', async () => {
	app.filter.choose('confidence', 'unassessed', true);
	await answered();
	expect(app.shownEvents?.map((e) => e.datasetId)).toEqual(['import-tljs', 'import-tljs']);
	expect(tl.events.map((e) => e.event.confidence)).toEqual(['unassessed', 'unassessed']);
	expect(session.selection.map((e) => e.datasetId)).not.toContain('meetings');
	// The confidence facet still counts every confidence, so the reader sees what a choice adds.
	expect(confidenceCounts()).toEqual({ confirmed: 3, reported: 1, unassessed: 2 });
	expect(app.filter.counts?.dataset.values).toEqual([{ value: 'import-tljs', count: 2 }]);

	app.filter.choose('confidence', 'unassessed', false);
	app.filter.choose('confidence', 'reported', true);
	await answered();
	expect(app.shownEvents?.map((e) => e.title)).toEqual(['Kim and Putin exchange letters']);

	app.filter.clear();
	flushSync();
	expect(app.shownEvents).toHaveLength(6);
});

it('searches words in every view, follows a write, and forgets a hidden dataset', async () => {
	app.filter.text = 'putin';
	await answered();
	expect(app.shownEvents?.map((e) => e.id)).toEqual([
		'xi-moscow-2013',
		'letters-2023',
		'vostochny-2023'
	]);
	expect(app.filter.answer?.hits[0]?.title).toBe('Kim and Putin exchange letters');

	// A dataset written while the words are asked comes into the kept events without a question.
	await repo.writeDataset(
		nativeFile(
			[
				{
					...meetings[0]!,
					id: 'beijing-2024',
					title: 'Putin in Beijing',
					participants: [],
					relations: []
				}
			],
			{
				id: 'more',
				name: 'More'
			}
		),
		{ kind: 'file', name: 'more.json' }
	);
	await vi.waitFor(() => {
		flushSync();
		expect(app.shownEvents?.map((e) => e.id)).toContain('beijing-2024');
	});
	expect(app.filter.answer?.total).toBe(7);
	// The timeline takes the kept events of the new data (by their places among all of it).
	expect(tl.events.map((e) => e.event.id)).toEqual(app.shownEvents?.map((e) => e.id));

	app.filter.text = '';
	await app.setHidden(
		(await repo.datasets()).find((d) => d.id === 'import-tljs')!,
		true
	);
	await vi.waitFor(() => {
		flushSync();
		expect(app.filter.answer?.total).toBe(5);
	});
	expect(confidenceCounts()).toEqual({ confirmed: 4, reported: 1 });
});

it('fades what it leaves out instead, when asked: every view keeps every event, the timeline highlights those kept', async () => {
	app.filter.choose('confidence', 'unassessed', true);
	app.filter.mode = 'dim';
	await answered();
	expect(app.shownEvents).toHaveLength(6);
	expect(tl.events).toHaveLength(6);
	const lit = () => tl.events.filter((e) => tl.highlight?.lights(e)).map((e) => e.key);
	expect(lit().map((k) => k.split('\u001f')[0])).toEqual(['import-tljs', 'import-tljs']);
	// With an actor selected too, only its kept events stand out (none here: the kept have none).
	board.selectActor('putin' as never);
	flushSync();
	expect(tl.highlight).toBeDefined();
	expect(lit()).toHaveLength(0);
	board.selectActor(undefined);
	app.filter.mode = 'hide';
	flushSync();
	expect(app.shownEvents).toHaveLength(2);
	expect(tl.highlight).toBeUndefined();
});

it('finds the kept events by their places in the head blocks it read, and by their keys those of a block it has not', async () => {
	// A second page over the same store, whose index never answers: the answers are the test's.
	const silent = {
		postMessage: () => {},
		terminate: () => {},
		onmessage: null,
		onerror: null
	};
	const other = new AppState(repo, () => Promise.resolve(meetingsFile), {
		search: new SearchClient(repo, () => silent)
	});
	// The block's first stored head is as another program wrote it: set aside, never drawn, so
	// every later head is one place earlier among those drawn.
	const { cols: _cols, ...head } = (await repo.db.heads.get(['meetings' as never, 0]))!;
	const stored = headsOf({ ...head, cols: _cols }) as unknown as {
		id: string;
		participants?: unknown;
	}[];
	stored[0] = { ...stored[0]!, participants: 'Putin; Xi' };
	await repo.db.heads.put({ ...head, text: JSON.stringify(stored), rev: 'foreign' });
	const made = testDashboard(other);
	try {
		await other.start();
		await vi.waitFor(() => {
			flushSync();
			expect(other.shownEvents).toHaveLength(5);
		});
		const blocks = other.blockRefs;
		const meetingsBlock = blocks.find((b) => b.datasetId === 'meetings');
		expect(meetingsBlock?.rev).toBe('foreign');
		// What the first filter reads is built ahead, a slice of time at a time (as the dashboard
		// does while idle): with no time given, no block's places are built; given enough, all
		// are; the answers below are read through them.
		expect(other.preparePlaces(-1)).toBe(false);
		expect(other.preparePlaces(Infinity)).toBe(true);
		const position = (id: string) => stored.findIndex((h) => h.id === id);
		const answer = (keys: string[], at: { rev: string; ids: string[] }[]) => {
			other.filter.answered = other.filter.query;
			other.filter.answer = {
				active: true,
				keys: keys.join(KEY_SEPARATOR),
				blocks: at.map((b) => ({ rev: b.rev, at: Int32Array.from(b.ids.map(position)) })),
				matched: keys.length + at.reduce((n, b) => n + b.ids.length, 0),
				total: 6,
				hits: []
			};
			flushSync();
		};
		other.filter.text = 'anything';
		flushSync();

		// By their places (the keys of events no block names find nothing here). The head set
		// aside is not shown, whatever names it.
		const setAside = stored[0].id;
		const kept = stored.slice(1, 3).map((h) => h.id);
		answer(
			['meetings\u001fnobody', 'meetings\u001fnone', 'meetings\u001fnor this'],
			[{ rev: 'foreign', ids: [kept[1]!, setAside, kept[0]!] }]
		);
		expect(other.shownEvents?.map((e) => e.id)).toEqual(kept);
		expect(made.dash.timeline.events.map((e) => e.event.id)).toEqual(kept);

		// A writing of the block this page has not read: by the keys the index sent for it, once.
		answer([], [{ rev: 'a newer writing', ids: ['vostochny-2023'] }]);
		expect(other.shownEvents).toEqual([]);
		const keysByPosition = stored.map((h) => `meetings\u001f${h.id}`).join(KEY_SEPARATOR);
		(silent.onmessage as unknown as (e: { data: FromSearchWorker }) => void)({
			data: { type: 'keys', change: { added: [['a newer writing', keysByPosition]], dropped: [] } }
		});
		answer([], [{ rev: 'a newer writing', ids: ['vostochny-2023'] }]);
		expect(other.shownEvents?.map((e) => e.id)).toEqual(['vostochny-2023']);
		// And by their keys, the events no block names.
		answer(['meetings\u001fvostochny-2023', 'meetings\u001fnobody'], []);
		expect(other.shownEvents?.map((e) => e.id)).toEqual(['vostochny-2023']);
	} finally {
		made.stop();
	}
});
