import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Papa from 'papaparse';
import { TramaDatabase } from '$lib/db/database';
import { Repository } from '$lib/db/repository';
import type { Backup } from '$lib/io/backup';
import { nativeFileSchema, type ActorId, type DatasetId, type NativeFile } from '$lib/model/schema';
import { AppState } from '$lib/state/app.svelte';
import { ExportSession } from '$lib/state/export.svelte';
import type { NetworkState } from '$lib/state/network.svelte';
import type { TimelineState } from '$lib/state/timeline.svelte';
import { eventInput, meetings, nativeFile } from '../helpers';
import { inThreadRestorer, testDashboard, utc } from './fixtures.svelte';

/** A file handed to the downloads. */
interface Saved {
	content: Blob | string;
	name: string;
	type: string;
}

const NOW = new Date('2026-11-22T10:00:00Z');

const meetingsFile = nativeFile(meetings, { id: 'meetings', name: 'Meetings' });
const briefingsFile: NativeFile = nativeFileSchema.parse({
	...nativeFile(
		[
			eventInput({
				id: 'briefing-2023',
				title: 'Briefing on the summit',
				start: '2023-09-20',
				participants: [{ actor: 'shoigu' }],
				sources: [{ url: 'https://example.org/briefing' }]
			})
		],
		{ id: 'briefings', name: 'Briefings' }
	),
	periods: [{ id: 'autumn', label: 'Autumn talks', start: '2023-09', end: '2023-11' }]
});

let n = 0;
let repo: Repository;
let app: AppState;
let tl: TimelineState;
let network: NetworkState;
let session: ExportSession;
let saved: Saved[];
let restored: Record<string, string>[];
let stop: () => void = () => {};

beforeEach(async () => {
	repo = new Repository(new TramaDatabase(`export-${++n}`));
	// The first start writes "Meetings" as the default dataset; "Briefings" was imported.
	app = new AppState(repo, () => Promise.resolve(meetingsFile));
	await repo.writeDataset(briefingsFile, { kind: 'paste' });
	// The views' states as the page wires them, through the dashboard.
	const made = testDashboard(app);
	stop = made.stop;
	tl = made.dash.timeline;
	network = made.dash.network;
	saved = [];
	restored = [];
	session = new ExportSession(app, tl, network, {
		save: (content, name, type) => saved.push({ content, name, type }),
		now: () => NOW,
		restorer: inThreadRestorer(repo),
		onrestored: (settings) => {
			restored.push(settings);
			return [];
		}
	});
	await app.start();
	await vi.waitFor(() => {
		flushSync();
		expect(app.ready).toBe(true);
		expect(app.datasets.current).toHaveLength(2);
	});
	expect(app.shownEvents).toHaveLength(5);
});

afterEach(async () => {
	stop();
	await repo.db.delete();
});

const ids = (events: readonly { id: string }[]) => events.map((e) => e.id);
const text = (file: Saved | undefined) => {
	if (typeof file?.content !== 'string') throw new Error('expected a text file');
	return file.content;
};
const csvRows = (file: Saved | undefined) => Papa.parse<string[]>(text(file)).data;

describe('what is shown', () => {
	it('holds the events of the window, from the datasets shown', async () => {
		tl.setWindow({ start: utc(2023, 9, 1), end: utc(2023, 10, 1) }, 'control');
		expect(ids(session.selection)).toEqual(['vostochny-2023', 'briefing-2023']);
		expect(session.scopeCount).toBe(2);

		await app.setHidden(
			app.datasets.current!.find((d) => d.id === 'briefings')!,
			true
		);
		await vi.waitFor(() => expect(ids(session.selection)).toEqual(['vostochny-2023']));
	});

	it('holds only the selected actor’s events when the timeline shows only those', () => {
		tl.setWindow({ start: utc(2023, 1, 1), end: utc(2024, 1, 1) }, 'control');
		expect(ids(session.selection)).toEqual([
			'shoigu-pyongyang-2023',
			'letters-2023',
			'vostochny-2023',
			'briefing-2023'
		]);
		network.selectActor('shoigu' as ActorId);
		tl.filterToHighlight = true;
		expect(ids(session.selection)).toEqual(['shoigu-pyongyang-2023', 'briefing-2023']);
	});

	it('captions pictures with the window, the datasets shown and the sources', async () => {
		tl.setWindow({ start: utc(2023, 9, 1), end: utc(2023, 10, 1) }, 'control');
		expect(session.windowLabel).toMatch(/^1\s?–\s?30 Sept 2023$/);
		// The sources are counted from the records (the heads carry none), then named.
		expect(session.caption).toBe(
			`${session.windowLabel} · Briefings, Meetings · counting sources… · Trama`
		);
		expect(await session.countSources()).toBe(2);
		expect(session.caption).toBe(
			`${session.windowLabel} · Briefings, Meetings · 2 sources · Trama`
		);
	});

	it('counts a dataset’s events, or every event', () => {
		session.scope = 'briefings';
		expect(session.scopeCount).toBe(1);
		session.scope = 'all';
		expect(session.scopeCount).toBe(5);
		expect(session.eventCount).toBe(5);
	});
});

describe('exporting data', () => {
	it('downloads what is shown as CSV, named after the window', async () => {
		tl.setWindow({ start: utc(2023, 9, 1), end: utc(2023, 10, 1) }, 'control');
		session.format = 'csv';
		expect(await session.exportData()).toBe(true);
		expect(saved.map((f) => [f.name, f.type])).toEqual([
			['trama-selection-1-30-sept-2023-2026-11-22.csv', 'text/csv']
		]);
		expect(csvRows(saved[0]).map((r) => r.slice(0, 3))).toEqual([
			['id', 'dataset', 'title'],
			['vostochny-2023', 'Meetings', 'Kim–Putin summit at Vostochny'],
			['briefing-2023', 'Briefings', 'Briefing on the summit']
		]);
		expect(app.notice).toEqual({
			kind: 'info',
			text: 'Downloaded trama-selection-1-30-sept-2023-2026-11-22.csv.'
		});
		expect(session.busy).toBe(false);
	});

	it('downloads one dataset as Trama JSON, with its periods', async () => {
		session.scope = 'briefings';
		await session.exportData();
		expect(saved.map((f) => [f.name, f.type])).toEqual([
			['trama-briefings-2026-11-22.json', 'application/json']
		]);
		const file = JSON.parse(text(saved[0])) as NativeFile;
		expect(file.dataset).toEqual({ id: 'briefings', name: 'Briefings' });
		expect(ids(file.events)).toEqual(['briefing-2023']);
		expect(file.actors.map((a) => a.id)).toEqual(['shoigu']);
		expect(file.periods).toEqual(briefingsFile.periods);
	});

	it('downloads a dataset for TimelineJS3 with its own extension', async () => {
		session.scope = 'meetings';
		session.format = 'timelinejs';
		await session.exportData();
		expect(saved.map((f) => [f.name, f.type])).toEqual([
			['trama-meetings-2026-11-22.timelinejs.json', 'application/json']
		]);
		const file = JSON.parse(text(saved[0])) as { events: { unique_id: string }[] };
		expect(file.events.map((e) => e.unique_id)).toEqual(ids(meetings));
	});

	it('downloads every dataset as one CSV', async () => {
		session.scope = 'all';
		session.format = 'csv';
		expect(session.backsUp).toBe(false);
		await session.exportData();
		expect(saved[0]?.name).toBe('trama-all-datasets-2026-11-22.csv');
		expect(csvRows(saved[0])).toHaveLength(6);
	});

	it('every dataset in Trama JSON is a backup file', async () => {
		session.scope = 'all';
		expect(session.backsUp).toBe(true);
		await session.exportData();
		expect(saved.map((f) => [f.name, f.type])).toEqual([
			['trama-backup-2026-11-22.json', 'application/json']
		]);
		const backup = JSON.parse(text(saved[0])) as Backup;
		expect(backup.format).toBe('trama-backup');
		expect(backup.createdAt).toBe(NOW.toISOString());
		expect(backup.datasets.map((d) => [d.id, d.events.length])).toEqual([
			['briefings', 1],
			['meetings', 4]
		]);
	});

	it('says in the dialog why an export failed, and downloads nothing', async () => {
		session.scope = 'meetings';
		await repo.deleteDataset('meetings' as DatasetId);
		await vi.waitFor(() => expect(session.datasets).toHaveLength(1));
		expect(await session.exportData()).toBe(false);
		expect(session.error).toBe('The export failed: that dataset is gone');
		expect(session.busy).toBe(false);
		expect(saved).toEqual([]);
		expect(app.notice).toBeUndefined();
	});

	it('a picture of the network needs the network drawn', async () => {
		expect(await session.picture('network', 'svg')).toBe(false);
		expect(session.error).toBe('The export failed: Show the Network tab to take its picture.');
		expect(saved).toEqual([]);
	});

	it('a new export clears the last error; closing forgets it', async () => {
		await session.picture('network', 'png');
		expect(session.error).toBeDefined();
		await session.backup();
		expect(session.error).toBeUndefined();
		await session.picture('network', 'png');
		session.reset();
		expect(session.error).toBeUndefined();
	});
});

describe('restoring a backup', () => {
	async function backupBlob(): Promise<Blob> {
		await session.backup();
		return new Blob([text(saved.at(-1))]);
	}

	it('refuses a file that is not a backup, saying why', async () => {
		await session.readRestoreFile(new Blob([JSON.stringify(meetingsFile)]));
		expect(session.pending).toBeUndefined();
		expect(session.restoreError).toBe(
			'Nothing was restored: this is a Trama dataset file, not a backup: import it with “Import…”'
		);
	});

	it('reads a backup as every import is read: the same size limit, the same messages', async () => {
		// Over the limit: refused before a byte is read.
		const huge = {
			size: 600 * 1024 * 1024,
			stream: () => new Blob(['{}']).stream()
		} as unknown as Blob;
		await session.readRestoreFile(huge);
		expect(session.pending).toBeUndefined();
		expect(session.restoreError).toBe(
			'Nothing was restored: the file is 600 MB; Trama reads files up to 500 MB'
		);
		// A picture renamed .json.
		await session.readRestoreFile(new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 13, 10])]));
		expect(session.restoreError).toMatch(/^Nothing was restored: /);
		expect(session.pending).toBeUndefined();
	});

	it('shows what the backup holds and what it replaces, then replaces it', async () => {
		const blob = await backupBlob();
		await repo.deleteDataset('briefings' as DatasetId);
		await vi.waitFor(() => expect(session.datasets).toHaveLength(1));

		await session.readRestoreFile(blob);
		expect(session.restorePreview).toEqual({
			createdAt: NOW.getTime(),
			incoming: { datasets: 2, events: 5, actors: 4 },
			current: { datasets: 1, events: 4, actors: 4 }
		});

		expect(await session.restore()).toBe(true);
		expect(app.notice).toEqual({
			kind: 'info',
			text: 'Restored 2 datasets with 5 events.',
			undo: true
		});
		expect(restored).toEqual([{}]);
		expect((await repo.datasets()).map((d) => d.id)).toEqual(['briefings', 'meetings']);
		// The notice's Undo takes the restore back.
		await app.undo();
		expect(app.notice).toEqual({ kind: 'info', text: 'Undid restoring the backup.' });
		expect((await repo.datasets()).map((d) => d.id)).toEqual(['meetings']);
	});

	it('keeps the backup waiting and says why when the restore fails', async () => {
		await session.readRestoreFile(await backupBlob());
		vi.spyOn(repo, 'restoreBackup').mockRejectedValue(new Error('the disk is full'));
		expect(await session.restore()).toBe(false);
		expect(session.restoreError).toBe('Nothing was restored: the disk is full');
		expect(session.pending).toBeDefined();
		expect(session.busy).toBe(false);
		expect(restored).toEqual([]);
	});

	it('says how far a restore is, and a stop leaves everything as it was', async () => {
		const blob = await backupBlob();
		await repo.deleteDataset('briefings' as DatasetId);
		await session.readRestoreFile(blob);
		expect(session.restoreProgress).toBeUndefined();

		// The write is stopped while the worker writes the first dataset.
		const seen: string[] = [];
		const write = repo.restoreBackup.bind(repo);
		const spy = vi.spyOn(repo, 'restoreBackup').mockImplementation((contents, now, options) =>
			write(contents, now, {
				...options,
				onProgress: (done, total) => {
					options?.onProgress?.(done, total);
					seen.push(`${done}/${total}`);
					session.stopRestore();
				}
			})
		);
		const restoring = session.restore();
		await vi.waitFor(() => expect(session.restoreProgress?.stage).toBe('write'));
		expect(await restoring).toBe(false);
		expect(seen[0]).toMatch(/\/5$/);
		expect(session.restoreError).toBe(
			'The restore was stopped before it finished. Nothing changed.'
		);
		expect(session.restoreProgress).toBeUndefined();
		expect((await repo.datasets()).map((d) => d.id)).toEqual(['meetings']);
		expect((await repo.contents()).datasets.map((d) => d.events.length)).toEqual([4]);
		expect(restored).toEqual([]);
		// The backup still waits: the user can try again.
		spy.mockRestore();
		expect(await session.restore()).toBe(true);
		expect((await repo.datasets()).map((d) => d.id)).toEqual(['briefings', 'meetings']);
	});

	it('a read can be stopped too', async () => {
		const blob = await backupBlob();
		let pulls = 0;
		const slow = {
			size: blob.size,
			stream: () =>
				new ReadableStream<Uint8Array>({
					pull: async (controller) => {
						if (pulls++ === 0) {
							controller.enqueue(new TextEncoder().encode('{"format":'));
							session.stopRestore();
							await new Promise((r) => setTimeout(r, 10));
						} else controller.close();
					}
				})
		} as unknown as Blob;
		await session.readRestoreFile(slow);
		expect(session.pending).toBeUndefined();
		expect(session.restoreError).toBe('Reading the backup was stopped. Nothing changed.');
	});

	it('the user can keep what they have', async () => {
		await session.readRestoreFile(await backupBlob());
		session.cancelRestore();
		expect(session.restorePreview).toBeUndefined();
		expect(await session.restore()).toBe(false);
	});
});
