/**
 * The confidence filter: counts of the datasets shown, and the events it leaves out leave every
 * view (the timeline's events, hence the network, the table and "export what is shown").
 */
import { flushSync } from 'svelte';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { TramaDatabase } from '$lib/db/database';
import { Repository } from '$lib/db/repository';
import { fromTimelineJs } from '$lib/io/timelinejs';
import { AppState } from '$lib/state/app.svelte';
import { Dashboard } from '$lib/state/dashboard.svelte';
import type { ExportSession } from '$lib/state/export.svelte';
import type { TimelineState } from '$lib/state/timeline.svelte';
import { meetings, nativeFile } from '../helpers';
import { ManualFrames, MemoryHistory } from './fixtures.svelte';

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
let session: ExportSession;
let stop: () => void = () => {};

beforeEach(async () => {
	repo = new Repository(new TramaDatabase(`confidence-filter-${++n}`));
	app = new AppState(repo, () => Promise.resolve(meetingsFile));
	await repo.writeDataset(imported, { kind: 'file', name: 'tljs.json' });
	stop = $effect.root(() => {
		const dash = new Dashboard({
			app,
			history: new MemoryHistory(),
			theme: { set: () => {} },
			schedule: new ManualFrames().schedule
		});
		tl = dash.timeline;
		session = dash.exporter;
	});
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

it('counts the events of the datasets shown by confidence', () => {
	expect(app.confidenceCounts).toEqual({
		confirmed: 3,
		reported: 1,
		claimed: 0,
		denied: 0,
		unassessed: 2
	});
});

it('leaves out the confidences unticked, in every view, and brings them back', async () => {
	app.showConfidence('unassessed', false);
	flushSync();
	expect(app.hiddenConfidences).toEqual(['unassessed']);
	expect(app.shownEvents?.map((e) => e.datasetId)).toEqual([
		'meetings',
		'meetings',
		'meetings',
		'meetings'
	]);
	expect(tl.events.map((e) => e.event.confidence)).not.toContain('unassessed');
	expect(session.selection.map((e) => e.datasetId)).not.toContain('import-tljs');
	// The counts stay those of the datasets shown, so the filter still says what it hides.
	expect(app.confidenceCounts.unassessed).toBe(2);

	app.showConfidence('unassessed', true);
	app.showConfidence('confirmed', false);
	app.showConfidence('reported', false);
	flushSync();
	expect(app.shownEvents?.map((e) => e.title)).toEqual(['From TimelineJS', 'Also from it']);

	// A hidden dataset leaves the counts too.
	await app.setHidden(
		(await repo.datasets()).find((d) => d.id === 'import-tljs')!,
		true
	);
	await vi.waitFor(() => {
		flushSync();
		expect(app.confidenceCounts.unassessed).toBe(0);
	});
	expect(app.shownEvents).toEqual([]);
});
