/**
 * The import pipeline, from bytes to a preview and from a preview to one transaction. It runs in
 * the import worker (see `import.worker.ts`), so a file of tens of megabytes is read, parsed,
 * validated, compared and written off the page; only the small preview summary crosses back.
 * Nothing here touches the DOM, so unit tests drive it directly against fake-indexeddb.
 */
import { fromStored, type Repository } from '../db/repository';
import type { Stage } from '../model/import';
import { MessageError, messageOfError, msg, type Message } from '../model/messages';
import type { Actor, NativeFile, Origin } from '../model/schema';
import type { Problem } from '../model/validate';
import { checkBackup, filesOf, isBackup } from './backup';
import { diffEvents, type ChangedEvent } from './diff';
import {
	convertImport,
	MAX_FILE_BYTES,
	tooLarge,
	type DetectedFormat,
	type RecordsInfo
} from './detect';
import { parseJsonText } from './json';
import { applyMatches, matchActors, type ActorMatch } from './match';
import type { FieldMapping } from './records';
import { slug, stableHash } from './result';

/** Where an import's bytes come from. */
export type ImportSource =
	| { kind: 'file'; file: Blob; name: string }
	| { kind: 'text'; text: string; name: string }
	| { kind: 'url'; url: string };

export interface ReadChoices {
	/** What TimelineJS and vis-timeline groups become. */
	group: 'tag' | 'actor';
	/** For a plain list of records. */
	mapping?: FieldMapping;
	/** Ids of imported actors whose proposed match the user refused. */
	refused?: string[];
}

export type { Stage };
export type Progress = (stage: Stage, done?: number, total?: number) => void;

/** Everything a preview shows about one input: small, whatever the size of the input. */
export interface PreviewSummary {
	name: string;
	origin: Origin;
	/** Set when nothing of the input can be imported, with why. */
	error?: Message;
	format?: DetectedFormat;
	records?: RecordsInfo;
	dataset?: { id: string; name: string; existing: boolean };
	/** For a backup: each dataset it brings, and whether it updates a stored one. */
	datasets?: { name: string; existing: boolean }[];
	/** Records in the input, valid or not. */
	total: number;
	/** Valid records, which the import would write. */
	valid: number;
	added: number;
	changed: ChangedEvent[];
	changedCount: number;
	identical: number;
	/** Stored events of the dataset that the new version lacks (they go). */
	removed: number;
	problems: Problem[];
	problemCount: number;
	newActors: string[];
	newActorCount: number;
	matches: (ActorMatch & { refused: boolean })[];
}

/** An input read and converted, kept where it was read until it is written or dropped. */
export interface Prepared {
	origin: Origin;
	name: string;
	json?: unknown;
	/** The records to write, with the accepted actor matches applied. */
	file?: NativeFile;
	/** A backup brings several datasets, each with its own origin. */
	files?: { file: NativeFile; origin: Origin }[];
	summary: PreviewSummary;
}

const SHOWN_PROBLEMS = 50;
const SHOWN_CHANGES = 10;
const SHOWN_ACTORS = 30;

/** The text of a stream, with progress by bytes; refuses more than MAX_FILE_BYTES. */
export async function readText(
	stream: ReadableStream<Uint8Array>,
	size: number | undefined,
	onProgress?: (done: number, total?: number) => void
): Promise<string> {
	if (size !== undefined && size > MAX_FILE_BYTES) throw new ImportError(tooLarge(size));
	const reader = stream.getReader();
	const decoder = new TextDecoder('utf-8');
	const parts: string[] = [];
	let read = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		read += value.byteLength;
		if (read > MAX_FILE_BYTES) {
			await reader.cancel();
			throw new ImportError(tooLarge(read));
		}
		parts.push(decoder.decode(value, { stream: true }));
		onProgress?.(read, size);
	}
	parts.push(decoder.decode());
	return parts.join('');
}

/** An error that says why an input cannot be imported, as a message for the user. */
export class ImportError extends MessageError {
	override name = 'ImportError';
}

/** "https://example.org/data/events.json" → "events" (the dataset's first name). */
export function nameOfUrl(url: string): string {
	const u = new URL(url);
	const last = u.pathname.split('/').filter(Boolean).pop() ?? '';
	return decodeURIComponent(last).replace(/\.json$/i, '') || u.hostname;
}

/** Checks an address a user typed or linked; the message says what is wrong. */
export function checkUrl(
	text: string,
	base?: string
): { ok: true; url: string } | { ok: false; error: Message } {
	const trimmed = text.trim();
	if (trimmed === '') return { ok: false, error: msg('download.noAddress') };
	let url: URL;
	try {
		url = new URL(trimmed, base);
	} catch {
		return { ok: false, error: msg('download.notAddress', { text: trimmed }) };
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		return { ok: false, error: msg('download.notHttp', { text: trimmed }) };
	}
	return { ok: true, url: url.href };
}

/** Downloads a URL's text, with a message for each way it can fail. */
export async function fetchText(
	url: string,
	onProgress?: (done: number, total?: number) => void,
	fetcher: typeof fetch = fetch
): Promise<string> {
	const host = new URL(url).host;
	let response: Response;
	try {
		response = await fetcher(url, { credentials: 'omit', redirect: 'follow' });
	} catch {
		throw new ImportError(msg('download.unreachable', { host }));
	}
	if (!response.ok) {
		const { status, statusText } = response;
		throw new ImportError(msg('download.status', { status, statusText, url }));
	}
	const length = Number(response.headers.get('content-length') ?? NaN);
	const size = Number.isFinite(length) ? length : undefined;
	const text = response.body
		? await readText(response.body, size, onProgress)
		: await response.text();
	const type = response.headers.get('content-type') ?? '';
	if (/html/i.test(type) || /^\s*</.test(text)) {
		throw new ImportError(msg('download.webPage', { url }));
	}
	return text;
}

/** The name and origin an input is imported under. */
export function originOf(source: ImportSource): {
	name: string;
	origin: Origin;
	datasetId: string;
} {
	switch (source.kind) {
		case 'file':
			return {
				name: source.name,
				origin: { kind: 'file', name: source.name },
				datasetId: `import-${slug(source.name.replace(/\.json$/i, ''))}`
			};
		case 'text':
			// The same text pasted again updates its dataset; other text makes another one.
			return {
				name: source.name,
				origin: { kind: 'paste' },
				datasetId: `import-pasted-${stableHash(source.text)}`
			};
		case 'url':
			return {
				name: nameOfUrl(source.url),
				origin: { kind: 'url', url: source.url },
				datasetId: `import-${slug(nameOfUrl(source.url))}-${stableHash(source.url)}`
			};
	}
}

/** Reads an input's bytes and parses them. A failure is a summary with its error. */
export async function readSource(source: ImportSource, progress: Progress): Promise<Prepared> {
	const { name, origin, datasetId } = originOf(source);
	try {
		let text: string;
		if (source.kind === 'text') text = source.text;
		else if (source.kind === 'file') {
			if (source.file.size > MAX_FILE_BYTES) throw new ImportError(tooLarge(source.file.size));
			text = await readText(source.file.stream(), source.file.size, (d, t) =>
				progress('reading', d, t)
			);
		} else text = await fetchText(source.url, (d, t) => progress('reading', d, t));
		progress('parsing');
		const parsed = parseJsonText(text);
		if (!parsed.ok) throw new ImportError(parsed.error);
		return {
			origin,
			name,
			json: parsed.value,
			summary: {
				...emptySummary(name, origin),
				dataset: { id: datasetId, name: name.replace(/\.json$/i, ''), existing: false }
			}
		};
	} catch (error) {
		return { origin, name, summary: { ...emptySummary(name, origin), error: messageOf(error) } };
	}
}

/**
 * Converts a parsed input with the user's choices and compares it with what is stored: the
 * preview. Can run again with other choices without reading the input again.
 */
export async function preparePreview(
	prepared: Prepared,
	choices: ReadChoices,
	repo: Repository,
	progress: Progress
): Promise<Prepared> {
	const { name, origin } = prepared;
	const base = emptySummary(name, origin);
	if (prepared.json === undefined) return prepared;
	if (isBackup(prepared.json)) return previewBackup(prepared, repo, progress);
	const id = prepared.summary.dataset?.id ?? `import-${slug(name)}`;
	const datasetName = prepared.summary.dataset?.name ?? name;
	const read = convertImport(prepared.json, {
		group: choices.group,
		datasetId: id,
		datasetName,
		...(choices.mapping ? { mapping: choices.mapping } : {}),
		onProgress: (d, t) => progress('validating', d, t)
	});
	if (!read.ok) {
		const { file: _f, ...rest } = prepared;
		return {
			...rest,
			summary: {
				...base,
				dataset: prepared.summary.dataset,
				error: read.error,
				...(read.format ? { format: read.format } : {}),
				...(read.records ? { records: read.records } : {})
			}
		};
	}
	progress('comparing');
	const result = read.result;
	const refused = new Set(choices.refused ?? []);
	const storedActors: Actor[] = await repo.actors();
	const matches = matchActors(result.file.actors, storedActors);
	const accepted = matches.filter((m) => !refused.has(m.imported.id));
	const matched = applyMatches(result.file, accepted);
	const storedIds = new Set(storedActors.map((a) => a.id as string));
	const newActors = matched.actors.filter((a) => !storedIds.has(a.id));
	const datasetId = matched.dataset.id;
	const stored = (await repo.events([datasetId])).map(fromStored);
	const before = (await repo.datasets()).find((d) => d.id === datasetId);
	const existing = before !== undefined;
	// A dataset the user renamed keeps its name when it is imported again.
	const file = before
		? { ...matched, dataset: { ...matched.dataset, name: before.name } }
		: matched;
	const diff = diffEvents(stored, file.events);
	return {
		...prepared,
		file,
		summary: {
			...base,
			format: result.format,
			...(read.records ? { records: read.records } : {}),
			dataset: { id: datasetId, name: file.dataset.name, existing },
			total: result.total,
			valid: file.events.length,
			added: diff.added.length,
			changed: diff.changed.slice(0, SHOWN_CHANGES),
			changedCount: diff.changed.length,
			identical: diff.identical,
			removed: diff.removed.length,
			problems: result.problems.slice(0, SHOWN_PROBLEMS),
			problemCount: result.problems.length,
			newActors: newActors.slice(0, SHOWN_ACTORS).map((a) => a.name),
			newActorCount: newActors.length,
			matches: matches.map((m) => ({ ...m, refused: refused.has(m.imported.id) }))
		}
	};
}

/**
 * A backup brought to Import: its datasets are added (or update the same datasets), the rest of
 * the store stays. Ids are kept as they are, so no actor matching.
 */
async function previewBackup(
	prepared: Prepared,
	repo: Repository,
	progress: Progress
): Promise<Prepared> {
	const base = emptySummary(prepared.name, prepared.origin);
	progress('validating');
	const read = checkBackup(prepared.json);
	if (!read.ok) {
		const { file: _f, files: _fs, ...rest } = prepared;
		return { ...rest, summary: { ...base, format: 'backup', error: read.error } };
	}
	progress('comparing');
	const files = filesOf(read.backup);
	const stored = new Map((await repo.datasets()).map((d) => [d.id as string, d]));
	const storedActors = new Set((await repo.actors()).map((a) => a.id as string));
	const summary: PreviewSummary = { ...base, format: 'backup', datasets: [] };
	const changed: ChangedEvent[] = [];
	for (const { file } of files) {
		const diff = diffEvents((await repo.events([file.dataset.id])).map(fromStored), file.events);
		summary.total += file.events.length;
		summary.valid += file.events.length;
		summary.added += diff.added.length;
		summary.identical += diff.identical;
		summary.removed += diff.removed.length;
		summary.changedCount += diff.changed.length;
		changed.push(...diff.changed);
		summary.datasets?.push({ name: file.dataset.name, existing: stored.has(file.dataset.id) });
	}
	const newActors = read.backup.actors.filter((a) => !storedActors.has(a.id));
	summary.changed = changed.slice(0, SHOWN_CHANGES);
	summary.newActors = newActors.slice(0, SHOWN_ACTORS).map((a) => a.name);
	summary.newActorCount = newActors.length;
	const { file: _f, ...rest } = prepared;
	return { ...rest, files, summary };
}

function emptySummary(name: string, origin: Origin): PreviewSummary {
	return {
		name,
		origin,
		total: 0,
		valid: 0,
		added: 0,
		changed: [],
		changedCount: 0,
		identical: 0,
		removed: 0,
		problems: [],
		problemCount: 0,
		newActors: [],
		newActorCount: 0,
		matches: []
	};
}

/** Writes every prepared input that has valid records, in one transaction. */
export async function commitPrepared(
	prepared: readonly Prepared[],
	repo: Repository,
	progress: Progress,
	signal?: AbortSignal
): Promise<{ events: number; datasets: number }> {
	const files = prepared.flatMap((p) =>
		p.files ? p.files : p.file && p.file.events.length ? [{ file: p.file, origin: p.origin }] : []
	);
	if (files.length === 0) throw new ImportError(msg('import.nothingValid'));
	progress(
		'writing',
		0,
		files.reduce((n, f) => n + f.file.events.length, 0)
	);
	const summaries = await repo.importDatasets(files, {
		...(signal ? { signal } : {}),
		onProgress: (d, t) => progress('writing', d, t)
	});
	return { events: summaries.reduce((n, s) => n + s.events, 0), datasets: summaries.length };
}

/** Why something failed, as a message the page puts into words (the worker has no words). */
export function messageOf(error: unknown): Message {
	return messageOfError(error);
}
