/**
 * One import in progress, as the dialog shows it: the inputs read so far with their previews,
 * the user's choices, progress, and the commit. The work itself happens in the import worker;
 * this class only sends it requests and keeps what comes back.
 */
import type { FieldMapping, Mappable } from '../io/records';
import type { ImportSource, PreviewSummary, ReadChoices, Stage } from '../io/pipeline';
import type { LegacyEncoding } from '../io/read';
import type { WorkerPort } from '../import/in-thread';
import type { DateNumbers } from '../io/date-numbers';
import type { FromWorker, ToWorker } from '../import/protocol';
import { t } from '../i18n';
import { MAPPING_PREFIX } from './settings';
import { approvalHost, approveHost, isApproved } from './approved-hosts';

export interface ImportItem {
	key: string;
	/** What the list shows while the input is read. */
	label: string;
	summary?: PreviewSummary;
	mapping?: FieldMapping;
	refused: string[];
	/** Imported actors the user said are stored ones: imported id → stored id. */
	chosen?: Record<string, string>;
	/** The encoding the user chose for text that is not UTF-8. */
	encoding?: LegacyEncoding;
	/** What the user said the numbers in the date columns are. */
	dateNumbers?: DateNumbers;
}

export interface ImportProgress {
	stage: Stage;
	done?: number;
	total?: number;
}

/** How the page talks to the worker; tests can hand in another. */
export type WorkerFactory = () => WorkerPort;

const defaultFactory: WorkerFactory = () =>
	new Worker(new URL('../import/import.worker.ts', import.meta.url), {
		type: 'module',
		name: 'trama-import'
	});

let counter = 0;

export class ImportSession {
	items = $state<ImportItem[]>([]);
	group = $state<'tag' | 'actor'>('tag');
	progress = $state<ImportProgress | undefined>(undefined);
	committing = $state(false);
	/** An address a link asked to download, waiting for the user's yes (see `requestUrl`). */
	asking = $state<{ url: string; host: string } | undefined>(undefined);
	/** Set when the last commit failed or was cancelled; said in the dialog. */
	commitError = $state<string | undefined>(undefined);

	readonly reading: boolean = $derived(this.items.some((i) => !i.summary));
	/** Reading or writing: choices that would start new work wait. */
	readonly busy: boolean = $derived(this.reading || this.committing);
	readonly importable: number = $derived(
		this.items.reduce((n, i) => n + (i.summary && !i.summary.error ? i.summary.valid : 0), 0)
	);

	#factory: WorkerFactory;
	/** Kept outside the reactive items: Files and proxies do not mix, and proxies cannot be posted. */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- deliberately not reactive
	#sources = new Map<string, ImportSource>();
	#worker: ReturnType<WorkerFactory> | undefined;
	#commit:
		| {
				resolve: (ok: boolean) => void;
				onDone: (events: number, datasets: number) => void;
		  }
		| undefined;

	constructor(factory: WorkerFactory = defaultFactory) {
		this.#factory = factory;
	}

	#send(message: ToWorker): void {
		if (!this.#worker) {
			this.#worker = this.#factory();
			this.#worker.onmessage = (event: MessageEvent<FromWorker>) => this.#receive(event.data);
		}
		this.#worker.postMessage(message);
	}

	#choices(item: ImportItem): ReadChoices {
		return {
			group: this.group,
			...(item.mapping
				? { mapping: $state.snapshot(item.mapping) }
				: { remembered: rememberedMappings() }),
			refused: [...item.refused],
			...(item.chosen ? { chosen: { ...item.chosen } } : {}),
			...(item.encoding ? { encoding: item.encoding } : {}),
			...(item.dateNumbers ? { dateNumbers: item.dateNumbers } : {})
		};
	}

	#receive(message: FromWorker): void {
		switch (message.type) {
			case 'progress':
				this.progress = { stage: message.stage, done: message.done, total: message.total };
				return;
			case 'preview': {
				const item = this.items.find((i) => i.key === message.key);
				if (!item) return;
				item.summary = message.summary;
				if (!this.reading) this.progress = undefined;
				// A list of records: the mapping the worker used (the one the user chose before for
				// the same fields, if any, else its guess) is where the user's choices start.
				const records = message.summary.records;
				if (records && !item.mapping) item.mapping = records.mapping;
				return;
			}
			case 'committed':
				this.committing = false;
				this.progress = undefined;
				this.#commit?.onDone(message.events, message.datasets);
				this.#commit?.resolve(true);
				this.#commit = undefined;
				return;
			case 'commit-failed':
				this.committing = false;
				this.progress = undefined;
				this.commitError = message.cancelled
					? t.importer.cancelledWrite
					: t.importer.failed(message.error);
				this.#commit?.resolve(false);
				this.#commit = undefined;
				return;
		}
	}

	#add(source: ImportSource, label: string): void {
		const key = `i${++counter}`;
		// The same file or address again replaces its earlier reading.
		const same = this.items.filter(
			(i) => i.label === label && this.#sources.get(i.key)?.kind === source.kind
		);
		for (const old of same) this.#forget(old.key);
		this.#sources.set(key, source);
		this.items = [...this.items.filter((i) => !same.includes(i)), { key, label, refused: [] }];
		this.commitError = undefined;
		this.#send({
			type: 'read',
			key,
			source,
			choices: { group: this.group, remembered: rememberedMappings() }
		});
	}

	/**
	 * Reads an input again in another encoding: the user was told it is not UTF-8 and chose the
	 * encoding it looks like. Its earlier reading is replaced.
	 */
	readAs(item: ImportItem, encoding: LegacyEncoding): void {
		const source = this.#sources.get(item.key);
		if (!source) return;
		item.summary = undefined;
		item.encoding = encoding;
		this.commitError = undefined;
		this.#send({ type: 'read', key: item.key, source, choices: this.#choices(item) });
	}

	/** The user said what the numbers in a list of records' date columns are. */
	setDateNumbers(item: ImportItem, kind: DateNumbers): void {
		if (this.busy) return;
		item.dateNumbers = kind;
		this.#update(item);
	}

	addFiles(files: Iterable<File>): void {
		for (const file of files) this.#add({ kind: 'file', file, name: file.name }, file.name);
	}

	addText(text: string): void {
		this.#add(
			{ kind: 'text', text, name: t.importer.pastedDataset(Date.now()) },
			t.importer.pastedName
		);
	}

	/**
	 * An address to download, from a link or typed: downloaded at once when `trusted` (the user
	 * typed it and the button named its host, or it is on the app's own site) or when the user
	 * approved its host before; otherwise the dialog asks first (`asking`), naming the host, and
	 * nothing is fetched until the user says yes.
	 */
	requestUrl(url: string, trusted = false): void {
		if (trusted || isApproved(url)) {
			this.asking = undefined;
			this.addUrl(url);
		} else this.asking = { url, host: approvalHost(url) };
	}

	/** The user said yes to the address asked about; `remember`: never ask again for its host. */
	confirmUrl(remember: boolean): void {
		const asking = this.asking;
		if (!asking) return;
		this.asking = undefined;
		if (remember) approveHost(asking.host);
		this.addUrl(asking.url);
	}

	/** The user said no: nothing is fetched. */
	declineUrl(): void {
		this.asking = undefined;
	}

	addUrl(url: string): void {
		this.#add({ kind: 'url', url }, url);
	}

	#update(item: ImportItem): void {
		item.summary = undefined;
		this.#send({ type: 'update', key: item.key, choices: this.#choices(item) });
	}

	setGroup(group: 'tag' | 'actor'): void {
		this.group = group;
		for (const item of this.items) if (item.summary && !item.summary.error) this.#update(item);
	}

	setMapping(item: ImportItem, mapping: FieldMapping): void {
		item.mapping = mapping;
		if (item.summary?.records) rememberMapping(item.summary.records.key, mapping);
		this.#update(item);
	}

	/** Maps one target to a field of the records, or to none (an empty field). */
	mapField(item: ImportItem, target: Mappable, field: string): void {
		const next: FieldMapping = { ...item.mapping };
		if (field) next[target] = field;
		else delete next[target];
		this.setMapping(item, next);
	}

	/** The user says an imported actor is a stored one (one the names did not match). */
	chooseMatch(item: ImportItem, importedId: string, storedId: string): void {
		item.chosen = { ...item.chosen, [importedId]: storedId };
		item.refused = item.refused.filter((id) => id !== importedId);
		this.#update(item);
	}

	/**
	 * Refuses or accepts again a proposed match of an imported actor to a stored one; a match the
	 * user chose is simply dropped (the actor is new again).
	 */
	toggleMatch(item: ImportItem, importedId: string): void {
		if (item.chosen && importedId in item.chosen) {
			const { [importedId]: _dropped, ...rest } = item.chosen;
			item.chosen = rest;
			this.#update(item);
			return;
		}
		item.refused = item.refused.includes(importedId)
			? item.refused.filter((id) => id !== importedId)
			: [...item.refused, importedId];
		this.#update(item);
	}

	#forget(key: string): void {
		this.#sources.delete(key);
		this.#send({ type: 'forget', key });
	}

	remove(item: ImportItem): void {
		this.#forget(item.key);
		this.items = this.items.filter((i) => i !== item);
	}

	/** Writes every valid record of every input in one transaction. True when written. */
	commit(onDone: (events: number, datasets: number) => void): Promise<boolean> {
		this.committing = true;
		this.commitError = undefined;
		const keys = this.items.filter((i) => i.summary && !i.summary.error).map((i) => i.key);
		return new Promise((resolve) => {
			this.#commit = { resolve, onDone };
			this.#send({ type: 'commit', keys });
		});
	}

	/**
	 * Stops what is under way. A write is rolled back (nothing is written). Reading stops at once:
	 * the worker is ended and the inputs still being read are dropped; those already previewed
	 * are read again by a new worker.
	 */
	cancel(): void {
		if (this.committing) {
			this.#send({ type: 'cancel' });
			return;
		}
		if (!this.reading) return;
		this.#worker?.terminate();
		this.#worker = undefined;
		this.progress = undefined;
		for (const item of this.items) if (!item.summary) this.#sources.delete(item.key);
		this.items = this.items.filter((i) => i.summary);
		for (const item of this.items) {
			const source = this.#sources.get(item.key);
			if (source) this.#send({ type: 'read', key: item.key, source, choices: this.#choices(item) });
		}
	}

	/** Forgets everything read; the worker stays for the next import. */
	clear(): void {
		for (const item of this.items) this.#forget(item.key);
		this.items = [];
		this.progress = undefined;
		this.commitError = undefined;
		this.asking = undefined;
	}
}

/**
 * Every field mapping remembered on this browser, by the key of its fields, for the worker to
 * choose from (it checks the one it uses against the fields). Unreadable entries are skipped.
 */
function rememberedMappings(): Record<string, unknown> {
	const out = Object.create(null) as Record<string, unknown>;
	try {
		for (let i = 0; i < localStorage.length; i++) {
			const name = localStorage.key(i);
			if (!name?.startsWith(MAPPING_PREFIX)) continue;
			try {
				out[name.slice(MAPPING_PREFIX.length)] = JSON.parse(localStorage.getItem(name) ?? '');
			} catch {
				// Not JSON: as if nothing were remembered for those fields.
			}
		}
	} catch {
		// Storage refused: nothing is remembered.
	}
	return out;
}

function rememberMapping(key: string, mapping: FieldMapping): void {
	try {
		localStorage.setItem(MAPPING_PREFIX + key, JSON.stringify(mapping));
	} catch {
		// Storage full or refused: the mapping is simply not remembered.
	}
}
