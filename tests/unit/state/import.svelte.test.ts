import { afterEach, describe, expect, it } from 'vitest';
import type { FromWorker, ToWorker } from '$lib/import/protocol';
import { emptySummary, type PreviewSummary } from '$lib/io/pipeline';
import { msg } from '$lib/model/messages';
import { ImportSession, type WorkerFactory } from '$lib/state/import.svelte';
import { installMemoryStorage, removeMemoryStorage } from '../helpers';

/** Import workers that record what the page asks and answer as the test says. */
function fakeWorkers() {
	const workers: { sent: ToWorker[]; terminated: boolean; reply: (m: FromWorker) => void }[] = [];
	const factory: WorkerFactory = () => {
		const worker = {
			sent: [] as ToWorker[],
			terminated: false,
			onmessage: null as ((event: MessageEvent<FromWorker>) => void) | null,
			postMessage(message: ToWorker) {
				this.sent.push(message);
			},
			terminate() {
				this.terminated = true;
			},
			reply(message: FromWorker) {
				this.onmessage?.({ data: message } as MessageEvent<FromWorker>);
			}
		};
		workers.push(worker);
		return worker;
	};
	return { workers, factory };
}

function summary(name: string, valid: number, extra: Partial<PreviewSummary> = {}): PreviewSummary {
	const empty = emptySummary(name, { kind: 'file', name });
	return { ...empty, total: valid, valid, added: valid, ...extra };
}

const file = (name: string) => new File(['{}'], name);
const keyOf = (message: ToWorker | undefined) =>
	message && 'key' in message ? message.key : undefined;

describe('ImportSession', () => {
	it('reads each file in the worker, and counts what the previews say can be imported', () => {
		const { workers, factory } = fakeWorkers();
		const session = new ImportSession(factory);
		session.addFiles([file('a.json'), file('b.json')]);
		expect(workers).toHaveLength(1);
		const [a, b] = workers[0]!.sent;
		expect(a).toMatchObject({ type: 'read', source: { kind: 'file', name: 'a.json' } });
		expect(session.reading).toBe(true);
		expect(session.busy).toBe(true);

		workers[0]!.reply({ type: 'progress', key: keyOf(a), stage: 'parsing', done: 5, total: 10 });
		expect(session.progress).toEqual({ stage: 'parsing', done: 5, total: 10 });
		workers[0]!.reply({ type: 'preview', key: keyOf(a)!, summary: summary('a.json', 12) });
		workers[0]!.reply({
			type: 'preview',
			key: keyOf(b)!,
			summary: summary('b.json', 0, { error: msg('import.nothingValid') })
		});
		expect(session.reading).toBe(false);
		expect(session.progress).toBeUndefined();
		// A file that cannot be imported adds nothing to the count.
		expect(session.importable).toBe(12);
	});

	it('the same file again replaces its earlier reading', () => {
		const { workers, factory } = fakeWorkers();
		const session = new ImportSession(factory);
		session.addFiles([file('a.json')]);
		session.addFiles([file('a.json')]);
		expect(session.items.map((i) => i.label)).toEqual(['a.json']);
		expect(workers[0]!.sent.map((m) => m.type)).toEqual(['read', 'forget', 'read']);
	});

	it('commits the previewed inputs and says when the write failed or was cancelled', async () => {
		const { workers, factory } = fakeWorkers();
		const session = new ImportSession(factory);
		session.addFiles([file('a.json')]);
		const worker = workers[0]!;
		const key = keyOf(worker.sent[0])!;
		worker.reply({ type: 'preview', key, summary: summary('a.json', 3) });

		let done: [number, number] | undefined;
		const first = session.commit((events, datasets) => (done = [events, datasets]));
		expect(worker.sent.at(-1)).toEqual({ type: 'commit', keys: [key] });
		expect(session.committing).toBe(true);
		worker.reply({ type: 'commit-failed', error: msg('import.nothingValid'), cancelled: false });
		expect(await first).toBe(false);
		expect(session.commitError).toBe(
			'The import failed and nothing was written: there is nothing valid to import'
		);

		const second = session.commit(() => {});
		session.cancel();
		expect(worker.sent.at(-1)).toEqual({ type: 'cancel' });
		worker.reply({ type: 'commit-failed', error: msg('import.nothingValid'), cancelled: true });
		expect(await second).toBe(false);
		expect(session.commitError).toBe('Import cancelled: nothing was written.');

		const third = session.commit((events, datasets) => (done = [events, datasets]));
		worker.reply({ type: 'committed', events: 3, datasets: 1 });
		expect(await third).toBe(true);
		expect(done).toEqual([3, 1]);
		expect(session.commitError).toBeUndefined();
	});

	it('Stop while reading ends the worker; what was already previewed is read again by a new one', () => {
		const { workers, factory } = fakeWorkers();
		const session = new ImportSession(factory);
		session.addFiles([file('small.json'), file('huge.json')]);
		const [small] = workers[0]!.sent;
		workers[0]!.reply({ type: 'preview', key: keyOf(small)!, summary: summary('small.json', 2) });
		session.cancel();
		expect(workers[0]!.terminated).toBe(true);
		expect(session.items.map((i) => i.label)).toEqual(['small.json']);
		expect(workers).toHaveLength(2);
		expect(workers[1]!.sent).toHaveLength(1);
		expect(workers[1]!.sent[0]).toMatchObject({
			type: 'read',
			key: keyOf(small),
			source: { kind: 'file', name: 'small.json' }
		});
	});

	it('choosing what groups become reads every previewed input again with that choice', () => {
		const { workers, factory } = fakeWorkers();
		const session = new ImportSession(factory);
		session.addFiles([file('tl.json')]);
		const key = keyOf(workers[0]!.sent[0])!;
		workers[0]!.reply({ type: 'preview', key, summary: summary('tl.json', 4) });
		session.setGroup('actor');
		expect(workers[0]!.sent.at(-1)).toEqual({
			type: 'update',
			key,
			choices: { group: 'actor', refused: [], remembered: {} }
		});
		expect(session.reading).toBe(true);
	});
});

describe('downloads a link asks for', () => {
	afterEach(removeMemoryStorage);

	it('fetch nothing until the user says yes, and remember the host only when asked to', () => {
		const storage = installMemoryStorage();
		const { workers, factory } = fakeWorkers();
		const session = new ImportSession(factory);
		const url = 'https://data.example.org/events.json';
		session.requestUrl(url);
		expect(session.asking).toEqual({ url, host: 'data.example.org' });
		expect(workers).toHaveLength(0);
		session.declineUrl();
		expect(session.asking).toBeUndefined();
		expect(workers).toHaveLength(0);

		session.requestUrl(url);
		session.confirmUrl(false);
		expect(workers[0]!.sent).toMatchObject([{ type: 'read', source: { kind: 'url', url } }]);
		expect(storage.getItem('trama.approvedHosts')).toBeNull();
		session.requestUrl('https://data.example.org/other.json');
		expect(session.asking?.host).toBe('data.example.org');
		session.confirmUrl(true);
		expect(JSON.parse(storage.getItem('trama.approvedHosts')!)).toEqual(['data.example.org']);
		expect(workers[0]!.sent).toHaveLength(2);

		// Approved: the next address from that host is read at once; another host still waits.
		session.requestUrl('https://data.example.org/third.json');
		expect(session.asking).toBeUndefined();
		expect(workers[0]!.sent).toHaveLength(3);
		session.requestUrl('https://other.example.net/e.json');
		expect(session.asking?.host).toBe('other.example.net');
		expect(workers[0]!.sent).toHaveLength(3);
	});

	it('an address the user typed is read at once: the button named its host', () => {
		installMemoryStorage();
		const { workers, factory } = fakeWorkers();
		const session = new ImportSession(factory);
		session.requestUrl('https://data.example.org/events.json', true);
		expect(session.asking).toBeUndefined();
		expect(workers[0]!.sent).toHaveLength(1);
	});
});
