import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushSync } from 'svelte';
import { TramaDatabase } from '$lib/db/database';
import { Repository } from '$lib/db/repository';
import { edgeId } from '$lib/graph/graph';
import { AppState } from '$lib/state/app.svelte';
import { Dashboard } from '$lib/state/dashboard.svelte';
import { TimelineState } from '$lib/state/timeline.svelte';
import { ImportSession, type WorkerFactory } from '$lib/state/import.svelte';
import { meetings, nativeFile } from '../helpers';
import { actorId, ManualFrames, MemoryHistory } from './fixtures.svelte';

/** What the import worker was asked, without a worker. */
function fakeWorker() {
	const sent: unknown[] = [];
	const factory: WorkerFactory = () => ({
		postMessage: (message: unknown) => sent.push(message),
		terminate: () => {},
		onmessage: null
	});
	return { sent, factory };
}

let n = 0;
const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
	for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A dashboard over a fresh store holding the test meetings, opened at `url`, once it is ready. */
async function open(url = '/', loadDefault = () => Promise.resolve(nativeFile(meetings))) {
	const repo = new Repository(new TramaDatabase(`dashboard-${++n}`));
	const app = new AppState(repo, loadDefault);
	const history = new MemoryHistory(url);
	const worker = fakeWorker();
	const theme = { set: vi.fn() };
	const frames = new ManualFrames();
	let dash!: Dashboard;
	const stop = $effect.root(() => {
		dash = new Dashboard({
			app,
			history,
			theme,
			importer: new ImportSession(worker.factory),
			schedule: frames.schedule
		});
	});
	cleanups.push(stop, () => repo.db.delete());
	await app.start();
	await vi.waitFor(() => {
		flushSync();
		expect(app.ready || app.failed).toBe(true);
	});
	flushSync();
	return { app, dash, history, worker, theme, frames };
}

describe('AppState readiness', () => {
	it('is ready once the first start has written the data and the views can read it', async () => {
		const { app } = await open();
		expect(app.ready).toBe(true);
		expect(app.failed).toBe(false);
		expect(app.shownEvents?.map((e) => e.id)).toEqual([
			'xi-moscow-2013',
			'shoigu-pyongyang-2023',
			'letters-2023',
			'vostochny-2023'
		]);
		expect(app.actorName(actorId('kim-jong-un'))).toBe('Kim Jong Un');
		expect(app.actorName(actorId('nobody'))).toBe('nobody');
	});

	it('fails with the reason when the first start cannot write the data, and can try again', async () => {
		let attempts = 0;
		const { app } = await open('/', () =>
			++attempts === 1
				? Promise.reject(new Error('the default dataset could not be fetched: HTTP 404'))
				: Promise.resolve(nativeFile(meetings))
		);
		expect(app.failed).toBe(true);
		expect(app.ready).toBe(false);
		expect(app.failure).toBe('The default dataset could not be fetched: HTTP 404');
		expect(app.retryHelps).toBe(true);
		await app.start();
		await vi.waitFor(() => {
			flushSync();
			expect(app.ready).toBe(true);
		});
		expect(app.failure).toBeUndefined();
	});
});

describe('AppState and new heads', () => {
	it('hands the first heads over at once, and keys later ones in slices before the views see them', async () => {
		const seen: number[] = [];
		// eslint-disable-next-line @typescript-eslint/unbound-method -- called with its `this` below
		const original = TimelineState.prototype.prepareHeads;
		const prepare = vi.spyOn(TimelineState.prototype, 'prepareHeads').mockImplementation(function (
			this: TimelineState,
			heads,
			pause
		) {
			// What the views hold while new heads are prepared: the heads before.
			seen.push(this.events.length);
			return original.call(this, heads, pause);
		});
		const { app, dash } = await open();
		expect(prepare).not.toHaveBeenCalled();
		expect(app.shownEvents).toHaveLength(4);
		await app.repo.writeDataset(nativeFile(meetings.slice(0, 2), { id: 'more', name: 'More' }), {
			kind: 'paste'
		});
		await vi.waitFor(() => {
			flushSync();
			expect(app.shownEvents).toHaveLength(6);
		});
		expect(prepare).toHaveBeenCalledOnce();
		expect(prepare.mock.calls[0]?.[0]).toHaveLength(6);
		expect(seen).toEqual([4]);
		// Keyed and numbered before the views read them.
		expect(dash.timeline.events.every((e) => e.actorChunk !== undefined)).toBe(true);
		prepare.mockRestore();
	});
});

describe('AppState housekeeping', () => {
	it('empties the trash of datasets deleted over a week ago once the views have their first heads', async () => {
		const repo = new Repository(new TramaDatabase(`dashboard-${++n}`));
		cleanups.push(() => repo.db.delete());
		await repo.writeDataset(nativeFile(meetings), { kind: 'app' });
		await repo.writeDataset(nativeFile(meetings.slice(0, 1), { id: 'old', name: 'Old' }), {
			kind: 'app'
		});
		await repo.deleteDataset('old' as never, new Date(Date.now() - 8 * 86_400_000));
		const app = new AppState(repo, () => Promise.resolve(nativeFile(meetings)));
		// What the views had when the purge began (its transaction would hold up their first read).
		const seen: (number | undefined)[] = [];
		const purge = repo.purgeTrash.bind(repo);
		vi.spyOn(repo, 'purgeTrash').mockImplementation((...args) => {
			seen.push(app.heads.current?.length);
			return purge(...args);
		});
		const stop = $effect.root(() => {
			$effect(() => void app.heads.current);
		});
		cleanups.push(stop);
		await app.start();
		await vi.waitFor(async () => {
			flushSync();
			expect(await repo.db.datasets.get('old' as never)).toBeUndefined();
		});
		expect(seen).toEqual([4]);
		expect((await repo.datasets()).map((d) => d.id)).toEqual(['test']);
	});
});

describe('Dashboard', () => {
	it('opens the view the address names once the data is in', async () => {
		const { dash } = await open('/?event=letters-2023&actor=putin');
		expect(dash.timeline.selected?.event.title).toBe('Kim and Putin exchange letters');
		expect(dash.selectedActor?.name).toBe('Vladimir Putin');
	});

	it('Escape closes the event, then the link, then the actor, then does nothing', async () => {
		const { dash, history } = await open('/');
		dash.selectActor(actorId('putin'));
		dash.selectEdge(edgeId(actorId('putin'), actorId('kim-jong-un')));
		dash.selectEvent(dash.timeline.events[2]?.key);
		expect(history.entries).toHaveLength(3);

		expect(dash.escape()).toBe(true);
		expect(dash.timeline.selectedKey).toBeUndefined();
		expect(dash.network.edge?.weight).toBe(2);
		expect(dash.escape()).toBe(true);
		expect(dash.network.edge).toBeUndefined();
		expect(dash.selectedActor?.id).toBe('putin');
		expect(dash.escape()).toBe(true);
		expect(dash.selectedActor).toBeUndefined();
		expect(dash.escape()).toBe(false);
	});

	it('leaves Escape to a text field or a dialog that has the focus', async () => {
		const { dash } = await open('/?event=letters-2023');
		const key = (inField: boolean) => ({
			key: 'Escape',
			defaultPrevented: false,
			target: { closest: () => (inField ? {} : null) },
			preventDefault: vi.fn()
		});
		const inField = key(true);
		dash.onkeydown(inField as unknown as KeyboardEvent);
		expect(dash.timeline.selected).toBeDefined();
		expect(inField.preventDefault).not.toHaveBeenCalled();
		const onPage = key(false);
		dash.onkeydown(onPage as unknown as KeyboardEvent);
		expect(dash.timeline.selected).toBeUndefined();
		expect(onPage.preventDefault).toHaveBeenCalled();
	});

	it('an ?import= link opens the dialog, which asks before it reads the file, and leaves the address', async () => {
		const { dash, history, worker } = await open(
			'/?lanes=kind&import=https://example.org/events.json'
		);
		expect(dash.importing).toBe(true);
		expect(dash.importer.asking).toEqual({
			url: 'https://example.org/events.json',
			host: 'example.org'
		});
		expect(worker.sent).toEqual([]);
		dash.importer.confirmUrl(false);
		expect(worker.sent).toEqual([
			expect.objectContaining({
				type: 'read',
				source: { kind: 'url', url: 'https://example.org/events.json' }
			})
		]);
		expect(history.url).toBe('/?lanes=kind');
		expect(dash.timeline.grouping).toBe('kind');
	});

	it('a relative ?import= link is read from the app’s own address; a bad one is explained', async () => {
		// On the app's own site: read at once.
		const relative = await open('/?import=examples/a.json');
		expect(relative.dash.importer.asking).toBeUndefined();
		expect(relative.worker.sent).toEqual([
			expect.objectContaining({
				source: { kind: 'url', url: 'https://trama.test/examples/a.json' }
			})
		]);
		const bad = await open('/?import=ftp://example.org/a.json');
		expect(bad.dash.importing).toBe(false);
		expect(bad.worker.sent).toEqual([]);
		expect(bad.app.notice).toEqual({
			kind: 'error',
			text: 'Cannot download: “ftp://example.org/a.json” is not a web address: it must start with http:// or https://.'
		});
		expect(bad.history.url).toBe('/');
	});

	it('dropped files go to the importer; a drop without files only ends the drag', async () => {
		const { dash, worker } = await open('/');
		dash.dragging = true;
		dash.dropFiles([]);
		expect(dash.dragging).toBe(false);
		expect(dash.importing).toBe(false);
		dash.dropFiles([new File(['{}'], 'events.json')]);
		expect(dash.importing).toBe(true);
		expect(dash.importer.items.map((i) => i.label)).toEqual(['events.json']);
		expect(worker.sent).toHaveLength(1);
	});

	it('a lane label selects its actor, or opens up the shared lane', async () => {
		const { dash } = await open('/');
		dash.openLane({
			id: 'actor:putin',
			label: 'Vladimir Putin',
			count: 3,
			actorId: actorId('putin')
		});
		expect(dash.selectedActor?.name).toBe('Vladimir Putin');
		dash.openLane({ id: 'lane:others', label: 'Others (2)', count: 2, others: true });
		expect(dash.timeline.expandOthers).toBe(true);
	});

	it('a restored backup’s theme is applied', async () => {
		const { dash, theme } = await open('/');
		dash.restored({ 'trama.theme': 'dark' });
		expect(theme.set).toHaveBeenCalledWith('dark');
		dash.restored({ 'trama.theme': 'purple' });
		expect(theme.set).toHaveBeenCalledTimes(1);
	});

	it('the network builds no graph while nobody looks at it, and catches up when looked at', async () => {
		const { dash, frames } = await open('/');
		const september = { start: Date.UTC(2023, 8, 1), end: Date.UTC(2023, 9, 1) };
		const names = () => dash.network.graph.nodes.map((n) => n.id).sort();
		frames.run();
		const whole = names();
		expect(whole.length).toBeGreaterThan(2);

		// The table's tab: a zoom leaves the graph alone (no frame even asked for).
		dash.tab = 'table';
		flushSync();
		dash.timeline.setWindow(september, 'control');
		flushSync();
		expect(frames.waiting).toBe(0);
		expect(names()).toEqual(whole);

		// The network's tab again: the window's graph at once, without waiting for a frame.
		dash.tab = 'network';
		flushSync();
		expect(dash.network.window).toEqual(september);
		expect(names()).toEqual(['kim-jong-un', 'putin']);

		// A selected actor's panel counts from the graph: it follows the window from the table too.
		dash.tab = 'table';
		dash.selectActor(actorId('kim-jong-un'));
		flushSync();
		dash.timeline.setWindow({ start: Date.UTC(2013, 0, 1), end: Date.UTC(2014, 0, 1) }, 'control');
		flushSync();
		frames.run();
		expect(names()).toEqual(['putin', 'xi-jinping']);
	});
});
